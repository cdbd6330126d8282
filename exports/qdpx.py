"""REFI-QDA project (`study.qdpx`): opens in NVivo, MAXQDA, ATLAS.ti, QualCoder.

The zip holds `project.qde` (valid against schema/Project.xsd, QDA-XML 1.0) and
`sources/<guid>.txt`, one UTF-8, LF-terminated text per interview with one
`Label: text` line per turn. Each turn is pre-coded: a PlainTextSelection spanning
exactly that line (code-point offsets, end exclusive, newline not included) with a
Coding to its speaker role's code (Interviewer, Participant, ...). Every interview is
also a Case of the same name holding the metadata as typed VariableValues and a
SourceRef to its text. GUIDs are uuid5 of project name + interview id (+ turn index),
and zip entries carry a fixed date, so a re-export of the same transcripts is byte-identical.
"""
from __future__ import annotations

import io
import math
import re
import uuid
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from lxml import etree

from deidflow import atomic
from exports.common import document_name, turns
from exports.registry import STUDY, register
from exports.tables import Cell, attribute_names, attributes

NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/deidflow/exports/qdpx")
_ROLE_ORDER = ["interviewer", "participant"]
_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_DEC = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(v: Cell) -> bool:
    if not (isinstance(v, str) and _DATE.fullmatch(v)):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_float(v: Cell) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return math.isfinite(v)
    return bool(_DEC.fullmatch(v))


# First match wins: the narrowest type every value of a variable satisfies.
_TYPES = [
    ("Boolean", lambda v: isinstance(v, bool)),
    ("Integer", lambda v: (isinstance(v, int) and not isinstance(v, bool))
     or (isinstance(v, str) and bool(_INT.fullmatch(v)))),
    ("Float", _is_float),
    ("Date", _is_date),
]


def variable_type(values: list[Cell]) -> str:
    for name, accepts in _TYPES:
        if values and all(accepts(v) for v in values):
            return name
    return "Text"


def _value_text(kind: str, v: Cell) -> str:
    if kind == "Boolean":
        return "true" if v else "false"
    if kind == "Float":
        return format(Decimal(str(v)), "f")   # xsd:decimal has no exponent form
    return str(v)


class _Ids:
    def __init__(self, project: str):
        self.project = project

    def __call__(self, *parts: object) -> str:
        return str(uuid.uuid5(_GUIDS, "|".join([self.project, *map(str, parts)])))


def _el(parent, tag: str, **attrs: str):
    return etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _variable_values(parent, values: dict[str, Cell], variables: dict[str, tuple[str, str]]) -> None:
    for name, value in values.items():
        guid, kind = variables[name]
        vv = _el(parent, "VariableValue")
        _el(vv, "VariableRef", targetGUID=guid)
        _el(vv, f"{kind}Value").text = _value_text(kind, value)


def _role_code_name(role: str) -> str:
    return "Unassigned" if role == "unknown" else role.capitalize()


def build(transcripts: list[dict], project: str) -> tuple[bytes, dict[str, str]]:
    """(project.qde bytes, {guid: source text}) for the transcripts."""
    ids = _Ids(project)
    user = ids("user")
    root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS}, name=project,
                         origin="deidflow", creatingUserGUID=user)
    _el(_el(root, "Users"), "User", guid=user, name="deidflow")

    all_turns = {document_name(t): turns(t) for t in transcripts}
    roles = sorted({tu.role for ts in all_turns.values() for tu in ts},
                   key=lambda r: (_ROLE_ORDER.index(r) if r in _ROLE_ORDER else len(_ROLE_ORDER), r))
    codes = {r: ids("code", r) for r in roles}
    if codes:
        codes_el = _el(_el(root, "CodeBook"), "Codes")
        for n, role in enumerate(roles):
            code = _el(codes_el, "Code", guid=codes[role], name=_role_code_name(role),
                       isCodable="true", color=_COLORS[n % len(_COLORS)])
            _el(code, "Description").text = f"Speaker turns with the {role} role"

    names = attribute_names(transcripts)
    values = {document_name(t): attributes(t) for t in transcripts}
    variables = {n: (ids("variable", n),
                     variable_type([v[n] for v in values.values() if n in v])) for n in names}
    if variables:
        vars_el = _el(root, "Variables")
        for name, (guid, kind) in variables.items():
            _el(vars_el, "Variable", guid=guid, name=name, typeOfVariable=kind)

    cases_el = _el(root, "Cases")
    sources_el = _el(root, "Sources")
    texts: dict[str, str] = {}
    for doc, doc_turns in all_turns.items():
        source = ids("source", doc)
        case = _el(cases_el, "Case", guid=ids("case", doc), name=doc)
        _variable_values(case, values[doc], variables)
        _el(case, "SourceRef", targetGUID=source)

        el = _el(sources_el, "TextSource", guid=source, name=doc,
                 plainTextPath=f"internal://{source}.txt", creatingUser=user)
        lines, offset = [], 0
        for n, tu in enumerate(doc_turns):
            line = f"{tu.label}: {tu.text}"
            sel = _el(el, "PlainTextSelection", guid=ids("selection", doc, n), name=tu.label,
                      startPosition=str(offset), endPosition=str(offset + len(line)),
                      creatingUser=user)
            coding = _el(sel, "Coding", guid=ids("coding", doc, n), creatingUser=user)
            _el(coding, "CodeRef", targetGUID=codes[tu.role])
            lines.append(line)
            offset += len(line) + 1  # the LF
        _variable_values(el, values[doc], variables)
        texts[source] = "".join(f"{line}\n" for line in lines)
    qde = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return qde, texts


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


@register("qdpx", STUDY)
def write_qdpx(transcripts: list[dict], out_dir: Path, project: str = "deidflow study") -> list[Path]:
    qde, texts = build(transcripts, project)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        _zip_entry(archive, "project.qde", qde)
        for guid, text in texts.items():
            _zip_entry(archive, f"sources/{guid}.txt", text.encode("utf-8"))
    return [atomic.write_bytes(Path(out_dir) / "study.qdpx", buf.getvalue())]
