"""Coded-ready exports of de-identified transcripts for qualitative analysis software.

Only the de-identified `transcript.json` dicts reach this package: from each it reads
`interview_id`, `metadata`, `speakers` and `segments`; never `source`, `engine` or
`review`, and never the vault.

Per interview, in `out_dir/<interview_id>/` (format name in brackets):
    <id>.docx              [docx]   header + one `Label: [hh:mm:ss] text` paragraph per turn
    <id>_nvivo_rows.txt    [nvivo]  NVivo media transcript rows (Timespan/Speaker/Content, TSV)
    <id>.txt               [txt]    `Label: text` paragraphs
    <id>.srt               [srt]    subtitles, label leading each cue
    <id>.vtt               [vtt]    WebVTT with `<v Label>` voice spans
Per study, in `out_dir/`:
    nvivo_classification.csv/.xlsx  [classification]  case = interview id, one column per attribute
    dedoose_descriptors.csv/.xlsx   [dedoose]         one row per participant, `Documents` link column
    study.qdpx                      [qdpx]            REFI-QDA project, turns pre-coded by speaker role

A turn is a run of consecutive segments of one speaker. The document name of an
interview (file stem of <id>.docx/<id>.txt) is its interview id, which is also its case
name in the sheets and the .qdpx.

`FORMATS` maps each format name to its registered `ExportFormat(name, scope, write)`;
a new format is one module that decorates its function with `registry.register`.
"""
from __future__ import annotations

from pathlib import Path

from exports.registry import FORMATS, INTERVIEW, STUDY, ExportFormat, select
# Importing the format modules registers them, in this (output) order.
from exports import docx, nvivo, plaintext, srt, vtt, classification, dedoose, qdpx  # noqa: E402,F401

__all__ = ["FORMATS", "ExportFormat", "export_interview", "export_study"]


def export_interview(transcript: dict, out_dir: Path, formats: list[str] | None = None) -> list[Path]:
    """Write the per-interview formats named in `formats` (None: all); study formats are skipped."""
    return [path for fmt in select(formats, INTERVIEW) for path in fmt.write(transcript, Path(out_dir))]


def export_study(transcripts: list[dict], out_dir: Path, formats: list[str] | None = None) -> list[Path]:
    """Write the per-study formats named in `formats` (None: all) for these transcripts."""
    if not transcripts:
        return []
    ordered = sorted(transcripts, key=lambda t: str(t["interview_id"]))
    return [path for fmt in select(formats, STUDY) for path in fmt.write(ordered, Path(out_dir))]
