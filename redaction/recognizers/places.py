"""US states and countries: kept by default (Safe Harbor), detected so a study can redact them;
and hyphenated place names spaCy's small model splits apart."""
import re

from presidio_analyzer import Pattern, PatternRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteers import COUNTRIES, KEPT_PROPER, NOT_NAMES, US_STATES
from redaction.recognizers import register
from redaction.recognizers.organization import NAME_WORD


def _alternation(names) -> str:
    return r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True)) + r")\b"


@register
def us_state() -> PatternRecognizer:
    return PatternRecognizer("US_STATE", name="us_state",
                             patterns=[Pattern("state", _alternation(US_STATES), 0.8)])


@register
def country() -> PatternRecognizer:
    # Two-letter forms ("us", "uk") collide with words; only spelled-out names here.
    names = [c for c in COUNTRIES if len(c) > 3 and "." not in c]
    return PatternRecognizer("COUNTRY", name="country", patterns=[Pattern("country", _alternation(names), 0.8)])


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
             r"|processing\s+cent(?:er|re)|refugee\s+camp|camp|motel|projects|trailer\s+park|mobile\s+home\s+park)\b")


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


@register
def facility() -> PatternRecognizer:
    # Scored over NER's place so the facility is one span, not "[Place 1] bus station".
    return FacilityRecognizer("LOCATION", name="facility", patterns=[Pattern("facility", _FACILITY, 0.9),
                                                                     Pattern("lower_facility", _LOWER_FACILITY, 0.6),
                                                                     Pattern("lower_town", _LOWER_TOWN, 0.6)],
                              global_regex_flags=re.DOTALL | re.MULTILINE)
