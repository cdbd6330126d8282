"""Street addresses, PO boxes; house numbers may be spoken ('seventy four sixteen')."""
import re

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers import register

_SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl"
           r"|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Terrace|Trail|Loop|Plaza|Square|Alley|Pike|Crossing)\b\.?")
_UNIT = r"(?:\s*,?\s*(?:apartment|apt\.?|unit|suite|ste\.?|#|number)\s*[\w-]+)?"
# "412", "12-14", and a spoken "six-nineteen" (the view reads it "6-19").
_NUMBER = r"\b\d{1,6}(?:-\d{1,3})?"
_NOT_NAME = r"(?!(?:the|a|an|same|other|this|that|his|her|my|our|their|one|more|of|and|in|to)\b)"
_CASED = re.DOTALL | re.MULTILINE


@register
def street_cased() -> PatternRecognizer:
    return PatternRecognizer(
        "ADDRESS", name="address",
        patterns=[
            Pattern("numbered", rf"{_NUMBER}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){{1,3}}{_SUFFIX}{_UNIT}", 0.85),
            Pattern("street", rf"\b(?:[A-Z][\w'.-]*\s+){{1,3}}(?:Street|Avenue|Road|Lane|Drive|Boulevard)\b", 0.6),
        ],
        global_regex_flags=_CASED)


@register
def street_any_case() -> PatternRecognizer:
    # Lower-case ASR text: needs a house number and a place-giving context word.
    return PatternRecognizer(
        "ADDRESS", name="address_lowercase",
        patterns=[Pattern("numbered", rf"{_NUMBER}\s+(?:{_NOT_NAME}[a-z][\w'-]*\s+){{1,3}}{_SUFFIX}{_UNIT}", 0.45),
                  Pattern("po_box", r"\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box)\s+\d+", 0.85)],
        context=["live", "lived", "living", "address", "street", "moved", "house", "apartment", "stay",
                 "stayed", "sponsor", "located", "mail"])


# ASR writes a spoken house number as a quantity ("7,416") and garbles the street after it
# ("senior ladies"): after a residence cue, the number and the few words up to a clause
# break or "in <city>" are the address.
_RESIDENCE = (r"(?i:\b(?:(?:live[sd]?|living|stay(?:s|ed|ing)?|moved)\s+(?:at|on|to)"
              r"|(?:address|house)\s+(?:is|was))\b)")
_STREET_WORD = (r"(?!(?i:in|on|at|and|with|for|since|until|when|while|but|near|by|from|i|we|she|he|they)\b)"
                r"[A-Za-z][\w'-]*")
_HOUSE_NUMBER = r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{3,6})(?!\d|[,.]\d)"   # not a year


@register
def street_after_residence() -> PatternRecognizer:
    return PatternRecognizer(
        "ADDRESS", name="address_residence",
        patterns=[Pattern("house_number", rf"(?<={_RESIDENCE}\s*){_HOUSE_NUMBER}(?:\s+{_STREET_WORD}){{0,4}}", 0.7)],
        global_regex_flags=_CASED)
