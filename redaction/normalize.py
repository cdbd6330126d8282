"""A detection view of speech text, with a map back to the original characters.

ASR writes numbers as words ("nine one zero", "double five", "oh") and spells
emails out loud ("maria dot lopez at gmail dot com"). Recognizers run on a view
where those read as 910 and maria.lopez@gmail.com; every view character records
the original span it came from, so results land on the raw text's offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

UNITS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
TEENS = {w: str(10 + i) for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: str(20 + 10 * i)[0] for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
REPEAT = {"double": 2, "triple": 3}
DIGITOS = {w: str(i) for i, w in enumerate("cero uno dos tres cuatro cinco seis siete ocho nueve".split())}
# ASR writes a spoken digit as its homophone ("eight to eight eight four", "for"); one counts
# only between two spoken digits in a run that is an identifier without it, so "six to eight" stays.
HOMOPHONES = {"to": "2", "too": "2", "for": "4", "won": "1", "ate": "8"}
HOMOPHONE_MIN_DIGITS = 5
# "Oh, four kids" is an exclamation; "oh five three two seven" opens a number read out.
LEADING_OH_MIN_DIGITS = 4
# Whisper often writes a read-out number as numerals split by commas or periods ("412, 6, 7, 9, 8, 3",
# "104.9, 375.2, 8165", "20,477,193"). That many digits in one run is an identifier, not an amount,
# unless a unit follows it.
NUMERAL_RUN_MIN_DIGITS = 7
QUANTITY = re.compile(r"[ \t]*(?:dollars?|bucks|cents|pesos|euros|people|persons|kids|children|families|students"
                       r"|refugees|clients|cases|miles|kilometers|hours|minutes|days|weeks|months|years|percent"
                       r"|times)\b", re.IGNORECASE)
# Country codes too ("at yahoo dot fr"), except those that are English words ("in", "it", "so");
# generic ones that are words ("square.site", "dot site") count only as the part after a dot.
TLDS = ("com|org|net|edu|gov|mil|us|io|info|co|biz|me|app|tv|ly"
        "|site|online|store|shop|xyz|club|live|life|page|link|tech|blog|church|health|care|school|academy|center"
        "|services|support|news|media|studio|world|global|social|team|network"
        "|uk|ca|mx|fr|de|es|pt|nl|ch|se|dk|fi|pl|ro|ru|ua|tr|ir|af|pk|bd|np|ph|vn|cn|jp|kr|th|au|nz"
        "|ng|ke|za|gh|et|er|sd|cd|cm|sn|ug|tz|rw|ht|gt|hn|sv|ni|cr|ve|cu|ar|cl|ec|bo|uy|br")

# "bit dot l y slash ...": a two-letter domain spelled out
_SPELLED_TLDS = "|".join(rf"{t[0]}\s+{t[1]}" for t in TLDS.split("|") if len(t) == 2)
_WORD = re.compile(r"[A-Za-z]+|\d+")
_STOP = "|".join(sorted(STOP_WORDS, key=len, reverse=True))
# What may sit between the numbers of one spoken run: spaces, a comma, a dash, a period, a pause ("...", "—").
_RUN_GAP = re.compile(r"[ \t]*(?:[,\-—–]|\.{1,3}|…)?[ \t]*(?:(?i:dash|hyphen|gui[oó]n)[ \t]*,?[ \t]*)?")
NUMBER_WORDS = "|".join(sorted([*UNITS, *TEENS, *TENS, "oh", "hundred"], key=len, reverse=True))
# longest first, so an atomic group takes "eighty" whole, not its "eight"
CARDINAL_WORDS = "|".join(sorted([*list(UNITS)[1:], *TEENS, *TENS, "hundred"], key=len, reverse=True))
SPANISH_DIGIT_WORDS = r"(?i:" + "|".join(DIGITOS) + r")"
_SPANISH_DIGIT = re.compile(r"\b" + SPANISH_DIGIT_WORDS + r"\b")
_SPANISH_RUN = re.compile(_SPANISH_DIGIT.pattern + r"(?:" + _RUN_GAP.pattern + _SPANISH_DIGIT.pattern + r"){3,}")
# Spanish, Portuguese and French speakers say "arroba" or "arobase" for @ and "punto", "ponto" or "point".
_AT = r"(?:at|arroba|arobase)"
_DOT = r"(?:dot|punto|ponto|point)"
_DOT_SAID = r"(?:\s+" + _DOT + r"\s+|\.|-dot-)"     # Whisper hyphens a spoken address: "sbr-nv-dot-org"
_SLASH = r"(?:\s+|-)slash(?:\s+|-)"
_LETTERS = r"(?:[a-z]\s+){1,5}[a-z]\b"      # "p n a", spelled out
_PARTICLE = r"(?:de|del|da|dos|van|von|der|bin|ibn)"      # "luna del sur at gmail dot com"
# "slash i c w a", "slash apply", "slash l r louisville"
_PATH = r"(?:(?:[a-z]\s+){1,5}(?!(?:" + _STOP + r")\b)[a-z0-9-]{2,}\b|" + _LETTERS + r"|[a-z0-9-]+)"
# "b b e s dot k twelve dot k y dot us": a school district's letters and grades
# ("harlanridge dot usd four one nine dot org", whose number the view has made "419")
_DOMAIN_PART = r"(?:" + _LETTERS + r"|[a-z0-9-]+(?:\s+(?:\d+|" + NUMBER_WORDS + r"))*)"
# Words said just before a mailbox that are not part of it ("I emailed maria at ...")
_NOT_MAILBOX = (r"e-?mail(?:ed|s|ing)?|mail(?:ed|s)?|wrote|write|writes|send|sends|sent|reach|contact|message"
                r"|text(?:ed|s)?|try|use[sd]?|using|say|says|said|told|give|gives|gave|address|account|inbox"
                r"|para|por|pour|chez|al|el|la|mi|su|es|est|manda|mande|envia|envie|escribe|correo|courriel")
_SPOKEN_EMAIL = re.compile(
    # "email me at ...", "the form is online at www...": the word before "at" is the medium or a
    # function word, not the mailbox; a www. address, or one with a path, is a website.
    r"\b(?!(?:e-?mail|mail|message|online|website|site|" + _STOP + r")\s+at\b)"
    # "ruiz relief at ...", "elmer c five oh four at ...": a mailbox of two names, or a name and an initial;
    # "h lindqvist at ...": an initial said before the name
    r"(?P<local>(?:(?!(?:" + _STOP + r"|" + _NOT_MAILBOX + r")\b)[a-z]{2,}\s+(?:" + _PARTICLE + r"\s+)?)?"
    r"(?:(?<!['’])(?![ai]\s)[a-z]\s+)?[^\W_]+"       # "yargüello at ...": letters beyond ASCII too
    # "r dot adebayo klein at ...": a name of two words after the dot
    r"(?:\s+(?:" + _DOT + r"|underscore|dash|hyphen|period)\s+(?:" + _LETTERS + r"|[^\W_]+)"
    r"(?:\s+(?!(?:" + _STOP + r"|" + _NOT_MAILBOX + r")\b)[^\W\d_]{2,}(?=\s+" + _AT + r"\s))?)*"
    # "ghiath dot masri eighty at ...": a number said after the name is part of the mailbox
    r"(?:\s+(?:\d+|" + NUMBER_WORDS + r")(?:[\s-]+(?:" + NUMBER_WORDS + r"))*)?)"
    # "d whitlock, w h i t l o c k, at ...": the name spelled out after it
    r"(?:,\s+(?:[a-z]\s+){2,}[a-z]\b,?)?"
    # a spoken domain may be several words ("at tri county research dot org") or letters ("at k c c mail dot edu"),
    # with a hyphen said in it ("at s b r dash n v dot org")
    r"\s+" + _AT + r"\s+(?!www\b)(?P<domain>(?:(?:" + _LETTERS + r"|(?!(?:" + _STOP + r")\b)[a-z0-9-]+)\s+){0,2}"
    r"[a-z0-9-]+(?:\s+(?:dash|hyphen)\s+(?:" + _LETTERS + r"|[a-z0-9-]+))*"
    r"(?:" + _DOT_SAID + _DOMAIN_PART + r")*" + _DOT_SAID + r"(?:" + TLDS + r"))\b"
    r"(?!/|(?:\s+|-)slash\b)",
    re.IGNORECASE)
# "kids dot org slash forms", Whisper's half-written "kids.org slash forms" ("slash-forms") and hyphened
# "connect-dot-net".
_SPOKEN_DOMAIN = re.compile(
    # "ride b c s dot org", "hometown steel c u dot org": a name with spelled letters runs back over its words
    r"\b(?<!['’])(?:(?:(?!(?:" + _STOP + r")\b)[a-z0-9-]+\s+){0,2}(?:[a-z]\s+)+)?"
    # "permisorapido dash usa dot com": a hyphen said in the name
    r"[a-z0-9-]+(?:\s+(?:dash|hyphen)\s+[a-z0-9-]+)*"
    r"(?:(?:\s+dot\s+|\.)[a-z0-9-]+)*(?:(?:\s+dot\s+|-dot-)(?:" + TLDS + "|" + _SPELLED_TLDS + r")\b"
    r"(?:" + _SLASH + _PATH + r")*"
    r"|\.(?:" + TLDS + r")\b(?:" + _SLASH + _PATH + r")+)",
    re.IGNORECASE)
# "the website, red shale oyate dot org": after a word for a site, the words up to the domain are its name;
# so are those after a clause's comma ("I practice on the phone, ingles facil dot org")
_CUED_SITE = re.compile(
    r"(?:\b(?:website|web\s+site|site|web\s+page|page|portal|online|go\s+to|visit)[,:]?\s+(?:is\s+|at\s+)?"
    r"|(?<=\w)[,:]\s+(?!at\s))"     # after a comma, "at" leads a mailbox's domain
    r"(?P<site>(?:(?!(?:" + _STOP + r")\b)[a-z0-9-]+\s+){1,3}[a-z0-9-]+\s+dot\s+(?:" + TLDS + r")\b"
    r"(?:" + _SLASH + _PATH + r")*)",
    re.IGNORECASE)
# "w w w dot n v c lookup dot info", "www dot dorsainvil fund dot org slash apply": after "www" the words
# up to the top-level domain are the site's name.
_SPOKEN_WWW = re.compile(
    r"\b(?:w\s+w\s+w|www|(?:double[\s-]?u\s+){2}double[\s-]?u)\s+dot\s+"
    r"(?P<site>(?:(?:" + _LETTERS + r"|[a-z0-9-]+)\s+){0,3}"
    r"[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:" + TLDS + r")\b(?:" + _SLASH + _PATH + r")*)",
    re.IGNORECASE)
# "h t t p s colon slash slash" said before a site
_SPOKEN_SCHEME = re.compile(r"\b(?:h\s+t\s+t\s+p(?:\s+s)?|https?)\s*(?:colon\s+|:\s*)"
                            r"(?:(?:forward\s+)?slash\s+(?:forward\s+)?slash|double\s+slash|//)\s*$", re.IGNORECASE)
_SPOKEN_SYMBOLS = [(re.compile(r"\s+(?:" + _DOT + r"|period)\s+|-dot-", re.I), "."),
                   (re.compile(r"\s+underscore\s+", re.I), "_"),
                   (re.compile(r"\s+(?:dash|hyphen)\s+", re.I), "-"),
                   (re.compile(_SLASH, re.I), "/"),
                   (re.compile(r"\s+" + _AT + r"\s+", re.I), "@")]


@dataclass
class NormalizedText:
    text: str
    starts: list[int]   # per view character: first original character it came from
    ends: list[int]     # per view character: end of the original span it came from

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def _rewrite(view: NormalizedText, edits: list[tuple[int, int, str]]) -> NormalizedText:
    """Apply non-overlapping (start, end, replacement) edits on the view, composing the map."""
    text, starts, ends, pos = [], [], [], 0
    for s, e, new in sorted(edits):
        text.append(view.text[pos:s])
        starts += view.starts[pos:s]
        ends += view.ends[pos:s]
        if new:
            text.append(new)
            starts += [view.starts[s]] * len(new)
            ends += [view.ends[e - 1]] * len(new)
        pos = e
    text.append(view.text[pos:])
    starts += view.starts[pos:]
    ends += view.ends[pos:]
    return NormalizedText("".join(text), starts, ends)


def _number_edits(text: str) -> list[tuple[int, int, str]]:
    """Runs of two or more spoken numbers become digits: 'nine one zero, two' -> '910-2'."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        run, j = [], i
        while j < len(tokens):
            s, e, w = tokens[j]
            if run and not _RUN_GAP.fullmatch(text[run[-1][1]:s]):
                break
            # a pause dash goes on a number read digit by digit ("five eight — five eight three"); between
            # bigger numbers it is a correction ("Nineteen seventy — seventy-four")
            if run and re.search("[—–]", text[run[-1][1]:s]) \
                    and not (len(run[-1][2]) == 1 and _single_digit(tokens, j)):
                break
            if w in REPEAT and (_single_digit(tokens, j + 1) or j + 1 < len(tokens) and tokens[j + 1][2] == "oh"):
                # "double five", "double oh", Whisper's "double 0"
                digits = UNITS.get(tokens[j + 1][2], tokens[j + 1][2].replace("oh", "0")) * REPEAT[w]
                run.append((s, tokens[j + 1][1], digits, True))
                j += 2
            elif w in TENS and j + 1 < len(tokens) and tokens[j + 1][2] in UNITS and tokens[j + 1][2] != "zero" \
                    and re.fullmatch(r"[ \t-]+", text[e:tokens[j + 1][0]]):
                run.append((s, tokens[j + 1][1], TENS[w] + UNITS[tokens[j + 1][2]], True))
                j += 2
            elif w in UNITS or w in TEENS or w in TENS:
                run.append((s, e, _word_digits(w), True))
                j += 1
            elif w == "oh" and (run and (run[-1][3] or _next_is_number(tokens, j)) or _joined_digit(text, tokens, j)):
                # "oh" is zero after a digit ("3, oh five"), or hyphened to one ("oh-four"); else it is "Oh, four kids"
                run.append((s, e, "0", True))
                j += 1
            elif w == "oh" and all(d == "0" for _, _, d, _ in run) and _next_is_number(tokens, j):
                run.append((s, e, "0", "oh"))    # "oh oh four one seven": kept only before four digits more
                j += 1
            elif w in HOMOPHONES and run and (run[-1][3] is True or run[-1][3] is False and len(run[-1][2]) == 1) \
                    and _single_digit(tokens, j + 1):      # "5 to 9", not "MC8840215, to three people"
                run.append((s, e, HOMOPHONES[w], None))   # None: a homophone, kept only in a long run
                j += 1
            elif w.isdigit():
                run.append((s, e, w, False))
                j += 1
            elif w in ("dash", "hyphen") and run and j + 1 < len(tokens) and _is_number(tokens[j + 1][2]):
                j += 1      # a separator said aloud: "five five five dash oh one..."; the gap check keeps it
            else:
                break
        if run and run[0][3] == "oh" and len("".join(d for _, _, d, k in run if k != "oh")) < LEADING_OH_MIN_DIGITS:
            i += 1
            continue
        if any(k is None for *_, k in run) and \
                len("".join(d for _, _, d, k in run if k is not None)) < HOMOPHONE_MIN_DIGITS:
            run = run[:next(k for k, r in enumerate(run) if r[3] is None)]
            j = i + len(run)
        words = sum(len(text[s:e].split()) for s, e, *_ in run)
        if _numeral_run(text, run):
            edits += [(e, run[k + 1][0], "-") for k, (_, e, *_) in enumerate(run[:-1])
                      if re.search(r"[,.\-]|dash|hyphen", text[e:run[k + 1][0]], re.IGNORECASE)]
            i = j
        elif words >= 2 and (any(spoken for *_, spoken in run) or _read_out_with_homophones(text, run)):
            for k, (s, e, digits, _) in enumerate(run):
                gap_end = run[k + 1][0] if k + 1 < len(run) else e
                sep = "-" if k + 1 < len(run) and re.search(r"[,.…\-—–]|dash|hyphen", text[e:gap_end], re.I) \
                    else ""
                edits.append((s, gap_end, digits + sep))
            i = j
        else:
            i += 1
    return edits


