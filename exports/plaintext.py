"""Plain text: one `Name: text` paragraph per turn, blank line between, no header.

A header line would itself be auto-coded as a speaker by NVivo/MAXQDA, so there is none.
"""
from __future__ import annotations

from pathlib import Path

from deidflow import atomic
from exports.common import document_name, interview_folder, turns
from exports.registry import INTERVIEW, register


@register("txt", INTERVIEW)
def write_plaintext(transcript: dict, out_dir: Path) -> list[Path]:
    body = "\n\n".join(f"{t.label}: {t.text}" for t in turns(transcript))
    path = interview_folder(transcript, out_dir) / f"{document_name(transcript)}.txt"
    return [atomic.write_text(path, body + "\n")]
