"""Atomic file writes: a crash leaves either the old file or the new one."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_bytes(path: Path, data: bytes, mode: int = 0o644) -> Path:
    path = Path(path)
    tmp = _staged(path, data, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def create_bytes(path: Path, data: bytes, mode: int = 0o644) -> bool:
    """Write path whole only if it does not exist yet; False when another writer was first."""
    path = Path(path)
    tmp = _staged(path, data, mode)
    try:
        os.link(tmp, path)          # atomic, and refuses to replace
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)


def _staged(path: Path, data: bytes, mode: int) -> Path:
    """data in a synced temporary file beside path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_text(path: Path, text: str, mode: int = 0o644) -> Path:
    return write_bytes(path, text.encode("utf-8"), mode)


def write_json(path: Path, obj: Any, mode: int = 0o644) -> Path:
    return write_text(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n", mode)