def _read_out_with_homophones(text: str, run: list) -> bool:
    """Whisper's "6 to 7 0 6 6 to 7": numerals read one by one, with a digit's homophone between; "2 to 3,
    4 to 5" is ranges, with no two numerals side by side."""
    return any(k is None for *_, k in run) and any(
        a[3] is False and b[3] is False and re.fullmatch(r"[ \t]+", text[a[1]:b[0]]) for a, b in zip(run, run[1:]))


def _next_is_number(tokens: list, j: int) -> bool:
    """A number follows, or a digit's homophone and then a digit (Whisper's "oh for 8")."""
    return j + 1 < len(tokens) and (_is_number(tokens[j + 1][2])
                                    or tokens[j + 1][2] in HOMOPHONES and _single_digit(tokens, j + 2))


def _single_digit(tokens: list, j: int) -> bool:
    return j < len(tokens) and (tokens[j][2] in UNITS or len(tokens[j][2]) == 1 and tokens[j][2].isdigit())


def _joined_digit(text: str, tokens: list, j: int) -> bool:
    """Hyphened to a digit, or to an "oh" that is ("Oh-oh-eight-one")."""
    return j + 1 < len(tokens) and text[tokens[j][1]:tokens[j + 1][0]] == "-" \
        and (tokens[j + 1][2] in UNITS or tokens[j + 1][2] == "oh" and _joined_digit(text, tokens, j + 1))


