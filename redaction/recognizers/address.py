"""Street addresses, PO boxes; house numbers may be spoken ('seventy four sixteen')."""
import re

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.gazetteers import KEPT_NAMES, MONTH_NAMES, UPPER, WEEKDAY_NAMES
from redaction.normalize import CARDINAL_WORDS
from redaction.recognizers import register

_SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl"
           r"|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Terrace|Trail|Loop|Plaza|Square|Alley|Pike|Crossing)\b\.?")
# "412", "12-14", a spoken "six-nineteen" (the view reads it "6-19"), ASR's "2,250", and a number read
# digit by digit ("two, two, three, one": "2-2-3-1").
_NUMBER = r"\b(?:\d{1,3}(?:,\d{3})+|\d(?:-\d){2,5}|\d{1,6}(?:-\d{1,3})?)"
_NOT_YEAR = r"(?!(?:19|20)\d\d\b)"
# "a 10 minute drive", "3 kids, unit 5"
_NOT_NAME = (r"(?!(?:the|a|an|same|other|this|that|his|her|my|our|their|one|more|of|and|in|to"
             r"|minutes?|hours?|miles?|blocks?|days?|weeks?|months?|years?|times|kids|children|people|dollars)\b)")
_CASED = re.DOTALL | re.MULTILINE
# what may follow a corner's second street and shows it is no corner ("in 5th and 6th grade")
_NO_GRADE_AFTER = r"(?!\s+(?i:grades?|graders|period|floor|place|century|birthday))"
_SPELLED_ORDINAL = (r"(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-(?i:first|second|third|fourth|fifth"
                    r"|sixth|seventh|eighth|ninth)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth"
                    r"|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth"
                    r"|Twentieth|Thirtieth|Fortieth|Fiftieth)")
_NUMBER_WORD = _NUMBER + "|" + CARDINAL_WORDS
_UNIT_WORD = r"(?i:apartment|apartamento|apt\.?|unit|suite)"
_GRID = r"(?:\d{1,2},\d{3}|\d{3,5})"
# a number said in Spanish: "cuarto veintiséis", "habitación ciento doce"
_NUMERO = (r"(?i:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
           r"|dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|ciento?"
           r"|doscientos|trescientos|cuatrocientos|quinientos)\b")
_NUMERO_SAID = rf"{_NUMERO}(?:\s+(?:y\s+)?{_NUMERO})*"
# "apartment 2c", "Apt. B", "unit C nine", "apartamento tres R", "garden unit"; "lot 14", "trailer 3", "space nine"
# only with a number ("space is short" is no unit); "3rd floor".
_UNIT = (rf"(?:\s*,?\s*(?:(?:{_UNIT_WORD}|(?i:ste\.?)|#|number|(?i:n[uú]mero))\s*"
         rf"(?:(?-i:[A-Z])\s+(?i:{CARDINAL_WORDS})\b(?:[\s-](?i:{CARDINAL_WORDS})\b)*|[\w-]+(?:\s+(?-i:[A-Z])\b)?)"
         rf"|(?:lot|space|trailer|room|building|bldg\.?)\s*#?(?:[A-Za-z]?\d[\w-]*|(?:{_NUMBER_WORD})\b(?:-\w+)?)"
         r"|(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+floor\b"
         # "South Lombard, garden unit": which unit of the house, where it has one number
         r"|(?i:garden|basement|rear|front|upstairs|downstairs|upper|lower|back)\s+(?i:unit|apartment|apt\b|flat)))?")
# "eighty-eight", "twenty-two-ten", "four oh six": two number words at least ("one Main Street job" is none).
# Atomic: a hallucinated run ("u-0-0-0-0-...") splits into numbers in exponentially many ways.
_SPOKEN_HOUSE_NUMBER = rf"\b(?>(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}|oh))+)"
# A named complex gives an address with its unit: "Rosemoor Apartments, unit twelve".
_COMPLEX = (r"(?:Apartments|Apts\.?|Arms|Townhomes|Townhouses|Homes|Village|Villas|Towers|Gardens|Manor|Estates|Courts"
            r"|Lofts|Residences|Commons|Terrace|Heights|Mobile\s+Home\s+Park|Trailer\s+Park)")
_STRONG_SUFFIX = r"(?:street|avenue|lane|road|boulevard)\b"
_BOX_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?>(?:{CARDINAL_WORDS})(?:[\s-]+(?:{CARDINAL_WORDS}))*)\b)"
_NOT_GENERIC = r"(?!(?:side|back|main|busy|quiet|same|next|wrong|whole|dead|one|two|city|wall)\b)"


