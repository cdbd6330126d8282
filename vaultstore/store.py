"""Vault storage. Every read and write of identified material goes through here.

Callers use logical names ("<id>/transcript.raw.json"); on disk each file is
"<logical name>.enc": a 4-byte header (magic + format version), a random
96-bit nonce, then AES-256-GCM ciphertext. The logical name is bound in as
associated data, so a file copied over another fails to decrypt instead of
being read as the wrong participant's data. Directories 0700, files 0600.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from deidflow import atomic
from vaultstore import keys

SUFFIX = ".enc"
MAGIC = b"DFV\x01"          # "deidflow vault", file format version 1
_NONCE = 12


class VaultError(Exception):
    """A vault file that cannot be read as written (altered, truncated or moved)."""


class Vault:
    def __init__(self, root: Path, key_file: Path | None = None):
        self.root = Path(root)
        self.key_file = key_file
        self._aead: AESGCM | None = None

    def open(self) -> "Vault":
        """Resolve and check the key first, so a missing or wrong key touches nothing."""
        self._cipher()
        return self

    def _cipher(self) -> AESGCM:
        if self._aead is None:
            secret = keys.read_secret(self.root, self.key_file)
            if (self.root / keys.HEADER).exists():
                key = keys.load_key(self.root, secret)
            else:
                _private_dir(self.root)
                key = keys.create_header(self.root, secret)
            _private_dir(self.root)
            self._aead = AESGCM(key)
        return self._aead

    def path(self, rel: str) -> Path:
        """The logical path of a vault file (what callers name it)."""
        return self.root / _logical(rel)

    def stored_path(self, rel: str) -> Path:
        """Where the encrypted file really is."""
        return self.root / (_logical(rel) + SUFFIX)

    def exists(self, rel: str) -> bool:
        return self.stored_path(rel).exists()

    def write_bytes(self, rel: str, data: bytes) -> Path:
        rel = _logical(rel)
        target = self.stored_path(rel)
        for parent in reversed(target.relative_to(self.root).parents[:-1]):
            _private_dir(self.root / parent)
        nonce = secrets.token_bytes(_NONCE)
        sealed = self._cipher().encrypt(nonce, data, MAGIC + rel.encode("utf-8"))
        return atomic.write_bytes(target, MAGIC + nonce + sealed, mode=0o600)

    def read_bytes(self, rel: str) -> bytes:
        rel = _logical(rel)
        blob = self.stored_path(rel).read_bytes()
        if blob[:len(MAGIC)] != MAGIC:
            raise VaultError(f"{rel}{SUFFIX}: not a deidflow vault file of format version {MAGIC[-1]}")
        nonce, sealed = blob[len(MAGIC):len(MAGIC) + _NONCE], blob[len(MAGIC) + _NONCE:]
        try:
            return self._cipher().decrypt(nonce, sealed, MAGIC + rel.encode("utf-8"))
        except InvalidTag:
            raise VaultError(f"{rel}{SUFFIX}: failed authentication (altered, truncated or moved)") from None

    def write_json(self, rel: str, obj: Any) -> Path:
        return self.write_bytes(rel, (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode())

    def read_json(self, rel: str) -> Any:
        return json.loads(self.read_bytes(rel))

    def delete(self, rel: str) -> None:
        self.stored_path(rel).unlink(missing_ok=True)

    def remove_tree(self, rel: str) -> int:
        """Remove a folder of the vault (a withdrawn interview); returns how many files went."""
        folder = self.path(rel)
        if not folder.is_dir():
            return 0
        count = sum(1 for p in folder.rglob("*") if p.is_file())
        shutil.rmtree(folder)
        return count

    def files(self, under: str = "") -> list[str]:
        """Logical names of the vault's files, sorted."""
        base = self.path(under) if under else self.root
        return sorted(p.relative_to(self.root).as_posix()[:-len(SUFFIX)]
                      for p in base.rglob("*" + SUFFIX) if p.is_file())

    def logical_name(self, path: Path) -> str:
        """The logical name of a path inside this vault, given either form."""
        rel = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        return _logical(rel[:-len(SUFFIX)] if rel.endswith(SUFFIX) else rel)


def open_vault(root: Path, key_file: Path | None = None) -> Vault:
    """Open (or create) the vault at root; raises VaultKeyError, before touching anything, without a right key."""
    return Vault(root, key_file).open()


def find_root(path: Path) -> Path:
    """The vault that holds path: the nearest folder above it with a vault.json."""
    for folder in Path(path).resolve().parents:
        if (folder / keys.HEADER).is_file():
            return folder
    raise VaultError(f"{path} is not inside a vault (no {keys.HEADER} above it)")


def _logical(rel: str) -> str:
    """Vault-relative posix name; refuses names that would escape the vault."""
    pure = PurePosixPath(str(rel))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"not a vault-relative name: {rel}")
    return pure.as_posix()


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