# "J dash oh six seven seven", "JV dash two oh two four": a file's letters and its number, joined by a spoken dash.
_LETTER_DASH = re.compile(r"\b[A-Z]{1,3}(?P<dash>[ \t]+(?i:dash|hyphen)[ \t]+)(?P<oh>(?i:oh)\b)?"
                          r"(?=[ \t]*(?:\d|(?i:" + "|".join(UNITS) + r")\b))")


def _letter_dash_edits(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for m in _LETTER_DASH.finditer(text):
        edits.append((m.start("dash"), m.end("dash"), "-"))
        if m["oh"]:
            edits.append((m.start("oh"), m.end("oh"), "0"))
    return edits


# "twenty-four, C C, oh five three two seven", "W A C, 770-412-8", "P as in Peter, 772...": letters
# spelled among the digits of a code read out. The view joins them ("24-CC-05327"); "I" and "A" at its
# edges are words, and dotted letters an abbreviation ("M.R.N. 20417").
_NUMBER_WORD = (r"(?i:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(list(UNITS)[1:]) + r"))?|"
                + "|".join([*TEENS, *UNITS]) + r")\b")
# (a number may hang on a letter by a dash: "M R-066")
_SPELLED = re.compile(r"(?<![\w'’&/-])(?:(?<!\.)(?P<letter>[A-Z](?:-[A-Z])*)"
                      r"(?:[ \t]+(?i:as[ \t]+in|for)[ \t]+[A-Za-z][a-z]+)?(?![\w'’]|\.\S)"
                      r"|(?P<words>" + _NUMBER_WORD + r"|" + _SPANISH_DIGIT.pattern + r"))"
                      r"|(?:(?<![\w'’&/-])|(?<=\b[A-Z]-))(?P<digits>\d+(?:-\d+)*)\b")
