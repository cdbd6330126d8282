"""The vault: encrypted at rest, private permissions, clear key errors that touch nothing."""
import json
import os
import stat

import pytest

from vaultstore import Vault, VaultError, VaultKeyError, open_vault
from vaultstore.purge import purge

NAME = "Marisol Quintanilla"


@pytest.fixture
def passphrase(monkeypatch):
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)
    monkeypatch.setenv("DEIDFLOW_VAULT_KEY", "correct horse battery staple")


def _all_paths(root):
    return [os.path.join(d, n) for d, dirs, files in os.walk(root) for n in dirs + files]


def test_round_trip_is_encrypted_with_private_permissions(tmp_path, passphrase):
    v = open_vault(tmp_path / "v")
    v.write_json("i1/transcript.raw.json", {"segments": [{"text": f"I am {NAME}."}]})
    v.write_bytes("roster.csv", f"{NAME},PERSON\n".encode())
    assert v.read_json("i1/transcript.raw.json")["segments"][0]["text"] == f"I am {NAME}."
    assert v.exists("i1/transcript.raw.json") and not v.path("i1/transcript.raw.json").exists()
    assert v.files() == ["i1/transcript.raw.json", "roster.csv"]
    for path in _all_paths(tmp_path / "v") + [str(tmp_path / "v")]:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode == (0o700 if os.path.isdir(path) else 0o600), path
        if os.path.isfile(path):
            data = open(path, "rb").read()
            assert b"Marisol" not in data and b"Quintanilla" not in data, path


def test_fresh_nonce_and_salt(tmp_path, passphrase):
    a, b = open_vault(tmp_path / "a"), open_vault(tmp_path / "b")
    a.write_bytes("x", b"same")
    first = a.stored_path("x").read_bytes()
    a.write_bytes("x", b"same")
    assert a.stored_path("x").read_bytes() != first
    salt = lambda v: json.loads((v.root / "vault.json").read_text())["kdf"]["salt"]
    assert salt(a) != salt(b)


def test_missing_key_says_how_and_touches_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY", raising=False)
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)
    with pytest.raises(VaultKeyError, match="deidflow vault init"):
        open_vault(tmp_path / "v")
    assert not (tmp_path / "v").exists()


def test_wrong_key_fails_clearly_and_touches_nothing(tmp_path, passphrase, monkeypatch):
    open_vault(tmp_path / "v").write_json("i1/transcript.raw.json", {"text": NAME})
    before = {p: open(p, "rb").read() for p in _all_paths(tmp_path / "v") if os.path.isfile(p)}
    monkeypatch.setenv("DEIDFLOW_VAULT_KEY", "not the passphrase")
    with pytest.raises(VaultKeyError, match="wrong key"):
        open_vault(tmp_path / "v")
    with pytest.raises(VaultKeyError, match="wrong key"):
        Vault(tmp_path / "v").write_json("i1/transcript.raw.json", {"text": "overwritten"})
    after = {p: open(p, "rb").read() for p in _all_paths(tmp_path / "v") if os.path.isfile(p)}
    assert after == before


def test_altered_or_swapped_files_fail_authentication(tmp_path, passphrase):
    v = open_vault(tmp_path / "v")
    v.write_json("i1/transcript.raw.json", {"who": "one"})
    v.write_json("i2/transcript.raw.json", {"who": "two"})
    v.stored_path("i2/transcript.raw.json").write_bytes(v.stored_path("i1/transcript.raw.json").read_bytes())
    with pytest.raises(VaultError, match="moved"):
        v.read_json("i2/transcript.raw.json")
    blob = bytearray(v.stored_path("i1/transcript.raw.json").read_bytes())
    blob[-5] ^= 1
    v.stored_path("i1/transcript.raw.json").write_bytes(bytes(blob))
    with pytest.raises(VaultError, match="altered"):
        v.read_json("i1/transcript.raw.json")


def test_key_file_must_be_private_and_outside(tmp_path, monkeypatch):
    monkeypatch.delenv("DEIDFLOW_VAULT_KEY", raising=False)
    inside = tmp_path / "v" / "k"
    inside.parent.mkdir()
    inside.write_text("secret")
    os.chmod(inside, 0o600)
    with pytest.raises(VaultKeyError, match="inside the vault"):
        open_vault(tmp_path / "v", key_file=inside)
    loose = tmp_path / "loose.key"
    loose.write_text("secret")
    os.chmod(loose, 0o644)
    with pytest.raises(VaultKeyError, match="chmod 600"):
        open_vault(tmp_path / "w", key_file=loose)
    assert not (tmp_path / "w").exists()


def test_names_cannot_escape_the_vault(tmp_path, passphrase):
    v = open_vault(tmp_path / "v")
    with pytest.raises(ValueError):
        v.write_bytes("../outside", b"x")
    assert not (tmp_path / "outside.enc").exists()


def test_purge_removes_folder_and_only_this_interviews_crosswalk_entries(tmp_path, passphrase):
    v = open_vault(tmp_path / "v")
    said = lambda *texts: {"segments": [{"text": t} for t in texts], "speakers": [{"id": "S1", "label": "Interviewer"}]}
    v.write_json("i1/transcript.raw.json", said(f"I am {NAME}.", "Ottilie Brandt helped me."))
    v.write_json("i1/decisions.json", [])
    v.write_json("i2/transcript.raw.json", said("Ms. Ottilie Brandt and Kwame Mensah came."))
    v.write_json("crosswalk.json", {"labels": {"PERSON": {
        "marisol quintanilla": "Person 1", "ottilie brandt": "Person 2", "kwame mensah": "Person 3"}},
        "next": {"Person": 3}})
    result = purge(v, "i1")
    assert (result.files_removed, result.crosswalk_entries_removed) == (2, 1)
    assert v.files() == ["crosswalk.json", "i2/transcript.raw.json"]
    assert v.read_json("crosswalk.json")["labels"]["PERSON"] == {"ottilie brandt": "Person 2",
                                                                 "kwame mensah": "Person 3"}


def test_runs_opening_a_new_vault_at_once_share_one_key(tmp_path, passphrase):
    """Parallel lanes (or workers) that create the same fresh vault must end up with one salt."""
    import threading

    barrier, vaults = threading.Barrier(4), []

    def open_and_write(i):
        barrier.wait()
        v = open_vault(tmp_path / "v")
        v.write_json(f"i{i}/asr.json", {"n": i})
        vaults.append(v)

    threads = [threading.Thread(target=open_and_write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fresh = open_vault(tmp_path / "v")
    assert len(vaults) == 4
    assert [fresh.read_json(f"i{i}/asr.json")["n"] for i in range(4)] == [0, 1, 2, 3]
