"""Proper nouns no other recognizer claimed: the safety net for names said with no cue.

spaCy's small model misses many names from outside its training data ("Then Luz and
Mateo came"), but a careful transcript, and Whisper's, capitalises proper nouns. A
capitalised word inside a sentence is therefore redacted unless it is on a kept list
(states, countries, languages, faiths, titles, calendar words, national bodies). At the
start of a sentence capitals say less, so there only a known given or family name, a noun
that is no English word ("Keza flinches"), or a word listed with other names, counts.
Other recognizers score higher, so they decide the type wherever they also fire.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteers import (FAMILY_NAMES, GIVEN_NAMES, KEPT_WORDS, LOWER, PARTICLES, UPPER, WORD_NAMES,
                                  common_words, english_words, faith_named, given_names, in_words, is_demonym,
                                  person_names)
from redaction.recognizers import register
from redaction.recognizers.ner import (SPEAK_VERBS, after_place_word, is_cased, opens_sentence, taken_for_nation,
                                       unknown_nation)

SCORE = 0.6
_TITLE_CASE = re.compile(rf"[{UPPER}](?:[{LOWER}]|['’][{UPPER}])")   # "Luz", "Étienne", "O'Neil"; not "ICE", "I-1"
_CONTENT = ("PROPN", "NOUN", "VERB", "ADJ", "ADV", "X")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# "That's—yeah": spaCy leaves a contraction before a dash in one token.
_CONTRACTION = re.compile(r"(\w+)['’](?:s|ll|re|ve|d|m|t)")


def _word_name(tok) -> bool:
    """ "Jayden and Will", "Will's birthday": a given name that is also a function word, capitalised
    inside a sentence or possessed (the verb "will" is neither)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in given_names() and (not opens_sentence(tok) or nxt is not None and nxt.lower_ in ("'s", "’s"))


def _candidate(tok, words: frozenset[str]) -> bool:
    """A capitalised word that may be part of a name. Inside a sentence a content word will do (spaCy
    tags names in a foreign-language sentence as verbs); at its start, where every word is capitalised,
    only a noun or a word that is no English word ("Samtse." tagged as an adjective); never a
    nationality, a language or a word on the kept lists. spaCy's small model also takes given names
    and families for nationalities ("coordinator, Marguerite", "the Lindquists"), so those still count."""
    contraction = _CONTRACTION.fullmatch(tok.lower_)
    return bool(_TITLE_CASE.match(tok.text)) and tok.lower_.rstrip(".") not in KEPT_WORDS \
        and not (contraction and (contraction[1] in STOP_WORDS or contraction[1] in words)) \
        and (not tok.is_stop or _word_name(tok)) \
        and not (tok.lower_.endswith("s") and tok.lower_[:-1] in KEPT_WORDS) \
        and (tok.ent_type_ not in ("NORP", "LANGUAGE") or after_place_word(tok)
             or taken_for_nation(tok.text) or unknown_nation(tok, words)) and not is_demonym(tok.text) \
        and (tok.pos_ in ("PROPN", "NOUN")
             or tok.pos_ in _CONTENT and (not opens_sentence(tok) or not in_words(tok, words)))


_KEPT_PHRASES = {len(p.split()) for p in KEPT_WORDS if " " in p}


def _kept_phrase(doc, i: int) -> int:
    """How many tokens from doc[i] a kept name of several words takes ("the Department of Labor", whose
    "of" would otherwise split it into two capitalised runs)."""
    return max((n for n in _KEPT_PHRASES if i + n <= len(doc) and doc[i:i + n].text.lower() in KEPT_WORDS),
               default=0)


def _given_before(doc, i: int) -> bool:
    """Whisper's "rich Vanderzy", "a man named, um, grace Okafor": a given name it lower-cased before
    a family name is part of the name; "will Omar come" (a verb) and "a rich Vanderbilt" are not."""
    if i == 0 or opens_sentence(doc[i]):
        return False
    prev = doc[i - 1]
    return prev.is_lower and prev.lower_ in given_names() and prev.pos_ in ("ADJ", "NOUN", "PROPN") \
        and not (i > 1 and doc[i - 2].pos_ in ("DET", "ADJ", "NUM"))