CODE_MIN_DIGITS = 5
# "F H L 2209", "2209, dash C": fewer digits make a code with two letters, or a letter joined by a dash,
# and fewer still with both ("M R dash 066")
SHORT_CODE_MIN_DIGITS = 4
SHORTEST_CODE_MIN_DIGITS = 3
# "E G, four T, E, M K, seven three": a Medicare number's many letters make few digits enough
MANY_LETTERS = 4


def _code_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    run: list[re.Match] = []
    for m in [*_SPELLED.finditer(text), None]:
        gap = text[run[-1].end():m.start()] if run and m is not None else ""
        # a letter after a full stop opens a sentence ("... 0123. O el correo")
        if m is not None and (not run or _RUN_GAP.fullmatch(gap) and not (
                "." in gap and (m["letter"] or run[-1]["letter"]))):
            run.append(m)
            continue
        while run and run[0]["letter"] in ("A", "I"):
            run.pop(0)
        while run and run[-1]["letter"] in ("A", "I"):
            run.pop()
        digits = [_digits(t) for t in run if not t["letter"]]
        if digits and _code_digits(text, run, digits) <= sum(map(len, digits)):
            parts = []
            for t in run:
                letters = (t["letter"] or "").replace("-", "")
                if letters and parts and parts[-1].isalpha():
                    parts[-1] += letters
                else:
                    parts.append(letters or _digits(t))
            edits.append((run[0].start(), run[-1].end(), "-".join(parts)))
        run = [m] if m is not None else []
    return edits


