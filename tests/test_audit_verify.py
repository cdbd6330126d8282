"""The hash-chained log and `deidflow audit verify`: untouched verifies; one changed byte anywhere fails."""
import json
import multiprocessing
from pathlib import Path

import docx
import pytest

from audit import AuditLog
from audit.log import GENESIS, entry_hash
from audit.verify import check_chain
from deidflow.models import Redaction
from vaultstore import open_vault

NAME = "Marisol Quintanilla"
CITY = "Tegucigalpa"


from conftest import run_cli as run  # noqa: E402


@pytest.fixture
def study(tmp_path, monkeypatch):
    """A processed interview: vault with crosswalk, de-identified outputs, log with one closed batch."""
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)
    monkeypatch.setenv("DEIDFLOW_VAULT_KEY", "audit test passphrase")
    v = open_vault(tmp_path / "vault")
    v.write_json("crosswalk.json", {"labels": {"PERSON": {NAME.lower(): "[Person 1]", "o brien": "[Person 2]"},
                                               "LOCATION": {CITY.lower(): "[City 1]"}}, "next": {}})
    out = tmp_path / "out"
    (out / "i1").mkdir(parents=True)
    transcript = {"interview_id": "i1", "source": {"file": "i1.wav", "sha256": "ab" * 32, "duration_s": 61.0},
                  "segments": [{"start": 0, "end": 2, "speaker": "S1", "text": "I am [Person 1] from [City 1]."}],
                  "review": []}
    (out / "i1" / "transcript.json").write_text(json.dumps(transcript, indent=2))
    (out / "i1" / "i1.txt").write_text("S1: I am [Person 1]\nfrom [City 1].\n")
    document = docx.Document()
    document.add_paragraph("I am [Person 1] from [City 1].")
    document.save(out / "i1" / "i1.docx")
    log = AuditLog(out)
    log.record_interview("i1", "ab" * 32, [Redaction(0, 5, 24, "PERSON", "roster", 1.0, "[Person 1]"),
                                           Redaction(0, 30, 41, "LOCATION", "spacy", 0.85, "[City 1]")],
                         {"deidflow": "0.1.0"}, "cfg123")
    log.record_batch("b1", sorted(p for p in out.rglob("*") if p.is_file() and "audit" not in p.parts))
    return out, tmp_path / "vault"


def verify(study, capsys):
    out, vault_dir = study
    code = run("audit", "verify", "--output", out, "--vault", vault_dir)
    printed = capsys.readouterr()
    assert NAME not in printed.out + printed.err and CITY not in printed.out + printed.err
    return code, printed.out


def test_untouched_run_verifies(study, capsys):
    code, out = verify(study, capsys)
    assert code == 0, out
    assert out.startswith("OK chain head")


def test_chain_links_every_entry(study):
    entries = AuditLog(study[0]).entries()
    assert [e["kind"] for e in entries] == ["redaction", "redaction", "batch"]
    assert entries[0]["prev"] == GENESIS
    assert all(b["prev"] == a["hash"] == entry_hash(a) for a, b in zip(entries, entries[1:]))
    assert AuditLog(study[0]).head() == entries[-1]["hash"]


@pytest.mark.parametrize("line", [1, 2, 3])
def test_one_byte_in_the_log_fails_naming_the_line(study, capsys, line):
    path = study[0] / "audit" / "redaction_log.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    # change one digit inside the entry: still valid JSON, so only the hash can tell
    target = lines[line - 1]
    at = target.index(b'"seq":') + len(b'"seq":')
    lines[line - 1] = target[:at] + bytes([target[at] ^ 1]) + target[at + 1:]
    path.write_bytes(b"".join(lines))
    code, out = verify(study, capsys)
    assert code == 1
    assert f"redaction_log.jsonl:{line}: " in out


def test_one_byte_in_a_label_fails(study, capsys):
    path = study[0] / "audit" / "redaction_log.jsonl"
    path.write_bytes(path.read_bytes().replace(b"[City 1]", b"[City 2]", 1))
    code, out = verify(study, capsys)
    assert code == 1 and "redaction_log.jsonl:2: altered" in out


@pytest.mark.parametrize("name", ["i1/transcript.json", "i1/i1.docx", "i1/i1.txt"])
def test_one_byte_in_an_output_fails_naming_the_file(study, capsys, name):
    path = study[0] / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    code, out = verify(study, capsys)
    assert code == 1
    assert f"FAIL {name}: altered" in out


def test_removed_and_unlogged_outputs_fail(study, capsys):
    (study[0] / "i1" / "i1.txt").unlink()
    (study[0] / "i1" / "extra.csv").write_text("a,b\n")
    code, out = verify(study, capsys)
    assert code == 1
    assert "i1/i1.txt: missing" in out and "i1/extra.csv: not in the log" in out


@pytest.mark.parametrize("spelling,label", [(NAME.upper(), "[Person 1]"), ("Marisol\tQuintanilla", "[Person 1]"),
                                            ("Marisol Quintanilla's", "[Person 1]"), ("O'Brien", "[Person 2]"),
                                            ("Mr O\\u2019Brien", "[Person 2]")])
def test_leak_in_text_output_names_file_line_and_label(study, capsys, spelling, label):
    out, _ = study
    (out / "i1" / "notes.txt").write_text(f"fine line\nshe said {spelling} twice\n")
    AuditLog(out).record_batch("b2", [out / "i1" / "notes.txt"])
    code, printed = verify(study, capsys)
    assert code == 1
    assert f"FAIL i1/notes.txt:2: leak: an original of {label} appears here" in printed


def test_leak_inside_docx_split_across_runs(study, capsys):
    out, _ = study
    document = docx.Document()
    paragraph = document.add_paragraph("Born in Teguci")
    paragraph.add_run("galpa, she said.")
    document.save(out / "i1" / "i1.docx")
    AuditLog(out).record_batch("b2", [out / "i1" / "i1.docx"])
    code, printed = verify(study, capsys)
    assert code == 1
    assert "i1/i1.docx!word/document.xml:" in printed and "[City 1]" in printed


def test_part_of_a_word_is_not_a_leak(study, capsys):
    out, _ = study
    (out / "i1" / "notes.txt").write_text("Tegucigalpans and Marisolo are other words\n")
    AuditLog(out).record_batch("b2", [out / "i1" / "notes.txt"])
    code, printed = verify(study, capsys)
    assert code == 0, printed


def _append_many(out: str, worker: int) -> None:
    log = AuditLog(Path(out))
    for n in range(20):
        log.record_decision(f"i{worker}", n, 0, 1, "PERSON", "accept", "reviewer")


def test_concurrent_appenders_keep_one_chain(tmp_path):
    workers = [multiprocessing.Process(target=_append_many, args=(str(tmp_path), w)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    findings, entries = check_chain(tmp_path / "audit" / "redaction_log.jsonl")
    assert findings == []
    assert [e["seq"] for e in entries] == list(range(80))
