"""`deidflow review`: decisions go to the vault and the log, outputs re-render, and the run still verifies."""
import json

import pytest

from audit import AuditLog
from audit.verify import output_files
from deidflow.models import Interview, Segment, Source, Speaker
from vaultstore import open_vault

TEXT = "Last spring the folks at Quillfeather Bakery gave me a job."
SPAN = (TEXT.index("Quillfeather"), TEXT.index(" gave"))


from conftest import run_cli as run  # noqa: E402


@pytest.fixture
def processed(tmp_path, monkeypatch):
    """An interview as the pipeline leaves it: raw in the vault, rendered outputs, a closed batch."""
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)
    monkeypatch.setenv("DEIDFLOW_VAULT_KEY", "review test passphrase")
    from deidflow.pipeline import rerender
    out, vault_dir = tmp_path / "out", tmp_path / "vault"
    raw = Interview("r1", Source("r1.vtt", "c" * 64, 5.0),
                    [Segment(0.0, 2.5, "How did you find work?", "S1"), Segment(2.5, 5.0, TEXT, "S2")],
                    [Speaker("S1", "Interviewer", "interviewer"), Speaker("S2", "Participant", "participant")])
    open_vault(vault_dir).write_json("r1/transcript.raw.json", raw.to_json())
    rerender("r1", out, vault_dir)
    AuditLog(out).record_batch("b1", output_files(out))
    return out, vault_dir


def test_add_decision_is_stored_logged_rendered_and_verifies(processed, capsys):
    out, vault_dir = processed
    start, end = SPAN
    code = run("review", "--id", "r1", "--output", out, "--vault", vault_dir,
               "--add", f"1:{start}:{end}:ORGANIZATION", "--reviewer", "R. Reviewer")
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "Quillfeather" not in printed.out + printed.err

    stored = open_vault(vault_dir).read_json("r1/decisions.json")
    assert [(d["segment"], d["start"], d["end"], d["decision"], d["entity_type"], d["reviewer"]) for d in stored] \
        == [(1, start, end, "add", "ORGANIZATION", "R. Reviewer")]
    decision = [e for e in AuditLog(out).entries() if e["kind"] == "decision"]
    assert [(e["decision"], e["segment"], e["start"], e["end"]) for e in decision] == [("reviewer_add", 1, start, end)]

    for path in output_files(out):
        assert b"Quillfeather" not in path.read_bytes(), path
    assert "Quillfeather" not in (out / "audit" / "redaction_log.jsonl").read_text()
    assert run("audit", "verify", "--output", out, "--vault", vault_dir) == 0, capsys.readouterr().out


def test_list_shows_raw_context_only_with_the_key(processed, capsys, monkeypatch):
    out, vault_dir = processed
    transcript = json.loads((out / "r1" / "transcript.json").read_text())
    transcript["review"] = [{"segment": 1, "start": SPAN[0], "end": SPAN[1], "entity_type": "ORGANIZATION",
                             "score": 0.41, "recognizer": "test"}]
    (out / "r1" / "transcript.json").write_text(json.dumps(transcript))
    assert run("review", "--id", "r1", "--output", out, "--vault", vault_dir, "--list") == 0
    listed = capsys.readouterr().out
    assert "0: segment 1 [" in listed and "ORGANIZATION score 0.41 open" in listed
    assert "[[Quillfeather Bakery]]" in listed

    monkeypatch.delenv("DEIDFLOW_VAULT_KEY")
    assert run("review", "--id", "r1", "--output", out, "--vault", vault_dir, "--list") == 0
    printed = capsys.readouterr()
    assert "0: segment 1" in printed.out and "Quillfeather" not in printed.out + printed.err
    assert run("review", "--id", "r1", "--output", out, "--vault", vault_dir, "--accept", "0",
               "--reviewer", "R. Reviewer") == 2
    assert "deidflow vault init" in capsys.readouterr().err
    assert not (vault_dir / "r1" / "decisions.json.enc").exists()


def test_out_of_range_item_and_span_are_refused(processed, capsys):
    out, vault_dir = processed
    assert run("review", "--id", "r1", "--output", out, "--vault", vault_dir, "--accept", "99",
               "--reviewer", "R") == 2
    assert run("review", "--id", "r1", "--output", out, "--vault", vault_dir, "--add", "1:0:999:PERSON",
               "--reviewer", "R") == 2
    assert "not inside the raw transcript" in capsys.readouterr().err
