"""Word lists that decide what is kept: states, countries, generic words NER mislabels."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS


def _letters(case) -> str:
    return "".join(chr(c) for lo, hi in ((0xC0, 0x250), (0x1E00, 0x1F00)) for c in range(lo, hi) if case(chr(c)))


# Capitals and small letters for regex classes, beyond ASCII and Latin-1: "Đorđe", "Łukasz", "Şahin", "Ngô".
UPPER = "A-Z" + _letters(str.isupper)
# The months by name, as a regex alternation (dates find them; names and places must not be them).
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
LOWER = "a-z" + _letters(str.islower)

US_STATES = frozenset("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia washington wisconsin wyoming
""".split()) | frozenset({
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "rhode island", "south carolina", "south dakota", "west virginia", "district of columbia",
    "puerto rico", "guam",
})

COUNTRIES = frozenset({
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bangladesh", "belarus", "belgium", "belize", "benin", "bhutan", "bolivia",
    "bosnia", "brazil", "bulgaria", "burkina faso", "burma", "burundi", "cambodia", "cameroon",
    "canada", "chad", "chile", "china", "colombia", "congo", "costa rica", "croatia", "cuba",
    "czech republic", "denmark", "djibouti", "dominican republic", "ecuador", "egypt",
    "el salvador", "eritrea", "estonia", "ethiopia", "fiji", "finland", "france", "gabon",
    "gambia", "germany", "ghana", "greece", "guatemala", "guinea", "guyana", "haiti", "honduras",
    "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy",
    "ivory coast", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "korea", "north korea",
    "south korea", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "liberia",
    "libya", "lithuania", "madagascar", "malawi", "malaysia", "mali", "mauritania", "mexico",
    "moldova", "mongolia", "morocco", "mozambique", "myanmar", "namibia", "nepal", "netherlands",
    "new zealand", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan", "palestine",
    "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
    "russia", "rwanda", "saudi arabia", "senegal", "serbia", "sierra leone", "singapore",
    "slovakia", "somalia", "south africa", "south sudan", "spain", "sri lanka", "sudan",
    "suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
    "togo", "trinidad", "tunisia", "turkey", "turkmenistan", "uganda", "ukraine",
    "united arab emirates", "united kingdom", "united states", "uruguay", "uzbekistan",
    "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "america", "england", "scotland",
    "wales", "the united states", "usa", "u.s.", "us", "uk",
})

# National bodies and programmes: naming them identifies nobody.
PUBLIC_BODIES = frozenset({
    "ice", "orr", "dhs", "uscis", "cbp", "hhs", "fbi", "cps", "dcfs", "eoir", "snap", "wic",
    "medicaid", "medicare", "social security", "border patrol", "immigration court",
    "the office of refugee resettlement", "office of refugee resettlement", "congress",
    "the border patrol", "homeland security", "the red cross", "red cross", "unhcr", "un",
    "united nations", "covid", "zoom", "teams", "google", "facebook", "whatsapp", "instagram", "tiktok",
    "youtube", "snapchat", "telegram", "viber", "imo", "ihs", "indian health service", "icwa",
    "indian child welfare act",
    "sijs", "tps", "daca", "vawa", "ead", "uac", "bia", "acf", "tanf", "ssi", "chip",
    "head start", "early head start", "legal aid", "job corps", "americorps", "section 8",
    "medi-cal", "masshealth", "tenncare", "soonercare", "calfresh", "mckinney-vento", "title i",
    "irs", "ssa", "fema", "hud", "ftc", "eeoc", "osha", "cfpb", "nlrb", "usda", "doj", "dol", "cdc", "fda", "sba",
    "usps", "va", "dmv", "social security administration", "internal revenue service", "department of labor",
    "department of state", "state department", "department of justice", "department of education",
    "department of homeland security", "veterans affairs", "post office", "the post office",
})

# Greetings and thanks in the languages interviewees speak ("And Salaam Gateway helped": one may open a name).
GREETINGS = frozenset("""
gracias merci danke obrigado obrigada mesi mèsi bonjou bonjour hola adios adiós buenas bueno oui
miigwech boozhoo nandri vanakkam shukran salaam salam namaste
""".split())

