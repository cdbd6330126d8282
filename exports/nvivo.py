"""NVivo media-transcript rows (Import Transcript Rows): UTF-8, tab separated.

Header `Timespan<TAB>Speaker<TAB>Content`, one turn per row, timespans
`hh:mm:ss.s - hh:mm:ss.s`. NVivo rejects duplicate timespans, so a turn whose
start rounds onto the previous one is moved a tenth later.
"""
from __future__ import annotations

from pathlib import Path

from deidflow import atomic
from exports.common import clock_tenths, document_name, interview_folder, turns
from exports.registry import INTERVIEW, register


@register("nvivo", INTERVIEW)
def write_nvivo_rows(transcript: dict, out_dir: Path) -> list[Path]:
    rows = ["Timespan\tSpeaker\tContent"]
    previous = -1  # tenths of a second
    for t in turns(transcript):
        start = max(round(t.start * 10), previous + 1)
        end = max(round(t.end * 10), start + 1)
        previous = start
        rows.append(f"{clock_tenths(start / 10)} - {clock_tenths(end / 10)}\t{t.label}\t{t.text}")
    path = interview_folder(transcript, out_dir) / f"{document_name(transcript)}_nvivo_rows.txt"
    return [atomic.write_text(path, "\n".join(rows) + "\n")]
