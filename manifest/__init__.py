"""Study manifest: which recording is which interview, with whose consent, and its attributes.

`load(path)` reads a CSV/XLSX manifest (one row per recording); `sidecar(recording)` reads
`<recording stem>.meta.yaml` beside a recording. Every row is checked on its own: a row with a
problem carries `error` (and the recording is reported failed); the other rows go on.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from manifest import columns, readers
from manifest.model import Manifest, ManifestRow

__all__ = ["Manifest", "ManifestRow", "load", "sidecar", "check_row"]


def check_row(cells: dict[str, Any], where: str, identifying: Iterable[str] = ()) -> ManifestRow:
    """One row's cells -> a ManifestRow; its `error` names every problem, prefixed with `where`."""
    row = ManifestRow(file="")
    listed = {readers.header_key(c) for c in identifying}
    problems = []
    texts = {readers.header_key(k): columns.cell_text(v) for k, v in cells.items() if k}
    for name in columns.COLUMNS:
        if columns.COLUMNS[name].required and not texts.get(name):
            problems.append(f"{name} is missing" if not name.startswith("consent_")
                            else f"{name} is missing (consent must be recorded as yes)")
    for name, text in texts.items():
        if not text:
            continue
        try:
            columns.column_for(name, listed).apply(row, text)
        except columns.Problem as problem:
            problems.append(str(problem))
    if problems:
        row.error = f"{where}: " + "; ".join(problems)
    return row


def load(path: str | Path, input_dir: str | Path | None = None, identifying: Iterable[str] = ()) -> Manifest:
    """Read and check a manifest. `input_dir`: where recordings live (files must exist there).
    `identifying`: extra column names whose values go to the vault only."""
    path = Path(path)
    result = Manifest(path)
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for number, cells in readers.read(path):
        if not any(columns.cell_text(v) for v in cells.values()):
            continue                                   # blank lines are not rows
        where = f"{path.name} row {number}"
        row = check_row(cells, where, identifying)
        row.line = number
        extra = []
        if row.file and input_dir is not None and not (Path(input_dir) / row.file).is_file():
            extra.append("file is not in the input folder")
        if row.file in seen_files:
            extra.append(f"duplicate file (also row {seen_files[row.file]})")
        if row.interview_id in seen_ids:
            extra.append(f"duplicate interview_id (also row {seen_ids[row.interview_id]})")
        seen_files.setdefault(row.file, number)
        if row.interview_id:
            seen_ids.setdefault(row.interview_id, number)
        if extra:
            row.error = (row.error + "; " if row.error else f"{where}: ") + "; ".join(extra)
        result.rows.append(row)
        if row.error:
            result.errors.append(row.error)
    return result


def sidecar_path(recording: Path) -> Path | None:
    for suffix in (".meta.yaml", ".meta.yml"):
        candidate = recording.with_name(recording.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def sidecar(recording: str | Path) -> ManifestRow | None:
    """The row from `x.meta.yaml` beside recording `x.m4a`, or None when there is none.
    The sidecar may list `identifying: [column, ...]` for its free keys."""
    recording = Path(recording)
    path = sidecar_path(recording)
    if path is None:
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return ManifestRow(file=recording.name, error=f"{path.name}: not valid YAML")
    if not isinstance(data, dict):
        return ManifestRow(file=recording.name, error=f"{path.name}: expected key: value lines")
    listed = data.pop("identifying", None) or []
    data.setdefault("file", recording.name)
    return check_row(data, path.name, listed)
