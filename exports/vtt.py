"""WebVTT: one cue per segment with a voice span `<v Label>` naming the speaker."""
from __future__ import annotations

from pathlib import Path

from deidflow import atomic
from exports.common import clock_millis, cues, document_name, interview_folder
from exports.registry import INTERVIEW, register


def _escape(text: str) -> str:
    # WebVTT cue text is markup: &, < and > must be escaped (which also defuses "-->").
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@register("vtt", INTERVIEW)
def write_vtt(transcript: dict, out_dir: Path) -> list[Path]:
    blocks = ["WEBVTT\n"]
    blocks += [f"{clock_millis(c.start, '.')} --> {clock_millis(c.end, '.')}\n"
               f"<v {_escape(c.label)}>{_escape(c.text)}\n" for c in cues(transcript)]
    path = interview_folder(transcript, out_dir) / f"{document_name(transcript)}.vtt"
    return [atomic.write_text(path, "\n".join(blocks))]
