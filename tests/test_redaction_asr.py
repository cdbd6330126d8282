"""De-identification of Whisper-style text: lower case, misspelt names, digits as ASR writes them.

Every sentence here is written for these tests (not taken from the corpus), in the
shapes tiny.en produces: "7,416" for a spoken house number, "461-1139-30," for a
digit run, a name lower-cased or garbled next to the words that introduce it.
"""
from __future__ import annotations

import pytest

from deidflow.models import Segment, Speaker, Word
from deidflow.study import Study
from redaction import Deidentifier
from conftest import recognized as found
from redaction.normalize import normalize
from vaultstore.store import Vault


def redacted(text: str) -> set[str]:
    return {hit for hits in found(text).values() for hit in hits}


@pytest.mark.parametrize("text, kind, expected", [
    # name_context: misspelt or lower-case names next to the words that introduce them
    ("hi my name is rosador godo and i work nights", "PERSON", "rosador godo"),
    ("Her name was Ximena Quispe.", "PERSON", "Ximena Quispe"),
    ("there was a boy named dmitri in the unit", "PERSON", "dmitri"),
    ("I talked to Ms. Adebayo after court.", "PERSON", "Adebayo"),
    ("this is dr. okafor from the clinic", "PERSON", "okafor"),
    ("My caseworker, Thandiwe, drove us there.", "PERSON", "Thandiwe"),
    ("A little girl, Yesenia, waited alone.", "PERSON", "Yesenia"),
    # id_numbers: digit runs ending at a comma, dashes after a misheard letter
    ("Her Medicaid number was 7731, I think.", "CASE_NUMBER", "7731"),
    ("His alien number, 318-2270-54, was on the form.", "CASE_NUMBER", "318-2270-54"),
    ("she calls me at I-4-1-5-2-2-3-8-9 most days", "CASE_NUMBER", "I-4-1-5-2-2-3-8-9"),
    # a letter Whisper wrote inside the digits goes with them
    ("The clerk read it out, 57K2-0-4-1-9, and I wrote it down.", "CASE_NUMBER", "57K2-0-4-1-9"),
    ("the client id is nine nine four one two, and that's it", "CASE_NUMBER", "nine nine four one two"),
    # address_residence: a spoken house number written as a quantity, street garbled
    ("Her uncle lived at 5,208 wallow brook in Tulsa.", "ADDRESS", "5,208 wallow brook"),
    ("they stayed at 1,130, near the river", "ADDRESS", "1,130"),
    # organization: lower-case heads and lower-case names before school levels / hospital kinds
    ("I volunteered at Lutheran services for a year.", "ORGANIZATION", "Lutheran services"),
    ("she started at roosevelt middle school in the fall", "ORGANIZATION", "roosevelt middle school"),
    ("they took him to mercy general hospital", "ORGANIZATION", "mercy general hospital"),
    ("we met at st. brigid's church", "ORGANIZATION", "st. brigid's church"),
    ("He worked for Dunmore Logistics before that.", "ORGANIZATION", "Dunmore Logistics"),
    ("she transferred to brookhaven senior high in the spring", "ORGANIZATION", "brookhaven senior high"),
    ("then uncle tariq came with tia lupita", "PERSON", "tariq"),
    ("then uncle tariq came with tia lupita", "PERSON", "lupita"),
    ("Where is he working now? Brandvold packaging, night shift.", "ORGANIZATION", "Brandvold packaging"),
    ("I work part time at Ocasio's collision on weekends.", "ORGANIZATION", "Ocasio's collision"),
    ("Interview at the asylum office, it's 9-16th.", "DATE", "9-16th"),
    ("the check goes to my card, end of 0-3-9-2. it's a pay card", "CASE_NUMBER", "0-3-9-2"),
    ("so i have a lawyer from kestrel youth defenders now", "ORGANIZATION", "kestrel youth defenders"),
    # read-out digits written with thousands commas no amount has, or as one big cardinal
    ("and the pupil number, 3,52,906, is on the letter", "CASE_NUMBER", "3,52,906"),
    ("her card, he said $2,7,000,318,445, stopped working", "CASE_NUMBER", "$2,7,000,318,445"),
    ("The claim is, I have it here, W.C. 31 to 628,417. They pay slow.", "CASE_NUMBER", "628,417"),
    ("It's the number two billion sixty one million four hundred thousand 82,530.", "CASE_NUMBER",
     "two billion sixty one million four hundred thousand 82,530"),
    # a house number then a street name Whisper spelt as it heard it
    ("Yes, with my wife and our kids at 2,417 Tavolich and you can visit.", "ADDRESS", "2,417 Tavolich"),
    # ... or dropped the street's name and kept its kind
    ("The food bank is at 3,906 pike, past the bridge.", "ADDRESS", "3,906 pike"),
    # a union's local, by its number
    ("The steward from IBEW Local 340 came with us.", "ORGANIZATION", "IBEW Local 340"),
    # a business's kind Whisper lower-cased after its name
    ("Her plan is with Corvell wireless, the prepaid one.", "ORGANIZATION", "Corvell wireless"),
    ("Tamsett distribution does the hiring, not the agency.", "ORGANIZATION", "Tamsett distribution"),
    # syllables Whisper hyphenated for a name it did not know
    ("he worked at a car wash, glimmer-oh-ta-bree, on the weekend", "PROPER_NOUN", "glimmer-oh-ta-bree"),
    ("mom has been in and out of harmony-vilde for a year", "PROPER_NOUN", "harmony-vilde"),
    ("the site is double-u double-u, rootsnet-dot-org, or call", "URL", "rootsnet-dot-org"),
    # dates with spoken ordinals, lower case
    ("he came on the twenty second of october", "DATE", "the twenty second of october"),
    ("on march 3rd we went to court", "DATE", "march 3rd"),
    # Whisper's lower-cased county, suburb and street, wherever they are said
    ("I cover castor county and the north", "LOCATION", "castor county"),
    ("My brother's in sterling heights, so it snows", "LOCATION", "sterling heights"),
    ("He slept under the kettle street overpass.", "ADDRESS", "kettle street"),
    # dots Whisper heard as "not"
    ("It showed 10 not 40 not 6 not 88, our own network.", "IP_ADDRESS", "10 not 40 not 6 not 88"),
    ("The building is managed by bright water property management now.", "ORGANIZATION",
     "bright water property management"),
    # read-out digit groups Whisper wrote a comma and a space apart
    ("His card is, uh, what is it? 448, 907.", "CASE_NUMBER", "448, 907"),
    ("Yeah, erm, GR, 047, 739, sorry, I read it like a phone number.", "CASE_NUMBER", "047, 739"),
    ("HD, normal 7, 0, 9, 4.", "CASE_NUMBER", "7, 0, 9, 4"),
])
def test_asr_style_identifiers_are_found(text, kind, expected):
    assert expected in found(text).get(kind, []), found(text)