def _code_digits(text: str, run: list[re.Match], digits: list[str]) -> float:
    """How many digits the run's letters need to make it a code."""
    letters = [k for k, t in enumerate(run) if t["letter"]]
    if not letters:
        return float("inf")
    dashed = any(re.search(r"-|dash|hyphen", text[run[k - 1].end():run[k].start()], re.I)
                 for k in range(1, len(run)) if k in letters or k - 1 in letters)
    spelled = sum(len(run[k]["letter"].replace("-", "")) for k in letters)
    if re.fullmatch(r"(?:19|20)\d\d", "".join(digits)):
        return CODE_MIN_DIGITS
    if spelled >= 2 and dashed or spelled >= MANY_LETTERS:
        return SHORTEST_CODE_MIN_DIGITS
    return SHORT_CODE_MIN_DIGITS if spelled >= 2 or dashed else CODE_MIN_DIGITS


def _digits(token: re.Match) -> str:
    return token["digits"] or _word_digits(token["words"])


def _word_digits(word: str) -> str:
    """ "twenty-four" -> "24", "fourteen" -> "14", "six" -> "6"."""
    words = word.lower().split("-")
    if words[0] in DIGITOS:
        return DIGITOS[words[0]]
    if words[0] in TENS:
        return TENS[words[0]] + (UNITS[words[1]] if len(words) > 1 else "0")
    return TEENS.get(words[0]) or UNITS[words[0]]


