"""US states and countries: kept by default (Safe Harbor), detected so a study can redact them;
and hyphenated place names spaCy's small model splits apart."""
import re

from presidio_analyzer import Pattern, PatternRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteers import COUNTRIES, KEPT_NAMES, KEPT_PROPER, NOT_NAMES, US_STATES, alternation, kept_word
from redaction.normalize import NUMBER_WORDS
from redaction.recognizers import register
from redaction.recognizers.organization import NAME_WORD, STOPS


@register
def us_state() -> PatternRecognizer:
    return PatternRecognizer("US_STATE", name="us_state",
                             patterns=[Pattern("state", alternation(US_STATES), 0.8)])


@register
def country() -> PatternRecognizer:
    # Two-letter forms ("us", "uk") collide with words; only spelled-out names here.
    names = [c for c in COUNTRIES if len(c) > 3 and "." not in c]
    return PatternRecognizer("COUNTRY", name="country", patterns=[Pattern("country", alternation(names), 0.8)])


@register
def kept_name_place() -> PatternRecognizer:
    # "Kansas City", "Virginia Beach", "Guatemala City": a city named after its state or country outranks it.
    return PatternRecognizer("LOCATION", name="kept_name_place",
                             patterns=[Pattern("kept_name_city", rf"{KEPT_NAMES}\s+(?:City|Beach|Falls|Springs)\b", 0.85)],
                             global_regex_flags=re.DOTALL | re.MULTILINE)


@register
def compound_place() -> PatternRecognizer:
    # "Port-au-Prince", "Mazar-i-Sharif", "Stratford-upon-Avon": capitalised ends joined by a small
    # lower-case word name a place (hyphenated personal names, "Jean-Baptiste", have no middle word).
    return PatternRecognizer("LOCATION", name="compound_place",
                             patterns=[Pattern("hyphenated", r"\b[A-Z][a-zà-ÿ]+-[a-z]{1,4}-[A-Z][a-zà-ÿ]+\b", 0.7)],
                             global_regex_flags=re.DOTALL | re.MULTILINE)


# Capitalised words before a kind of facility name the facility: "the Gainesville bus station",
# "the Denver Greyhound station", "Union Station".
_FACILITY = (rf"\b(?:{NAME_WORD}\s+){{1,3}}(?:(?:(?:bus|train|greyhound|subway|metro)\s+)?(?i:station|terminal|depot)"
             r"|airport|apartments|apartment\s+complex|mall|plaza|courthouse|annex|jail|prison|detention\s+center"
             r"|processing\s+cent(?:er|re)|refugee\s+camp|camp|motel|projects|trailer\s+park|mobile\s+home\s+park"
             r"|checkpoint|border\s+crossing|crossing)\b")