@pytest.mark.parametrize("text", [
    "My name is on the list and I'm not sure.",
    "I'm Catholic, and my son And I pray.",
    "I spoke to Ms. about it",
    "i miss home and my brother is fine",
    "we stayed 10 days and then lived in 2019 housing",
    "I moved on 12 occasions",
    "The shelter had 25,000 dollars and 3.5 staff.",
    "She was 14, and it took 3 months.",
    "I went to the local high school and a middle school.",
    "We learned at the Spanish school on Sunday.",
    "you can email me at any time",
    "Reach me by mail at the office.",
    "I worked with Afghan families for years.",
    "she was in high school then, and after middle school he left.",
    "it goes up to how high the rent is, from really high to sky high.",
    "he used to get high, and then they aim high for him.",
    "my uncle will pick them up, and aunt said no.",
    "I saw Ana packaging boxes. Solar energy is cheap, and Local farms are good.",
    "At the end of 2019 we moved. The 3-4th graders went first.",
    "she works for youth advocates in town",
    "She goes in at, like, ten, ten-thirty at night.",
    "The budget was two million five hundred thousand dollars, and the grant 3 million 400,000.",
    "They raised 250,000 that year, then 1,500,000, for 12,480 people.",
    "We got there at 300 Degrees of heat, at 1,200 Monday.",
    "He sold it at 2,000 street value, cash.",
    "Local 12 families came, and the local 4-H club.",
    "The whole county knows. Prices reach new heights, and we walked down the street under the main street bridge.",
    "It's 10, not 40. I keep it at our credit union, not a federal credit union.",
    "I can note which property management it is. Openings county-wide. I am home health aide.",
    "It costs 450, 600 dollars. Count 1, 2, 3, 4 with me. Rooms 300, 400 and 12, 15 kids.",
])
def test_ordinary_asr_speech_is_left_alone(text):
    kinds = {"PERSON", "ORGANIZATION", "ADDRESS", "CASE_NUMBER", "PHONE_NUMBER", "A_NUMBER", "US_SSN",
             "EMAIL_ADDRESS", "DATE", "LOCATION"}
    assert not kinds & set(found(text)), found(text)


