"""ingest.transcripts.read on each format: speakers as written, times, order, text."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from ingest.transcripts import TRANSCRIPT_SUFFIXES, read

FIX = Path(__file__).parent / "fixtures" / "transcripts"


def test_vtt_voice_tags_and_colon_cues():
    segs = read(FIX / "zoom.vtt")
    assert [(s.speaker, s.text) for s in segs] == [
        ("Interviewer", "How long have you been in this role?"),
        ("Dagny Thorvaldsen", "About six years & counting."),
        ("Interviewer", "And before that?")]
    assert (segs[1].start, segs[1].end, segs[2].start) == (5.0, 9.25, 62.0)


def test_srt_multiline_cue():
    segs = read(FIX / "export.srt")
    assert segs[1].speaker == "Dagny Thorvaldsen" and segs[1].text == "In a small town, near the coast."
    assert (segs[0].start, segs[0].end) == (0.5, 2.0)


def test_plain_text_turns_keep_order_with_pseudo_times():
    segs = read(FIX / "notes.txt")
    assert [s.speaker for s in segs] == ["Interviewer", "Dagny Thorvaldsen", "Interviewer"]
    assert segs[1].text == "In a small town. We moved at 10:30 one night."   # an unnamed line continues the turn
    assert [s.start for s in segs] == sorted(s.start for s in segs) and segs[0].start < segs[2].start


def test_docx_paragraph_turns(tmp_path):
    doc = docx.Document()
    for line in ("Interviewer: What helped most?", "Dagny Thorvaldsen: My sister.", ""):
        doc.add_paragraph(line)
    path = tmp_path / "interview.docx"
    doc.save(str(path))
    assert [(s.speaker, s.text) for s in read(path)] == [("Interviewer", "What helped most?"),
                                                         ("Dagny Thorvaldsen", "My sister.")]


def test_suffixes_and_unknown_type(tmp_path):
    assert TRANSCRIPT_SUFFIXES == {".vtt", ".srt", ".txt", ".docx"}
    with pytest.raises(ValueError):
        read(tmp_path / "x.pdf")
