"""Names Whisper was unsure of: a low-confidence word right before an organization's or a street's kind.

Whisper hears a name it does not know as English words ("memory grocery" for "Xamar Grocery", "the root
credit union" for "Bitterroot Credit Union", "land road"). The words read as speech to every text rule,
but Whisper's own word probability gives them away. Only audio has probabilities; text mode has none,
so this recognizer is added per interview, like the roster.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from presidio_analyzer import EntityRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from deidflow.models import Segment
from redaction.gazetteers import kept_word
from redaction.recognizers.organization import PHRASE_ENDS

UNSURE = 0.5         # word probability under which Whisper guessed; 18% of all its words fall below it too
SCORE = 0.6
# Kinds a name seldom stands before as an ordinary word. "court", "way", "high", "school", "house", "store"
# and "health" are left out: "immigration court", "driving way", "regular school", "repair store" are speech.
_ORG_HEADS = (r"labs|laboratories|collision|energy|institute|farms?|foods|motors|bakery|logistics|industries"
              r"|enterprises|solutions|construction|manufacturing|packaging|roofing|plumbing|trucking|apartments"
              r"|academy|residential|transport|transportation|hospital|clinic|center|centre|charter|church|outreach"
              r"|college|elementary|ministries|market|packing|staffing|co-?op|cooperative|lodge|pantry|realty"
              r"|holdings|network|alliance|coalition|rentals|detailing|pathways|commons|foundation|associates"
              r"|partners|collective|collaborative|electric|unified|fellowship|advocates|union|group|services"
              r"|society|project|grocery|wireless|mutual|distribution|insurance|pharmacy|dental|motel|hotel|bank"
              r"|towing|cleaners|salon|nails|pediatrics|wellness|recovery|mosque|masjid|temple|chapel|parish|outlet"
              r"|resort|suites|inn|and\s+sons|drugs?|growers|builders|ranch|provisions|suppl(?:y|ies)|casualty"
              r"|contracting|cleaning|dairy|poultry|seafood|transit|bureau|hub|apparel|protein|meats")
_STREET_HEADS = (r"street|avenue|road|pike|drive|lane|boulevard|terrace|heights|parkway|highway|ridge|hollow|creek"
                 r"|crossings?|pines|villas|flats|estates|gardens|manor|towers|plaza|meadows|landing|cove|bluffs?")
# A word of the kind may stand between the name and its head: "the root credit union", "Tamarack family services".
_KINDS = r"credit|community|family|legal|health|medical|federal|auto|home|food|fleet|marine|heritage"
_HEAD = re.compile(rf"(?i:\b(?:(?:{_KINDS})\s+)?(?:(?P<street>{_STREET_HEADS})|{_ORG_HEADS})\b){PHRASE_ENDS}")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
# Describing words, not names: "the local clinic", "the support group", "the back road".
_GENERIC = frozenset("""local public private new old big small nearby same other different good bad next first second
free main little whole regular real actual support focus peer youth parent parents women men kids study job day night
summer weekend dirt back side""".split())
_MAX_WORDS = 2


def unsure_ranges(segments: list[Segment], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where, in the joined text, the words Whisper gave a low probability lie (sorted)."""
    words = []          # [start, end, lowest probability of its pieces]
    for seg, (start, _) in zip(segments, bounds):
        pos = 0
        for w in seg.words:
            said = w.word.strip()
            at = seg.text.find(said, pos) if said else -1
            if at < 0:
                continue
            pos = at + len(said)
            # "bell-haven", "low-nope": one word Whisper wrote in pieces is as unsure as its least sure piece
            if words and words[-1][1] == start + at and not w.word[:1].isspace():
                words[-1][1:] = start + pos, min(words[-1][2], w.probability)
            else:
                words.append([start + at, start + pos, w.probability])
    return [(a, b) for a, b, p in words if p < UNSURE]


def within(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does one of the sorted, disjoint `ranges` hold [start, end)?"""
    i = bisect_right(ranges, (start, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]


class UnsureNameRecognizer(EntityRecognizer):
    def __init__(self, unsure: Callable[[int, int], bool]):
        self.unsure = unsure
        super().__init__(supported_entities=["ORGANIZATION", "LOCATION"], name="unsure_name")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for head in _HEAD.finditer(text):
            start = head.start()
            for _ in range(_MAX_WORDS):
                m = _WORD_BEFORE.search(text, max(0, start - 40), start)
                if m is None or not self._name_word(m.group(1), m.start(1), m.end(1)):
                    break
                start = m.start(1)
            # "a foam shelter", "an atmosphere mission": an article makes the phrase a kind of place.
            if start < head.start() and not re.search(r"\b(?i:an?)\s+$", text[max(0, start - 4):start]):
                kind = "LOCATION" if head["street"] else "ORGANIZATION"
                results.append(RecognizerResult(kind, start, head.end(), SCORE,
                                                recognition_metadata={"recognizer_name": self.name}))
        return results

    def _name_word(self, word: str, start: int, end: int) -> bool:
        low = word.lower()
        return (len(word) >= 3 and low not in STOP_WORDS and low not in _GENERIC and not kept_word(word)
                and self.unsure(start, end))
