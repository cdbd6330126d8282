"""The study roster: known names always redacted, misspelt or alone.

ASR mangles names ("Esparanza"), speakers say a first name alone or a possessive
("Maria's"). Full names match exactly or fuzzily (rapidfuzz); each word of a
person's name also matches alone. A result carries the roster entry's index so
every variant gets that entry's pseudonym.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from rapidfuzz import fuzz

from redaction.gazetteers import NOT_NAMES

FUZZY_MIN = 86          # ratio; one wrong letter in a 7-letter name still matches
FUZZY_MIN_LEN = 5       # shorter words are too often ordinary words one letter away
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class RosterEntry:
    text: str
    entity_type: str = "PERSON"
    label: str | None = None

    @classmethod
    def from_study(cls, item: dict) -> "RosterEntry":
        return cls(item["text"], item.get("type", "PERSON"), item.get("label"))


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


class RosterRecognizer(EntityRecognizer):
    def __init__(self, entries: list[RosterEntry]):
        self.entries = entries
        super().__init__(supported_entities=sorted({e.entity_type for e in entries} or {"PERSON"}),
                         name="roster")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        words = [(m.start(), m.start() + len(_strip_possessive(m.group())), _strip_possessive(m.group()))
                 for m in _WORD.finditer(text)]
        results = []
        for index, entry in enumerate(self.entries):
            parts = entry.text.split()
            n = len(parts)
            for i in range(len(words) - n + 1):
                window = words[i:i + n]
                if any(text[a[1]:b[0]].strip(" ,") for a, b in zip(window, window[1:])):
                    continue  # not adjacent words
                said = " ".join(w for _, _, w in window)
                score = self._full_score(entry.text, said)
                if score:
                    results.append(self._result(entry, index, window[0][0], window[-1][1], score))
            if entry.entity_type == "PERSON" and n > 1:
                results += self._single_words(entry, index, words)
        return results

    @staticmethod
    def _full_score(known: str, said: str) -> float:
        if said.lower() == known.lower():
            return 1.0
        if len(said) >= FUZZY_MIN_LEN and fuzz.ratio(said.lower(), known.lower()) >= FUZZY_MIN:
            return 0.85
        return 0.0

    def _single_words(self, entry: RosterEntry, index: int, words) -> list[RecognizerResult]:
        """A first or last name said alone; lower-case hits of common words go to review."""
        out = []
        names = [p for p in entry.text.split() if len(p) >= 3 and p.lower() not in NOT_NAMES]
        for start, end, word in words:
            for name in names:
                score = self._full_score(name, word)
                if score:
                    out.append(self._result(entry, index, start, end, score if word[0].isupper() else 0.45))
        return out

    def _result(self, entry, index, start, end, score) -> RecognizerResult:
        return RecognizerResult(entry.entity_type, start, end, score,
                                recognition_metadata={"recognizer_name": self.name, "roster_index": index})