def test_by_mail_at_is_the_medium_not_the_mailbox():
    text = "reach me by mail at k dot osei at gmail dot com"
    assert found(text).get("EMAIL_ADDRESS") == ["k dot osei at gmail dot com"]


def test_held_out_asr_interview(tmp_path):
    """A lower-case, misspelt transcript as tiny.en writes it, end to end."""
    texts = ["my name is teodoro vilca and i've worked at Saint Anselm's shelter for six years",
             "There was a girl, Marisol. She was only 11 when she came from Guatemala.",
             "later marisol told me her sponsor lived at 4,417 kestrel run in Omaha.",
             "Her alien number was 207-1143-58, I still remember it.",
             "my supervisor, Mr. Haugen, calls me at 402-551-0872 when a child arrives",
             "She went to jefferson elementary school and then to a high school.",
             "She was released on the fourteenth of april, 2022."]
    segments = [Segment(float(i), float(i + 1), t, "S1") for i, t in enumerate(texts)]
    res = Deidentifier(Study(), Vault(tmp_path / "vault")).deidentify("asr1", segments, [Speaker("S1", "S1")])
    out = " ".join(s.text for s in res.segments).lower()
    for secret in ("teodoro", "vilca", "anselm", "marisol", "4,417", "kestrel", "omaha", "1143",
                   "haugen", "0872", "jefferson", "fourteenth"):
        assert secret not in out, secret
    for kept in ("guatemala", "only 11", "a high school", "2022", "six years", "i still remember it"):
        assert kept in out, kept
    # "marisol" in lower case takes the label its capitalised mention got
    label = res.segments[1].text.split("girl, ")[1].split(".")[0]
    assert res.segments[2].text.startswith(f"later {label} told me")


# A name that is also a word ("Hope", listed; "Left", an English word that is no given name):
# in lower case it is probably the word, so it goes to review, not redaction.
@pytest.mark.parametrize("named, plain, name, word", [
    ("Her name was Hope, she was nine.", "we had no hope left then", "Hope", "hope"),
    ("My name is Dora Left, I work nights.", "i left early that day", "Left", "left"),
])
def test_lower_case_word_name_goes_to_review_not_redaction(tmp_path, named, plain, name, word):
    segments = [Segment(0.0, 1.0, named, "S1"), Segment(1.0, 2.0, plain, "S1")]
    res = Deidentifier(Study(), Vault(tmp_path / "vault")).deidentify("asr2", segments, [Speaker("S1", "S1")])
    assert name not in res.segments[0].text
    assert res.segments[1].text == plain
    assert any(r.segment == 1 and plain[r.start:r.end] == word for r in res.review)


@pytest.mark.parametrize("text, view", [
    ("she calls me at eight to eight eight four four six one, most days", "she calls me at 82884461, most days"),
    ("his number is one two three for five six seven", "his number is 1234567"),
])
def test_digit_homophones_count_inside_a_long_spoken_run(text, view):
    assert normalize(text).text == view


@pytest.mark.parametrize("text", ["from six to eight years", "five to six, for two years", "two to three times"])
def test_digit_homophones_leave_ranges_alone(text):
    assert normalize(text).text == text


@pytest.mark.parametrize("text, view", [
    ("yes, 2, 2, 0, 9, 4, 1, 5, 0, 6.", "yes, 2-2-0-9-4-1-5-0-6."),
    ("it was 318, 4, 0, 7, 7, 1 on the card", "it was 318-4-0-7-7-1 on the card"),
    ("the ID, 61.4, 382.0, 7719, was wrong", "the ID, 61-4-382-0-7719, was wrong"),
    ("I know it by heart, 31,508,446.", "I know it by heart, 31-508-446."),
    ("it's 7, 3, 0, 9, 2.", "it's 7-3-0-9-2."),
    ("text me, 503, 555, dash 0, 1, 7 any time", "text me, 503-555-0-1-7 any time"),
    ("call five five five dash oh one two three", "call 555-0123"),
])
def test_numerals_whisper_wrote_from_read_out_digits_join_into_one_number(text, view):
    assert normalize(text).text == view


@pytest.mark.parametrize("text", ["the grant was 1,200,000 dollars", "about 25,000 people", "In 2019, 2020 we moved",
                                  "the server is 10.20.30.40", "it took 3.5 hours", "we paid $1,250,000",
                                  "rooms 1, 2, 3, 4, 5 were empty", "a dash of salt"])
def test_amounts_years_and_addresses_stay_as_written(text):
    assert normalize(text).text == text