@register
def street_cased() -> PatternRecognizer:
    return PatternRecognizer(
        "ADDRESS", name="address",
        patterns=[
            Pattern("numbered", rf"{_NUMBER}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.-]*\s+){{1,3}}{_SUFFIX}{_UNIT}", 0.85),
            Pattern("spoken_numbered", rf"{_SPOKEN_HOUSE_NUMBER}\s+(?:[A-Z][\w'.-]*\s+){{1,3}}{_SUFFIX}{_UNIT}", 0.75),
            # "Vista Laurel Apartments, building C, two fourteen": a building's letter, then the door
            # ("Palmarito Gardens, edificio C, apartamento once")
            Pattern("complex_unit", rf"\b(?:[A-Z][\w'.-]*\s+){{1,3}}{_COMPLEX}\s*,?\s*(?:{_UNIT_WORD}"
                                    rf"|building|bldg\.?|(?i:edificio)|lot|space|trailer|number|#)\s*#?"
                                    rf"(?:[A-Z]\s*,\s*(?:{_UNIT_WORD}\s*)?(?=\d|{_NUMERO}))?"
                                    rf"(?:[A-Za-z]?\d[\w-]*|(?:{_NUMBER_WORD})\b(?:[\s-]+(?:{_NUMBER_WORD})\b)*"
                                    rf"(?:-?[A-Za-z]\b)?|{_NUMERO_SAID}|[A-Z]\b)", 0.85),
            # "Thomas Road", and a numbered one: "at 43rd Avenue".
            Pattern("street", rf"\b(?:(?:[A-Z][\w'.-]*\s+){{1,3}}|\d{{1,3}}(?:st|nd|rd|th)\s+)"
                              r"(?:Street|Avenue|Road|Lane|Drive|Boulevard)\b", 0.6),
            # "Maryland Avenue", "Lebanon Road": a street named after a state or a country outranks the kept name.
            Pattern("kept_name_street", rf"{KEPT_NAMES}\s+(?:Street|Avenue|Road|Lane|Drive|Boulevard|Place|Court"
                                        r"|Parkway|Way|Terrace)\b", 0.85),
            # "seventeen Birchwood Court, apartment 2B": one number word, made an address by its unit.
            Pattern("spoken_unit", rf"\b(?:{_NUMBER_WORD})\s+(?:[A-Z][\w'.-]*\s+){{1,3}}{_SUFFIX}\s*,?\s*"
                                   rf"{_UNIT_WORD}\s*#?[\w-]+", 0.75),
            # "2207 West Emma", "88 Calle Ocho, unit 5": no street word, but a compass point or a unit says address.
            Pattern("compass", rf"{_NOT_YEAR}{_NUMBER}\s+(?:North|South|East|West|[NSEW]\.)\s+"
                               rf"(?!(?:Virginia|Africa|Bank|Coast|Side|End|Indies)\b)[A-Z][\w'-]+{_UNIT}", 0.7),
            Pattern("unit", rf"{_NOT_YEAR}{_NUMBER}\s+(?:[A-Z][\w'.-]*\s+){{0,2}}[A-Z][\w'.-]*\s*,?\s*"
                            rf"{_UNIT_WORD}\s*[\w-]+", 0.7),
            # A corner: "over by 24th and Leavenworth", "the corner of Broad and Olney"; "in 5th and 6th grade" is none.
            Pattern("intersection", r"(?:(?<=\b(?:by|at|on|near|off|of)\s)\d{1,3}(?:st|nd|rd|th)|(?<=\bcorner\s+of\s)"
                                    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+(?:and|&)\s+(?:\d{1,3}(?:st|nd|rd|th)\b|[A-Z][\w'-]+)"
                                    r"(?:\s+[A-Z][\w'-]+)?" + _NO_GRADE_AFTER,
                    0.6),
            # A street number spelled and capitalised inside a sentence, at a corner with a named street: "on — what
            # is it — Thirty-ninth and Cardenas" ("came Second and Third", "Fifth and Sixth Grade" are no corner).
            Pattern("spelled_intersection", rf"(?<=[\w,;—–]\s){_SPELLED_ORDINAL}\s+(?:and|&)\s+"
                                            rf"(?!{_SPELLED_ORDINAL}\b|Foremost\b)[A-Z][a-z][\w'-]*\b", 0.6),
            # a named street at a corner with a numbered one: "over by Kessler and Forty-Eighth", "on Harwick Place
            # and 168th" ("on Monday and 3rd", "at Lincoln and 5th grade" are none)
            Pattern("corner_numbered", rf"(?<=\b(?:by|at|on|near|off)\s)(?!(?:{WEEKDAY_NAMES}|{MONTH_NAMES})\b)"
                                       r"[A-Z][\w'-]+"
                                       r"(?:\s+(?:Street|Avenue|Road|Place|Drive|Boulevard|Lane|Way|Court))?"
                                       r"\s+(?:and|&)\s+"
                                       rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_SPELLED_ORDINAL})\b" + _NO_GRADE_AFTER, 0.6),
            # Utah's grid streets at a corner: "the stop is at 4800 South and 4000 West" (Whisper: "4,800 South")
            Pattern("grid_corner", rf"\b{_GRID}\s+(?:North|South|East|West)\s+(?:and|&)\s+{_GRID}\s+"
                                   r"(?:North|South|East|West)\b(?!\s+[A-Z])", 0.9),
            # Missouri's lettered roads: "on Route double-D", "Highway KK"
            Pattern("lettered_route",
                    r"\b(?:Route|Highway)\s+(?:(?:double|triple)-?[A-Z]|(?!I\b)[A-Z]{1,2})\b(?![-\w])", 0.6),
            # Streets named in Spanish, Portuguese or French: "Calle 8", "Avenida Juárez 1420", "Rua das Flores",
            # "1127 Calle Mirasol, número 6".
            Pattern("calle", r"\b(?:\d{1,5}\s+)?(?:Calle|Avenida|Carrera|Camino|Paseo|Rua|Rue)\s+"
                             r"(?:(?:de|da|do|das|dos|des|du)\s+(?:la\s+|los\s+|las\s+)?)?"
                             rf"(?:\d{{1,3}}\b|[{UPPER}][\w'-]*)(?:\s+[{UPPER}][\w'-]*){{0,2}}"
                             rf"(?:\s+#?\s*\d{{1,5}}\b)?{_UNIT}", 0.7),
            # "..., apartamento tres R,", "Let her see, unit C.", "We are in Room 418,", "Unit 204.": a numbered or
            # lettered unit said as a phrase of its own belongs to an address said nearby ("3 kids, unit 5 is ours"
            # goes on).
            # "His mom's place is unit 14": a home said to be a unit; "the trailer park, lot 9," a lot in one
            # ("lot thirty-one", "space ninety-two", a camp's "cabin fourteen B" too; "room two" may be any room);
            # after a filler's dash too ("6230 Dalwood Court, um— unit 14D").
            Pattern("unit_alone", rf"(?<=(?:^|[,.?!—–])\s*|\b(?i:in|at)\s+"
                                  rf"|\b(?i:place|home|house|address)(?:\s+(?i:is|was)|['’]s)\s+)"
                                  rf"(?:{_UNIT_WORD}|(?i:room|lot|space|trailer|cabin)(?=\s*#?\s*\d)"
                                  rf"|(?i:lot|space|trailer|cabin)(?=\s*(?i:{CARDINAL_WORDS})\b))"
                                  rf"\s*#?\s*(?:[A-Za-z]?\d[\w-]*|[A-Z]\b"
                                  rf"|(?i:{_NUMBER_WORD}|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\b"
                                  rf"(?:[\s-](?i:{CARDINAL_WORDS}|oh)\b)*)"
                                  r"(?:\s+[A-Z]\b)?(?=\s*[,.;!?]|\s*$)", 0.6),
            # but a room after a motel's name is its door: "Casa Linda, room fourteen", "the Desert Star Motor
            # Inn, room one fourteen with her aunt"
            Pattern("named_room", rf"(?<=[A-Z][\w'’-]*,\s*)(?:(?i:room)\s*#?\s*(?:\d[\w-]*"
                                  rf"|(?i:{CARDINAL_WORDS})\b(?:[\s-](?i:{CARDINAL_WORDS}|oh)\b)*)"
                                  rf"|(?i:cuarto|habitaci[oó]n)\s*#?\s*(?:\d[\w-]*|{_NUMERO_SAID}))",
                    0.6),
        ],
        global_regex_flags=_CASED)


@register
def street_any_case() -> PatternRecognizer:
    # Lower-case ASR text: needs a house number and a place-giving context word.
    return PatternRecognizer(
        "ADDRESS", name="address_lowercase",
        patterns=[Pattern("numbered", rf"{_NUMBER},?\s+(?:{_NOT_NAME}[a-z][\w'-]*\s+){{1,3}}{_SUFFIX}{_UNIT}", 0.45),
                  # ASR lower-cases the street and garbles a spoken house number: "three hundred eighty with
                  # field lane", "six hunting popular street". A number word and a street word suffice.
                  Pattern("spoken_number", rf"\b(?>(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*)\s+"
                                           rf"(?:{_NOT_NAME}[a-z][\w'-]*\s+){{1,3}}{_STRONG_SUFFIX}{_UNIT}", 0.6),
                  # "under the kettle street overpass": a street by what is on, under or along it
                  Pattern("on_street", rf"(?<=\b(?:on|off|at|near|under|along|past|onto)\s(?:the\s)?)"
                                       rf"(?:{_NOT_NAME}{_NOT_GENERIC}[a-z][\w'-]*\s+){{1,2}}"
                                       r"(?:street|avenue|boulevard)\b", 0.55),
                  # "914 leakers treat, apartment 2c", "14 north talman apartment 3b": a unit number vouches for a
                  # garbled street.
                  Pattern("unit", rf"{_NOT_YEAR}{_NUMBER}\s+(?:{_NOT_NAME}[a-z][\w'-]*\s+){{0,2}}{_NOT_NAME}[a-z][\w'-]*"
                                  r"\s*,?\s*(?:apartment|apt\.?|unit|suite)\s*#?(?=[a-z]?\d)[\w-]+", 0.6),
                  # Rural mail has no street: "RR 3, Box 118", "HC 72 Box 409" (a highway contract route),
                  # Whisper's "Royal Route 2, box 118" and "HZ 61, box 2,215". A box after a route number is mail.
                  Pattern("po_box", rf"\b(?:p\.?\s?o\.?\s*box|post\s+office\s+box|(?:(?:[^\W\d_]+\s+)?route"
                                    rf"|(?-i:[A-Z]{{2}})|r\.\s?r\.|h\.\s?c\.|highway\s+contract)\s*#?\s*{_BOX_NUMBER}"
                                    rf"\s*,?\s*box)\s*#?\s*{_BOX_NUMBER}", 0.85)],
        context=["live", "lived", "living", "address", "street", "moved", "house", "apartment", "stay",
                 "stayed", "sponsor", "located", "mail"])


# ASR writes a spoken house number as a quantity ("7,416") and garbles the street after it
# ("senior ladies"): after a residence cue, the number and the few words up to a clause
# break or "in <city>" are the address.
_RESIDENCE = (r"(?i:\b(?:(?:live[sd]?|living|stay(?:s|ed|ing)?|moved)\s+(?:at|on|to)"
              r"|(?:address|house)\s+(?:is|was))\b)")
_STREET_WORD = (r"(?!(?i:in|on|at|and|with|for|since|until|when|while|but|near|by|from|i|we|she|he|they)\b)"
                r"[A-Za-z][\w'-]*")
_NOT_PLACE = (rf"(?:{MONTH_NAMES}"
              r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Dollars|Degrees|Hours|Calories)\b")
_HOUSE_NUMBER = r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{3,6})(?!\d|[,.]\d)"   # not a year


