"""Study-wide pseudonyms: the crosswalk from an original name to its label.

The crosswalk holds identified text, so it lives only in the vault
(crosswalk.json). Several workers may de-identify at once: a session takes an
fcntl lock (an empty file beside it), re-reads it, assigns labels, writes it back.
"""
from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from typing import Iterator

from redaction.policy import EntityKind

CROSSWALK = "crosswalk.json"
LOCK = "crosswalk.lock"
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|doctor|senor|señor|senora|señora|sister|father)\.?\s+")

# Surrogate mode: realistic, deliberately bland fake names, picked by label number.
FIRST = ("Alex Jordan Casey Morgan Riley Taylor Jamie Avery Quinn Rowan Dana Robin Emery Harper Sage "
         "Reese Skyler Parker Blair Logan").split()
LAST = ("Reed Lane Brooks Hayes Ellis Grant Wells Perry Shaw Hale Marsh Stone Fields Cole Wade Frost "
        "Pratt Nash Boyd Dale").split()
TOWNS = ("Ashford Brookvale Cedarton Dunmore Elmwood Fairview Glenmont Hillcrest Kingsley Lakemont "
         "Maplewood Northfield Oakridge Pinecrest Riverton Stonebridge").split()
ORGS = ("Northside Community Services", "Harbor Family Center", "Lakeview Outreach", "Summit Family Services",
        "Riverbend Youth Home", "Meadow Lane Shelter", "Crossroads Support Center", "Bluebird Family Agency")


def key(text: str) -> str:
    """'Maria', 'maria' and "Maria's" are one key; 'Ms. Flores' is 'flores'."""
    text = re.sub(r"['’]s\b", "", text.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    return _HONORIFIC.sub("", " ".join(text.split()))


class Crosswalk:
    def __init__(self, vault):
        self.vault = vault
        self.data: dict = {"labels": {}, "next": {}}

    @contextmanager
    def session(self) -> Iterator["Crosswalk"]:
        self.vault.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.vault.root / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if self.vault.exists(CROSSWALK):
                self.data = self.vault.read_json(CROSSWALK)
            before = repr(self.data)
            yield self
            if repr(self.data) != before:
                self.vault.write_json(CROSSWALK, self.data)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def fix(self, kind: EntityKind, text: str, label: str) -> None:
        """A roster label: fixed by the study, not numbered."""
        self.data["labels"].setdefault(kind.name, {})[key(text)] = label

    def label(self, kind: EntityKind, text: str, prefer: set[str] = frozenset()) -> str:
        """The label for this original; `prefer`: labels already used in this interview."""
        if not kind.numbered:
            return kind.label
        table = self.data["labels"].setdefault(kind.name, {})
        k = key(text)
        if k in table:
            return table[k]
        found = self._partial(table, k, prefer)
        if found:
            table[k] = found
            return found
        n = self.data["next"].get(kind.label, 0) + 1
        self.data["next"][kind.label] = n
        table[k] = f"{kind.label} {n}"
        return table[k]

    @staticmethod
    def _partial(table: dict[str, str], k: str, prefer: set[str]) -> str | None:
        """A first or last name alone takes the label of the one known full name holding it,
        and a full name takes the label its lone first name already had."""
        words = k.split()
        if len(words) == 1:
            labels = {v for name, v in table.items() if k in name.split()}
            ours = labels & prefer
            for candidates in (ours, labels):
                if len(candidates) == 1:
                    return next(iter(candidates))
            return None
        return table.get(words[0])


def surrogate(kind: EntityKind, label: str, said: str) -> str | None:
    """A consistent fake for a numbered label, or None where the type has no surrogates."""
    m = re.search(r"(\d+)$", label)
    if not m:
        return None
    n = int(m.group(1)) - 1
    if kind.name == "PERSON":
        first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST) + n) % len(LAST)]
        return first if len(said.split()) == 1 else f"{first} {last}"
    if kind.name == "LOCATION":
        return TOWNS[n % len(TOWNS)]
    if kind.name == "ORGANIZATION":
        return ORGS[n % len(ORGS)]
    return None
