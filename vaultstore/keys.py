"""Vault keys: where the secret comes from, the scrypt KDF, the vault.json header.

The secret is a passphrase (DEIDFLOW_VAULT_KEY) or the contents of a key file
kept outside the vault (--key-file or DEIDFLOW_VAULT_KEY_FILE). Either way it
goes through scrypt with the vault's own random salt, so one passphrase gives
every vault a different key. vault.json holds no secret: the salt, the KDF
cost and a key check value that tells a wrong key from a damaged file.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from deidflow import atomic

ENV_PASSPHRASE = "DEIDFLOW_VAULT_KEY"
ENV_KEY_FILE = "DEIDFLOW_VAULT_KEY_FILE"
HEADER = "vault.json"
FORMAT = "deidflow-vault"
VERSION = 1
_KEY_CHECK = b"deidflow vault key check v1"
# scrypt cost: 32 MiB and about 0.1 s per derivation (the key is cached per process)
_SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}

HOW_TO_MAKE_A_KEY = (
    "No vault key. Create a vault and a key file outside it with\n"
    "  deidflow vault init --vault DIR --key-file ~/.deidflow/vault.key\n"
    f"then export {ENV_KEY_FILE}=~/.deidflow/vault.key "
    f"(or set {ENV_PASSPHRASE} to a long passphrase)."
)


class VaultKeyError(Exception):
    """No key, a wrong key, or a key kept where it must not be. Never holds the secret."""


@dataclass(frozen=True)
class Header:
    salt: bytes
    n: int
    r: int
    p: int
    key_check: bytes            # nonce + AES-GCM(_KEY_CHECK)

    def to_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "cipher": "AES-256-GCM",
                "kdf": {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)},
                "key_check": _b64(self.key_check)}

    @classmethod
    def from_json(cls, data: dict) -> "Header":
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise VaultKeyError(f"{HEADER}: not a deidflow vault header of version {VERSION}")
        kdf = data["kdf"]
        return cls(base64.b64decode(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"],
                   base64.b64decode(data["key_check"]))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read_secret(root: Path, key_file: Path | None = None) -> bytes:
    """The secret from --key-file, then DEIDFLOW_VAULT_KEY_FILE, then DEIDFLOW_VAULT_KEY."""
    key_file = key_file or os.environ.get(ENV_KEY_FILE) or None
    if key_file:
        return _read_key_file(Path(key_file).expanduser(), root)
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase:
        return passphrase.encode("utf-8")
    raise VaultKeyError(HOW_TO_MAKE_A_KEY)


def _read_key_file(path: Path, root: Path) -> bytes:
    if not path.is_file():
        raise VaultKeyError(f"key file {path} does not exist. {HOW_TO_MAKE_A_KEY}")
    if path.resolve().is_relative_to(Path(root).resolve()):
        raise VaultKeyError(f"key file {path} is inside the vault; keep it outside, or the vault protects nothing")
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise VaultKeyError(f"key file {path} is readable by other users; run: chmod 600 {path}")
    secret = path.read_bytes().strip()
    if not secret:
        raise VaultKeyError(f"key file {path} is empty")
    return secret


def new_key_file(path: Path) -> Path:
    """A random 256-bit key, written 0600 and never over an existing file."""
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(32) + "\n")
    return path


_derived: dict[tuple[bytes, bytes], bytes] = {}


def derive(secret: bytes, header: Header) -> bytes:
    # cache on a digest of the secret so repeated Vault() objects cost one scrypt
    memo = (header.salt, hashlib.sha256(secret).digest())
    if memo not in _derived:
        _derived[memo] = Scrypt(salt=header.salt, length=32, n=header.n, r=header.r, p=header.p).derive(secret)
    return _derived[memo]


def create_header(root: Path, secret: bytes) -> bytes:
    """Write a new vault.json for this secret; returns the derived key.

    Two runs opening a new vault at once must not each write their own salt: the
    header is created only if absent, and the loser uses the winner's.
    """
    salt = secrets.token_bytes(16)
    draft = Header(salt, key_check=b"", **_SCRYPT)
    key = derive(secret, draft)
    nonce = secrets.token_bytes(12)
    header = Header(salt, key_check=nonce + AESGCM(key).encrypt(nonce, _KEY_CHECK, None), **_SCRYPT)
    # vault.json is not secret, but 0600 like everything in the vault
    data = (json.dumps(header.to_json(), indent=2) + "\n").encode()
    if not atomic.create_bytes(Path(root) / HEADER, data, mode=0o600):
        return load_key(root, secret)
    return key


def load_key(root: Path, secret: bytes) -> bytes:
    """The vault's key for this secret; VaultKeyError when the secret is not the vault's."""
    path = Path(root) / HEADER
    header = Header.from_json(json.loads(path.read_text()))
    key = derive(secret, header)
    nonce, sealed = header.key_check[:12], header.key_check[12:]
    try:
        ok = AESGCM(key).decrypt(nonce, sealed, None) == _KEY_CHECK
    except InvalidTag:
        ok = False
    if not ok:
        raise VaultKeyError(f"wrong key for the vault at {root}: the key check in {HEADER} does not match")
    return key
