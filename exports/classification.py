"""NVivo classification sheet (`nvivo_classification.csv` / `.xlsx`).

First column: the case name, which is the interview id, exactly the name the
per-interview documents carry (`<id>.docx`, `<id>.txt`), so NVivo matches the rows to
the cases made from those documents. Then one column per metadata attribute.
"""
from __future__ import annotations

from pathlib import Path

from exports.common import document_name
from exports.registry import STUDY, register
from exports.tables import attribute_names, attributes, write_sheet


@register("classification", STUDY)
def write_classification(transcripts: list[dict], out_dir: Path) -> list[Path]:
    names = attribute_names(transcripts)
    rows = []
    for t in transcripts:
        values = attributes(t)
        rows.append([document_name(t), *(values.get(n) for n in names)])
    return write_sheet(out_dir, "nvivo_classification", "Cases", ["Case", *names], rows)
