"""Reviewer decisions on flagged spans, kept in the vault as <id>/decisions.json.

The format is what redaction's Deidentifier.deidentify(..., decisions=...) reads:
{"segment", "start", "end", "decision", "entity_type", "reviewer", "time"}.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit.log import AuditLog, now
from vaultstore import Vault

RAW = "{id}/transcript.raw.json"
DECISIONS = "{id}/decisions.json"
_CONTEXT = 40


@dataclass(frozen=True)
class Span:
    segment: int
    start: int
    end: int
    entity_type: str

    @classmethod
    def parse(cls, text: str) -> "Span":
        """SEG:START:END:TYPE, as typed on the command line."""
        seg, start, end, kind = text.split(":", 3)
        return cls(int(seg), int(start), int(end), kind.strip().upper())


def review_items(output_dir: Path, interview_id: str) -> list[dict[str, Any]]:
    path = Path(output_dir) / interview_id / "transcript.json"
    if not path.exists():
        raise FileNotFoundError(f"no de-identified transcript for {interview_id} under {output_dir}")
    return json.loads(path.read_text()).get("review", [])


def decisions(vault: Vault, interview_id: str) -> list[dict[str, Any]]:
    rel = DECISIONS.format(id=interview_id)
    return vault.read_json(rel) if vault.exists(rel) else []


def context(vault: Vault, interview_id: str, span: Span) -> str:
    """The span in its raw sentence, marked [[...]]: identified, for the key holder's terminal only."""
    text = vault.read_json(RAW.format(id=interview_id))["segments"][span.segment]["text"]
    before = text[max(0, span.start - _CONTEXT):span.start]
    return f"...{before}[[{text[span.start:span.end]}]]{text[span.end:span.end + _CONTEXT]}..."


def decide(vault: Vault, output_dir: Path, interview_id: str, span: Span, decision: str, reviewer: str) -> dict:
    """Store the decision in the vault (one per span: the latest wins) and log it."""
    segments = vault.read_json(RAW.format(id=interview_id))["segments"]
    if not (0 <= span.segment < len(segments) and 0 <= span.start < span.end <= len(segments[span.segment]["text"])):
        raise ValueError(f"span {span.segment}:{span.start}:{span.end} is not inside the raw transcript")
    record = {"segment": span.segment, "start": span.start, "end": span.end, "decision": decision,
              "entity_type": span.entity_type, "reviewer": reviewer, "time": now()}
    kept = [d for d in decisions(vault, interview_id)
            if (d["segment"], d["start"], d["end"]) != (span.segment, span.start, span.end)]
    vault.write_json(DECISIONS.format(id=interview_id), kept + [record])
    AuditLog(output_dir).record_decision(interview_id, span.segment, span.start, span.end, span.entity_type,
                                         decision, reviewer, record["time"])
    return record
