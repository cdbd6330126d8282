"""Which files in a watched folder are work: ingest's own rules, so the watcher
never takes a file the pipeline would refuse or skip (temporary names such as
.part, .crdownload, .tmp, ~$x, dotfiles and sidecars are never work)."""
from __future__ import annotations

from pathlib import Path

from ingest import discover


def is_input(path: Path) -> bool:
    return not discover.is_temporary(path) and discover.kind(path) is not None


def scan(dirs: list[Path]) -> list[Path]:
    """Every input file already in the watched folders (hidden folders skipped)."""
    return [p for d in dirs for p in discover.find_inputs(Path(d))[0]]
