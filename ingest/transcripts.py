"""Read transcripts that arrive instead of audio: WebVTT, SRT, plain text, Word.

Each reader returns Segments whose `speaker` is the name as written in the file
(identified text: the pipeline maps names to ids, redaction pseudonymises labels).
Files without times get increasing pseudo-times so order survives sorting.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from deidflow.models import Segment

TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".txt", ".docx"}

# One second per untimed turn: keeps order and gives exports something monotonic.
PSEUDO_TURN_S = 1.0

_TIMING = re.compile(
    r"(?P<a>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?P<b>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]+>")
# "Name: text" turn; the name is short and starts the line (not "Note: at 10:30 ...").
_TURN = re.compile(r"^\s*(?P<name>[^:\n]{1,40}?)\s*:\s+(?P<text>\S.*)$")


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def _split_turn(line: str) -> tuple[str | None, str]:
    m = _TURN.match(line)
    if m and not re.search(r"\d:\d", m.group("name")) and len(m.group("name").split()) <= 4:
        return m.group("name").strip(), m.group("text").strip()
    return None, line.strip()


def _cue_text(lines: list[str]) -> tuple[str | None, str]:
    """Speaker and text of a cue: a <v Name> voice tag, else a leading 'Name:'."""
    raw = " ".join(line.strip() for line in lines if line.strip())
    voice = _VOICE.search(raw)
    text = html.unescape(_TAG.sub("", raw)).strip()
    if voice:
        return voice.group(1).strip(), text
    return _split_turn(text)


def _timed_cues(text: str) -> list[Segment]:
    """VTT and SRT share the shape: blocks with a 'start --> end' line, then text."""
    segments: list[Segment] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.split("\n")
        idx = next((i for i, line in enumerate(lines) if _TIMING.search(line)), None)
        if idx is None:
            continue  # header, NOTE, STYLE, REGION blocks
        m = _TIMING.search(lines[idx])
        speaker, body = _cue_text(lines[idx + 1:])
        if body:
            segments.append(Segment(_seconds(m["a"]), _seconds(m["b"]), body, speaker))
    return segments


def _untimed(turns: list[str]) -> list[Segment]:
    """'Name: text' turns; a line without a name continues the previous turn."""
    segments: list[Segment] = []
    for line in turns:
        if not line.strip():
            continue
        speaker, body = _split_turn(line)
        if speaker is None and segments:
            segments[-1].text += " " + body
            continue
        t = len(segments) * PSEUDO_TURN_S
        segments.append(Segment(t, t + PSEUDO_TURN_S, body, speaker))
    return segments


def _read_vtt(path: Path) -> list[Segment]:
    return _timed_cues(path.read_text(encoding="utf-8-sig"))


def _read_txt(path: Path) -> list[Segment]:
    return _untimed(path.read_text(encoding="utf-8-sig").splitlines())


def _read_docx(path: Path) -> list[Segment]:
    import docx  # python-docx; imported here so text-only installs stay light
    return _untimed([p.text for p in docx.Document(str(path)).paragraphs])


READERS: dict[str, Callable[[Path], list[Segment]]] = {
    ".vtt": _read_vtt,
    ".srt": _read_vtt,
    ".txt": _read_txt,
    ".docx": _read_docx,
}


def read(path: Path) -> list[Segment]:
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ValueError(f"not a transcript file type: {path.suffix or '(none)'}")
    return reader(path)
