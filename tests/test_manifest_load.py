"""Manifest loading and validation: every error names its row, column and kind, never identified values."""
from pathlib import Path

import openpyxl
import pytest

import manifest

FIXTURES = Path(__file__).parent / "fixtures" / "manifest"
NAMES = ("Maria Lopez", "Ann Smith", "Jane Roe")


@pytest.fixture
def recordings(tmp_path):
    for name in "abcdef":
        (tmp_path / f"{name}.m4a").write_bytes(b"")
    return tmp_path


@pytest.fixture
def loaded(recordings):
    return manifest.load(FIXTURES / "study.csv", input_dir=recordings, identifying=["caseworker_name"])


def test_valid_row_splits_analytic_from_identifying(loaded):
    row = loaded.for_file("/anywhere/a.m4a")
    assert row.error is None
    assert (row.interview_id, row.participant_id, row.number_of_speakers) == ("INT01", "P01", 2)
    assert row.interviewer == "Maria Lopez"
    assert row.attributes == {"site": "S03", "site_type": "shelter", "state": "Texas", "date": "2024-03",
                              "language": "en", "consent_recording": "yes", "consent_transcription": "yes",
                              "cohort": "A"}
    assert row.identifying == {"date": "2024-03-05", "interviewer": "Maria Lopez", "caseworker_name": "Jane Roe"}


@pytest.mark.parametrize("file, message", [
    ("b.m4a", "study.csv row 3: date '2024-13-40' is not a date (YYYY-MM-DD)"),
    ("c.m4a", "study.csv row 4: duplicate interview_id (also row 2)"),
    ("missing.m4a", "study.csv row 5: file is not in the input folder"),
    ("d.m4a", "study.csv row 6: number_of_speakers 'two' is not a whole number from 1 to 20"),
    ("e.m4a", "study.csv row 7: consent_recording is not given (must be yes)"),
    ("f.m4a", "study.csv row 8: consent_transcription is missing (consent must be recorded as yes)"),
])
def test_each_invalid_row_fails_alone_with_its_message(loaded, file, message):
    row = loaded.for_file(file)
    assert row.error == message
    assert message in loaded.errors
    assert not any(name in message for name in NAMES)


def test_other_rows_still_load(loaded):
    assert [r.file for r in loaded.rows if r.ok] == ["a.m4a"]
    assert len(loaded.errors) == 6
    assert loaded.for_file("zzz.m4a") is None


def test_xlsx_manifest_reads_dates_and_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["File", "Interview ID", "Date", "Number of speakers", "Consent recording",
                  "Consent transcription", "Interviewer"])
    import datetime as dt
    sheet.append(["x.wav", "I9", dt.datetime(2023, 11, 2), 3, True, "Yes", "Maria Lopez"])
    sheet.append(["y.wav", "I9", "soon", 0, False, "yes", None])
    book.save(tmp_path / "m.xlsx")
    got = manifest.load(tmp_path / "m.xlsx")
    good, bad = got.rows
    assert good.error is None and good.number_of_speakers == 3 and good.attributes["date"] == "2023-11"
    assert bad.error == ("m.xlsx row 3: date 'soon' is not a date (YYYY-MM-DD); number_of_speakers '0' "
                         "is not a whole number from 1 to 20; consent_recording is not given (must be yes); "
                         "duplicate interview_id (also row 2)")


def test_bad_ids_are_refused_without_echoing_them(tmp_path):
    (tmp_path / "m.csv").write_text("file,interview_id,consent_recording,consent_transcription\n"
                                    "x.wav,Maria Lopez,yes,yes\n")
    row = manifest.load(tmp_path / "m.csv").rows[0]
    assert row.error == "m.csv row 2: interview_id is not a plain code (letters, digits, - _ .)"


def test_sidecar_beside_recording(tmp_path):
    rec = tmp_path / "x.m4a"
    rec.write_bytes(b"")
    assert manifest.sidecar(rec) is None
    (tmp_path / "x.meta.yaml").write_text(
        "interview_id: INT9\nnumber_of_speakers: 3\ndate: 2024-02-29\ninterviewer: Ann Smith\n"
        "consent_recording: yes\nconsent_transcription: true\nhome_town: Springfield\nidentifying: [home_town]\n")
    row = manifest.sidecar(rec)
    assert row.error is None and row.file == "x.m4a" and row.number_of_speakers == 3
    assert row.identifying == {"date": "2024-02-29", "interviewer": "Ann Smith", "home_town": "Springfield"}
    assert "home_town" not in row.attributes and row.attributes["date"] == "2024-02"


def test_sidecar_errors_name_the_file(tmp_path):
    rec = tmp_path / "y.ogg"
    (tmp_path / "y.meta.yaml").write_text("interview_id: I1\nconsent_recording: no\nconsent_transcription: yes\n")
    assert manifest.sidecar(rec).error == "y.meta.yaml: consent_recording is not given (must be yes)"
    (tmp_path / "y.meta.yaml").write_text("[unclosed\n")
    assert manifest.sidecar(rec).error == "y.meta.yaml: not valid YAML"


def test_unsupported_format(tmp_path):
    (tmp_path / "m.txt").write_text("x")
    with pytest.raises(ValueError, match="unsupported manifest format"):
        manifest.load(tmp_path / "m.txt")
