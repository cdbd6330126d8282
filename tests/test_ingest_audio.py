import hashlib

import numpy as np
import pytest

from conftest import AUDIO
from ingest import audio, discover

FORMATS = ["interview.mp3", "interview.m4a", "interview.ogg", "interview.flac",
           "interview_stereo44k.flac", "interview.mp4", "interview.wma"]


@pytest.mark.parametrize("name", FORMATS)
def test_every_container_decodes_to_16k_mono(name):
    path = AUDIO / name
    before = path.read_bytes()
    source = audio.probe(path)
    samples = audio.decode(path)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) / 16000 - 21.3) < 0.5          # same speech in every container
    assert abs(source.duration_s - len(samples) / 16000) < 0.5
    assert source.sha256 == hashlib.sha256(before).hexdigest()
    assert 0.01 < float(np.abs(samples).max()) <= 1.0
    assert path.read_bytes() == before                       # originals untouched


def test_pipeline_holds_16_bit_samples_at_half_the_memory():
    pcm = audio.decode_pcm(AUDIO / "interview.m4a")
    samples = audio.decode(AUDIO / "interview.m4a")
    assert pcm.dtype == np.int16 and pcm.nbytes * 2 == samples.nbytes
    assert np.array_equal(audio.to_float(pcm), samples)
    assert audio.to_float(samples) is samples
    stereo = audio.decode_pcm(AUDIO / "interview_stereo44k.flac", stereo=True)
    assert stereo.dtype == np.int16 and stereo.shape[0] == 2


def test_stereo_decode_keeps_both_channels():
    stereo = audio.decode(AUDIO / "interview_stereo44k.flac", stereo=True)
    assert stereo.shape[0] == 2 and stereo.shape[1] == len(audio.decode(AUDIO / "interview_stereo44k.flac"))
    assert audio.inspect(AUDIO / "interview_stereo44k.flac")[1] == 2
    assert audio.inspect(AUDIO / "interview.mp3")[1] == 1


@pytest.mark.parametrize("name,reason", [("not_audio.mp3", "no audio stream"), ("empty.wav", "no audio stream")])
def test_unreadable_files_raise_a_reason(name, reason):
    with pytest.raises(audio.UnreadableAudio, match=reason):
        audio.probe(AUDIO / name)


def test_awkward_names_are_read_as_files(tmp_path):
    for name in ["-leading dash.mp3", "with 'quotes' and spaces.mp3", "ünïcødé:colon.mp3"]:
        target = tmp_path / name
        target.write_bytes((AUDIO / "interview.mp3").read_bytes())
        assert audio.probe(target).duration_s > 20


def test_discovery_skips_partial_copies_and_refuses_escaping_links(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in ["a.mp3", "b.m4a.part", "c.crdownload", "~$notes.docx", ".hidden.wav", "d.vtt", "e.exe"]:
        (inbox / name).write_bytes(b"x")
    outside = tmp_path / "secret.wav"
    outside.write_bytes(b"x")
    (inbox / "link.wav").symlink_to(outside)
    accepted, rejected = discover.find_inputs(inbox)
    assert [p.name for p in accepted] == ["a.mp3", "d.vtt"]
    assert {r.path.name: r.reason for r in rejected} == {
        "e.exe": "unsupported file type .exe", "link.wav": "symlink points outside the input folder"}