# Words spaCy's small model tags as names in speech but that name nobody.
NOT_NAMES = frozenset("""
yeah yes no okay ok um uh hmm mhm nah yep yup nope ugh bro well so honestly like right sure thanks thank hello hi bye email e-mail
yikes whoa wow oops ouch geez jeez gosh golly dang darn aw aww oof phew welp meh huh duh ah ahh oh ooh uhh umm mmm
sir madam mom mum dad mother father sister brother aunt uncle grandma grandpa abuela abuelo tía tío tia tio auntie grandmother grandfather
son daughter grandson granddaughter husband wife cousin nephew niece baby stepdad stepmom boyfriend girlfriend
caseworker case worker supervisor director manager counselor counsellor therapist teacher
lawyer attorney judge officer doctor nurse sponsor interpreter advocate coordinator staff
pastor reverend imam rabbi deacon chaplain
client participant interviewer respondent speaker child children kid kids girl boy family
shelter school office agency court hospital clinic church center program the a an
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
god lord christmas easter ramadan thanksgiving spanish english french arabic creole
laughs laughter laughing pause inaudible crosstalk applause music silence unintelligible
ip id pin gps atm ebt iep esl ged gpa sij er icu nicu picu
dios ojalá ojala mijo mija perfecto perfecta exacto exactamente claro bien oye órale orale ándale andale pues sí ajá
aja voilà bom tudo sim eh ey eey euh hein inshallah mashallah alhamdulillah habibi
""".split()) | GREETINGS

# Small words inside one name: "Madres Unidas del Sur", "Juan de la Cruz", "Vincent van Gogh".
PARTICLES = frozenset("de del la las los da das do dos di van von der den du le al el bin ibn".split())

# First names that are also ordinary words: said in lower case they are probably the word.
WORD_NAMES = frozenset("""
grace hope faith joy rose lily daisy ivy iris hazel holly heather dawn eve summer autumn april may june
august angel precious patience charity mercy destiny victory blessing gift sunny sky star will bill mark
frank pat sue rob bob jack drew chase hunter ray guy gene sterling rich art dean miles carol ruby pearl
amber crystal jade violet olive sage river ash max honor honour said don man lady
""".split())


def is_demonym(word: str) -> bool:
    """ "Guatemalan", "Congolese", "Afghans": a nationality made from a country's name (kept, like the country)."""
    w = word.lower()
    if w.endswith(("ans", "ites")):     # not "-is": "Francis", "Travis"
        w = w[:-1]
    if not w.endswith(("an", "ese", "ish", "i", "ite")):
        return False
    for country in COUNTRIES:
        stem = country.split()[-1]
        # the ending follows the country's name closely: "Congolese", "Omani", but "Omanthai" is a place
        if len(stem) >= 4 and w != stem and (w[:len(stem) - 1] == stem[:-1] and _DEMONYM_TAIL.fullmatch(w[len(stem) - 1:])
                                             or len(w) >= 5 and stem.startswith(w)):
            return True
    return False


_DEMONYM_TAIL = re.compile(r"[a-z]{0,3}(?:an|ese|ish|ite)|[a-z]?i|n")


