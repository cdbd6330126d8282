"""Whisper's hyphenated spellings of words it did not know: "sparkle-aw-go-pah", "park-rool-imard".

Faced with a name outside its vocabulary, Whisper writes the syllables it heard joined by
hyphens, in any case. A hyphenated word with a part of three letters or more that is no
word of English or of the languages interviewees switch into is such a name, whatever
the other parts are ("serenity-riged"). Stutters ("b-because"), compounds
("well-child", "Kirundi-speaking", "great-grandbabies") and fillers ("mm-hmm") are not.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteers import KEPT_WORDS, common_words, unknown_word
from redaction.recognizers import register

SCORE = 0.55
_HYPHENATED = re.compile(r"(?<![\w'-])[A-Za-z']+(?:-[A-Za-z']+)+(?![\w-])")
_FILLER = re.compile(r"(?:u+h+|u+m+|m+|h+m+|a+h+|o+h+|e+h+|hu+h|er+|mhm|ish)", re.IGNORECASE)   # "years-ish"
# "great-grandbabies", "pre-K", "step-mamaw": a prefix makes a compound of whatever follows it.
_PREFIXES = frozenset("great step pre post non no anti multi semi sub co ex mid self half grand inter over under re "
                      "un mini micro counter".split())
_KEPT = KEPT_WORDS | STOP_WORDS


class GarbledWordRecognizer(LocalRecognizer):
    def __init__(self):
        super().__init__(supported_entities=["PROPER_NOUN"], name="garbled_word")
        self._words: frozenset[str] | None = None

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if "PROPER_NOUN" not in entities or nlp_artifacts is None:
            return []
        if self._words is None:
            self._words = common_words(nlp_artifacts.nlp_engine.nlp[self.supported_language])
        return [RecognizerResult("PROPER_NOUN", m.start(), m.end(), SCORE,
                                 recognition_metadata={"recognizer_name": self.name})
                for m in _HYPHENATED.finditer(text)
                if not self._compound(m.group()) and any(self._unknown(p) for p in m.group().split("-"))]

    @staticmethod
    def _compound(word: str) -> bool:
        return word.lower() in _KEPT or word.split("-", 1)[0].lower() in _PREFIXES

    def _unknown(self, part: str) -> bool:
        return unknown_word(part, self._words) and not _FILLER.fullmatch(part.lower().strip("'"))


@register
def garbled_word() -> LocalRecognizer:
    return GarbledWordRecognizer()
