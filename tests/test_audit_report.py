"""`deidflow audit report`: per-batch counts, open review items, versions, chain head; no script, no network."""
import argparse
import json

import audit.cli
from audit import AuditLog
from deidflow.models import Redaction


def run(*argv) -> int:
    parser = argparse.ArgumentParser(prog="deidflow")
    audit.cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args([str(a) for a in argv])
    return args.func(args)


def _transcript(out, iid, review):
    (out / iid).mkdir(parents=True, exist_ok=True)
    path = out / iid / "transcript.json"
    path.write_text(json.dumps({"interview_id": iid, "source": {"file": f"{iid}.wav", "sha256": "0" * 64,
                                                                "duration_s": 42.5},
                                "segments": [], "review": review}))
    return path


def _redaction(seg, kind, label):
    return Redaction(seg, 0, 4, kind, "test", 0.9, label)


def test_report_counts_one_batch_and_open_review(tmp_path, capsys):
    out = tmp_path / "out"
    log = AuditLog(out)
    # batch 1: one interview, later superseded
    a = _transcript(out, "a", [])
    log.record_interview("a", "0" * 64, [_redaction(0, "PERSON", "Person 1")], {"deidflow": "0.0.9"}, "old")
    log.record_batch("b1", [a])
    # batch 2: "a" rendered twice (only the last rendering counts), "b" with two review items, one decided
    review = [{"segment": 0, "start": 0, "end": 4, "entity_type": "PERSON", "score": 0.4},
              {"segment": 1, "start": 2, "end": 9, "entity_type": "LOCATION", "score": 0.3}]
    b = _transcript(out, "b", review)
    log.record_interview("a", "0" * 64, [_redaction(0, "PERSON", "Person 1")] * 3, {"deidflow": "0.1.0"}, "cfg")
    log.record_interview("a", "0" * 64, [_redaction(0, "PERSON", "Person 1"), _redaction(1, "DATE", "Date")],
                         {"deidflow": "0.1.0"}, "cfg")
    log.record_interview("b", "0" * 64, [_redaction(0, "LOCATION", "Place 1")] * 2, {"deidflow": "0.1.0"}, "cfg")
    log.record_decision("b", 0, 0, 4, "PERSON", "reject", "R. Reviewer")
    head = log.record_batch("b2", [a, b], durations={"a": 3.25})

    assert run("audit", "report", "--output", out) == 0
    md = (out / "audit" / "report.md").read_text()
    page = (out / "audit" / "report.html").read_text()
    assert "batch b2" in md and head in md and head in page
    assert "| a | 42.5 | 3.2 | 1 | 0 | 1 | none | 0 |" in md          # DATE, LOCATION, PERSON columns
    assert "| b | 42.5 |  | 0 | 2 | 0 | reviewer_reject 1 | 1 |" in md
    assert "- open review items: 1" in md
    assert "- deidflow: 0.1.0" in md and "0.0.9" not in md
    assert "<svg" in page and "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert "b/transcript.json" in page

    assert run("audit", "report", "--output", out, "--batch", "b1") == 0
    md = (out / "audit" / "report.md").read_text()
    assert "batch b1" in md and "- deidflow: 0.0.9" in md and "| a | 42.5 |  | 1 | none | 0 |" in md

    assert run("audit", "report", "--output", out, "--batch", "nope") == 1
    assert "no batch nope" in capsys.readouterr().err
