"""Proper nouns no other recognizer claimed: the safety net for names said with no cue.

spaCy's small model misses many names from outside its training data ("Then Luz and
Mateo came"), but a careful transcript, and Whisper's, capitalises proper nouns. A
capitalised word inside a sentence is therefore redacted unless it is on a kept list
(states, countries, languages, faiths, titles, calendar words, national bodies). At the
start of a sentence capitals say nothing, so there only a known given or family name counts.
Other recognizers score higher, so they decide the type wherever they also fire.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from redaction.gazetteers import (COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, KEPT_PROPER, NOT_NAMES, PUBLIC_BODIES,
                                  US_STATES, WORD_NAMES, person_names)
from redaction.recognizers import register
from redaction.recognizers.ner import is_cased

SCORE = 0.6
_TITLE_CASE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]")      # "Luz", "Étienne"; not "ICE" or "I"
_KEPT = KEPT_PROPER | NOT_NAMES | US_STATES | COUNTRIES | PUBLIC_BODIES


def _candidate(tok) -> bool:
    return bool(_TITLE_CASE.match(tok.text)) and tok.pos_ in ("PROPN", "NOUN") \
        and tok.lower_.rstrip(".") not in _KEPT


class ProperNounRecognizer(LocalRecognizer):
    def __init__(self):
        super().__init__(supported_entities=["PROPER_NOUN", "PERSON"], name="proper_noun")
        self._names: frozenset[str] | None = None

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        if doc is None or not is_cased(doc):
            return []
        if self._names is None:
            self._names = self._known_names(nlp_artifacts.nlp_engine.nlp[self.supported_language])
        results, i = [], 0
        while i < len(doc):
            j = i
            while j < len(doc) and _candidate(doc[j]) and (j == i or not doc[j].is_sent_start):
                j += 1
            if j == i:
                i += 1
                continue
            run = doc[i:j]
            if run.text.lower() not in _KEPT:
                entity = self._entity(run)
                if entity in entities:
                    results.append(RecognizerResult(entity, run.start_char, run.end_char, SCORE,
                                                    recognition_metadata={"recognizer_name": self.name}))
            i = j
        return results

    def _entity(self, run) -> str | None:
        if not run[0].is_sent_start:
            return "PROPER_NOUN"
        return "PERSON" if run[0].lower_ in self._names else None

    @staticmethod
    def _known_names(nlp) -> frozenset[str]:
        """Given names that are not ordinary words, and family names that are not English words
        (WordNet's index, shipped with the spaCy model's lemmatizer: "Young", "Park")."""
        english = set().union(*nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
        return (person_names(GIVEN_NAMES) | (person_names(FAMILY_NAMES) - english)) - WORD_NAMES - _KEPT


@register
def proper_noun() -> ProperNounRecognizer:
    return ProperNounRecognizer()
