"""Word transcript for NVivo, ATLAS.ti and MAXQDA.

Layout:
    Interview <id> · site <site> · <date>          (header; no "Word:" opening, so no
                                                     auto-coder mistakes it for a speaker)
    <Label>: [hh:mm:ss] <turn text>                 (one paragraph per turn)

Why the time mark sits after the label: NVivo's and ATLAS.ti's "auto code by speaker"
and MAXQDA's speaker auto-code all key on the paragraph *starting* with `Label:`, so a
leading stamp would break them; MAXQDA's timestamp import finds `[hh:mm:ss]` anywhere
in the text, and placed at the start of the speech it marks the turn's own start time
(a stamp at the paragraph end would read as the time of the following text).
"""
from __future__ import annotations

import io
from pathlib import Path

import docx

from deidflow import atomic
from exports.common import clean, clock, document_name, interview_folder, turns
from exports.registry import INTERVIEW, register


def header_line(transcript: dict) -> str:
    meta = transcript.get("metadata") or {}
    parts = [f"Interview {document_name(transcript)}"]
    if meta.get("site"):
        parts.append(f"site {clean(meta['site'])}")
    if meta.get("date"):
        parts.append(clean(meta["date"]))
    return " · ".join(parts)


@register("docx", INTERVIEW)
def write_docx(transcript: dict, out_dir: Path, timestamps: bool = True) -> list[Path]:
    doc = docx.Document()
    doc.core_properties.title = document_name(transcript)
    doc.core_properties.author = "deidflow"
    doc.core_properties.last_modified_by = "deidflow"
    doc.core_properties.comments = ""
    doc.add_heading(header_line(transcript), level=1)
    for t in turns(transcript):
        para = doc.add_paragraph()
        para.add_run(f"{t.label}:").bold = True
        para.add_run(f" [{clock(t.start)}] {t.text}" if timestamps else f" {t.text}")
    buf = io.BytesIO()
    doc.save(buf)
    path = interview_folder(transcript, out_dir) / f"{document_name(transcript)}.docx"
    return [atomic.write_bytes(path, buf.getvalue())]
