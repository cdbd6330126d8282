"""Dedoose descriptor sheet (`dedoose_descriptors.csv` / `.xlsx`).

One row per participant: the manifest's `participant_id` when the interview has one
(a participant interviewed twice gets one row); otherwise one row per speaker with the
participant role, named `<interview id> <label>` (focus groups without ids). Column
`Documents` links each row to the document names (`; ` separated) it belongs to; the
other columns are the metadata attributes (values that differ between a participant's
interviews are joined with `; `).
"""
from __future__ import annotations

from pathlib import Path

from exports.common import cues, document_name
from exports.registry import STUDY, register
from exports.tables import Cell, attribute_names, attributes, write_sheet

KEY = "participant_id"


def _participants(transcript: dict) -> list[str]:
    meta = attributes(transcript)
    if KEY in meta:
        return [str(meta[KEY])]
    labels = dict.fromkeys(c.label for c in cues(transcript) if c.role == "participant")
    return [f"{document_name(transcript)} {label}" for label in labels] or [document_name(transcript)]


def _merge(old: Cell | None, new: Cell) -> Cell:
    if old is None or old == new:
        return new
    seen = str(old).split("; ")
    return old if str(new) in seen else f"{old}; {new}"


@register("dedoose", STUDY)
def write_dedoose(transcripts: list[dict], out_dir: Path) -> list[Path]:
    names = [n for n in attribute_names(transcripts) if n != KEY]
    docs: dict[str, list[str]] = {}
    values: dict[str, dict[str, Cell]] = {}
    for t in transcripts:
        for who in _participants(t):
            docs.setdefault(who, []).append(document_name(t))
            row = values.setdefault(who, {})
            for name, value in attributes(t).items():
                row[name] = _merge(row.get(name), value)
    rows = [[who, "; ".join(dict.fromkeys(docs[who])), *(values[who].get(n) for n in names)]
            for who in docs]
    return write_sheet(out_dir, "dedoose_descriptors", "Descriptors",
                       ["Participant", "Documents", *names], rows)
