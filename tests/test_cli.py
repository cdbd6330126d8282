"""`deidflow run` as a user runs it: a subprocess, its exit status and what it prints."""
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import AUDIO, copy_in

IDENTIFIERS = json.loads((AUDIO / "interview.truth.json").read_text())["identifiers"]


def deidflow(*args: str, env_extra: dict | None = None, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DEIDFLOW_"))}
    env.update(PREFECT_HOME=str(home / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "deidflow.cli", *args], capture_output=True, text=True,
                          env=env, cwd=home, timeout=600)


def test_without_a_vault_key_nothing_is_touched(tmp_path, input_dir):
    copy_in(input_dir, "interview.mp3")
    result = deidflow("run", "--input", str(input_dir), "--output", "out", "--vault", "vault", home=tmp_path)
    assert result.returncode == 2
    assert "deidflow vault init" in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "vault").exists()


def test_run_reports_failures_by_name_and_exit_status_tells(tmp_path, input_dir):
    copy_in(input_dir, "interview.mp3", "empty.wav")
    key = {"DEIDFLOW_VAULT_KEY": "cli test passphrase"}
    args = ("run", "--input", str(input_dir), "--output", "out", "--vault", "vault", "--formats", "txt,vtt")
    first = deidflow(*args, env_extra=key, home=tmp_path)
    assert first.returncode == 1, first.stderr[-2000:]
    printed = first.stdout + first.stderr
    assert "empty.wav: empty file (0 bytes)" in printed
    assert "interview.mp3" in printed and "done" in printed
    assert (tmp_path / "out" / "interview" / "interview.txt").exists()
    assert not (tmp_path / "out" / "interview" / "interview.docx").exists()   # --formats honoured
    (input_dir / "empty.wav").unlink()
    second = deidflow(*args, env_extra=key, home=tmp_path)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "skipped" in second.stdout + second.stderr
    for ident in IDENTIFIERS:                      # the terminal never shows identified text
        assert ident.lower() not in (printed + second.stdout + second.stderr).lower()