@register
def street_after_residence() -> PatternRecognizer:
    return PatternRecognizer(
        "ADDRESS", name="address_residence",
        patterns=[Pattern("house_number", rf"(?<={_RESIDENCE}\s*){_HOUSE_NUMBER}(?:\s+{_STREET_WORD}){{0,4}}", 0.7),
                  # "our kids at 1,186 Kailarav": at a house number then a capitalised word (Whisper's spelling
                  # of a street it did not know) is an address without a residence cue; "at 300 Degrees" is rare.
                  Pattern("at_house_number", rf"(?<=\b(?i:at)\s){_HOUSE_NUMBER}\s+(?!{_NOT_PLACE})"
                                             rf"(?=(?-i:[A-Z][a-z]{{2,}})\b){_STREET_WORD}(?:\s+(?-i:[A-Z])[\w'-]+)?",
                          0.6),
                  # "they live at 3,310 pike": Whisper dropped a street name it did not know, and kept its kind.
                  # "at 2,000 street value" goes on: the kind must end the phrase or lead to a unit.
                  Pattern("at_house_number_kind", rf"(?<=\b(?i:at|on)\s){_HOUSE_NUMBER}\s+(?i:{_STRONG_SUFFIX}"
                                                  r"|pike\b|terrace\b|drive\b)(?=\s*[,.;!?#]|\s*$|\s+(?i:in|near|by"
                                                  rf"|and|unit|apartment|apt|suite|number)\b){_UNIT}", 0.6)],
        global_regex_flags=_CASED)
