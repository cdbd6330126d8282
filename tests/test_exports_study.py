"""Per-study exports: classification and descriptor sheets, REFI-QDA project."""
from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

import exports
from exports.common import turns

FIXTURES = Path(__file__).parent / "fixtures" / "exports"
SCHEMA = Path(exports.__file__).parent / "schema" / "Project.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


def load_all() -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(FIXTURES.glob("*.json"))]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("study")
    for t in load_all():
        exports.export_interview(t, root)
    exports.export_study(load_all(), root)
    return root


def read_csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def read_xlsx(path: Path) -> list[list]:
    return [list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]


def test_study_files(out):
    assert {p.name for p in out.iterdir() if p.is_file()} == {
        "nvivo_classification.csv", "nvivo_classification.xlsx",
        "dedoose_descriptors.csv", "dedoose_descriptors.xlsx", "study.qdpx"}


def test_classification_case_names_match_documents(out):
    rows = read_csv(out / "nvivo_classification.csv")
    header, body = rows[0], rows[1:]
    assert header[0] == "Case"
    documents = {p.stem for p in out.glob("*/*.docx")}
    assert {r[0] for r in body} == documents == {p.stem for p in out.glob("*/*.txt")
                                                  if not p.stem.endswith("_nvivo_rows")}
    by_case = {r[0]: dict(zip(header, r)) for r in body}
    assert by_case["int_p07_a"]["site"] == "S03" and by_case["int_p07_a"]["age"] == "34"
    assert by_case["int_p07_a"]["date"] == "2024-05"
    assert set(by_case["int_interp"].values()) == {"int_interp", ""}  # empty metadata: name only
    assert len(header) == len(set(header))


def test_classification_xlsx_same_table_typed(out):
    csv_rows = read_csv(out / "nvivo_classification.csv")
    xlsx_rows = read_xlsx(out / "nvivo_classification.xlsx")
    assert xlsx_rows[0] == csv_rows[0]
    assert [["" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in r]
            for r in xlsx_rows[1:]] == csv_rows[1:]
    age = xlsx_rows[0].index("age")
    p07 = next(r for r in xlsx_rows if r[0] == "int_p07_a")
    assert p07[age] == 34 and p07[xlsx_rows[0].index("consented")] is True
    assert [r[0] for r in xlsx_rows[1:]] == [r[0] for r in csv_rows[1:]]


def test_dedoose_one_row_per_participant_linked_to_documents(out):
    rows = read_csv(out / "dedoose_descriptors.csv")
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Participant", "Documents"]
    by_who = {r[0]: dict(zip(header, r)) for r in body}
    assert len(by_who) == len(body)
    assert by_who["P07"]["Documents"] == "int_p07_a; int_p07_b"   # interviewed twice, one row
    assert by_who["P07"]["state"] == "Ohio"
    focus = [w for w in by_who if by_who[w]["Documents"] == "fg_site_b"]
    assert len(focus) == 5 and "fg_site_b Caseworker's aide" in focus
    documents = {p.stem for p in out.glob("*/*.docx")}
    for row in by_who.values():
        assert set(row["Documents"].split("; ")) <= documents
    assert read_xlsx(out / "dedoose_descriptors.xlsx")[0] == header


def qdpx(out: Path) -> tuple[zipfile.ZipFile, etree._Element]:
    archive = zipfile.ZipFile(out / "study.qdpx")
    return archive, etree.fromstring(archive.read("project.qde"))


def test_qde_is_valid_against_refi_qda_schema(out):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    _, root = qdpx(out)
    assert schema.validate(root), schema.error_log


def test_schema_copy_keeps_licence_header():
    head = SCHEMA.read_text()[:4000]
    assert "MIT license" in head and "Copyright 2019 REFI" in head


def test_sources_are_lowercase_internal_lf_text(out):
    archive, root = qdpx(out)
    names = set(archive.namelist())
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == len(load_all())
    assert names == {"project.qde"} | {f"sources/{s.get('guid')}.txt" for s in sources}
    for s in sources:
        assert s.get("plainTextPath") == f"internal://{s.get('guid')}.txt"
        assert b"\r" not in archive.read(f"sources/{s.get('guid')}.txt")


def test_every_turn_is_coded_with_exact_offsets(out):
    archive, root = qdpx(out)
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    assert {"Interviewer", "Participant", "Interpreter"} == set(codes.values())
    by_name = {t["interview_id"]: t for t in load_all()}
    for source in root.findall("q:Sources/q:TextSource", NS):
        text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
        expected = turns(by_name[source.get("name")])
        selections = source.findall("q:PlainTextSelection", NS)
        assert len(selections) == len(expected)
        for sel, turn in zip(selections, expected):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert text[start:end] == f"{turn.label}: {turn.text}"   # code points, end exclusive
            ref = sel.find("q:Coding/q:CodeRef", NS).get("targetGUID")
            assert codes[ref].lower() == turn.role


def test_offsets_count_code_points_past_astral_characters(out):
    archive, root = qdpx(out)
    source = root.find("q:Sources/q:TextSource[@name='int_p07_a']", NS)
    text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
    last = source.findall("q:PlainTextSelection", NS)[-1]
    assert "🙂" in text[:int(last.get("startPosition"))]
    assert int(last.get("startPosition")) == text.index("Participant P07: We moved")


def test_cases_carry_typed_attributes_and_link_sources(out):
    _, root = qdpx(out)
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable"))
                 for v in root.findall("q:Variables/q:Variable", NS)}
    types = dict(variables.values())
    assert types["age"] == "Integer" and types["consented"] == "Boolean"
    assert types["hours_per_week"] == "Float" and types["visit_date"] == "Date"
    assert types["date"] == "Text" and types["site"] == "Text"   # "2024-05" is no xsd:date
    sources = {s.get("guid"): s.get("name") for s in root.findall("q:Sources/q:TextSource", NS)}
    cases = root.findall("q:Cases/q:Case", NS)
    assert {c.get("name") for c in cases} == set(sources.values())
    for case in cases:
        assert sources[case.find("q:SourceRef", NS).get("targetGUID")] == case.get("name")
    p07 = next(c for c in cases if c.get("name") == "int_p07_b")
    values = {variables[v.find("q:VariableRef", NS).get("targetGUID")][0]: v[1].text
              for v in p07.findall("q:VariableValue", NS)}
    assert values["age"] == "35" and values["hours_per_week"] == "20" and values["consented"] == "true"
    assert not next(c for c in cases if c.get("name") == "int_interp").findall("q:VariableValue", NS)


def test_reexport_is_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    exports.export_study(load_all(), a, ["qdpx"])
    exports.export_study(list(reversed(load_all())), b, ["qdpx"])
    assert (a / "study.qdpx").read_bytes() == (b / "study.qdpx").read_bytes()


def test_silent_and_unlabelled_interviews_still_export_valid_files(tmp_path):
    silent = {"interview_id": "silent", "metadata": {}, "speakers": [],
              "segments": [{"start": 0, "end": 1, "speaker": None, "text": "  "}]}
    stray = {"interview_id": "stray", "metadata": {"site": "S09"}, "speakers": [],
             "segments": [{"start": 2, "end": 3, "speaker": "X", "text": "hello"}]}
    exports.export_interview(silent, tmp_path)
    paths = exports.export_study([silent, stray], tmp_path)
    assert len(paths) == 5
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "study.qdpx").read("project.qde"))
    assert schema.validate(root), schema.error_log
    assert [c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")] == ["Unassigned"]
    assert (tmp_path / "silent" / "silent_nvivo_rows.txt").read_text() == "Timespan\tSpeaker\tContent\n"
