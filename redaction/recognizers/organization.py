"""Named organizations: capitalised words ending in an organization noun ('Hope Harbor Shelter').

spaCy's small model misses many shelters and charities, and Presidio ignores ORG by
default. A bare noun ('the shelter') is generic and kept: at least one capitalised
word must come before it.
"""
import re

from presidio_analyzer import Pattern, PatternRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteers import (KEPT_PROPER, NOT_NAMES, PUBLIC_BODIES, UPPER, english_words, faith_named, in_words,
                                  is_demonym, kept_word, plain_words, unknown_word)
from redaction.recognizers import pattern_name, register

_HEADS = (r"(?:Shelter|Services?|Charities|Charity|School|Academy|Hospital|Clinic|Cl[ií]nica|Center|Centre"
          r"|Church|Agency|University|College|Foundation|Ministr(?:y|ies)|Institute|Alliance|Network"
          r"|Coalition|Society|Association|Council|Program|Project|Home|House|Mission|Elementary|Library"
          r"|Inc\.?|LLC|Corporation|Company|Bank|Market|Farms?|Factory|Hotel|Restaurant|Health|Healthcare"
          r"|Partners|Group|Legal Aid|Daycare|Preschool|Residence|Refuge|Outreach|Ranch|Cathedral|Parish"
          r"|Mosque|Synagogue|Temple|Diocese|Courthouse|Detention|Facility|Hall|Lodge|Collective|Fund"
          r"|Initiative|Advocates|Counseling|Counselling|Defense|Defence|Packing|Foods|Manufacturing"
          r"|Construction|Staffing|Cleaning|Landscaping|Logistics|Industries|Enterprises|Solutions|Pharmacy"
          r"|Interiors|Roofing|Plumbing|Remodeling|Flooring|Drywall|Trucking|Movers"
          r"|Bakery|Motors|High|Middle|Primary|Prep|Preparatory|Kindergarten|Head Start|Fellowship|Congregation|Assembly|Tabernacle"
          r"|Chapel|Masjid|Internists|Physicians|Pediatrics|Dental|Dentistry|Orthopedics|Cardiology|Dermatology"
          r"|Oncology|Urology|Optometry|Chiropractic|Podiatry|Rehab|Rehabilitation)\b")
# A capitalised word that is not a determiner, pronoun or preposition starting the sentence. A period
# inside it ("A.M.E.") or after an abbreviation ("St.") is part of it; one after a word ends the
# sentence ("I asked Omar. Kawthoolei Baptist Fellowship ...").
NAME_WORD = (r"(?!(?:The|A|An|Our|My|Your|His|Her|Their|This|That|Every|Each|Some|Any|At|In|To|From|And)\b)"
             rf"[{UPPER}][\w'&-]*(?:\.[\w'&-]+)*(?:\.(?<=\b(?:St|Mt|Ft|Jr|Sr|Dr|Inc|Co|[A-Z])\.))?")
_OF = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?"
# A church may be named by its place and its faith alone ("Ridgemont Baptist").
_DENOMINATION = (r"(?:Baptist|Methodist|Lutheran|Presbyterian|Pentecostal|Episcopal|Adventist|Mennonite|Catholic"
                 r"|Orthodox)\b")
# ASR often lower-cases the head noun ("Catholic charity", "Lincoln high school").
_WORSHIP_HEADS = "church|parish|tabernacle|mosque|masjid|temple|chapel|cathedral|synagogue"
_LOWER_HEADS = (r"(?:shelters?|services?|charities|charity|school|academy|hospital|clinic|center|centre"
                r"|agency|ministries|ministry|foundation|elementary|high\s+school|middle\s+school|daycare|mission"
                rf"|outreach|medical\s+center|health\s+center|legal\s+aid|{_WORSHIP_HEADS})\b")
# Lower-case ASR text has no capitals to go by, but a word before a school level or a
# hospital kind ("roosevelt middle school", "mercy general hospital") or after "saint" is a name.
_GENERIC = (r"(?!(?:the|a|an|my|his|her|their|our|your|this|that|local|public|private|new|old|big|small|nearby"
            r"|same|other|different|good|bad|catholic|charter|county|city|state|next|first|second|free|immigration"
            r"|housing|tenants?|law|university|campus|students?)\b)")
