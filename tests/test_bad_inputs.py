"""Bad input gets one line naming the problem; the original stays as it was."""
import os
import struct
import subprocess
import sys

import pytest

from conftest import AUDIO
from deidflow import pipeline


def _wav_with_unknown_codec(path):
    """A well-formed RIFF/WAVE header declaring a codec (format tag 0x7A7A) that no decoder knows."""
    data = os.urandom(3200)
    fmt = struct.pack("<HHIIHH", 0x7A7A, 1, 16000, 32000, 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)


@pytest.fixture
def cfg(tmp_path):
    return pipeline.RunConfig(output_dir=str(tmp_path / "out"), vault_dir=str(tmp_path / "vault"))


def test_unsupported_codec_is_reported_not_crashed_on(tmp_path, cfg):
    path = tmp_path / "odd codec.wav"
    _wav_with_unknown_codec(path)
    before = path.read_bytes()
    outcome = pipeline.process_file(path, cfg)
    assert outcome.status == "failed"
    assert outcome.reason and "\n" not in outcome.reason
    assert outcome.reason.startswith("cannot decode the audio (")    # ffmpeg's reason, not an exception type
    assert path.read_bytes() == before


def test_unreadable_file_is_reported(tmp_path, cfg):
    path = tmp_path / "locked.mp3"
    path.write_bytes((AUDIO / "interview.mp3").read_bytes())
    path.chmod(0)
    code = ("import sys; from pathlib import Path; from deidflow import pipeline; "
            "print(pipeline.process_file(Path(sys.argv[1]), pipeline.RunConfig(sys.argv[2], sys.argv[3])).reason)")
    # root reads anything; without the capabilities that override file modes it is refused like anyone
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
            "--inh-caps=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    result = subprocess.run([*drop, sys.executable, "-c", code, str(path), cfg.output_dir, cfg.vault_dir],
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "permission denied: the file cannot be read", result.stderr[-1500:]
    assert path.stat().st_mode & 0o777 == 0          # left exactly as it was


def test_symlink_out_of_the_input_folder_is_refused_but_one_inside_is_taken(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "real.mp3").write_bytes((AUDIO / "interview.mp3").read_bytes())
    (inbox / "alias.ogg").symlink_to(AUDIO / "interview.ogg")
    (inbox / "inside.flac").symlink_to(AUDIO / "interview.flac")
    (inbox / "sub").mkdir()
    (inbox / "sub" / "inner.flac").symlink_to(inbox / "real.mp3")
    paths, rejected = pipeline.batch_inputs(inbox)
    assert {r.path.name: r.reason for r in rejected} == {
        "alias.ogg": "symlink points outside the input folder",
        "inside.flac": "symlink points outside the input folder",
        "inner.flac": "same recording as real.mp3; processed once"}
    assert [p.name for p in paths] == ["real.mp3"]
