"""US states and countries: kept by default (Safe Harbor), detected so a study can redact them."""
import re

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.gazetteers import COUNTRIES, US_STATES
from redaction.recognizers import register


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
