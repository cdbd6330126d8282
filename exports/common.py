"""Helpers shared by the format modules: turns, clean text, time formats, file names.

Only the keys of the output contract that a format needs are read here; `source`,
`engine` and `review` never reach an export.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# XML 1.0 (docx, qde) and openpyxl refuse C0 control characters; tabs and line breaks
# would break the one-turn-per-line formats (TSV rows, subtitle cues, "Name: text").
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def clean(text: object) -> str:
    return _SPACE.sub(" ", _CONTROL.sub("", str(text))).strip()


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    speaker: str      # speaker id
    label: str        # e.g. "Interviewer", "Participant P07"
    role: str         # "interviewer", "participant" or "unknown"
    text: str


def document_name(transcript: dict) -> str:
    """The name every per-interview document carries (file stem), hence also the case name."""
    name = str(transcript["interview_id"])
    if not name or name in {".", ".."} or "/" in name or "\\" in name or _CONTROL.search(name):
        raise ValueError("interview_id is not usable as a file name")
    return name


def interview_folder(transcript: dict, out_dir: Path) -> Path:
    return Path(out_dir) / document_name(transcript)


def cues(transcript: dict) -> list[Turn]:
    """Every non-empty segment in time order, with its speaker's label and role."""
    speakers = {s["id"]: s for s in transcript.get("speakers", [])}
    out = []
    for seg in sorted(transcript.get("segments", []), key=lambda s: float(s["start"])):
        text = clean(seg.get("text", ""))
        if not text:
            continue
        sid = seg.get("speaker")
        who = speakers.get(sid, {})
        label = clean(who.get("label") or (f"Speaker {sid}" if sid else "Unknown speaker"))
        start = float(seg["start"])
        out.append(Turn(start, max(start, float(seg["end"])), str(sid), label,
                        clean(who.get("role") or "unknown").lower(), text))
    return out


def turns(transcript: dict) -> list[Turn]:
    """Consecutive segments of one speaker merged into one turn (one paragraph / row / selection)."""
    merged: list[Turn] = []
    for cue in cues(transcript):
        last = merged[-1] if merged else None
        if last and last.speaker == cue.speaker:
            merged[-1] = Turn(last.start, max(last.end, cue.end), last.speaker, last.label,
                              last.role, f"{last.text} {cue.text}")
        else:
            merged.append(cue)
    return merged


def clock(seconds: float) -> str:
    """hh:mm:ss, truncated so a mark never points after the speech starts."""
    t = int(max(0.0, seconds))
    return f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"


def clock_tenths(seconds: float) -> str:
    """hh:mm:ss.s as NVivo's media transcript timespans use."""
    t = int(round(max(0.0, seconds) * 10))
    return f"{t // 36000:02d}:{t // 600 % 60:02d}:{t % 600 // 10:02d}.{t % 10}"


def clock_millis(seconds: float, sep: str) -> str:
    """hh:mm:ss<sep>mmm: sep "," for SRT, "." for WebVTT."""
    t = int(round(max(0.0, seconds) * 1000))
    return f"{t // 3_600_000:02d}:{t // 60_000 % 60:02d}:{t // 1000 % 60:02d}{sep}{t % 1000:03d}"