# Capitalised words that name no one: languages, faiths, peoples (those that are no English word, which
# spaCy's small model may tag as a nationality or a name), holidays' kin, titles, calendar words.
FAITHS = frozenset("""
christian christianity catholic protestant muslim islam islamic jewish judaism hindu buddhist orthodox
baptist methodist pentecostal lutheran presbyterian episcopal evangelical adventist mennonite anglican sunni shia
""".split())
KEPT_PROPER = FAITHS | frozenset("""
english spanish french arabic creole kreyol portuguese dari farsi persian pashto urdu hindi punjabi bengali
somali swahili kinyarwanda kirundi lingala tigrinya amharic oromo mam quiche k'iche' q'anjob'al nahuatl
quechua mandarin cantonese vietnamese burmese karen nepali tagalog russian ukrainian polish romanian
turkish kurdish haitian maay latin sign asl
arab arabs hispanic latino latina latinos latinas jew jews black indigenous native
rohingya yazidi yezidi garifuna mixtec triqui kiche kaqchikel qanjobal akateko ixil tzotzil nahua lenca miskito
aymara diné ojibwe anishinaabe yupik khmu karenni rakhine uyghur hazara baluch amazigh ashanti mandinka bambara
tigrayan banyamulenge nuer shilluk masalit zaghawa darfuri lhotshampa latinx chicana tejano boricua taino gullah
tamil sinhala sinhalese telugu malayalam kannada gujarati marathi sindhi balochi saraiki sylheti hmong mien
khmer lao tibetan uzbek tajik turkmen kazakh kyrgyz chechen georgian hebrew yiddish aramaic assyrian chaldean
syriac coptic twi akan ewe yoruba igbo hausa fulani fula wolof soninke dinka acholi luganda kiswahili zulu xhosa
shona ndebele afrikaans malagasy tongan samoan chamorro marshallese chuukese ilocano cebuano visayan bisaya
kurmanji sorani tigre afar kizigua q'eqchi' kekchi chuj zapotec tzeltal purépecha otomi mayan guarani
kichwa quichua lakota navajo hopi cherokee choctaw inuit anishinaabemowin ojibwemowin
pulaar haalpulaar haalpulaar'en fulfulde peul hassaniya fuzhounese hokkien teochew hakka chittagonian afaan krio
dzongkha kachin achi qeqchi mixteco popti ezidi bajuni bravanese kunama bilen saho beja anuak kikuyu kalenjin bemba
chichewa sesotho mossi dioula baoule kpelle tshiluba kikongo sango tatar crimean roma romani circassian tuareg berber
god lord jesus christ allah bible quran koran torah gospel mass
mr mrs ms mx dr miss mister sir madam reverend pastor father sister brother imam rabbi officer judge doctor coach
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december
internet wifi covid zoom social
kreyòl jinghpaw
""".split())


# Every word on the kept lists: a capital on one of these names no one.
KEPT_WORDS = KEPT_PROPER | NOT_NAMES | US_STATES | COUNTRIES | PUBLIC_BODIES


def alternation(names) -> str:
    """A regex matching any of the names as whole words, longest first, any spaces between their words."""
    return r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True)) + r")\b"


# A state's or a country's name, as it begins a street's or a city's ("Maryland Avenue", "Kansas City").
KEPT_NAMES = alternation(n.title() for n in US_STATES | COUNTRIES)


# Words that name a branch of a faith, not a congregation ("Calvary Lutheran", "Bethel Mennonite" are churches).
_BRANCHES = frozenset("roman southern northern united free primitive missionary independent reformed evangelical "
                      "orthodox conservative old new apostolic full gospel holiness".split())


def faith_named(words: list[str]) -> bool:
    """ "Roman Catholic", "Southern Baptist": a branch of a faith names no one ("Ridgemont Baptist" is a church)."""
    return len(words) == 2 and words[0].lower() in _BRANCHES and words[1].lower() in FAITHS


def kept_word(word: str) -> bool:
    """A language, a faith, a people, a state or a country: kept, never part of a name."""
    return is_demonym(word) or any(word.lower() in kept for kept in (KEPT_PROPER, US_STATES, COUNTRIES))


@lru_cache(maxsize=2)
def person_names(attrs: tuple[str, ...]) -> frozenset[str]:
    """Lower-cased names from Faker's locales (MIT-licensed data in its pip package)."""
    import importlib
    import pkgutil

    import faker.providers.person as locales

    names: set[str] = set()
    for module in pkgutil.iter_modules(locales.__path__):
        provider = importlib.import_module(f"{locales.__name__}.{module.name}").Provider
        for attr in attrs:
            value = provider.__dict__.get(attr)
            if isinstance(value, (list, tuple, set, dict)):
                names.update(n.lower() for n in value if re.fullmatch(r"[^\W\d_][\w'-]{2,}", n))
    return frozenset(names)


# The romanized lists are the Chinese and Japanese names as they are written in English ("Ding", "Hayashi").
GIVEN_NAMES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
               "first_romanized_names", "first_romanized_names_male", "first_romanized_names_female")
FAMILY_NAMES = ("last_names", "last_romanized_names")


