"""Per-interview exports read back with the same tools a QDA package would use."""
from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

import exports
from exports.common import turns

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
ALL = sorted(p.stem for p in FIXTURES.glob("*.json"))


def load(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    for name in ALL:
        exports.export_interview(load(name), root)
    return root


def test_every_interview_format_is_written(out):
    for name in ALL:
        files = sorted(p.name for p in (out / name).iterdir())
        assert files == sorted([f"{name}.docx", f"{name}_nvivo_rows.txt", f"{name}.txt",
                                f"{name}.srt", f"{name}.vtt"])


def test_turns_merge_consecutive_segments_of_one_speaker():
    got = turns(load("int_p07_a"))
    assert [t.label for t in got] == ["Interviewer", "Participant P07", "Interviewer", "Participant P07"]
    assert got[1].text.startswith("It was long, honestly. The caseworker")
    assert (got[1].start, got[1].end) == (4.9, 15.04)


@pytest.mark.parametrize("name", ALL)
def test_docx_header_then_one_speaker_paragraph_per_turn(out, name):
    transcript = load(name)
    paras = [p.text for p in docx.Document(str(out / name / f"{name}.docx")).paragraphs]
    header, body = paras[0], paras[1:]
    assert header.startswith(f"Interview {name}")
    assert ":" not in header  # nothing an auto-coder could take for a speaker or a time
    meta = transcript["metadata"]
    for key in ("site", "date"):
        if key in meta:
            assert str(meta[key]) in header
    expected = turns(transcript)
    assert len(body) == len(expected)
    for para, turn in zip(body, expected):
        m = re.fullmatch(r"(.+?): \[(\d\d):(\d\d):(\d\d)\] (.*)", para)
        assert m, para
        assert m.group(1) == turn.label and m.group(5) == turn.text
        h, mi, s = map(int, m.group(2, 3, 4))
        assert h * 3600 + mi * 60 + s == int(turn.start)


def test_docx_time_mark_is_the_turn_start(out):
    body = [p.text for p in docx.Document(str(out / "int_p07_a" / "int_p07_a.docx")).paragraphs][1:]
    assert body[1].startswith("Participant P07: [00:00:04] It was long")
    assert body[3].startswith("Participant P07: [00:00:18] We moved")


def test_docx_without_time_marks(tmp_path):
    exports.FORMATS["docx"].write(load("int_p07_b"), tmp_path, timestamps=False)
    body = [p.text for p in docx.Document(str(tmp_path / "int_p07_b" / "int_p07_b.docx")).paragraphs][1:]
    assert body[0] == "Interviewer: How are things six months on?"


TIMESPAN = re.compile(r"(\d\d):(\d\d):(\d\d\.\d) - (\d\d):(\d\d):(\d\d\.\d)")


def _seconds(h: str, m: str, s: str) -> float:
    return int(h) * 3600 + int(m) * 60 + float(s)


@pytest.mark.parametrize("name", ALL)
def test_nvivo_rows_unique_ordered_timespans(out, name):
    raw = (out / name / f"{name}_nvivo_rows.txt").read_bytes()
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == "Timespan\tSpeaker\tContent"
    rows = [line.split("\t") for line in lines[1:]]
    expected = turns(load(name))
    assert len(rows) == len(expected)
    starts = []
    for (span, speaker, content), turn in zip(rows, expected):
        m = TIMESPAN.fullmatch(span)
        assert m, span
        start, end = _seconds(*m.group(1, 2, 3)), _seconds(*m.group(4, 5, 6))
        assert end > start and abs(start - turn.start) <= 0.11
        starts.append(start)
        assert (speaker, content) == (turn.label, turn.text)
    assert starts == sorted(starts) and len({r[0] for r in rows}) == len(rows)


def test_nvivo_rows_close_turns_stay_unique(out):
    # int_p07_b has turns 0.04 s apart: rounding to tenths must not collide
    rows = (out / "int_p07_b" / "int_p07_b_nvivo_rows.txt").read_text().splitlines()[1:]
    spans = [r.split("\t")[0] for r in rows]
    assert spans[2] == "00:00:08.3 - 00:00:08.4"
    assert spans[3].startswith("00:00:08.4 - ")


@pytest.mark.parametrize("name", ALL)
def test_plain_text_name_colon_paragraphs(out, name):
    text = (out / name / f"{name}.txt").read_text(encoding="utf-8")
    paras = text.rstrip("\n").split("\n\n")
    assert paras == [f"{t.label}: {t.text}" for t in turns(load(name))]


SRT_BLOCK = re.compile(r"(\d+)\n(\d\d:\d\d:\d\d,\d{3}) --> (\d\d:\d\d:\d\d,\d{3})\n(.+)")


@pytest.mark.parametrize("name", ALL)
def test_srt_cues_carry_speaker(out, name):
    transcript = load(name)
    labels = {s["id"]: s["label"] for s in transcript["speakers"]}
    blocks = (out / name / f"{name}.srt").read_text().strip().split("\n\n")
    assert len(blocks) == len(transcript["segments"])
    for n, (block, seg) in enumerate(zip(blocks, transcript["segments"]), 1):
        m = SRT_BLOCK.fullmatch(block)
        assert m, block
        assert int(m.group(1)) == n and m.group(2) <= m.group(3)
        assert m.group(4) == f"{labels[seg['speaker']]}: {seg['text']}"


def test_vtt_voice_tags_and_escaping(out):
    text = (out / "int_interp" / "int_interp.vtt").read_text()
    assert text.startswith("WEBVTT\n\n")
    cues = text.split("\n\n")[1:]
    assert [c.splitlines()[1].split(">")[0] for c in cues] == [
        "<v Interviewer", "<v Interpreter", "<v Participant", "<v Interpreter"]
    assert cues[-1].splitlines()[1] == "<v Interpreter>In March &lt;2023&gt; &amp; alone --&gt; she says."
    for cue in cues:
        assert "-->" not in cue.splitlines()[1]


def test_vtt_label_with_apostrophe(out):
    text = (out / "fg_site_b" / "fg_site_b.vtt").read_text()
    assert "<v Caseworker's aide>Round 1: my view" in text
