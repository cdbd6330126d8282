"""`audit verify`: is the log intact, are the outputs what was logged, does any output leak?

Findings name a file and line and what is wrong, never the leaked text: a leak
is reported by the crosswalk's replacement label.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit import leaks
from audit.log import AUDIT_DIR, GENESIS, AuditLog, canonical, entry_hash, file_sha256
from vaultstore import Vault


@dataclass(frozen=True)
class Finding:
    where: str          # "path:line" or "path"
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def verify(output_dir: Path, vault: Vault | None) -> list[Finding]:
    """Every problem found; an empty list means the run verifies."""
    log = AuditLog(output_dir)
    findings, entries = check_chain(log.path)
    findings += check_files(Path(output_dir), entries, log)
    if vault is not None:
        findings += [Finding(leak.where, f"leak: an original of {leak.label} appears here" if leak.label
                             else "damaged ZIP: could not be re-scanned for leaks")
                     for leak in leaks.scan(Path(output_dir), leaks.crosswalk_originals(vault))]
    return findings


def check_chain(path: Path) -> tuple[list[Finding], list[dict[str, Any]]]:
    """Each line must be canonical JSON whose hash matches and whose prev is the line before's hash."""
    if not path.exists():
        return [Finding(str(path), "no redaction log")], []
    findings: list[Finding] = []
    entries: list[dict[str, Any]] = []
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        findings.append(Finding(f"{path}:{len(data.splitlines())}", "last line is incomplete (no newline)"))
    prev = GENESIS
    for number, line in enumerate(data.splitlines(), start=1):
        where = f"{path}:{number}"
        try:
            entry = json.loads(line)
        except ValueError:
            findings.append(Finding(where, "altered: not valid JSON"))
            prev = None
            continue
        if not isinstance(entry, dict) or canonical(entry) != line:
            findings.append(Finding(where, "altered: not the canonical form it was written in"))
        elif entry.get("hash") != entry_hash(entry):
            findings.append(Finding(where, "altered: content does not match its hash"))
        if prev is not None and entry.get("prev") != prev:
            findings.append(Finding(where, "chain broken: prev is not the hash of the line before "
                                           "(a line was altered, removed or inserted)"))
        if isinstance(entry, dict):
            if entry.get("seq") != number - 1:
                findings.append(Finding(where, f"sequence {entry.get('seq')} where {number - 1} was expected "
                                               "(lines removed or reordered)"))
            entries.append(entry)
            prev = entry_hash(entry)
    return findings, entries


def check_files(output_dir: Path, entries: list[dict[str, Any]], log: AuditLog) -> list[Finding]:
    """Each output file must match the hash its last batch entry logged; unlogged outputs are findings too."""
    logged: dict[str, str] = {}
    for entry in entries:
        if entry.get("kind") == "batch":
            logged.update(entry.get("files", {}))
    findings = []
    for name, sha in sorted(logged.items()):
        path = Path(name) if Path(name).is_absolute() else output_dir / name
        if not path.exists():
            findings.append(Finding(name, "missing: logged in a batch but no longer there"))
        elif file_sha256(path) != sha:
            findings.append(Finding(name, "altered: sha256 differs from the last logged hash"))
    for path in output_files(output_dir):
        if log.relative_name(path) not in logged:
            findings.append(Finding(path.relative_to(output_dir).as_posix(),
                                    "not in the log: written after the last batch, or by something else"))
    return findings


def output_files(output_dir: Path) -> list[Path]:
    """The de-identified outputs a batch logs: everything but the audit folder and hidden files."""
    out = Path(output_dir)
    return sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and AUDIT_DIR not in p.relative_to(out).parts[:1])
