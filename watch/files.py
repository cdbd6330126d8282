"""Which files in a watched folder are recordings or transcripts to take.

Copy tools, browsers and office suites write under temporary names and rename
when done; those names are never taken, whatever their extension.
"""
from __future__ import annotations

from pathlib import Path

# What ingest reads: audio/video containers and text transcripts. Sidecars
# (x.meta.yaml) and manifests belong to a recording, they are not one.
INPUT_SUFFIXES: set[str] = {
    ".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".mp4", ".webm", ".aac",
    ".wma", ".mkv", ".mov", ".amr",
    ".vtt", ".srt", ".txt", ".docx",
}

# Name endings of files still being written.
TEMP_SUFFIXES: set[str] = {".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp", "~"}
# Name beginnings of lock/temp files (Office owner files, dotfiles incl. rsync's .name.XXXX).
TEMP_PREFIXES: tuple[str, ...] = ("~$", ".", "~")


def is_input(path: Path) -> bool:
    name = path.name
    if name.startswith(TEMP_PREFIXES):
        return False
    lowered = name.lower()
    if any(lowered.endswith(s) for s in TEMP_SUFFIXES):
        return False
    return path.suffix.lower() in INPUT_SUFFIXES


def scan(dirs: list[Path]) -> list[Path]:
    """Every input file under the watched folders, skipping hidden folders."""
    found = []
    for root in dirs:
        for p in sorted(Path(root).rglob("*")):
            rel = p.relative_to(root)
            if any(part.startswith(".") for part in rel.parts[:-1]):
                continue
            if p.is_file() and is_input(p):
                found.append(p)
    return found
