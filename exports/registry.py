"""The export format registry: each format module registers its one public function here."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

INTERVIEW = "interview"   # write(transcript: dict, folder: Path) -> list[Path]
STUDY = "study"           # write(transcripts: list[dict], out_dir: Path) -> list[Path]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    scope: str
    write: Callable


FORMATS: dict[str, ExportFormat] = {}


def register(name: str, scope: str) -> Callable[[Callable], Callable]:
    def decorate(write: Callable) -> Callable:
        if name in FORMATS:
            raise ValueError(f"export format registered twice: {name}")
        FORMATS[name] = ExportFormat(name, scope, write)
        return write
    return decorate


def select(formats: list[str] | None, scope: str) -> list[ExportFormat]:
    """The registered formats of one scope that `formats` names (None: all), in registry order."""
    if formats is None:
        wanted = set(FORMATS)
    else:
        wanted = {f.strip().lower() for f in formats}
        unknown = wanted - set(FORMATS)
        if unknown:
            raise ValueError(f"unknown export format(s): {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(FORMATS)}")
    return [f for f in FORMATS.values() if f.scope == scope and f.name in wanted]
