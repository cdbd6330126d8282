"""`deidflow vault init|cat|purge`, through argparse as the deidflow CLI wires them."""
import argparse
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import audit.cli
import vaultstore.cli
from audit import AuditLog

NAME = "Marisol Quintanilla"
REPO = Path(__file__).resolve().parents[1]


def run(*argv) -> int:
    parser = argparse.ArgumentParser(prog="deidflow")
    commands = parser.add_subparsers(dest="command", required=True)
    vaultstore.cli.register(commands)
    audit.cli.register(commands)
    args = parser.parse_args([str(a) for a in argv])
    return args.func(args)


@pytest.fixture(autouse=True)
def no_env_key(monkeypatch):
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY", raising=False)
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)


def test_init_without_key_explains_and_creates_nothing(tmp_path, capsys):
    assert run("vault", "init", "--vault", tmp_path / "v") == 2
    assert "--key-file" in capsys.readouterr().err
    assert not (tmp_path / "v").exists()


def test_init_makes_key_file_then_cat_decrypts(tmp_path, capsys, monkeypatch):
    key = tmp_path / "keys" / "vault.key"
    assert run("vault", "init", "--vault", tmp_path / "v", "--key-file", key) == 0
    assert f"DEIDFLOW_VAULT_KEY_FILE={key}" in capsys.readouterr().out
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "v").stat().st_mode) == 0o700

    monkeypatch.setenv("DEIDFLOW_VAULT_KEY_FILE", str(key))
    v = vaultstore.open_vault(tmp_path / "v")
    v.write_json("i1/transcript.raw.json", {"segments": [{"text": NAME}]})
    for form in ("i1/transcript.raw.json", "i1/transcript.raw.json.enc"):
        capsys.readouterr()
        assert run("vault", "cat", tmp_path / "v" / form) == 0
        assert json.loads(capsys.readouterr().out)["segments"][0]["text"] == NAME

    # a second init with a fresh key file must not claim the existing vault
    assert run("vault", "init", "--vault", tmp_path / "v", "--key-file", tmp_path / "other.key") == 2
    assert not (tmp_path / "other.key").exists()


def test_cat_as_score_py_calls_it(tmp_path):
    """tools/score.py runs `deidflow vault cat <enc path>` in a subprocess with the key in the environment."""
    env = {**os.environ, "DEIDFLOW_VAULT_KEY": "pass phrase for the subprocess"}
    env.pop("DEIDFLOW_VAULT_KEY_FILE", None)
    code = ("import sys; sys.path.insert(0, %r); from vaultstore import open_vault; "
            "open_vault(%r).write_json('i1/transcript.raw.json', {'t': %r})" % (str(REPO), str(tmp_path / "v"), NAME))
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    cli = ("import sys, argparse; sys.path.insert(0, %r); import vaultstore.cli; p = argparse.ArgumentParser(); "
           "vaultstore.cli.register(p.add_subparsers()); a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))" % str(REPO))
    enc = tmp_path / "v" / "i1" / "transcript.raw.json.enc"
    done = subprocess.run([sys.executable, "-c", cli, "vault", "cat", str(enc)], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and json.loads(done.stdout) == {"t": NAME}
    env["DEIDFLOW_VAULT_KEY"] = "wrong"
    done = subprocess.run([sys.executable, "-c", cli, "vault", "cat", str(enc)], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "wrong key" in done.stderr and NAME not in done.stdout + done.stderr


def test_purge_logs_without_identifiers(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DEIDFLOW_VAULT_KEY", "pp")
    v = vaultstore.open_vault(tmp_path / "v")
    v.write_json("p07/transcript.raw.json", {"segments": [{"text": f"My name is {NAME}."}]})
    v.write_json("crosswalk.json", {"labels": {"PERSON": {NAME.lower(): "Person 1"}}, "next": {"Person": 1}})
    out = tmp_path / "out"
    assert run("vault", "purge", "--id", "p07", "--vault", tmp_path / "v", "--output", out) == 0
    printed = capsys.readouterr()
    assert NAME not in printed.out + printed.err
    assert not (tmp_path / "v" / "p07").exists()
    assert v.read_json("crosswalk.json")["labels"] == {"PERSON": {}}
    log = (out / "audit" / "redaction_log.jsonl").read_text()
    assert NAME not in log
    entry = AuditLog(out).entries()[-1]
    assert (entry["kind"], entry["interview_id"], entry["files_removed"], entry["crosswalk_entries_removed"]) \
        == ("purge", "p07", 1, 1)
