"""Names found by the words around them, not by NER: what ASR misspells or lower-cases.

Whisper writes "Rosador Godo" or "carmen"; spaCy's small model misses such tokens,
but speech introduces people in a few fixed ways: "my name is X", "a girl named X",
"my supervisor, X", "Ms. X". Strong cues ("my name is", "named") take the next word(s)
in any case; weaker cues ("this is", "called", a role noun) need a capitalised name.
"""
import re

from presidio_analyzer import Pattern, PatternRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteers import (COUNTRIES, FAMILY_NAMES, KEPT_PROPER, MONTH_NAMES, NOT_NAMES, PARTICLES,
                                  PUBLIC_BODIES, UPPER, US_STATES, faith_named, given_names, in_words, is_demonym,
                                  person_names, plain_words)
from redaction.normalize import NUMBER_WORDS
from redaction.recognizers import pattern_name, register

_ANY = r"[^\W\d_][\w'’-]+"
_CAP = rf"[{UPPER}][\w'’-]+"       # "Étienne", "Ömer", "Şahin": capitals beyond ASCII
# Cue words are matched in any case; the name part keeps its own case rule.
_INTRO = r"(?i:\bmy\s+name\s+is|\b(?:my|her|his|their)\s+name's|\b(?:her|his|their)\s+name\s+(?:is|was))"   # a full name follows
_NAMED = r"(?i:\bnamed|\bgo(?:es)?\s+by)"                      # usually a first name
# "we call her Bibi", but "I call her number every day": after "call" a lower-case word may be the call's object.
_CALL = r"(?i:\bcall(?:s|ed)?\s+(?:me|him|her))"
_WEAK = r"(?i:\bthis\s+is|\bcalled|\bi\s+am|\bi'm|\bspoke\s+(?:to|with)|\btalked\s+to|\basked\s+for)"
# Abbreviated titles are never ordinary words, so the name after them may be in any case;
# spelled-out ones ("miss", "father") are words too and need a capitalised name.
_TITLE = r"(?i:\b(?:mr|mrs|ms|mx|dr))\.?"
_HONORIFIC = r"(?i:\b(?:miss|mister|doctor|se[ñn]ora?|se[ñn]orita|sister|father|pastor|officer|judge|coach))"
_ROLES = (r"(?i:\b(?:girl|boy|child|kid|son|daughter|mother|father|mom|dad|mum|sister|brother|aunt|uncle|wife"
          r"|husband|partner|friend|supervisor|caseworker|case\s+worker|case\s+manager|colleague|coworker|co-worker"
          r"|manager|boss|client|sponsor|lawyer|attorney|teacher|nurse|neighbor|neighbour|cousin|grandmother|grandfather"
          r"|grandma|grandpa|granddaughter|grandson|grandchild|stepson|stepdaughter|niece|nephew|intern|director"
          r"|counselor|therapist|interpreter|advocate|worker|officer"
          r"|deputy|detective|sheriff|principal|coach|driver|guard|chaplain|pastor|aide|mentor|tutor))")
# Speech addresses people by name: "Thank you, Ren." and a turn opening "Mirlande, could you ..."
# or "Joy, maybe you ...".
_THANKS = r"(?i:\bthank\s+you|\bthanks)(?i:\s+(?:both|all|so\s+much|very\s+much|again))?,?"
# A name set before the sentence, then picked up by a pronoun: "Esperance, she's in fourth grade."
_DISLOCATED = r"(?=,\s+(?:she|he)\b)"
# "Penny on nights, she knitted...": a short phrase between; only a known given name will do there.
_DISLOCATED_FAR = r"(?=\s+(?:on|at|in|from|with)\s+[a-z]+(?:\s+[a-z]+)?,\s+(?:she|he)\b)"
_ASKS = (r"(?=,\s+(?i:(?:maybe|now|so|first|just|okay|ok)\s+)?(?i:you|could|can|would|will|do|did|does|what|how|when"
         r"|where|why|tell|please|are|were|is|have|had|thanks|thank|welcome|let's|let|go\s+ahead|sorry)\b)")