class ProperNounRecognizer(LocalRecognizer):
    def __init__(self):
        super().__init__(supported_entities=["PROPER_NOUN", "PERSON"], name="proper_noun")
        self._names: frozenset[str] | None = None
        self._words: frozenset[str] = frozenset()

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        if doc is None or not is_cased(doc):
            return []
        if self._names is None:
            nlp = nlp_artifacts.nlp_engine.nlp[self.supported_language]
            self._names, self._words = self._known_names(nlp), common_words(nlp)
        results, i = [], 0
        while i < len(doc):
            kept = _kept_phrase(doc, i)
            if kept:
                i += kept
                continue
            j = i
            while j < len(doc) and (j == i or not opens_sentence(doc[j])):
                if _candidate(doc[j], self._words) and doc[j].lower_ not in SPEAK_VERBS:
                    j += 1
                elif j > i and doc[j].lower_ in PARTICLES and j + 1 < len(doc) and _candidate(doc[j + 1], self._words):
                    j += 2
                elif j > i and _ACRONYM.fullmatch(doc[j].text) and doc[j].lower_ not in KEPT_WORDS:
                    j += 1     # "Hazard ARH", "Lantern CASA": an acronym that ends a name is part of it
                else:
                    break
            if j == i:
                # "Sunny and Grey.": a word-name opening a list of names, whatever spaCy tags it.
                if opens_sentence(doc[i]) and _TITLE_CASE.match(doc[i].text) and doc[i].lower_ in given_names() \
                        and self._listed(doc, i + 1) and "PERSON" in entities:
                    results.append(RecognizerResult("PERSON", doc[i].idx, doc[i].idx + len(doc[i]), SCORE,
                                                    recognition_metadata={"recognizer_name": self.name}))
                i += 1
                continue
            if doc[i:j].text.lower() not in KEPT_WORDS \
                    and not (j == i + 1 < len(doc) and faith_named([doc[i].text, doc[j].text])):
                span, entity = self._name(doc, i, j)
                if span is not None and span.start == i and _given_before(doc, i):
                    span, entity = doc[i - 1:span.end], "PERSON"
                if span is not None and entity in entities:
                    results.append(RecognizerResult(entity, span.start_char, span.end_char, SCORE,
                                                    recognition_metadata={"recognizer_name": self.name}))
            i = j
        return results

    def _name(self, doc, i: int, j: int):
        """The part of the run doc[i:j] that is a name, and its type."""
        run = doc[i:j]
        if not opens_sentence(run[0]):
            return run, "PROPER_NOUN"
        # A known name that is also an English word counts as a proper noun or alone ("Journey."),
        # not as a word in a phrase ("Game jobs.") or an adverb or interjection said alone ("Long. I wait.").
        if run[0].lower_ in self._names and (run[0].pos_ == "PROPN" or not in_words(run[0], self._words)
                                             or j < len(doc) and doc[j].is_punct
                                             and run[0].pos_ not in ("ADV", "INTJ")) \
                or len(run) > 1 and run[0].lower_ in given_names():
            return run, "PERSON"     # "Honor Combs": a word-name starts a run of names
        # "Precious's card": only a noun is possessed, and a word-name as a noun is a name.
        if run[0].lower_ in given_names() and j < len(doc) and doc[j].lower_ in ("'s", "’s") and doc[j].pos_ == "PART":
            return run, "PERSON"
        # "Keza flinches": a noun that is no English word, in any inflection, is a name;
        # so is "Ji-hoon", whose second half is none ("Self-care", "Uh-huh" are words).
        if not in_words(run[0], self._words) or self._hyphen_name(doc, i, j):
            return run, "PROPER_NOUN"
        # "Honor, Brooks and Kinsley": listed with a capitalised word, it is one of a list of names.
        if self._listed(doc, j):
            return run, "PROPER_NOUN"
        # "Greater Pilgrim Rest": a capital opening two more is the first word of the name;
        # "Coach Landry": the words after the first are capitalised inside the sentence.
        # "Ban Vinai.": two capitals that are the whole sentence, one of them no English word, are one
        # name said as an answer ("Good Morning." is a phrase).
        if len(run) > 2 or len(run) == 2 and self._alone(doc, j) and not in_words(run[1], self._words):
            return run, "PROPER_NOUN"
        return (run[1:], "PROPER_NOUN") if len(run) > 1 else (None, None)

    @staticmethod
    def _alone(doc, j: int) -> bool:
        """Does the sentence end at doc[j], with a full stop, so the run before it is all it says?"""
        return j < len(doc) and doc[j].text in (".", "!") and (j + 1 == len(doc) or opens_sentence(doc[j + 1])
                                                                or doc[j + 1].is_space)

    def _listed(self, doc, j: int) -> bool:
        """Does a list go on at doc[j] with another capitalised word ("Honor, Brooks and Kinsley")?"""
        return j + 1 < len(doc) and doc[j].lower_ in (",", "and", "&") and _candidate(doc[j + 1], self._words) \
            and not opens_sentence(doc[j + 1])

    def _hyphen_name(self, doc, i: int, j: int) -> bool:
        if j + 1 >= len(doc) or doc[j].text != "-" or doc[j - 1].whitespace_ or doc[j].whitespace_:
            return False
        tail = doc[j + 1]
        return tail.is_alpha and len(tail) > 1 and not in_words(tail, self._words) \
            and tail.lower_ not in KEPT_WORDS and doc[i].lower_ not in KEPT_WORDS

    @staticmethod
    def _known_names(nlp) -> frozenset[str]:
        """Given names that are not ordinary words, and family names that are not English words
        (WordNet's index, shipped with the spaCy model's lemmatizer: "Young", "Park")."""
        return (person_names(GIVEN_NAMES) | (person_names(FAMILY_NAMES) - english_words(nlp))) - WORD_NAMES - KEPT_WORDS


@register
def proper_noun() -> ProperNounRecognizer:
    return ProperNounRecognizer()
