"""spaCy's PERSON / ORG / GPE / LOC / FAC / NORP, filtered for speech.

The small model tags interjections, job titles and sentence-initial words as
names in ASR text. A hit is kept only when it has a capitalised, non-generic
word (or, in all-lower-case text, it goes to review); states and countries are
cut out of place hits so the places recognizer and the policy decide them.
"""
from __future__ import annotations

import re
from contextvars import ContextVar

from presidio_analyzer import LocalRecognizer, RecognizerResult

from redaction.gazetteers import (COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, GREETINGS, KEPT_PROPER, NOT_NAMES,
                                  PUBLIC_BODIES, US_STATES, english_words, faith_named, given_names, in_words,
                                  foreign_stop_words, is_demonym, nouns_only, person_names, plain_words)
from redaction.recognizers import register

NER_SCORE = 0.85
LOWERCASE_SCORE = 0.4      # under the usual review threshold: a person decides
# "My sister Bijou.": a nationality that is no known people weighs less than a cue that says person
UNSURE_NATION_SCORE = 0.75
_EDGE = {"DET", "PRON", "PUNCT", "ADP", "CCONJ", "PART", "SPACE"}
# "Speaks Karen", "Lady Win / Speak, ...": spaCy reads a segment's capitalised verb and the language
# or the name next to it as one person.
SPEAK_VERBS = frozenset({"speak", "speaks", "spoke", "speaking", "talk", "talks", "talking"})
_KEPT_PLACES = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(US_STATES | COUNTRIES, key=len, reverse=True))
                          + r")\b", re.IGNORECASE)


def taken_for_nation(word: str) -> bool:
    """spaCy's small model reads a given name ("the Maria") or a family ("the Lindquists") as a nationality."""
    w = word.lower()
    return w in person_names(GIVEN_NAMES) or w.endswith("s") and w[:-1] in person_names(FAMILY_NAMES) \
        and w[:-1] not in KEPT_PROPER and not is_demonym(w[:-1])


def unknown_nation(tok, words: frozenset[str]) -> bool:
    """spaCy's small model also reads a name it has never seen as a nationality ("Selamawit help me",
    "My wife, Eleuteria."): a word that is no people, language, demonym or English word is a name."""
    return tok.lower_ not in KEPT_PROPER and not is_demonym(tok.text) and not in_words(tok, words)


def after_place_word(tok) -> bool:
    """spaCy's small model reads a rare town as a nationality ("from Comitancillo", "in Point Cadet");
    after "from" or "in" it is a place, every word of it."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i > 0 and tok.doc[i - 1].lower_ in ("from", "in", "near", "outside", "to")


_GENERIC_OPENERS = frozenset("case family school shelter office agency court hospital clinic church center program"
                             " child children kids".split())


def _opens_name(ent, tokens) -> bool:
    """ "Oberlin and Case Western": a capitalised generic word inside a sentence, before another
    name word, opens an organization's name; "Caseworker Lopez" is a role before a person. "And Salaam
    Gateway helped": a greeting capitalised inside a sentence, with no comma after it, is a name's word."""
    first = tokens[0]
    inside = not first.is_sent_start and first.text[0].isupper() and len(tokens) > 1 \
        and tokens[1].text[0].isupper() and tokens[1].lower_ not in NOT_NAMES
    return inside and (ent.label_ == "ORGANIZATION" and first.lower_ in _GENERIC_OPENERS
                       or first.i > 0 and not first.doc[first.i - 1].is_punct and first.lower_ in GREETINGS)


def _named_person(ent, english: frozenset[str]) -> bool:
    """spaCy's small model reads a full name said alone as a nationality ("Marguerite Oyelaran."): a given
    name then words that are no people, language or English word, not after "from", is a person."""
    return ent.label_ == "NRP" and len(ent) > 1 and ent[0].lower_ in person_names(GIVEN_NAMES) \
        and not is_demonym(ent[0].text) and not after_place_word(ent[0]) \
        and all(unknown_nation(t, english) for t in ent[1:] if t.is_alpha)


# Where, in the text being analysed, a speaker's next segment begins. Whisper capitalises each
# segment's first word, mid-sentence or not, so a capital there says no more than at a sentence's
# start ("...better than me / Left, it's okay"). The deidentifier sets it around each analysis.
SEGMENT_STARTS: ContextVar[frozenset[int]] = ContextVar("segment_starts", default=frozenset())
_SENTENCE_END = frozenset({".", "!", "?", "…", "...", ")", "]"})
_OPENING_QUOTES = frozenset({'"', "“", "‘", "¡", "¿"})     # and Spanish's opening marks


def opens_sentence(tok) -> bool:
    """spaCy's small model misses sentence breaks in speech ("... nine nine seven. Got it.",
    "(laughs) Perfect.", "[laughs] Tell me"); a capital after a full stop, a closing bracket, a turn or
    at a segment's start, or a quotation mark there ('"Chicken or beef?"', "¡Qué bueno!"), opens one."""
    while tok.i > 0 and tok.doc[tok.i - 1].text in _OPENING_QUOTES:
        tok = tok.doc[tok.i - 1]
    if tok.is_sent_start or tok.i == 0 or tok.idx in SEGMENT_STARTS.get():
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in _SENTENCE_END or prev.is_space and "\n" in prev.text


