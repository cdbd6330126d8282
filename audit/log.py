"""The redaction log: append-only JSON Lines, hash chained, no identifiers.

Lives at <output>/audit/redaction_log.jsonl, beside the de-identified outputs:
it holds offsets, types, labels and hashes, never original text, so it is as
shareable as the outputs. Each line is the canonical JSON (sorted keys, no
spaces) of an entry that carries `prev` (the previous entry's hash; 64 zeros
for the first) and `hash` (sha256 of the entry without `hash`). Changing any
byte of any line therefore breaks that line's hash or the next line's `prev`.
A batch entry records every output file's sha256, so outputs are checked too.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from deidflow.models import Redaction

AUDIT_DIR = "audit"
LOG_NAME = "redaction_log.jsonl"
GENESIS = "0" * 64
# reviewer verbs -> the decision written to the log (Redaction.decision says "auto" otherwise)
DECISIONS = {"accept": "reviewer_accept", "reject": "reviewer_reject", "add": "reviewer_add"}


def canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical({k: v for k, v in entry.items() if k != "hash"})).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class AuditLog:
    def __init__(self, output_dir: Path):
        self.output_dir = Path(output_dir)
        self.path = self.output_dir / AUDIT_DIR / LOG_NAME

    # -- writing -------------------------------------------------------------

    def record_interview(self, interview_id: str, source_sha256: str, redactions: list[Redaction],
                         versions: dict[str, Any], config_hash: str) -> str:
        """One entry per redaction (an interview entry when there are none). Returns the chain head."""
        # `run` groups this call's entries, so a report can count only an interview's latest rendering
        common = {"interview_id": interview_id, "run": uuid.uuid4().hex, "source_sha256": source_sha256,
                  "versions": versions, "config_hash": config_hash}
        entries = [{"kind": "redaction", **common, **r.to_json()} for r in redactions]
        return self._append(entries or [{"kind": "interview", **common}])

    def record_decision(self, interview_id: str, segment: int, start: int, end: int, entity_type: str,
                        decision: str, reviewer: str, time: str | None = None,
                        label: str | None = None) -> str:
        """A reviewer's accept / reject / add on a span (offsets in the raw segment text)."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        return self._append([{"kind": "decision", "interview_id": interview_id, "segment": segment,
                              "start": start, "end": end, "entity_type": entity_type,
                              "decision": DECISIONS[decision], "reviewer": reviewer,
                              "decided_at": time or now(), "label": label}])

    def record_batch(self, batch_id: str, files: list[Path],
                     durations: dict[str, float] | None = None) -> str:
        """Close a batch: every output file's sha256 (paths relative to the output dir). Returns the head."""
        hashes = {self.relative_name(Path(f)): file_sha256(Path(f)) for f in files}
        return self._append([{"kind": "batch", "batch_id": batch_id, "files": hashes,
                              "durations": durations or {}}])

    def record_purge(self, interview_id: str, files_removed: int = 0, crosswalk_entries_removed: int = 0) -> str:
        """A withdrawal: counts only, never what was removed."""
        return self._append([{"kind": "purge", "interview_id": interview_id, "files_removed": files_removed,
                              "crosswalk_entries_removed": crosswalk_entries_removed}])

    def relative_name(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.output_dir.resolve()).as_posix()
        except ValueError:
            return str(path.resolve())

    def _append(self, entries: Iterable[dict[str, Any]]) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # the lock spans read-head + append, so concurrent workers cannot fork the chain
        with open(self.path, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                last = _last_entry(fh)
                prev, seq = (last["hash"], last["seq"] + 1) if last else (GENESIS, 0)
                lines = []
                for entry in entries:
                    entry = {**entry, "seq": seq, "time": now(), "prev": prev}
                    entry["hash"] = prev = entry_hash(entry)
                    lines.append(canonical(entry) + b"\n")
                    seq += 1
                fh.seek(0, os.SEEK_END)
                fh.write(b"".join(lines))
                fh.flush()
                os.fsync(fh.fileno())
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
        return prev

    # -- reading -------------------------------------------------------------

    def entries(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_bytes().splitlines() if line.strip()]

    def head(self) -> str:
        if not self.path.exists():
            return GENESIS
        with open(self.path, "rb") as fh:
            last = _last_entry(fh)
        return last["hash"] if last else GENESIS


def _last_entry(fh) -> dict[str, Any] | None:
    """The last complete line, read from the end so appends stay cheap on a long log."""
    size = fh.seek(0, os.SEEK_END)
    window = 4096
    while True:
        start = max(0, size - window)
        fh.seek(start)
        tail = fh.read(size - start).rstrip(b"\n")
        cut = tail.rfind(b"\n")
        if cut >= 0 or start == 0:
            line = tail[cut + 1:]
            return json.loads(line) if line.strip() else None
        window *= 2
