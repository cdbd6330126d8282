"""Dates as people say them: 'June twenty first', 'the third of May', '5/3'; years apart.

Safe Harbor removes every date element except the year, so the patterns stop
before the year and a separate YEAR recognizer marks years to keep.
"""
import re

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.gazetteers import MONTH_NAMES, WEEKDAY_NAMES
from redaction.recognizers import register

_MONTHS = (MONTH_NAMES + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_ORD = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_CARD = "one|two|three|four|five|six|seven|eight|nine"
_DAY = (rf"(?:(?:twenty|thirty)[\s-](?:{_ORD}|{_CARD})|{_ORD}|{_CARD}|tenth|eleventh|twelfth|thirteenth"
        r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
        r"|[0-3]?\d(?:st|nd|rd|th)?)")
_CASED = re.DOTALL | re.MULTILINE
_MONTH_DAY = rf"(?:{_MONTHS})\s+(?:the\s+)?{_DAY}"      # "June twenty first", "May the 3rd"
_DAY_OF_MONTH = rf"{_DAY}\s+of\s+(?:{_MONTHS})"        # "third of May"
# Spanish inside an English interview: "el quince de septiembre", "el 3 de mayo", "desde enero".
_MESES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
_DIA = (r"primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
        r"|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|treinta(?:\s+y\s+uno)?|[0-3]?\d"
        r"|veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)")
# Portuguese and French: "dia quatro de junho", "le 4 juin", "le premier mai".
_MESES_PT = "janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
_DIA_PT = (r"primeiro|um|dois|tr[eê]s|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|quatorze|catorze|quinze"
           r"|dezesseis|dezasseis|dezessete|dezassete|dezoito|dezenove|dezanove|vinte(?:\s+e\s+(?:um|dois|tr[eê]s"
           r"|quatro|cinco|seis|sete|oito|nove))?|trinta(?:\s+e\s+um)?|[0-3]?\d")
_MOIS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
_JOUR = (r"premier|1er|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
         r"|dix-sept|dix-huit|dix-neuf|vingt(?:[\s-]et[\s-]un|-deux|-trois|-quatre|-cinq|-six|-sept|-huit|-neuf)?"
         r"|trente(?:[\s-]et[\s-]un)?|[0-3]?\d")
# Haitian Creole: "premye janvye", "15 desanm" ("me", "out", "mas" and "de", two or "of", are words too).
_MWA = "janvye|fevriye|avril|jen|jiy[eè]|septanm|okt[oò]b|novanm|desanm"
_JOU = (r"premye|twa|kat|senk|sis|s[eè]t|uit|n[eè]f|dis|onz|douz|tr[eè]z|kat[oò]z|kenz|s[eè]z|dis[eè]t|dizuit"
        r"|dizn[eè]f|ven|venteyen|trant|[0-3]?\d")
# "I came on the ninth": an ordinal day alone after a time preposition, when no noun follows it
# ("on the third floor", "by the second day" are not dates).
ORDINAL_DAY = (rf"(?:(?:twenty|thirty)[\s-](?:{_ORD})|{_ORD}|tenth|eleventh|twelfth|thirteenth|fourteenth"
               r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|thirty[\s-]first"
               r"|[0-3]?\d(?:st|nd|rd|th))")
_PHRASE_END = r"\s*[,.;:!?—–]|\s*$"
NO_NOUN_AFTER = (rf"(?={_PHRASE_END}|\s+(?i:at|and|when|because|so|i|we|he|she|they|it|that|or|about|for|with|in"
                 r"|but|then|if|is|was|which|you|this|my|his|her|our|their|there|instead|not|again|already)\b"
                 r"|\s+of\s+(?i:(?:the\s+)?(?:last|this|next|following|previous|same|that)|the|each|every)\s+month\b"
                 r"|\s+(?i:every|each)\s+month\b)")      # "drafts on the 28th every month"
# "It was the fourteenth, in March", "hers is the eighteenth", "the hearing's the 3rd": what "it" or
# an appointment was, an ordinal with no noun after it, is a day.
# An event's date may be named without the verb: "they gave her an appeal date, the eleventh".
_IT_WAS_DAY = (r"(?<=(?i:\b(?:(?:it|that|hers|his|mine|ours|theirs|yours|court|inspection|visit)"
               r"(?:'s|\s+is|\s+was|\s+will\s+be)"
               r"|(?:date|hearing|appointment|interview|deadline|birthday)(?:'s|\s+is|\s+was|\s+will\s+be)?,?))\s)"
               rf"(?i:the\s+{ORDINAL_DAY})")
_HIGH_ORDINAL = (rf"(?:thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
                 rf"|twenty[\s-](?:{_ORD})|thirty[\s-]first|(?:1[3-9]|2\d|3[01])th|2[123](?:st|nd|rd)|31st)")
_LOW_ORDINAL = rf"(?:{_ORD}|tenth|eleventh|twelfth|(?:1[012]|0?[1-9])(?:st|nd|rd|th))"
_SENTENCE_START = r"(?<=(?:^|[.!?]\s+))"


def _no_rank(ranks: str) -> str:
    """No rank spoken of in this turn or the one before ("Which floor?" / "The third.", "in what grade? The
    seventh.")."""
    return rf"(?<!(?:\b(?:which|what)\s+(?!day\b|date\b)\w+|\b(?:{ranks})s?\b)[^\n]*\n?[^\n]*)"


# "No, el trece. The thirteenth.": an ordinal past any school grade, said as a whole sentence, is a day;
# without "the" ("Twenty-first. Twenty-first, it was Thursday."), where no rank that high was spoken of.
_ORDINAL_SENTENCE = (rf"{_SENTENCE_START}(?:(?i:the\s+{_HIGH_ORDINAL})"
                     rf"|{_no_rank('floor|place|row|level|round|century|birthday|anniversary')}(?i:{_HIGH_ORDINAL}))"
                     rf"(?=\s*[.!?])(?:[.!?]\s+(?i:(?:the\s+)?{_HIGH_ORDINAL})(?=\s*[.!?,]))?")
# "Friday. The seventh.", "Did he end up in the ER?" / "Yes. The twelfth.": a low one too, where no rank was.
_RANKS = "grade|floor|place|time|child|kid|son|daughter|try|attempt|round|row|level|apartment|unit|door|exit|stop"
_LOW_ORDINAL_SENTENCE = rf"{_SENTENCE_START}{_no_rank(_RANKS)}(?i:the\s+{_LOW_ORDINAL})(?=\s*[.!?])"
# "oh-four slash twelve", "seven slash nineteen": a month and day read out with the slash (the view
# may have made "oh-four" "0-4").
_MONTH_NUMBER = rf"(?:1[0-2]|0?-?[1-9]|(?:oh[\s-])?(?:{_CARD})|ten|eleven|twelve)"
# "llega el veintiuno.": a Spanish day number after "el", ending the phrase ("el uno" is "the one").
_EL_DIA = rf"(?<=\b(?i:el)\s)(?!uno\b)(?i:{_DIA})(?={_PHRASE_END})"
# "Jueves veintiuno.", "el sábado 14": a Spanish weekday pins the day number to a date.
_DIA_SEMANA = (rf"\b(?i:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\s*,?\s+(?:(?i:el)\s+)?"
               rf"(?!uno\b)(?i:{_DIA})(?={_PHRASE_END}|\s+(?i:de)\b)")
# Whisper's "9-23" for a spoken month and day, with no noun after it ("3-4 days" is no date).
_MONTH_DASH_DAY = r"(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])" + NO_NOUN_AFTER
# ("the week of the ninth": a span of time named by its day; "the week before, the twelfth"; "Starting the ninth.")
_DAY_ALONE = (rf"(?<=(?i:\b(?:on|by|until|till|since|before|after|from|through|for|around|to|starting|beginning"
              r"|effective|due|expires|expiring|(?:week|weekend|morning|afternoon|evening|night)\s+of)),?\s+)"
              rf"(?i:the\s+{ORDINAL_DAY})" + NO_NOUN_AFTER)
# "we meet usually the 21st", "the twenty-second I have three things": written as a numeral, or past any
# school grade, an ordinal with no noun after it is a day even without a preposition (a low one spelled
# out is as often a rank: "she was the third").
_NUMERAL_DAY_ALONE = rf"(?i:\bthe\s+(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|{_HIGH_ORDINAL}))" + NO_NOUN_AFTER
_WEEKDAYS = WEEKDAY_NAMES
# "We leave May ninth, come back the eleventh": an ordinal after a date, in its sentence, is a date too
# ("on May 3rd she was the second" ranks her).
_DAY_AFTER_DATE = (rf"(?<=\b(?:{_MONTH_DAY}|{_DAY_OF_MONTH})\b"
                   rf"(?:(?!\b(?:is|was|were|are|be)\b)[^\n.?!]){{1,40}}\s)(?i:the\s+{ORDINAL_DAY})" + NO_NOUN_AFTER)
_MONTHS_NOT_MAY = MONTH_NAMES.replace("|May|", "|")      # "May I ask which grade?"
# "What day did she come home?" / "The ninth, yes.", "...on, what, Sunday the ninth?" / "The ninth.": an ordinal
# answering the other speaker's question about a day, or about a weekday or month, is one (a turn is its own line).
_ANSWERED_DAY = (r"(?<=(?i:\bwhen\b|\bwhat\s+day\b|\bwhich\s+day\b|\bdate\b|\bbirthday\b|\bborn\b"
                 rf"|\b(?:{_WEEKDAYS}|{_MONTHS_NOT_MAY})\b)"
                 r"[^\n.?!]{0,60}"
                 r"\?[ \t]*\n[ \t]*(?:(?i:yes|yeah|um|uh|oh|it\s+was|it's),?\s+)?)"
                 rf"(?i:the\s+{ORDINAL_DAY})(?={_PHRASE_END})")
# "the fifteen was Saturday": a weekday pins a day number to a date.
_DAY_WAS_WEEKDAY = (rf"(?i:\bthe\s+{_DAY})(?=\s+(?i:was|is|fell\s+on|falls\s+on)\s+(?:a\s+)?"
                    rf"(?:{_WEEKDAYS})\b)")
# A holiday names a day of the year ("two days before Thanksgiving"), and Ramadan a month, like "in May".
# Whisper writes some holidays in lower case ("mother's day"); those whose words are ordinary in lower
# case ("a good friday", "a new year", "holi") need their capitals, or a preposition ("on good friday").
_HOLIDAYS = (r"\b(?:(?i:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Eve|Day))?|Easter(?:\s+Sunday)?|Halloween"
             r"|Valentine'?s\s+Day|Mother'?s\s+Day|Father'?s\s+Day|(?:the\s+)?Fourth\s+of\s+July|Memorial\s+Day"
             r"|Labor\s+Day|Veterans\s+Day|Martin\s+Luther\s+King\s+Day|MLK\s+Day|Juneteenth|Cinco\s+de\s+Mayo"
             r"|D[ií]a\s+de\s+(?:los\s+)?Muertos|Eid\s+al-(?:Fitr|Adha)|Nowruz|Diwali|Hanukkah|Passover"
             r"|Yom\s+Kippur|Rosh\s+Hashanah|Ramadan|Meskel|Timkat|Kwanzaa|Vesak|Songkran"
             r"|New\s+Year'?s\s+(?:Eve|Day)|(?<=\b(?:on|since|before|after|until|over)\s)Good\s+Friday"
             r"|(?:Lunar|Chinese)\s+New\s+Year|Native\s+American\s+Day|Indigenous\s+Peoples'?\s+Day"
             r"|Columbus\s+Day|Presidents'?\s+Day|Palm\s+Sunday|Ash\s+Wednesday|Maundy\s+Thursday"
             r"|Holy\s+(?:Thursday|Saturday)|Pentecost|All\s+Saints'?\s+Day|Three\s+Kings'?\s+Day"
             r"|D[ií]a\s+de\s+(?:los\s+)?Reyes|St\.?\s+Patrick'?s\s+Day"
             r"|Mardi\s+Gras|Boxing\s+Day|Orthodox\s+(?:Christmas|Easter)|Karen\s+New\s+Year|Thingyan|Dashain|Tihar"
             r"|Losar|Chuseok|Purim|Sukkot|Shavuot|Mawlid|Ashura|Election\s+Day|White\s+Sunday|Children'?s\s+Day"
             r"|Flag\s+Day|Día\s+del\s+Niño|Noche\s+Buena|Nochebuena|Tsagaan\s+Sar|Ethiopian\s+New\s+Year)"
             r"|New\s+Year(?:'?s)?(?:\s+(?:Eve|Day))?|Good\s+Friday|Independence\s+Day|Eid|Genna|Holi"
             r"|T[eế]t)\b")


@register
def date() -> PatternRecognizer:
    return PatternRecognizer(
        "DATE", name="date_spoken",
        patterns=[
            Pattern("month_day", rf"\b{_MONTH_DAY}\b", 0.85),
            Pattern("day_of_month", rf"\b(?:the\s+)?{_DAY_OF_MONTH}\b", 0.85),
            Pattern("dia_de_mes", rf"\b(?:el\s+)?(?:{_DIA})\s+de\s+(?:{_MESES})\b", 0.85),
            Pattern("dia_de_mes_pt", rf"\b(?:(?:o\s+)?dia\s+)?(?:{_DIA_PT})\s+de\s+(?:{_MESES_PT})\b", 0.85),
            Pattern("jour_mois", rf"\b(?:le\s+)?(?:{_JOUR})\s+(?:{_MOIS})\b", 0.85),
            Pattern("jou_mwa", rf"\b(?:{_JOU})\s+(?:{_MWA})\b", 0.85),
            Pattern("numeric", r"(?<![\d/])[01]?\d/[0-3]?\d(?:/\d{2,4})?(?![\d/])", 0.6),
            # Only after "on"/"by"... or a birthday ("my birthday is 4-17", Whisper's "the birth of 11-6") or
            # a hearing or an appointment ("a master hearing 11-6") is "9-23" a date.
            Pattern("numeric_dash", r"(?<=\b(?i:on|by|until|since|before|after|birthday(?:'s|\s+is|\s+was)?"
                                    r"|birth\s+(?:of|is|was|date\s+is)|born|(?:hearing|appointment|court\s+date"
                                    r"|interview|deadline)(?:'s|\s+is|\s+was)?,?)\s)"
                                    + _MONTH_DASH_DAY, 0.6),
            # "They had her birthday wrong. It's 4-17.": after "is" only a birthday said just before makes it a date.
            Pattern("numeric_dash_is", r"(?<=\b(?i:it's|it\s+is|is|was)\s)" + _MONTH_DASH_DAY, 0.3),
            # "it's 9-16th": an ordinal ending makes the day of a month-dash-day certain.
            Pattern("numeric_dash_ordinal", r"(?<![\d-])(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
                                            + NO_NOUN_AFTER, 0.75),
            Pattern("iso", r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b", 0.85),
            Pattern("day_alone", _DAY_ALONE, 0.6),
            Pattern("numeral_day_alone", _NUMERAL_DAY_ALONE, 0.6),
            Pattern("day_was_weekday", _DAY_WAS_WEEKDAY, 0.6),
            Pattern("answered_day", _ANSWERED_DAY, 0.6),
            # "Friday the 13th", "on Monday the fifth": a weekday pins the ordinal to a date.
            Pattern("it_was_day", _IT_WAS_DAY + NO_NOUN_AFTER, 0.6),
            # (the view makes "oh-five" "0-5", which must be tried before the day's "0")
            Pattern("slashed", rf"(?i:\b{_MONTH_NUMBER}\s+slash\s+(?:0-[1-9]|{_DAY}|oh[\s-](?:{_CARD})))\b", 0.6),
            Pattern("el_dia", _EL_DIA, 0.6),
            Pattern("dia_semana", _DIA_SEMANA, 0.75),
            Pattern("ordinal_sentence", _ORDINAL_SENTENCE, 0.6),
            Pattern("low_ordinal_sentence", _LOW_ORDINAL_SENTENCE, 0.5),
            Pattern("day_after_date", _DAY_AFTER_DATE, 0.6),
            Pattern("weekday_day", rf"\b(?:{_WEEKDAYS})\s*,?\s+(?:the\s+)?"
                                   rf"{ORDINAL_DAY}" + NO_NOUN_AFTER, 0.75),
        ],
        # lemmas, which Presidio matches: "bear" for "born", "release" for "released"
        context=["bear", "birthday", "birth", "release", "arrive", "date", "since", "on"])


@register
def holiday() -> PatternRecognizer:
    return PatternRecognizer("DATE", name="holiday", patterns=[Pattern("holiday", _HOLIDAYS, 0.6)],
                             global_regex_flags=_CASED)


@register
def month() -> PatternRecognizer:
    # A month alone is a date element too; case-sensitive so "may"/"march" as words stay.
    # "May" alone is left out: sentence-initial "May I" is far commoner than the month.
    return PatternRecognizer(
        "DATE", name="month",
        patterns=[Pattern("month", r"\b(?:January|February|March|April|June|July|August|September"
                                   r"|October|November|December)\b", 0.55),
                  # Spanish months are no English words in any case, but "mayo" is
                  Pattern("mes", r"\b(?i:enero|febrero|marzo|abril|junio|julio|agosto|septiembre|setiembre|octubre"
                                 r"|noviembre|diciembre)\b", 0.55),
                  # and the Portuguese and French ones that are no English words ("mars", "mai" are left out)
                  Pattern("mes_pt_fr", r"\b(?i:janeiro|fevereiro|mar[çc]o|junho|julho|setembro|outubro|dezembro"
                                       r"|janvier|f[ée]vrier|avril|juin|juillet|ao[uû]t|septembre|octobre"
                                       r"|d[ée]cembre)\b", 0.55)],
        global_regex_flags=_CASED)


@register
def year() -> PatternRecognizer:
    return PatternRecognizer(
        "YEAR", name="year",
        patterns=[Pattern("year", r"(?<![\d-])(?:19|20)\d\d(?![\d-])", 0.6)])
