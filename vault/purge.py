"""Withdrawal: remove one participant's identified material from the vault."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from vault.store import Vault

CROSSWALK = "crosswalk.json"


@dataclass(frozen=True)
class PurgeResult:
    interview_id: str
    files_removed: int
    crosswalk_entries_removed: int


def purge(vault: Vault, interview_id: str) -> PurgeResult:
    """Delete the interview's vault folder and its crosswalk entries (counts only: no identifiers)."""
    if not interview_id or "/" in interview_id or interview_id in (".", ".."):
        raise ValueError("an interview id is one folder name")
    vault.open()
    files = vault.remove_tree(interview_id)
    with vault.lock(CROSSWALK):
        entries = _purge_crosswalk(vault, interview_id)
    return PurgeResult(interview_id, files, entries)


def _purge_crosswalk(vault: Vault, interview_id: str) -> int:
    # the redaction package owns the crosswalk's shape: use its own purge when it has one
    owner = _crosswalk_owner()
    if owner is not None:
        return int(owner(vault, interview_id) or 0)
    if not vault.exists(CROSSWALK):
        return 0
    crosswalk = vault.read_json(CROSSWALK)
    removed = _drop_interview(crosswalk, interview_id)
    vault.write_json(CROSSWALK, crosswalk)
    return removed


def _crosswalk_owner():
    try:
        module = importlib.import_module("redaction.pseudonyms")
    except ImportError:
        return None
    return getattr(module, "purge_interview", None)


def _drop_interview(node: Any, interview_id: str) -> int:
    """Remove entries used only by this interview; strip the id from shared ones. Returns entries removed."""
    if isinstance(node, dict):
        items = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))
    else:
        return 0
    removed, doomed = 0, []
    for key, value in items:
        if isinstance(value, dict) and isinstance(value.get("interviews"), list):
            if interview_id in value["interviews"]:
                value["interviews"].remove(interview_id)
                if not value["interviews"]:
                    doomed.append(key)
        else:
            removed += _drop_interview(value, interview_id)
    for key in reversed(doomed):     # reversed keeps list indices valid
        del node[key]
    return removed + len(doomed)
