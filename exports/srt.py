"""SubRip subtitles: one cue per segment, the speaker label leading the cue text."""
from __future__ import annotations

from pathlib import Path

from deidflow import atomic
from exports.common import clock_millis, cues, document_name, interview_folder
from exports.registry import INTERVIEW, register


@register("srt", INTERVIEW)
def write_srt(transcript: dict, out_dir: Path) -> list[Path]:
    blocks = [f"{n}\n{clock_millis(c.start, ',')} --> {clock_millis(c.end, ',')}\n{c.label}: {c.text}\n"
              for n, c in enumerate(cues(transcript), 1)]
    path = interview_folder(transcript, out_dir) / f"{document_name(transcript)}.srt"
    return [atomic.write_text(path, "\n".join(blocks))]