_LOWER_NAMED = (rf"\b{_GENERIC}[a-z][a-z'-]+\s+(?:(?:elementary|middle|high|junior\s+high|primary|charter)\s+school"
                r"|(?:general|memorial|regional|community|county|children's|medical|methodist|baptist|presbyterian)"
                r"\s+(?:hospital|medical\s+center|clinic|health\s+center))\b"
                r"|\b(?:saint|st\.?)\s+[a-z][a-z'-]+\s+"
                r"(?:hospital|church|school|academy|clinic|parish|cathedral|center)\b")
# Heads that, unlike "school" or "church", seldom follow a name as an ordinary noun.
_NAME_HEADS = (r"(?i:alliance|network|partners|partnership|newcomers|fulfillment|collaborative|coalition|fellowship"
               r"|suites|nails|academy|ranch|middle|elementary|recovery|associates|collective|renal)\b")
# Whisper's "goes to lakeview high", "for eastgate senior high": the school's own word before "high".
_HIGH = r"(?:(?:senior|junior)\s+)?high\b(?!\s+school)"
_HIGH_END = re.compile(r"\bhigh$", re.I)
# Business heads Whisper lower-cases after the owner's or the place's name: "Kohlmann packaging",
# "Gallardo's collision", "Veritox labs", "the Fairmount arms".
_BUSINESS = (r"(?:labs|laboratories|collision|energy|institute|farms|foods|motors|bakery|logistics|industries"
             r"|enterprises|solutions|construction|manufacturing|packaging|roofing|plumbing|trucking|arms|apartments"
             r"|elementary|academy|residential|transport|transportation|distribution|distributors|wireless)\b")
# The phrase ends after the head: "I saw Ana packaging boxes" goes on with the verb's object.
PHRASE_ENDS = (r"(?=\s*[,.;:!?)]|\s*$|\s+(?i:and|or|in|on|at|for|to|from|with|by|near|where|which|that|who|is|was"
               r"|has|had|does|did|they|he|she|we|i|but|so|because|now|then|after|before|since|until)\b)")
_COMPOUND_HEADS = (r"(?:credit\s+union|property\s+management|community\s+action|funeral\s+home|tire\s+and\s+lube"
                   r"|auto\s+(?:body|sales|repair))\b")
# Heads that end a name even where Whisper garbled the words before them: "be country collaborative."
_END_HEADS = r"(?:collaborative|collective|coalition)(?=\s*[,.;!?]|\s*$|\s+(?:for|in|and|that|who|which|helped|said)\b)"
# Whisper keeps a name's first word and lower-cases the rest ("Caprock welcome house", "Snowland cultural
# hall", "the Carpathian arms complex"): with a word between, these heads end the name.
_SPOKEN_HEADS = (r"(?:house|hall|circle|assembly|complex|arms|apartments|village|hospital|clinic|center|centre|academy"
                 r"|charter|church|outreach|institute|college|elementary|shelter|mission|ministries|market|farms?"
                 r"|packing|staffing)\b")
_KIND = r"(?:community|social|legal|health|family|youth|mental|medical|support|refugee|immigrant)"
# After a word of the agency's kind these are a name's head: "Bonnie Murts community college", "to stage brush
# legal clinic" ("a legal clinic" has no name before its kind).
_KIND_HEADS = (r"(?:college|clinic|services|center|centre|counseling|aid|project|program|collective|house|defenders"
               r"|advocates|institute)\b")
_GAP_WORD = (rf"(?!(?:in|on|at|to|for|with|of|and|or|is|was|are|were|be|been|has|had|have|will|would|can|could"
             rf"|{_KIND})\b)" + _GENERIC)
_LOWER_WORD = rf"(?:{_GAP_WORD}[a-z][\w'-]*\s+)"     # one lower-case word of a name, and the space after it
# Whisper keeps a name's own word and lower-cases the kind after it ("Mountaineer rural electric co-op",
# "Kern County human services"): a head of this kind right after a name found otherwise belongs to it, when
# the phrase ends there ("Ana health insurance" goes on).
_TAIL_HEADS = (r"co-?op|cooperative|lodge|counsel|pantry|realty|holdings|network|alliance|coalition|academy|rentals"
               r"|detailing|pathways|commons|ministries|outreach|foundation|institute|associates|partners|collective"
               r"|collaborative|electric|unified|elementary|middle|fellowship|advocates|union|group|drugs?|pharmacy"
               r"|growers|builders|provisions|protein|meats|apparel|servicing|staffing|solutions|health\s+plan|power"
               r"|mortuary|finance")