@pytest.mark.parametrize("text", [
    "Mm-hmm, uh-huh, b-because the well-child visit was a drop-off, a check-in, co-parenting.",
    "A Kirundi-speaking family, Tigrinya-speaking kids, my mother-in-law and the follow-up, th-th-the ex-husband.",
    "what-do-you-call-it, the so-called re-traumatized, self-care, long-term, part-time, non-English, mm-mm.",
    "Her great-grandbabies came, the little one from pre-K, three years-ish ago.",
])
def test_hyphenated_words_and_stutters_are_not_garbled_names(text):
    assert "PROPER_NOUN" not in found(text), found(text)



def whisper_hands_over(tmp_path, words: list[Word]) -> str:
    """The text of faster-whisper's `words` (Whisper's own spacing), de-identified."""
    text = "".join(w.word for w in words).strip()
    res = Deidentifier(Study(), Vault(tmp_path / "vault")).deidentify(
        "i1", [Segment(0.0, float(len(words)), text, "S2", words)], [Speaker("S2", "S2")])
    return res.segments[0].text


def whisper_says(tmp_path, text: str, unsure: set[str], probability: float = 0.2) -> str:
    """`text` de-identified as faster-whisper would hand it over: every word with its probability, low for
    the words in `unsure`, as Whisper gives a name it heard as English words."""
    return whisper_hands_over(tmp_path, [Word(i, i + 1.0, " " + w, probability if w.strip(",.") in unsure else 0.95)
                                         for i, w in enumerate(text.split())])


@pytest.mark.parametrize("text, unsure, name, probability", [
    ("I work at memory grocery on the east side, nights.", {"memory"}, "memory grocery", 0.2),
    ("Her card was from the root credit union, so they refunded it.", {"root"}, "root credit union", 0.2),
    ("We lived out on salt land road, by the water tower.", {"salt", "land"}, "salt land road", 0.2),
    ("My nephew trained at the tower cove college for two years.", {"tower", "cove"}, "tower cove college", 0.2),
    # Whisper half sure (0.45) of a word it made of a name
    ("I work at memory grocery on the east side, nights.", {"memory"}, "memory grocery", 0.45),
    # a pharmacy, a farm's kind, a place named by the land
    ("We got the pills at hollis drug, the one by the bank.", {"hollis"}, "hollis drug", 0.2),
    ("They sent him to the marrow ridge, four hours away.", {"marrow"}, "marrow ridge", 0.2),
    ("She packs boxes at kettle growers since the spring.", {"kettle"}, "kettle growers", 0.2),
    # the garment and meatpacking trades
    ("My aunt sews at quill-ton apparel, the one downtown.", {"quill-ton"}, "quill-ton apparel", 0.2),
    ("He cuts on the line at harlow protein, nights.", {"harlow"}, "harlow protein", 0.2),
])
def test_words_whisper_was_unsure_of_before_a_kind_name_it(tmp_path, text, unsure, name, probability):
    said = whisper_says(tmp_path, text, unsure, probability)
    assert name not in said and not any(w in said for w in name.split()), said
    assert text.split(name)[1].strip(" ,.") in said, said


def test_a_word_whisper_wrote_in_pieces_is_as_unsure_as_its_least_sure_piece(tmp_path):
    pieces = [(" We", 0.95), (" lived", 0.95), (" on", 0.95), (" bell", 0.9), ("-haven", 0.3), (" road,", 0.95),
              (" by", 0.95), (" the", 0.95), (" school.", 0.95)]
    said = whisper_hands_over(tmp_path, [Word(i, i + 1.0, w, p) for i, (w, p) in enumerate(pieces)])
    assert "bell" not in said and "haven" not in said and "by the school." in said, said


@pytest.mark.parametrize("text, unsure", [
    ("I work at memory grocery on the east side, nights.", set()),       # Whisper was sure: the words stand
    ("She stays at a foam shelter near the bus depot.", {"foam"}),       # an article: a kind of place
    ("We waited at the immigration court all day.", {"immigration"}),    # "court" follows plain nouns too
    ("Then the support group, it helped me a lot.", {"support"}),        # a describing word, not a name
    ("The nurse said the dental clinic was closed.", {"nurse"}),         # the unsure word is not next to it
    ("The cheap drug store was closed.", {"cheap"}),                     # "drug" goes on: no name ends there
    ("We hiked up the back ridge on Sunday.", {"back"}),                 # a describing word before a place's kind
])
def test_unsure_words_that_name_nothing_are_kept(tmp_path, text, unsure):
    assert whisper_says(tmp_path, text, unsure) == text