# "Heather, I saw you nodding": a focus group turns to one of its members; only a known given name will do
# ("Sure, I", "Left, I"), and not a month's or season's ("June, I think", "Summer, we moved").
_TURNS_TO = rf"(?!(?:{MONTH_NAMES}|Spring|Summer|Autumn|Fall|Winter)\b)"
# "Bin, I call him": a nickname set before the one who calls the person by it.
# "Chucho, we call him." names; "the insurance, they call me and ask" is a phone call
_CALLED_BY = (r"(?=,\s+(?i:i|we|they|everybody|everyone|people|my\s+\w+)\s+(?i:call|calls|called)"
              r"\s+(?i:him|her|them|me)\b(?!\s+(?i:and|to|about|back|every|at|on|again|for|from|when|if)\b))")
# "my little sister, ivy", "a little girl, harmony who came in"
_KIND_OF = r"(?:(?i:little|big|young|younger|older|baby|teenage|new|old)\s+)?"
# "Summer, who used to be over us": a relative "who" is said of people; "Wait, who is that?" asks.
_RELATIVE = r"(?=,\s+who\b(?![^.?!]*\?))"
# "Precious is nine", "Blessing is the oldest", Whisper's "destiny is 16": a given name, in any case,
# placed among the children by age ("Rent is nine hundred" is not).
_AGE = (r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
        r"|sixteen|seventeen|eighteen|nineteen|1?\d)")
_AGED = (rf"(?=\s+(?:is|his)\s+(?:{_AGE}(?:\s*[,.;!?]|\s+(?:and|now|years?)\b)"
         r"|the\s+(?:oldest|eldest|youngest|middle\s+one|baby)(?:\s*[,.;!?]|\s+(?:one|of|and|now|girl|boy|son|daughter)\b)))")
# Whisper's "then patience, fifteen, ..." and "there's cash. Fourteen.": the age said on its own after the name.
_AGE_APART = rf"(?=[,.]\s+{_AGE}\s*[,.;!?])"
# "And your baby's name, for the tape?" / "Lovely.": the next speaker's answer to a question after a name,
# or a later one's in a round ("Can we go around, first names?" / "I'm Dawit." / "Sunny.").
_ASKED_NAME = (r"(?<=(?i:\bnames?\b|\bcall(?:ed|s)?\s+(?:him|her|them|you|it)\b)[^\n.?!]{0,40}\?[ \t]*\n"
               r"(?:[ \t]*(?i:(?:and|um|uh|hi|hello|so|okay|yeah)[,.]?[ \t]+)?(?i:I'm|I\s+am|my\s+name)\b[^\n]*\n){0,3}"
               rf"[ \t]*)(?!(?i:{NUMBER_WORDS})\b)")
_AT_SENTENCE_START = ("addressed", "dislocated", "appositive")
# Cues weak enough that only a known given name will do after them ("destiny is 16", "thanks, journey.").
_GIVEN_NAME_ONLY = ("addressed_told", "aged", "aged_apart", "ranked", "dislocated_lower", "dislocated_far",
                    "thanked_lower", "honorific_lower")
# Words that follow a cue but are not names: "I'm Catholic", "this is Texas", "my son And".
_NOT_A_NAME = NOT_NAMES | STOP_WORDS | US_STATES | COUNTRIES | PUBLIC_BODIES | frozenset(
    "mr mrs ms mx dr miss mister catholic christian muslim jewish mexican american sure sorry fine glad happy "
    "not just still here there really very so also always never okay ok alright yes yeah right great perfect "
    "good thanks honestly actually anyway wow oh um uh hmm hi hello listen look sometimes usually later eventually "
    "finally luckily unfortunately fortunately basically obviously apparently afterward afterwards meanwhile lately "
    "recently suddenly normally often mostly first second third last next lady man dude buddy".split())