# "two six oh, five five five, eight two, uh, eight two seven seven": a group begun, a filler, and the
# group said again in full is one number ("260-555-8277"); the again may open with an "oh" the number
# runs left a word ("02, uh, oh 289"). A number that just goes on after the filler to an A-number's or a
# phone number's length is one too ("two oh eight, four four — uh — one, nine five one").
# A dash alone may stand for the filler ("oh two — oh two seven four").
_RESTART = re.compile(r"(?<![\w-])(?P<head>\d+(?:-\d+)*-)(?P<group>\d{1,4}),?[ \t]*(?:(?:[—–][ \t]*)?"
                      r"(?P<filler>(?i:uh|um|uhm|er|erm))\b[,.]?[ \t]*(?:[—–][ \t]*)?|[—–][ \t]*)"
                      r"(?P<again>(?:(?i:oh)[ \t-]+)?\d+(?:-\d+)*)"
                      r"(?![\w-]|[.,]\d)")
NUMBER_LENGTHS = (9, 10)


def _goes_on(m, text: str) -> bool:
    """ "717-555-226, uh, 2604": six digits or more, a filler, and three more that count nothing are one number."""
    return m["filler"] is not None and len(re.sub(r"\D", "", m["head"] + m["group"])) >= 6 \
        and len(re.sub(r"\D", "", m["again"])) >= 3 and not QUANTITY.match(text, m.end())


def _restart_edits(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for m in _RESTART.finditer(text):
        again = re.sub(r"(?i:oh)[ \t-]+", "0", m["again"])
        digits = again.replace("-", "")
        if len(digits) < 3:
            continue
        if len(digits) > len(m["group"]) and digits.startswith(m["group"]):
            edits.append((m.start("group"), m.end(), digits))
        elif len(re.sub(r"\D", "", m["head"] + m["group"]) + digits) in NUMBER_LENGTHS or _goes_on(m, text):
            edits.append((m.start("group"), m.end(), m["group"] + "-" + again))
    return edits


# "seventy-one dot two three eight dot fourteen dot two oh six": an IP address read out.
_IP_PART = r"(?:\d{1,3}\b|" + _NUMBER_WORD + r")"
# "five one, dot, eighty-nine, ...": the dots said apart; Whisper hears "10 not 40 not 6 not 88"
_IP_DOT = r"[,.]?\s+(?i:dot|not)[,.]?\s+"
_SPOKEN_IP = re.compile(r"(?<![\w.-])" + _IP_PART + r"(?:" + _IP_DOT + _IP_PART + r"){3}(?![\w-]|\.\d)")


def _ip_edits(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), ".".join(p if p.isdigit() else _word_digits(p)
                                          for p in re.split(_IP_DOT, m.group())))
            for m in _SPOKEN_IP.finditer(text)]


def _spanish_edits(text: str) -> list[tuple[int, int, str]]:
    """ "tres cuatro siete, cinco cinco cinco, cero uno ocho nueve": four or more Spanish digits in a row
    are a number read out (fewer may be counting, or "dos" and "tres" as words)."""
    edits = []
    for m in _SPANISH_RUN.finditer(text):
        words = list(_SPANISH_DIGIT.finditer(m.group()))
        for k, w in enumerate(words):
            gap_end = m.start() + (words[k + 1].start() if k + 1 < len(words) else w.end())
            sep = "-" if k + 1 < len(words) and re.search(r"[,.…\-]", m.group()[w.end():words[k + 1].start()]) else ""
            edits.append((m.start() + w.start(), gap_end, DIGITOS[w.group().lower()] + sep))
    return edits


