"""Exports carry only what they should, and `formats` picks what is written."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

import exports

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
MARKER = "ZQXJ-not-for-export"
CANARY = "waiting times"   # in the fg_site_b segments: must reach every document


def planted() -> list[dict]:
    """The fixtures with a marker in every field that must never be exported."""
    out = []
    for path in sorted(FIXTURES.glob("*.json")):
        t = json.loads(path.read_text())
        t["source"]["file"] = f"/home/{MARKER}/recording.mp3"
        t["engine"] = {"name": MARKER, "model": MARKER, "versions": {MARKER: "1"}}
        t["review"] = [{"segment": 0, "start": 0, "end": 3, "entity_type": MARKER,
                        "score": 0.3, "recognizer": MARKER}]
        t["speakers"][0]["note"] = MARKER          # unknown speaker keys are not exported either
        out.append(t)
    return out


def contents(path: Path) -> str:
    """All text in a file, zip members (docx, xlsx, qdpx) unpacked."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return path.read_text(encoding="utf-8")


def test_marker_in_non_exported_fields_reaches_no_file(tmp_path):
    transcripts = planted()
    paths = [p for t in transcripts for p in exports.export_interview(t, tmp_path)]
    paths += exports.export_study(transcripts, tmp_path)
    assert len(paths) == 5 * len(transcripts) + 5
    for path in paths:
        assert MARKER not in contents(path), path.name
    # the check can fail: the transcript text does reach the focus group's documents
    focus = [p for p in paths if p.parent.name == "fg_site_b" or p.name == "study.qdpx"]
    assert len(focus) == 6 and all(CANARY in contents(p) for p in focus)


def test_marker_would_be_found_if_exported(tmp_path):
    t = planted()[0]
    t["segments"][0]["text"] = MARKER
    for path in exports.export_interview(t, tmp_path):
        assert MARKER in contents(path), path.name


def test_formats_select_what_is_written(tmp_path):
    t = planted()[0]
    assert [p.name for p in exports.export_interview(t, tmp_path, ["txt", "qdpx"])] == [
        f"{t['interview_id']}.txt"]
    assert [p.name for p in exports.export_study([t], tmp_path, ["txt", "qdpx"])] == ["study.qdpx"]
    assert exports.export_study([t], tmp_path, ["docx"]) == []
    assert exports.export_study([], tmp_path) == []


def test_unknown_format_is_refused_by_name(tmp_path):
    with pytest.raises(ValueError, match="unknown export format.*pdf"):
        exports.export_interview(planted()[0], tmp_path, ["docx", "pdf"])


def test_registry_lists_every_format():
    assert set(exports.FORMATS) == {"docx", "nvivo", "txt", "srt", "vtt",
                                    "classification", "dedoose", "qdpx"}
    assert {f.scope for f in exports.FORMATS.values()} == {"interview", "study"}


@pytest.mark.parametrize("bad", ["../escape", "a/b", ".."])
def test_interview_id_cannot_leave_the_output_folder(tmp_path, bad):
    t = planted()[0]
    t["interview_id"] = bad
    with pytest.raises(ValueError):
        exports.export_interview(t, tmp_path, ["txt"])
    assert not any(tmp_path.parent.glob("escape*"))


def test_sheet_cells_are_never_formulas(tmp_path):
    import openpyxl
    t = planted()[0]
    t["metadata"] = {"site": "=HYPERLINK(\"http://x\")"}
    for path in exports.export_study([t], tmp_path, ["classification", "dedoose"]):
        if path.suffix == ".xlsx":
            cells = [c for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
            site = next(c for c in cells if str(c.value).startswith("=HYPER"))
            assert site.data_type == "s"
