"""`deidflow watch` as a user runs it: a real process, a real flow, real signals."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

VTT = """WEBVTT

00:00:00.000 --> 00:00:04.000
<v Interviewer>Thank you for coming in today, Margarethe Oyelaran-Whitby.

00:00:04.000 --> 00:00:09.000
<v Margarethe Oyelaran-Whitby>Happy to help. I moved here from Lagos and my caseworker is Tobias Quennell.
"""
SECRETS = ("Margarethe", "Oyelaran", "Quennell")


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env.update(DEIDFLOW_VAULT_KEY="correct horse battery staple for tests",
               PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PYTHONPATH=str(ROOT))
    env.pop("PREFECT_API_URL", None)
    return env


def _start(tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "deidflow.cli", "watch", "--input", str(tmp_path / "in"),
         "--output", str(tmp_path / "out"), "--vault", str(tmp_path / "vault"),
         "--stable-seconds", "0.5", "--debounce", "0.5", "--formats", "docx"],
        cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _stop(proc: subprocess.Popen, sig=signal.SIGINT) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc.returncode, out


def _wait_for(proc: subprocess.Popen, pred, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if pred():
            return True
        time.sleep(0.2)
    return False


def test_sigterm_with_nothing_to_do_exits_0(tmp_path):
    proc = _start(tmp_path)
    try:
        started = _wait_for(proc, lambda: (tmp_path / "in").is_dir(), 60)
        time.sleep(1)
        started = started and proc.poll() is None
    finally:
        rc, out = _stop(proc, signal.SIGTERM)
    assert started, out
    assert rc == 0, out
    assert "stopped" in out


def test_dropped_transcript_is_processed_then_ctrl_c_exits_0(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "early.vtt").write_text(VTT)       # arrived while the watcher was down
    proc = _start(tmp_path)
    early = late = False
    try:
        early = _wait_for(proc, lambda: (tmp_path / "out" / "early" / "transcript.json").exists(), 150)
        # A different recording (same content would rightly count as already done).
        (tmp_path / "in" / "late.vtt.part").write_text(VTT.replace("Lagos", "Accra"))
        (tmp_path / "in" / "late.vtt.part").rename(tmp_path / "in" / "late.vtt")
        late = early and _wait_for(proc, lambda: (tmp_path / "out" / "late" / "transcript.json").exists(), 90)
    finally:
        rc, out = _stop(proc)
    assert early and late, out
    assert rc == 0, out
    assert "early.vtt: done" in out and "late.vtt: done" in out
    assert "Task run" not in out, "Prefect's own lines are for --verbose"
    assert not any(s in out for s in SECRETS), "identified text on the terminal"
    # The output is the de-identified one: the voice-tag names are gone from the speakers.
    # (Names inside the spoken text are redaction's to catch; see tests/test_redaction_*.)
    speakers = json.dumps(json.loads((tmp_path / "out" / "late" / "transcript.json").read_text())["speakers"])
    assert not any(s in speakers for s in SECRETS)