def _is_number(word: str) -> bool:
    return word.isdigit() or word in UNITS or word in TEENS or word in TENS or word == "oh"


_LAST_FOUR = re.compile(r"\b(?i:ending|last\s+four)(?:\s+(?i:in|with|is|are|was))?[\s,:]*$")


def _numeral_run(text: str, run: list) -> bool:
    """A run of two or more written numbers, long enough to be read-out digits, not followed by a unit."""
    if len(run) < 2 or any(spoken is not False for *_, spoken in run):
        return False
    digits = sum(len(d) for _, _, d, _ in run)
    start, end = run[0][0], run[-1][1]
    gaps = {text[e:run[k + 1][0]] for k, (_, e, *_) in enumerate(run[:-1])}
    years = all(re.fullmatch(r"(?:19|20)\d\d", d) for _, _, d, _ in run)
    singles = [int(d) for _, _, d, _ in run if len(d) == 1]
    counting = all(abs(b - a) == 1 for a, b in zip(singles, singles[1:]))
    one_by_one = len(singles) == len(run) >= 5 and not counting      # "6, 2, 1, 8, 1", not "1, 2, 3, 4, 5"
    # Whisper's "ending 6, 6, 0, 3": the last four of a card or an account
    last_four = len(singles) == len(run) == 4 and not counting and _LAST_FOUR.search(text, max(0, start - 25), start)
    # An IP address, or a tail of one, is not read-out digits; "4471.1.0.829" is.
    ip_address = gaps == {"."} and (len(run) == 4 and all(len(d) <= 3 for _, _, d, _ in run)
                                    or re.search(r"\d\.$", text[max(0, start - 3):start]) or re.match(r"\.\d", text[end:]))
    # the tail of "$1,8,000,127,739" is no run of its own: the whole is an amount or not
    inside = text[max(0, start - 1):start] == "$" or re.search(r"\d[,.]$", text[max(0, start - 2):start])
    round_amount = re.fullmatch(r"\d{1,3}(?:,\d{3})*,000", text[start:end])      # "then 1,500,000,"
    return (digits >= NUMERAL_RUN_MIN_DIGITS or one_by_one or last_four) and not years and not ip_address \
        and not inside and not round_amount and not QUANTITY.match(text, end)


def _email_edits(text: str) -> list[tuple[int, int, str]]:
    def spoken_to_symbols(fragment: str) -> str:
        for pattern, symbol in _SPOKEN_SYMBOLS:
            fragment = pattern.sub(symbol, fragment)
        return fragment

    def with_scheme(start: int, end: int, site: str) -> None:
        scheme = _SPOKEN_SCHEME.search(text, max(0, start - 60), start)
        start = scheme.start() if scheme else start
        edits.append((start, end, ("https://" if scheme else "") + site))
        taken.append((start, end))

    edits, taken = [], []
    for m in _SPOKEN_WWW.finditer(text):
        with_scheme(m.start(), m.end(), "www." + re.sub(r"\s+", "", spoken_to_symbols(m["site"])))
    for m in _CUED_SITE.finditer(text):
        if not any(s < m.end() and m.start("site") < e for s, e in taken):
            with_scheme(m.start("site"), m.end(), re.sub(r"\s+", "", spoken_to_symbols(m["site"])))
    for m in _SPOKEN_EMAIL.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        local, domain = spoken_to_symbols(m.group("local")), spoken_to_symbols(m.group("domain"))
        edits.append((m.start(), m.end(), re.sub(r"\s+", "", local) + "@" + re.sub(r"\s+", "", domain)))
        taken.append((m.start(), m.end()))
    for m in _SPOKEN_DOMAIN.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            with_scheme(m.start(), m.end(), re.sub(r"\s+", "", spoken_to_symbols(m.group())))
    return edits


def normalize(text: str) -> NormalizedText:
    view = NormalizedText(text, list(range(len(text))), list(range(1, len(text) + 1)))
    view = _rewrite(view, _spanish_edits(view.text))
    view = _rewrite(view, _letter_dash_edits(view.text))
    view = _rewrite(view, _number_edits(view.text))
    view = _rewrite(view, _code_edits(view.text))
    view = _rewrite(view, _restart_edits(view.text))
    view = _rewrite(view, _ip_edits(view.text))
    return _rewrite(view, _email_edits(view.text))