def is_cased(doc) -> bool:
    words = [t for t in doc if t.is_alpha]
    return bool(words) and sum(t.text[0].isupper() for t in words if not t.is_sent_start) > 0.02 * len(words)


class NerRecognizer(LocalRecognizer):
    ENTITIES = ["PERSON", "ORGANIZATION", "LOCATION", "NRP"]

    def __init__(self):
        super().__init__(supported_entities=self.ENTITIES, name="spacy_ner")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        cased = is_cased(nlp_artifacts.tokens)
        nlp = nlp_artifacts.nlp_engine.nlp[self.supported_language]
        plain, english, nouns = plain_words(nlp), english_words(nlp), nouns_only(nlp)
        results = []
        for ent in nlp_artifacts.entities:
            if ent.label_ not in entities or ent.label_ not in self.ENTITIES:
                continue
            for start, end in self._pieces(ent, text):
                # "Left's okay", "Speaks in my mind": one English word opening a sentence is capitalised
                # for that alone, unless it is also a name that spaCy reads as one ("Ding was okay") or a
                # proper noun WordNet lists ("Louisville gets...").
                if opens_sentence(ent[0]) and ent[0].idx == start and end == ent[0].idx + len(ent[0]) \
                        and in_words(ent[0], plain) and not self._known_person(ent) \
                        and not (ent[0].pos_ == "PROPN" and ent[0].lower_ in nouns):
                    continue
                label = "PERSON" if _named_person(ent, english) else ent.label_
                score = self._score(text[start:end], ent, label, cased, english)
                if score:
                    results.append(RecognizerResult(label, start, end, score,
                                                    recognition_metadata={"recognizer_name": self.name}))
        return results

    @staticmethod
    def _known_person(ent) -> bool:
        tok = ent[0]
        return ent.label_ == "PERSON" and tok.pos_ == "PROPN" \
            and (tok.lower_ in person_names(GIVEN_NAMES) or tok.lower_ in person_names(FAMILY_NAMES))

    @staticmethod
    def _pieces(ent, text: str) -> list[tuple[int, int]]:
        """The entity without edge determiners/punctuation, minus kept states and countries."""
        tokens = list(ent)
        while tokens and (tokens[0].pos_ in _EDGE or tokens[0].lower_ in NOT_NAMES and not _opens_name(ent, tokens)
                          or tokens[0].lower_ in SPEAK_VERBS):
            tokens.pop(0)
        while tokens and (tokens[-1].pos_ in _EDGE or tokens[-1].text in ("'s", "’s")
                          or tokens[-1].lower_ in SPEAK_VERBS):
            tokens.pop()
        if not tokens:
            return []
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if ent.label_ not in ("LOCATION", "NRP"):
            return [(start, end)]
        pieces, pos = [], start
        for m in _KEPT_PLACES.finditer(text, start, end):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, end))
        return [(s + len(text[s:e]) - len(text[s:e].lstrip(" ,.-")), e - len(text[s:e]) + len(text[s:e].rstrip(" ,.-")))
                for s, e in pieces if re.search(r"[^\W\d_]{2}", text[s:e])]

    @staticmethod
    def _score(span: str, ent, label: str, cased: bool, english: frozenset[str]) -> float:
        words = re.findall(r"[A-Za-z][\w'-]*", span)
        if not words or any(ch.isdigit() for ch in span):
            return 0.0
        lower = span.lower()
        if lower in PUBLIC_BODIES or lower in US_STATES or lower in COUNTRIES or lower in KEPT_PROPER \
                or words[0].lower() in PUBLIC_BODIES and not _given_name_first(words, label) \
                or len(words) == 1 and is_demonym(words[0]) \
                or is_demonym(words[-1]) and all(w.lower() in english for w in words[:-1]) or faith_named(words):
            return 0.0     # "the Black Mauritanians": a people, whatever words describe it
        if label == "NRP" and not is_demonym(words[-1]) \
                and (after_place_word(ent[0]) or all(taken_for_nation(w) for w in words)
                     or all(unknown_nation(t, english) for t in ent if t.is_alpha)):
            return 0.0     # a town or a name, left for the places, name and proper-noun recognizers
        vocab = ent.doc.vocab
        # "Sri Lanka Tamil": a country and a language together name no one either; nor does "¡Qué bendición!"
        # (an acronym is no Spanish word: "DIA" is Denver's airport)
        foreign = foreign_stop_words()
        distinctive = [w for w in re.findall(r"[^\W\d_][\w'-]*", _KEPT_PLACES.sub(" ", span))
                       if w.lower() not in NOT_NAMES and w.lower() not in KEPT_PROPER and not vocab[w.lower()].is_stop
                       and (w.lower() not in foreign or len(w) > 1 and w.isupper())]
        if not distinctive:
            return 0.0
        if not cased:
            return LOWERCASE_SCORE
        if not any(w[0].isupper() for w in distinctive):
            return 0.0
        if label == "NRP" and not is_demonym(words[-1]) and words[-1].lower() not in KEPT_PROPER:
            return UNSURE_NATION_SCORE
        return NER_SCORE


def _given_name_first(words: list[str], label: str) -> bool:
    """ "Chip Dunaway" is a man, though CHIP is a health programme."""
    return label == "PERSON" and len(words) > 1 and words[0].istitle() and words[0].lower() in given_names()


@register
def spacy_ner() -> NerRecognizer:
    return NerRecognizer()
