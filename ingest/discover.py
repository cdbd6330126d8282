"""Which files in an input folder are work, and which are not (yet)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AUDIO_SUFFIXES = {".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".opus", ".oga", ".wma",
                  ".mp4", ".mov", ".webm", ".mkv", ".m4v", ".aiff", ".aif", ".amr", ".3gp"}
TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".txt", ".docx"}
# Partial downloads and editor lock files: never work, even when complete-looking.
TEMPORARY_SUFFIXES = {".part", ".crdownload", ".tmp", ".download", ".partial", ".swp"}
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


@dataclass(frozen=True)
class Rejected:
    path: Path
    reason: str


def is_temporary(path: Path) -> bool:
    name = path.name
    return (name.startswith((".", "~$")) or path.suffix.lower() in TEMPORARY_SUFFIXES
            or name.endswith(SIDECAR_SUFFIXES))


def kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        return "audio"
    if suffix in TRANSCRIPT_SUFFIXES:
        return "transcript"
    return None


def find_inputs(input_dir: Path) -> tuple[list[Path], list[Rejected]]:
    """Recordings and transcripts to process, plus files refused with a one-line reason."""
    input_dir = Path(input_dir)
    root = input_dir.resolve()
    accepted, rejected = [], []
    for path in sorted(input_dir.rglob("*")):
        if is_temporary(path) or any(part.startswith(".") for part in path.relative_to(input_dir).parts[:-1]):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            rejected.append(Rejected(path, "symlink points outside the input folder"))
            continue
        if not path.is_file():
            continue
        if kind(path) is None:
            if path.suffix.lower() not in {".md", ".csv", ".xlsx", ".yaml", ".yml", ".json"}:
                rejected.append(Rejected(path, f"unsupported file type {path.suffix or '(none)'}"))
            continue
        accepted.append(path)
    return accepted, rejected