# Heads that also follow a person's name where a speaker drops the possessive ("Maria health", "Ahmed
# school"), and spaCy reads many a person as an organization: only with a word of the organization's kind between.
_PLAIN_HEADS = r"services|society|project|market|clinic|center|centre|shelter|health|energy|court|defense|care|college"
_TAIL_KINDS = (rf"(?:{_KIND}|human|behavioral|electric|recovery|marine|fleet|heritage|tribal|regional|food|wellness"
               r"|primary|urgent|justice|consumer|technical|law|workers['’]?)")
STOPS = "|".join(sorted(w for w in STOP_WORDS if w.isalpha()))     # the stop words, as one alternation
_NAME_TAIL = re.compile(rf"(?i:(?:['’]s)?(?:\s+(?!(?:{STOPS})\b)[a-z][\w'-]*){{0,2}}\s+(?:{_TAIL_HEADS})"
                        rf"|(?:\s+{_TAIL_KINDS}){{1,2}}\s+(?:{_PLAIN_HEADS}|(?P<street>road|street|avenue|boulevard))"
                        r"|\s+(?P<exit>exit|interchange|turnoff))"
                        # "Rocky Plains credit union ending six six oh three": its number may follow
                        rf"(?=\s*[,.;:!?]|\s*$|\s+(?i:{STOPS}|ending|account|number)\b)")


def name_tail(text: str, end: int) -> tuple[int, str] | None:
    """Where the name ending at `end` ends with its kind, and what it then names: 'ORGANIZATION' or
    'LOCATION'."""
    m = _NAME_TAIL.match(text, end)
    if m is None:
        return None
    return m.end(), "LOCATION" if m["street"] or m["exit"] else "ORGANIZATION"


# Where someone works or goes: the capitalised words after it name the place.
_WORKS_AT = r"(?i:\b(?:work(?:s|ed|ing)?|volunteer(?:s|ed|ing)?|employed|hired)\s+(?:at|for)\s+)"
_SPANISH = r"\b(?i:Casa|Centro|Hogar|Iglesia|Escuela|Colegio|Fundaci[oó]n|Cl[ií]nica)\s+(?:de\s+(?:la\s+|los\s+|las\s+)?)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
_CASED = re.DOTALL | re.MULTILINE


# "CRIS is the big resettlement agency here": a name said to be an organization of some kind.
_IS_A_KIND = (r"(?=\s+(?:is|was)\s+(?:the|a|an|our|my|their)\s+(?:[a-z-]+\s+){0,2}(?:agency|organi[sz]ation|nonprofit"
              r"|non-profit|charity|shelter|clinic|school|church|mosque|company|employer|hospital|program|programme)"
              r"(?=\s*[,.;!?]|\s+(?:that|which|who|where|here|there|in|for|we|I|they|he|she|and)\b))")


class OrganizationRecognizer(PatternRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        # "Spanish school", "Sunday school": a generic noun after a language or day names no one;
        # "working for the Americans": a people is no employer.
        words = pattern_text.split()
        return pattern_text.lower() in PUBLIC_BODIES or words[0].lower() in NOT_NAMES \
            or len(words) == 1 and kept_word(words[0])

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not (pattern_name(r) == "lower_head" and _kind_of_worship(text[r.start:r.end])
                                           or pattern_name(r) == "is_a_kind" and _common(text[r.start:r.end])
                                           or pattern_name(r) in ("lower_head", "lower_named")
                                           and _asks(text[r.start:r.end]))]


def _asks(span: str) -> bool:
    """ "Which clinic?", "in high school", "There's services": a question word, a preposition or a pronoun
    before the noun names nothing."""
    return re.split(r"['’]", span.split()[0])[0].lower() in STOP_WORDS


def _common(span: str) -> bool:
    """ "It is the agency", "English is the school's": a pronoun, a language, a faith or a place is no name."""
    first = span.split()[0]
    return first.lower() in STOP_WORDS or kept_word(first)


_WORSHIP = re.compile(rf"\s(?:{_WORSHIP_HEADS}|school|service)$")


def _kind_of_worship(span: str) -> bool:
    """ "the Catholic church", "a Somali mosque", "the Urdu service": a faith, a language or a people before
    a house of worship, a school or a service is a kind, not a name ("Lutheran services", "Catholic
    Charities" are agencies' names)."""
    head = _WORSHIP.search(span)
    return head is not None and all(w.lower() in KEPT_PROPER or is_demonym(w) for w in span[:head.start()].split())