@lru_cache(maxsize=2)
def english_words(nlp) -> frozenset[str]:
    """WordNet's index of English words, shipped with the spaCy model's lemmatizer, and the irregular
    forms it lists apart ("got", "went", "children"), which no ending rule leads back to a word; not
    those that are names too ("Hung", "Manning")."""
    lookups = nlp.get_pipe("lemmatizer").lookups
    irregular = frozenset().union(*lookups.get_table("lemma_exc").values()) \
        - person_names(GIVEN_NAMES) - person_names(FAMILY_NAMES)
    return frozenset().union(*lookups.get_table("lemma_index").values()) | irregular


@lru_cache(maxsize=2)
def nouns_only(nlp) -> frozenset[str]:
    """WordNet's nouns with no verb, adjective or adverb reading: "table", but also the cities and people it
    lists ("louisville", "lincoln")."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(index["noun"]) - frozenset(index["verb"]) - frozenset(index["adj"]) - frozenset(index["adv"])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name: Faker's, and those that are also English words ("Hope", "Honor")."""
    return person_names(GIVEN_NAMES) | WORD_NAMES


@lru_cache(maxsize=2)
def plain_words(nlp) -> frozenset[str]:
    """Common words that are not also given names: "left", "wrong", "grandson", "todo", but not "maria" or
    "honor"."""
    return common_words(nlp) - given_names()


@lru_cache(maxsize=2)
def common_words(nlp) -> frozenset[str]:
    """English words and the commonest words of the languages interviewees switch into."""
    return english_words(nlp) | foreign_words()


# Interviewees answer in Spanish, French or Portuguese ("Todo el mundo.", "Siempre se me olvida."): a
# capitalised common word of those languages opening a sentence names no one, as "Left" doesn't.
_FOREIGN_LOREM = ("es_ES", "es_MX", "es_AR", "fr_FR")
_FOREIGN_STOP = ("es", "fr", "pt", "it")


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    """Faker's lists of frequent words and spaCy's stop words for those languages (both in pip packages),
    less every given and family name ("Luz", "Paz", "Flores")."""
    import importlib

    words: set[str] = set(foreign_stop_words())
    for locale in _FOREIGN_LOREM:
        words.update(w.lower() for w in importlib.import_module(f"faker.providers.lorem.{locale}").Provider.word_list)
    return frozenset(words) - given_names() - person_names(FAMILY_NAMES)


@lru_cache(maxsize=1)
def foreign_stop_words() -> frozenset[str]:
    """spaCy's stop words of those languages ("qué", "pero", "bueno"), less every given and family name."""
    import runpy

    import spacy

    words: set[str] = set()
    for lang in _FOREIGN_STOP:
        # the file alone: importing spacy.lang.fr compiles its tokenizer's exceptions, 9 s on this machine
        words.update(runpy.run_path(str(Path(spacy.__file__).parent / "lang" / lang / "stop_words.py"))["STOP_WORDS"])
    return frozenset(words) - given_names() - person_names(FAMILY_NAMES)


# Inflections that make an English word of a lemma: "Families", "Speaks", "Sweetest", "Kids'll".
_ENDINGS = ("s", "es", "ed", "ing", "er", "est", "ly", "'s", "'ll")


def in_words(tok, words: frozenset[str]) -> bool:
    """Is the spaCy token, or its lemma, or its stem before a common ending, one of the words?"""
    return word_in(tok.lower_, words) or tok.lemma_.lower() in words


def unknown_word(word: str, words: frozenset[str]) -> bool:
    """What Whisper writes for a name it does not know ("crestmark", "meritock"): three letters or more,
    and no common word, stop word, kept name or people."""
    w = word.lower().strip("'")
    return len(w) >= 3 and not word_in(w, words) and w not in KEPT_WORDS and w not in STOP_WORDS \
        and not is_demonym(word)


def word_in(word: str, words: frozenset[str]) -> bool:
    """Is the lower-case word, or its stem before a common ending, one of the words?"""
    return word in words or any(word.endswith(e) and word[:-len(e)] in words for e in _ENDINGS) \
        or word.endswith("ed") and word[:-1] in words      # "used"; not "Suad", Portuguese "sua" and a "d"
