"""Withdrawal: remove one participant's identified material from the vault."""
from __future__ import annotations

from dataclasses import dataclass

from vaultstore.store import Vault

CROSSWALK = "crosswalk.json"


@dataclass(frozen=True)
class PurgeResult:
    interview_id: str
    files_removed: int
    crosswalk_entries_removed: int


def purge(vault: Vault, interview_id: str) -> PurgeResult:
    """Delete the interview's crosswalk entries, then its vault folder (counts only: no identifiers)."""
    if not interview_id or "/" in interview_id or interview_id in (".", ".."):
        raise ValueError("an interview id is one folder name")
    vault.open()
    entries = _purge_crosswalk(vault, interview_id)
    return PurgeResult(interview_id, vault.remove_tree(interview_id), entries)


def _purge_crosswalk(vault: Vault, interview_id: str) -> int:
    """Drop the originals said in this interview and in no other.

    The crosswalk (redaction.pseudonyms) records originals, not who said
    them, so attribution comes from the raw transcripts. Run before the
    folder goes: the interview's own transcript is the evidence.
    """
    from redaction.pseudonyms import Crosswalk, key   # the crosswalk's owner, and its normalisation
    own = f"{interview_id}/transcript.raw.json"
    if not (vault.exists(CROSSWALK) and vault.exists(own)):
        return 0
    others = [rel for rel in vault.files() if rel.endswith("/transcript.raw.json") and rel != own]
    said = _said(vault, own, key)
    elsewhere = [_said(vault, rel, key) for rel in others]
    removed = 0
    with Crosswalk(vault).session() as crosswalk:
        for table in crosswalk.data.get("labels", {}).values():
            for original in list(table):
                needle = f" {original} "
                if needle in said and not any(needle in text for text in elsewhere):
                    del table[original]
                    removed += 1
    return removed


def _said(vault: Vault, rel: str, key) -> str:
    """Everything an interview's raw transcript holds (speech and speaker names), normalised as crosswalk keys."""
    raw = vault.read_json(rel)
    pieces = [s.get("text", "") for s in raw.get("segments", [])] + [s.get("label", "") for s in raw.get("speakers", [])]
    return " " + " ".join(key(p) for p in pieces) + " "