@register
def organization() -> PatternRecognizer:
    return OrganizationRecognizer(
        "ORGANIZATION", name="organization",
        patterns=[Pattern("named_org", rf"\b(?:{NAME_WORD}\s+){{1,4}}{_HEADS}{_OF}", 0.8),
                  # "Advocates of the Prairie", "Sisters of Mercy": a body of people named after what it serves.
                  Pattern("org_of", rf"\b(?:University|College|Church|Diocese|Archdiocese|Bank|Hospital|Advocates"
                                    r"|Friends|Sisters|Brothers|Servants|Allies|Champions|Guardians|Neighbou?rs"
                                    rf"|Coalition|Alliance|Network|Foundation|Academy|Mission|Ministries)\s+of\s+"
                                    rf"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}}", 0.8),
                  Pattern("spanish", _SPANISH, 0.75),
                  # a union's local, known by its number: "UFCW Local 7", "SEIU local 32BJ"
                  Pattern("union_local", r"\b(?:[A-Z]{2,6}\s+(?i:local)|(?<![.!?]\s)(?<!^)Local)\s+\d{1,5}[A-Z]{0,2}\b",
                          0.8),
                  # a county's own agency: "Murray County DFCS", "Kane County DCFS"
                  Pattern("county_agency", rf"\b{NAME_WORD}\s+(?:County|City|Parish)\s+[A-Z]{{2,6}}\b", 0.85),
                  # "Calhoun County Children's Bureau": a local government's own office.
                  Pattern("county_office", rf"\b{NAME_WORD}\s+(?:County|City|Parish)\s+(?:{NAME_WORD}\s+){{0,3}}"
                                           r"(?:Bureau|Department|Office|Division|Commission|Board|Authority)\b", 0.85),
                  # a family firm: "Ramírez and Sons Roofing", "Okafor & Daughters"
                  Pattern("and_sons", rf"\b{NAME_WORD}\s+(?:and|&)\s+(?:Sons?|Daughters?|Associates)"
                                      rf"(?:\s+{NAME_WORD}){{0,2}}", 0.85),
                  Pattern("lower_head", rf"\b(?:{NAME_WORD}\s+){{1,3}}{_LOWER_HEADS}", 0.6),
                  Pattern("is_a_kind", rf"(?<!\w\s)\b{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}{_IS_A_KIND}", 0.7),
                  Pattern("lower_named", rf"(?i:{_LOWER_NAMED})", 0.7)],
        context=["worked", "work", "works", "volunteer", "attend", "attends", "school", "shelter", "staff"],
        global_regex_flags=_CASED)


@register
def employer() -> PatternRecognizer:
    # No context boost: a nationality after "worked for" ("Guatemalan clients") must lose to NRP.
    return OrganizationRecognizer(
        "ORGANIZATION", name="employer",
        patterns=[Pattern("works_at", rf"(?<={_WORKS_AT}(?:the\s+)?){NAME_WORD}(?:\s+(?:of\s+|de\s+)?[A-Z][\w'&-]*){{0,3}}",
                          0.6)],
        global_regex_flags=_CASED)


