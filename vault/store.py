"""Vault storage. Every read and write of identified material goes through here."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from deidflow import atomic


class Vault:
    def __init__(self, root: Path):
        self.root = Path(root)

    def open(self) -> "Vault":
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        return self

    def path(self, rel: str) -> Path:
        return self.root / rel

    def exists(self, rel: str) -> bool:
        return self.path(rel).exists()

    def write_bytes(self, rel: str, data: bytes) -> Path:
        target = self.path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(target.parent, 0o700)
        return atomic.write_bytes(target, data, mode=0o600)

    def read_bytes(self, rel: str) -> bytes:
        return self.path(rel).read_bytes()

    def write_json(self, rel: str, obj: Any) -> Path:
        return self.write_bytes(rel, (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode())

    def read_json(self, rel: str) -> Any:
        return json.loads(self.read_bytes(rel))
