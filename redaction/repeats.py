"""A number said again is the identifier already found: its last digits repeated back
("... oh six seven, three nine five." "Three nine five, yes.") or a slip put right
("oh four — sorry, oh four six one"), and the slip too; so is a day put right.

Runs on the detection view, where read-out numbers are digits, after the recognizers.
"""
from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from redaction.normalize import QUANTITY, SPANISH_DIGIT_WORDS
from redaction.recognizers.age import OLD_AGE
from redaction.recognizers.date_spoken import NO_NOUN_AFTER, ORDINAL_DAY

NUMBERS = ("PHONE_NUMBER", "US_SSN", "A_NUMBER", "CASE_NUMBER")
ECHO_MIN_DIGITS = 3
ECHO_WINDOW = 1500       # characters: a repeat answers what was just said
_RUN = re.compile(r"(?<![\w$.,-])\d+(?:-\d+)*(?![\w-]|[.,]\d)")
# "— sorry,", "— no, wait.", "perdón,": the slip is put right within the turn
_CUES = (r"(?:[ \t]*[,.—–-]*[ \t]*(?i:sorry|I\s+mean|no|wait|actually|rather|correction|perd[oó]n|disculp[ae]"
         r"|digo)\b)+[ \t]*[,.—–-]*[ \t]*")
# "— no, the final digit's a three — nine six three": a few words may say what was wrong
# (words only where the number does not follow the cue at once: "sorry, 0061, and payments are due on June 1st")
_CORRECTION = re.compile(_CUES + r"(?P<words>[^\n.?!]{1,40}?[ \t—–-])??(?:(?i:oh|it's)[ \t]+)?"
                         r"(?=\d|" + SPANISH_DIGIT_WORDS + r"\b)")
# "M R dash zero six six— no, sorry. M R dash zero six nine": the slip before the right number
# ("I O E, zero nine, one three — sorry, no, it's I O E zero nine one eight...")
# (a slip in Spanish keeps its words, which the view turns to digits only from four on: "siete uno nueve, perdón")
_SPANISH_DIGITS = SPANISH_DIGIT_WORDS + r"(?:[ \t,]+" + SPANISH_DIGIT_WORDS + r")*"
# "— no, uno ocho": a slip put right in Spanish digits, too few for the view to make digits of
_SPANISH_FIX = re.compile(SPANISH_DIGIT_WORDS + r"[ \t,]+" + _SPANISH_DIGITS + r"\b")     # two words at least
_SLIP = re.compile(r"(?<![\w-])(?:[A-Z]{1,3}[ \t-]+)*(?:\d[\d-]*|" + _SPANISH_DIGITS + ")" + _CUES
                   + r"(?:(?i:it's|it\s+is)[ \t]+)?(?:[A-Z]{1,3}[ \t-]+)*$")

# "he says February ninth. No, wait, sorry, the eleventh": a day put right
_DAY_CORRECTION = re.compile(_CUES + r"(?:(?i:it's|it\s+was)[ \t]+)?(?P<day>(?i:the)[ \t]+" + ORDINAL_DAY + ")"
                             + NO_NOUN_AFTER)


def repeats(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    numbers = [r for r in results if r.entity_type in NUMBERS]
    found = [_like(r, m.start("day"), m.end("day")) for r in results
             if r.entity_type == "DATE" and (m := _DAY_CORRECTION.match(text, r.end))]
    found += [echo for r in results if r.entity_type == "AGE_OVER_89" for echo in _age_echoes(text, r)]
    for r in numbers:
        slip = _CORRECTION.match(text, r.end)
        run = slip and (_RUN.match(text, slip.end()) or _SPANISH_FIX.match(text, slip.end()))
        # after words, only digits read out again: "— no, she has 4 kids" is no number
        if run and not QUANTITY.match(text, run.end()) \
                and (slip["words"] is None or _digit_count(run.group()) >= ECHO_MIN_DIGITS):
            found.append(_like(r, r.start, run.end()))
        before = _SLIP.search(text, max(0, r.start - 60), r.start)
        if before:
            found.append(_like(r, before.start(), r.end))
    taken = bytearray(len(text))       # characters some recognizer already claimed
    for r in results:
        taken[r.start:r.end] = b"\x01" * (r.end - r.start)
    for m in _RUN.finditer(text):
        digits = m.group().replace("-", "")
        if len(digits) < ECHO_MIN_DIGITS or QUANTITY.match(text, m.end()) or any(taken[m.start():m.end()]):
            continue
        source = max((r for r in numbers if 0 <= m.start() - r.end <= ECHO_WINDOW
                      and _said_in(digits, text[r.start:r.end])), key=lambda r: r.score, default=None)
        if source:
            found.append(_like(source, m.start(), m.end()))
    return found


def _age_echoes(text: str, age: RecognizerResult) -> list[RecognizerResult]:
    """ "Mi mamá tiene noventa y dos años." "Noventa y dos? Wow.": an old age said back."""
    said = re.search(OLD_AGE, text[age.start:age.end], re.IGNORECASE)
    if said is None:
        return []
    again = re.compile(rf"(?<![\w-]){re.escape(said.group())}(?![\w-])", re.IGNORECASE)
    return [_like(age, m.start(), m.end()) for m in again.finditer(text, age.end, age.end + ECHO_WINDOW)]


def _digit_count(run: str) -> int:
    """Digits, or Spanish digit words ("cinco, seis, cero")."""
    return len(re.sub(r"\D", "", run)) or len(re.findall(SPANISH_DIGIT_WORDS, run))


def _said_in(digits: str, identifier: str) -> bool:
    """One of the identifier's digit groups, or its first or last digits."""
    whole = re.sub(r"\D", "", identifier)
    return digits in re.findall(r"\d+", identifier) or whole.endswith(digits) or whole.startswith(digits)


def _like(source: RecognizerResult, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(source.entity_type, start, end, source.score,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: "repeat"})