class LowerCaseOrganizationRecognizer(OrganizationRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        first = pattern_text.split()[0]
        return super().invalidate_result(pattern_text) or kept_word(first)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if nlp_artifacts is None:
            return results
        nlp = nlp_artifacts.nlp_engine.nlp[self.supported_language]
        words, english = plain_words(nlp), english_words(nlp)
        return [r for r in results if _names_one(r, text, nlp_artifacts.tokens, words, english)]


def _names_one(result, text: str, doc, words, english) -> bool:
    """Does a lower-case pattern's match name an organization, by the words in it?"""
    span, pattern = doc.char_span(result.start, result.end), pattern_name(result)
    if pattern in ("capital_lower_head", "name_business") and not _named_phrase(span, words):
        return False
    if pattern == "unknown_head" and (span is None or not any(
            unknown_word(t.text, english) and t.lemma_.lower() not in english for t in span[:-1] if t.is_alpha)):
        return False
    if _HIGH_END.search(text[result.start:result.end]) and not _school_name(span, english):
        return False
    return pattern != "denomination" or _congregation(span, english)


def _school_name(span, english) -> bool:
    """ "goes to lakeview senior high" names a school; "from really high", "to sky high" are degrees,
    so only words that are not English may stand before "high"."""
    return span is not None and not any(t.is_stop or in_words(t, english) for t in span
                                        if t.lower_ not in ("senior", "junior", "high"))


def _congregation(span, english) -> bool:
    """ "Ridgemont Baptist" is a church; "I'm Catholic", "Southern Baptist" and a sentence opening "Devout
    Catholic." are not."""
    if span is None or faith_named([span[-2].text, span[-1].text]) \
            or any(t.is_stop or "'" in t.text for t in span[:-1]):
        return False
    return not (span[0].is_sent_start and all(in_words(t, english) for t in span[:-1]))


def _named_phrase(span, words) -> bool:
    """Only describing words between the name and its head ("Omar likes school" is a sentence; "Gallardo's
    collision" is possessed), a head that is no verb ("I saw Ana packaging boxes"), and a name, not an
    English word capitalised for opening the sentence ("Every single house")."""
    return span is not None and all(t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or t.lower_ in ("'s", "’s")
                                    for t in span[1:-1]) \
        and span[-1].pos_ != "VERB" and not (span[0].is_sent_start and in_words(span[0], words))


@register
def organization_lower_case() -> PatternRecognizer:
    # Whisper capitalises a name's first word at most: "Salem welcome Alliance", "Northgate fulfillment",
    # "at lucky lotus nails", "at pleasant ridge middle".
    return LowerCaseOrganizationRecognizer(
        "ORGANIZATION", name="organization_lower_case",
        patterns=[Pattern("capital_then_lower", rf"\b{NAME_WORD}\s+{_LOWER_WORD}{{0,2}}{_NAME_HEADS}", 0.6),
                  # sure enough to take in the person spaCy found in it ("[Kohlmann] packaging")
                  Pattern("name_business", rf"\b{NAME_WORD}(?:['’]s)?\s+(?-i:{_BUSINESS}){PHRASE_ENDS}", 0.8),
                  # "Cherry Creek legal collective": after two capitals, a word of the agency's kind belongs to it.
                  Pattern("capitals_then_kind", rf"\b(?:{NAME_WORD}\s+){{2,3}}(?:{_KIND}\s+){{1,2}}(?:{_NAME_HEADS}"
                                                rf"|{_KIND_HEADS})", 0.6),
                  # "to manion charter academy": a kind of school may follow the name's own word.
                  Pattern("after_at", rf"(?<=\b(?i:at|from|with|to|for|through|we're|we\s+are|(?:salon|agency"
                                      rf"|church|shop|store|restaurant|company|plant|clinic|program),)\s){_LOWER_WORD}"
                                      rf"(?:(?i:charter|community|christian|catholic)\s+|{_LOWER_WORD}){{0,2}}"
                                      rf"(?:{_NAME_HEADS}|{_TAIL_KINDS}\s+{_KIND_HEADS}|{_HIGH})", 0.55),
                  Pattern("capital_lower_head", rf"\b{NAME_WORD}\s+{_LOWER_WORD}{{1,2}}{_SPOKEN_HEADS}", 0.55),
                  # "which school is shut, rivermen elementary.", "east gate middle,": a school level that ends the
                  # phrase names its school ("in the middle", "upper middle" have no name before it).
                  Pattern("school_level", rf"\b(?:(?!(?:{STOPS}|upper|lower)\b){_LOWER_WORD}){{1,2}}"
                                          rf"(?:elementary|middle|unified)(?=\s*[,.;!?]|\s*$)", 0.55),
                  Pattern("garbled_name", rf"\b{_LOWER_WORD}{{1,2}}{_END_HEADS}", 0.55),
                  # "managed by right water property management", "at rocky plains credit union": two-word kinds
                  # that only a name stands before ("the credit union", "our property management" are none).
                  Pattern("compound_head", rf"\b(?:(?!(?:{STOPS}|federal)\b){_LOWER_WORD}){{1,2}}{_COMPOUND_HEADS}",
                          0.6),
                  # "The company is crestmark residential.", "through meritock's labs,": a word no dictionary has,
                  # before a business's kind, is the business's name as Whisper spelled it.
                  Pattern("unknown_head", rf"(?<![\w'’-])[a-z][a-z'’-]{{2,}}\s+(?:{_BUSINESS}|{_SPOKEN_HEADS}"
                                          rf"|(?:{_TAIL_HEADS})\b){PHRASE_ENDS}", 0.55),
                  # "from Ridgemont Baptist": a church named by its place and faith, not "Southern Baptist".
                  Pattern("denomination", rf"\b(?:{NAME_WORD}\s+){{1,3}}{_DENOMINATION}", 0.6)],
        global_regex_flags=_CASED)
