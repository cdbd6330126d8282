"""Manifest file formats, by suffix: each reader yields (row number, {header: cell}) pairs."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable, Iterator

Records = Iterator[tuple[int, dict[str, Any]]]
READERS: dict[str, Callable[[Path], Records]] = {}


def reader(*suffixes: str):
    def register(fn: Callable[[Path], Records]) -> Callable[[Path], Records]:
        for suffix in suffixes:
            READERS[suffix] = fn
        return fn
    return register


def header_key(name: Any) -> str:
    """'Number of speakers ' -> 'number_of_speakers', so hand-made headers match."""
    return "_".join(str(name or "").strip().lower().split())


@reader(".csv")
def read_csv(path: Path) -> Records:
    with path.open(newline="", encoding="utf-8-sig") as fh:   # Excel writes a BOM
        rows = csv.reader(fh)
        header = [header_key(h) for h in next(rows, [])]
        for number, cells in enumerate(rows, start=2):
            yield number, dict(zip(header, cells))


@reader(".xlsx", ".xlsm")
def read_xlsx(path: Path) -> Records:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [header_key(h) for h in next(rows, ())]
        for number, cells in enumerate(rows, start=2):
            yield number, dict(zip(header, cells))
    finally:
        book.close()


def read(path: Path) -> Records:
    fn = READERS.get(path.suffix.lower())
    if fn is None:
        raise ValueError(f"{path.name}: unsupported manifest format (use {', '.join(sorted(READERS))})")
    return fn(path)
