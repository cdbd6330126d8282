"""Per-study configuration: de-identification policy, roster, exports.

A study file is YAML. Every key is optional; see README for the full list.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Study:
    name: str = "study"
    # entity type -> "redact" | "keep"; unlisted types follow redaction's default policy
    policy: dict[str, str] = field(default_factory=dict)
    # known names always redacted: [{"text": "Maria Lopez", "type": "PERSON", "label": "Participant P07"}]
    roster: list[dict[str, Any]] = field(default_factory=list)
    pseudonyms: str = "labels"          # "labels" ([Person 3]) or "surrogates" (fake names)
    review_threshold: float = 0.5
    formats: list[str] | None = None    # None: every export format
    manifest: str | None = None         # CSV/XLSX path, relative to the study file

    @classmethod
    def load(cls, path: Path | None) -> "Study":
        if path is None:
            return cls()
        data = yaml.safe_load(Path(path).read_text()) or {}
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"{path}: unknown study keys: {', '.join(sorted(unknown))}")
        study = cls(**data)
        if study.manifest:
            study.manifest = str((Path(path).parent / study.manifest).resolve())
        return study

    def config_hash(self) -> str:
        """Hash of the settings, so the audit log can prove which policy ran."""
        blob = json.dumps(asdict(self), sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