class FacilityRecognizer(PatternRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        first = pattern_text.split()[0].lower()
        return first in STOP_WORDS or first in NOT_NAMES or first in KEPT_PROPER or first in US_STATES \
            or first in COUNTRIES


# Whisper lower-cases the facility's name: "in the not-arrow county processing center", "to Cyprus hollow
# processing centre".
_LOWER_FACILITY = (r"(?<=\b(?:at|in|to|from|into)\s(?:the\s)?)(?!(?:the|a|an|same|old|new|big|small|local|nearby|other|next"
                   r"|county|city|state|federal|main)\b)[A-Za-z][\w'-]*\s+(?:[a-z][\w'-]*\s+)?"
                   r"(?:(?:processing|detention)\s+cent(?:er|re)|(?:bus|train)\s+(?:station|terminal|depot))\b")


# "picked up in rapid city": after a place preposition, a lower-case word before "city" or "county"
# is the town's own name ("in a new city", "in the county" are not).
_LOWER_TOWN = (r"(?<=\b(?:in|from|to|near|outside|of)\s)(?!(?:new|old|big|small|inner|whole|entire|home|local|nearby"
               r"|neighboring|neighbouring|next|different|rural|large|capital|host)\b)[a-z][\w'-]*\s+(?:city|county)\b")
# Whisper lower-cases a county or a suburb wherever it is said ("I cover castor county", "my brother's in
# sterling heights"); a word of its own before it names one ("the whole county", "new heights" do not).
_LOWER_AREA = (rf"(?<![\w'’-])(?!(?:{STOPS}|new|old|big|small|whole|entire|home|local|nearby|neighboring"
               r"|neighbouring|next|different|rural|large|poor|rich|border|wrong|same|adjacent|surrounding|great"
               r"|greater|dizzying|lofty|crazy)\b)[a-z][\w'-]*\s+(?:county|heights)\b(?!-)")


# "Little Armenia", "Little Saigon", "Little Haiti": a neighbourhood, even when its second word is a country;
# not "Little League" or "Little English." (a language, a faith or a people).
_LITTLE = (r"\bLittle\s+(?!(?:League|Women|One|Ones|Bit|Things?|Kids?|Boys?|Girls?|Brother|Sister|By)\b)"
           rf"(?!{alternation(w.title() for w in KEPT_PROPER)})[A-Z][a-z]+")
# "off the turnpike, exit two forty-four": a highway exit (the view reads "exit 244"); "highway 71", "Route 9".
# A name before the road inside a sentence is the road's ("stuck out on Navajo Route 12").
_EXIT = (rf"(?:(?<=[a-z,]\s)[A-Z][\w'-]+\s+(?=(?i:highway|route)\s))?"
         r"\b(?i:exit|highway|route|interstate|hwy|state\s+road|county\s+road|rural\s+route)\s+"
         rf"(?:\d{{1,3}}[A-Za-z]?|(?i:{NUMBER_WORDS})(?:[\s-]+(?i:{NUMBER_WORDS}))*)\b"
         r"(?!\s*(?i:minutes?|hours?|times?|percent))")


@register
def facility() -> PatternRecognizer:
    # Scored over NER's place so the facility is one span, not "[Place 1] bus station".
    return FacilityRecognizer("LOCATION", name="facility", patterns=[Pattern("facility", _FACILITY, 0.9),
                                                                     Pattern("lower_facility", _LOWER_FACILITY, 0.6),
                                                                     Pattern("lower_town", _LOWER_TOWN, 0.6),
                                                                     Pattern("lower_area", _LOWER_AREA, 0.55),
                                                                     Pattern("little", _LITTLE, 0.85)],
                              global_regex_flags=re.DOTALL | re.MULTILINE)


# The big US airports by their codes ("my dad picked me up at BWI"): codes that are no word or common
# acronym ("SAT", "IND", "DEN", "SEA" are left out).
_AIRPORT = (r"\b(?:ATL|BOS|BWI|CLT|CVG|DCA|DFW|DTW|EWR|FLL|IAD|IAH|JFK|LAX|LGA|MCI|MCO|MDW|MSP|MSY|ORD|PDX|PHL|PHX"
            r"|RDU|SFO|SJC|SLC|SMF|TPA|ABQ|ELP|BNA)\b")


@register
def airport() -> PatternRecognizer:
    return PatternRecognizer("LOCATION", name="airport", patterns=[Pattern("code", _AIRPORT, 0.6)],
                             global_regex_flags=re.DOTALL | re.MULTILINE)


@register
def road() -> PatternRecognizer:
    # Its own recognizer: a people or a state may open a road's name ("Navajo Route 12", "Texas Highway 6").
    return PatternRecognizer("LOCATION", name="road", patterns=[Pattern("exit_or_route", _EXIT, 0.6)],
                             global_regex_flags=re.DOTALL | re.MULTILINE)


# "Where are you from originally?" / "Kharkiv. My mom is still there.": a capitalised answer to a question
# about where is a place, even one WordNet lists as a word (which at a sentence's start would read as one).
_ASKED_WHERE = (r"(?<=(?i:\bwhere\b|\bwhich\s+(?:city|town|village|camp|county|neighbou?rhood|part|area))"
                r"[^\n]{0,80}[.?][ \t]*\n[ \t]*)")
_ANSWER = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=[.!,])"


class AnsweredPlaceRecognizer(PatternRecognizer):
    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if nlp_artifacts is None:
            return []
        doc = nlp_artifacts.tokens
        return [r for r in results if (span := doc.char_span(r.start, r.end)) is not None
                and all(t.pos_ in ("PROPN", "NOUN") and not t.is_stop and t.lower_ not in NOT_NAMES
                        and not kept_word(t.text) for t in span)]


@register
def answered_place() -> PatternRecognizer:
    return AnsweredPlaceRecognizer("LOCATION", name="answered_place",
                                   patterns=[Pattern("answered_where", _ASKED_WHERE + _ANSWER, 0.6)],
                                   global_regex_flags=re.DOTALL | re.MULTILINE)
