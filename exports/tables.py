"""Attribute columns and the CSV + XLSX sheet writer shared by the per-study sheets."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from deidflow import atomic
from exports.common import clean

Cell = str | int | float | bool


def attribute_names(transcripts: list[dict]) -> list[str]:
    """Every metadata key of the study, in first-seen order (one column / variable each)."""
    names: dict[str, None] = {}
    for t in transcripts:
        for key in t.get("metadata") or {}:
            names.setdefault(clean(key), None)
    return list(names)


def attributes(transcript: dict) -> dict[str, Cell]:
    """The transcript's metadata as sheet cells: scalars kept typed, lists joined, None dropped."""
    out: dict[str, Cell] = {}
    for key, value in (transcript.get("metadata") or {}).items():
        if value is None or value == "":
            continue
        if isinstance(value, (list, tuple)):
            value = "; ".join(clean(v) for v in value)
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        out[clean(key)] = value if isinstance(value, (bool, int, float)) else clean(value)
    return out


def _csv_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def write_sheet(out_dir: Path, stem: str, title: str, header: list[str],
                rows: list[list[Cell | None]]) -> list[Path]:
    """`<stem>.csv` (UTF-8, comma separated) and `<stem>.xlsx` with the same table."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_csv_text(c) for c in row] for row in rows)
    csv_path = atomic.write_text(Path(out_dir) / f"{stem}.csv", buf.getvalue())

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for r, row in enumerate([header, *rows], 1):
        for c, value in enumerate(row, 1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
    data = io.BytesIO()
    book.save(data)
    xlsx_path = atomic.write_bytes(Path(out_dir) / f"{stem}.xlsx", data.getvalue())
    return [csv_path, xlsx_path]
