"""Leak guard: after a real flow run, no identifier is anywhere but (encrypted) in the vault.

The flow runs in its own process with its own PREFECT_HOME, so its SQLite
database, logs and everything printed can be searched. The identifiers come
from the run itself, decrypted with the key: the speaker names the transcript
gave, every crosswalk original, and the raw text under every logged redaction.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from audit import AuditLog
from audit.leaks import crosswalk_originals
from vaultstore import open_vault

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "audit" / "intake.vtt"
KEY = "leak guard passphrase"

try:
    import deidflow.pipeline  # noqa: F401
    import flows  # noqa: F401
    MISSING = None
except ImportError as exc:
    MISSING = f"the pipeline is not importable yet ({exc.name})"

pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

RUN = """
import json, sys
from flows import process_interviews
result = process_interviews(input_dir=sys.argv[1], output_dir=sys.argv[2], vault_dir=sys.argv[3])
print(json.dumps({"failed": result["failed"], "head": result["audit_head"]}))
"""


def _normal(data: bytes) -> str:
    """Bytes as lower-case words separated by single spaces (SQLite pages, zips and logs alike)."""
    text = data.decode("utf-8", errors="ignore").casefold()
    return " " + " ".join(w for w in re.split(r"[\W_]+", text) if w) + " "


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def flow_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("leak_guard")
    inputs, out, vault_dir, home = tmp / "in", tmp / "out", tmp / "vault", tmp / "prefect_home"
    inputs.mkdir()
    shutil.copy(FIXTURE, inputs / "intake.vtt")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DEIDFLOW_"))}
    env.update(PREFECT_HOME=str(home), DEIDFLOW_VAULT_KEY=KEY, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180", PREFECT_LOGGING_LEVEL="DEBUG", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", RUN, str(inputs), str(out), str(vault_dir)], cwd=tmp,
                          env=env, capture_output=True, timeout=500)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert b'"failed": 0' in done.stdout, (out / "failures.txt").read_text()
    return tmp, out, vault_dir, home, done.stdout + done.stderr


@pytest.fixture(scope="module")
def identifiers(flow_run, monkeypatch_module):
    """Speaker names as imported, every crosswalk original, and every logged redacted span of the raw text."""
    _, out, vault_dir, _, _ = flow_run
    monkeypatch_module.setenv("DEIDFLOW_VAULT_KEY", KEY)
    monkeypatch_module.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)
    vault = open_vault(vault_dir)
    names = {s["speaker"] for s in vault.read_json("intake/asr.json")["segments"]}
    originals = {o.text for o in crosswalk_originals(vault)}
    raw = vault.read_json("intake/transcript.raw.json")["segments"]
    spans = {raw[e["segment"]]["text"][e["start"]:e["end"]] for e in AuditLog(out).entries()
             if e["kind"] == "redaction" and e["interview_id"] == "intake"}
    # the run must have found something of each kind, or this guard would pass vacuously
    assert names and originals and spans, (len(names), len(originals), len(spans))
    keys = {" " + " ".join(w for w in re.split(r"[\W_]+", f.casefold()) if w) + " " for f in names | originals | spans}
    return sorted(k for k in keys if len(k.strip()) >= 4)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_nothing_printed_logged_or_stored_by_prefect_holds_an_identifier(flow_run, identifiers):
    tmp, out, _, home, printed = flow_run
    places = {"terminal": printed, **{str(p.relative_to(tmp)): p.read_bytes() for p in _files(home) + _files(out)}}
    assert any(name.endswith(".db") for name in places), "no Prefect database to search"
    leaks = [(where, ident.strip()) for where, data in places.items() for ident in identifiers
             if ident in _normal(data)]
    # report where only: the identifiers themselves stay out of the test log
    assert not leaks, f"identifiers found in: {sorted({where for where, _ in leaks})}"


def test_vault_is_private_and_encrypted(flow_run, identifiers):
    _, _, vault_dir, _, _ = flow_run
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for path in vault_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path.relative_to(vault_dir)} is {oct(mode)}"
        if path.is_file():
            plain = _normal(path.read_bytes())
            assert not [i for i in identifiers if i in plain], f"plain identifier in {path.relative_to(vault_dir)}"