class NameContextRecognizer(PatternRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        first = re.sub(r"['’](?:s|ll|m|d|ve|re)$", "", pattern_text.split()[0]).lower()   # "I'll", "Omar's"
        # a people or a language is no name, unless it is a given name too ("Fulani"; "Ashanti", "Karen")
        return first in _NOT_A_NAME or first in KEPT_PROPER and first not in given_names() or len(first) < 2

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = [_cased_name(text, r) for r in super().analyze(text, entities, nlp_artifacts, regex_flags)]
        if nlp_artifacts is None:
            return results
        # At a sentence's start only the comma after it says "name": "Wrong, is there..." is a word.
        plain = plain_words(nlp_artifacts.nlp_engine.nlp[self.supported_language])
        given = given_names()
        # ... except a family name picked up by "she"/"he" ("Gentry, she's our worker").
        return [r for r in results if pattern_name(r) not in _AT_SENTENCE_START
                or not _plain_word(nlp_artifacts.tokens, r, plain)
                or pattern_name(r) == "dislocated" and text[r.start:r.end].lower() in person_names(FAMILY_NAMES)
                if pattern_name(r) not in _GIVEN_NAME_ONLY or text[r.start:r.end].lower() in given
                # "an interpreter, Mongolian.": a nationality or its language after a role; after "Mrs." a name
                if pattern_name(r) in ("title", "honorific", "introduced") or not _nationality(text[r.start:r.end])
                if pattern_name(r) not in ("role_lower", "kin_lower") or _lower_name(nlp_artifacts.tokens, r, given)
                if pattern_name(r) != "honorific_lower" or not _verb(nlp_artifacts.tokens, r)
                if pattern_name(r) != "called" or not text[r.start].islower() or text[r.start:r.end].lower() not in plain
                if pattern_name(r) != "aged_apart" or not _object(nlp_artifacts.tokens, r)
                if not faith_named(text[r.start:r.end].split())]     # "I'm Roman Catholic"


def _cased_name(text: str, result):
    """ "Mrs. O'Donnell-Reyes signed it": after a capitalised name, a lower-case word other than a particle
    ("Juan de la Cruz") is the sentence going on; Whisper's "dr. okafor" is lower-case throughout."""
    span = text[result.start:result.end]
    if span[:1].isupper():
        for word in re.finditer(r"\S+", span):
            if word.start() and word.group()[0].islower() and word.group().lower() not in PARTICLES:
                result.end = result.start + len(span[:word.start()].rstrip())
                break
    return result


def _nationality(word: str) -> bool:
    """ "Mongolian", but not "Omari" or "Chapman", which look like nationalities and are names."""
    return is_demonym(word) and word.lower() not in given_names() and word.lower() not in person_names(FAMILY_NAMES)


def _plain_word(doc, result, plain) -> bool:
    """A common word in any inflection ("Interprets, she said"), not a name ("Gentry, she's our worker")."""
    span = doc.char_span(result.start, result.end)
    return span is not None and len(span) == 1 and in_words(span[0], plain)


def _lower_name(doc, result, given) -> bool:
    """A given name used as a noun: "my sister rose early" and "my mother said" are verbs,
    "my boss is frank" an adjective."""
    span = doc.char_span(result.start, result.end)
    return span is not None and span.text.lower() in given and span[0].pos_ in ("NOUN", "PROPN", "X")


def _verb(doc, result) -> bool:
    """ "Coach said I could start": a verb after a title is what the person did, not their name."""
    span = doc.char_span(result.start, result.end)
    return span is None or span[0].pos_ in ("VERB", "AUX")


def _object(doc, result) -> bool:
    """ "I paid cash. Two, maybe three times.": the object of a verb is the word, not a child's name."""
    span = doc.char_span(result.start, result.end)
    return span is None or span[0].dep_ == "dobj"


# A following word that is not part of the name ("my name is maria and I ...", "Ms. Ode after court").
_FUNCTION = (r"(?!(?i:" + "|".join(sorted((re.escape(w) for w in STOP_WORDS | NOT_NAMES), key=len, reverse=True))
             + r"|i'm|said|says|told|came|went|called|calls)\b)")


def _name(word: str, n: int) -> str:
    """One to n name-like words."""
    return rf"{word}(?:\s+{_FUNCTION}{word}){{0,{n - 1}}}"


@register
def name_context() -> PatternRecognizer:
    return NameContextRecognizer(
        "PERSON", name="name_context",
        patterns=[
            Pattern("introduced", rf"(?<={_INTRO}\s+){_name(_ANY, 2)}", 0.85),
            Pattern("named", rf"(?<={_NAMED}\s+){_ANY}", 0.85),
            Pattern("called", rf"(?<={_CALL}\s+){_ANY}", 0.85),
            Pattern("cued", rf"(?<={_WEAK}\s+){_name(_CAP, 2)}", 0.6),
            Pattern("title", rf"(?<={_TITLE}\s+){_name(_ANY, 2)}", 0.85),
            Pattern("honorific", rf"(?<={_HONORIFIC}\s+){_name(_CAP, 2)}", 0.85),
            # Whisper's "Miss precious": a title it capitalised before a given name it did not.
            Pattern("honorific_lower", rf"(?<=\b(?:Miss|Mister|Doctor|Sister|Pastor|Officer|Judge|Coach)\s+)"
                                       r"[a-z][\w'’-]+", 0.6),
            Pattern("role", rf"(?<={_ROLES},?\s+(?i:named\s+|called\s+)?){_name(_CAP, 2)}", 0.7),
            # Whisper's "my granddaughter journey": in lower case only a known given name will do.
            Pattern("role_lower", rf"(?<=\b(?i:my|our|his|her|their|the|a)\s+{_KIND_OF}{_ROLES},?\s+(?:is\s+|was\s+)?)"
                                  r"[a-z][a-z'-]+\b(?!['’]s)", 0.6),
            # Kin said as a title, with no "my": "then uncle ahmed came", "tia lupe".
            Pattern("kin_lower", r"(?<=\b(?i:grandma|grandpa|granny|nana|aunt|auntie|uncle|t[ií]a|t[ií]o)\s+)"
                                 r"[a-z][a-z'-]+\b(?!['’]s)", 0.6),
            # "With my friend. Aman." : the name said as a sentence of its own after the role.
            Pattern("role_then_name", rf"(?<={_ROLES}\.\s+){_name(_CAP, 2)}(?=[.,!?])", 0.7),
            Pattern("thanked", rf"(?<={_THANKS}\s+){_name(_CAP, 2)}", 0.6),
            Pattern("thanked_lower", rf"(?<={_THANKS}\s+)[a-z][\w'’-]+(?=\s*[.!?]|\s*$)", 0.6),
            Pattern("addressed", rf"(?<=^|[.?!]\s+){_CAP}{_ASKS}", 0.6),
            Pattern("addressed_told", rf"(?<=^|[.?!]\s+){_TURNS_TO}{_CAP}(?=,\s+(?:I|we)\b)", 0.6),
            Pattern("dislocated", rf"(?<=^|[.?!]\s+){_CAP}{_DISLOCATED}", 0.9),
            Pattern("dislocated_lower", rf"(?<=^|[.?!,]\s+)[a-z][\w'’-]+{_DISLOCATED}", 0.6),
            Pattern("dislocated_far", rf"(?<=^|[.?!]\s+){_ANY}{_DISLOCATED_FAR}", 0.6),
            Pattern("aged", rf"(?<=^|[.?!,]\s+|\band\s+){_ANY}{_AGED}", 0.7),
            Pattern("aged_apart", rf"\b{_ANY}{_AGE_APART}", 0.6),
            # "the youngest is river, he ...": the child named after the rank.
            Pattern("ranked", rf"(?<=\b(?i:oldest|eldest|youngest|baby)\s+(?:one\s+)?(?:is|was)\s+){_ANY}"
                              r"(?=\s*[,.;!?]|\s+and\b)", 0.6),
            Pattern("called_by", rf"\b{_ANY}{_CALLED_BY}", 0.7),
            Pattern("answered", rf"{_ASKED_NAME}{_name(_CAP, 3)}(?=[.!]|\s*$)", 0.8),
            Pattern("relative", rf"(?<=^|\s){_CAP}{_RELATIVE}", 0.75),
            Pattern("appositive", rf"(?<=^|[.?!]\s+){_CAP}(?=,\s+(?i:(?:one\s+of\s+)?(?:the|my|our|his|her|their))\s+"
                                  rf"(?:[a-z]+\s+)?{_ROLES}s?\b)", 0.7),
        ],
        global_regex_flags=re.DOTALL | re.MULTILINE)
