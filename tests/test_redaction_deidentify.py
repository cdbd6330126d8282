"""The Deidentifier end to end on real Presidio + spaCy, with a real (encrypted) vault."""
from __future__ import annotations

import json

import pytest

from deidflow.models import Segment, Speaker
from deidflow.study import Study
from redaction import Deidentifier
from vaultstore.store import Vault


def segs(*texts, speaker="S1"):
    return [Segment(float(i), float(i + 1), t, speaker) for i, t in enumerate(texts)]


def run(study, vault, texts, speakers=None, decisions=None, interview="i1"):
    return Deidentifier(study, vault).deidentify(interview, segs(*texts), speakers or [Speaker("S1", "S1")], decisions)


@pytest.fixture
def vault(tmp_path):
    return Vault(tmp_path / "vault")


def test_held_out_interview_leaks_nothing_and_keeps_ordinary_words(vault):
    texts = ["I'm Oluwaseun Adeyemi, I coordinate intake at Northgate Youth Shelter.",
             "Her mom's cell is six one two, four four eight, nine zero three one.",
             "The boy was placed on the third of May, twenty twenty two, with an aunt in Rochester.",
             "They lived at 4410 Birchwood Avenue, apartment 3B, for about two years.",
             "Her Medicaid ID was nine nine two zero four one eight eight three.",
             "She emailed from l dot herrera at protonmail dot com last week.",
             "He came from Guatemala to Texas when he was fourteen."]
    res = run(Study(), vault, texts)
    out = " ".join(s.text for s in res.segments)
    for secret in ("Oluwaseun", "Adeyemi", "Northgate", "six one two", "third of May", "Rochester",
                   "Birchwood", "4410", "nine nine two", "herrera", "protonmail"):
        assert secret.lower() not in out.lower(), secret
    for kept in ("about two years", "last week", "Guatemala", "Texas", "fourteen", "twenty twenty two",
                 "boy was placed", "an aunt"):
        assert kept in out, kept
    assert all(r.start < r.end for r in res.redactions)
    assert not any(secret in json.dumps([r.to_json() for r in res.redactions]) for secret in ("Adeyemi", "Birchwood"))


def test_identifier_split_across_segments_is_redacted_in_both(vault):
    res = run(Study(), vault, ["you can call me at four one five, two two", "three, eight nine one zero anytime"])
    assert [s.text for s in res.segments] == ["you can call me at [Phone]", "[Phone] anytime"]
    assert {r.segment for r in res.redactions} == {0, 1}
    assert res.redactions[0].start == 19   # offsets into the raw segment text


def test_roster_fuzzy_first_name_possessive_and_role_label(vault):
    study = Study(roster=[{"text": "Esperanza Villalobos", "type": "PERSON", "label": "Participant P07"},
                          {"text": "Sunrise House", "type": "ORGANIZATION", "label": "Site B"}])
    res = run(study, vault, ["esperanza villalobos said it was hard.", "Esparanza's brother helped.",
                             "We met at sunrise house every week."])
    assert [s.text for s in res.segments] == ["[Participant P07] said it was hard.", "[Participant P07]'s brother helped.",
                                              "We met at [Site B] every week."]


def test_pseudonyms_are_consistent_across_interviews_and_stay_in_the_vault(vault):
    a = run(Study(), vault, ["Then Ingrid Solberg called me.", "Ingrid was upset."], interview="i1")
    b = run(Study(), vault, ["I saw ingrid's sister, and Ingrid Solberg herself."], interview="i2")
    label = a.segments[0].text.split("[")[1].split("]")[0]
    assert a.segments[1].text == f"[{label}] was upset."
    assert b.segments[0].text.count(f"[{label}]") == 2 or f"[{label}]" in b.segments[0].text
    assert "Solberg" not in "".join(p.read_text(errors="ignore") for p in vault.root.rglob("*") if p.is_file() and p.suffix != ".enc")
    assert vault.read_json("crosswalk.json")["labels"]["PERSON"]["ingrid solberg"] == label


def test_speaker_names_are_pseudonymised_and_their_mentions_redacted(vault):
    speakers = [Speaker("S1", "Interviewer"), Speaker("S2", "Dagny Thorvaldsen")]
    res = Deidentifier(Study(), vault).deidentify("i1", segs("Thanks Dagny, go ahead."), speakers)
    assert res.speakers[0].label == "Interviewer"
    assert res.speakers[1].label.startswith("Person ") and "Dagny" not in res.segments[0].text


def test_policy_keeps_cities_or_redacts_countries_per_study(vault):
    text = ["She lived in Tucson before she left Honduras."]
    default = run(Study(), vault, text).segments[0].text
    assert "Tucson" not in default and "Honduras" in default
    custom = run(Study(policy={"LOCATION": "keep", "COUNTRY": "redact"}), vault, text).segments[0].text
    assert "Tucson" in custom and "Honduras" not in custom and "[Country]" in custom


def test_low_scores_go_to_review_and_decisions_override(vault):
    # A roster first name said in lower case may be the ordinary word: a person decides.
    study = Study(roster=[{"text": "Grace Okafor", "type": "PERSON"}])
    text = ["by the grace of god we stayed", "Patience helped me with Wendell."]
    res = run(study, vault, text)
    assert res.segments[0].text == text[0]
    item = next(r for r in res.review if r.segment == 0)
    assert (text[0][item.start:item.end], item.entity_type) == ("grace", "PERSON") and item.score < 0.5
    hit = [r for r in res.redactions if r.segment == 1][-1]
    assert text[1][hit.start:hit.end] == "Wendell"
    decisions = [{"segment": 0, "start": item.start, "end": item.end, "decision": "accept"},
                 {"segment": 1, "start": hit.start, "end": hit.end, "decision": "reject"},
                 {"segment": 1, "start": 0, "end": 8, "decision": "add", "entity_type": "PERSON"}]
    res = run(study, vault, text, decisions=decisions)
    assert res.segments[0].text.startswith("by the [Person")
    assert {(r.segment, r.decision) for r in res.redactions} == {(0, "accept"), (1, "add")}
    assert text[1][hit.start:hit.end] in res.segments[1].text and res.segments[1].text.startswith("[Person")


def test_surrogate_mode_uses_consistent_fake_names(vault):
    res = run(Study(pseudonyms="surrogates"), vault, ["Then Ingrid Solberg called.", "Ingrid was upset."])
    full = res.segments[0].text.split("Then ")[1].split(" called")[0]
    assert "[" not in full and "Ingrid" not in full and len(full.split()) == 2
    assert res.segments[1].text == f"{full.split()[0]} was upset."


def test_names_in_an_email_address_are_redacted_where_said_alone(vault):
    res = run(Study(), vault, ["Honor. Twenty-one, and it is an honor to be here with Omar.",
                               "Email me, honor dot reyes at outlook dot com."])
    text = " ".join(s.text for s in res.segments)
    assert "Honor" not in text and "honor dot" not in text and "an honor" in text, text


def test_a_capital_misread_as_a_name_does_not_spread_to_every_sentence(vault):
    res = run(Study(), vault, ["I asked Omar. (pause) What was that like?", "What do you mean?",
                               "Is it okay? Is it hard?"])
    text = " ".join(s.text for s in res.segments)
    assert text.count("What") == 2 and text.count("Is it") == 2, text


def test_a_hyphenated_name_is_redacted_to_the_end_of_its_word(vault):
    res = run(Study(), vault, ["Ji-hoon, two years. Before that Omar and Tae-yang ran the Spanish-speaking group in Ohio."])
    text = res.segments[0].text
    assert not any(part in text for part in ("hoon", "yang", "Omar")) and "-speaking" in text and "Ohio" in text, text


def test_a_name_spacy_takes_for_a_nationality_is_redacted_and_peoples_are_kept(vault):
    res = run(Study(), vault, ["Later, yes. Selamawit help me, she is from Ethiopia.", "My wife, Eleuteria. And three kids.",
                               "I applied to Oberlin and Case Western.",
                               "We are Rohingya, and the Garifuna and Mixtec families came later."])
    text = " ".join(s.text for s in res.segments)
    assert not any(name in text for name in ("Selamawit", "Eleuteria", "Case")), text
    assert all(kept in text for kept in ("Ethiopia", "wife", "Rohingya", "Garifuna", "Mixtec")), text


def test_a_full_name_spacy_takes_for_a_nationality_is_a_person(vault):
    turns = [Segment(0.0, 2.0, "And your caseworker?", "S1"),
             Segment(2.0, 5.0, "Marguerite Oduwole. But she left in the spring, she's Nigerian.", "S2")]
    res = Deidentifier(Study(), vault).deidentify("i1", turns, [Speaker("S1", "S1"), Speaker("S2", "S2")])
    text = res.segments[1].text
    assert "Marguerite" not in text and "Oduwole" not in text and "Nigerian" in text, text


def test_a_name_that_is_a_function_word_spreads_only_inside_sentences(vault):
    res = run(Study(), vault, ["We adopted two brothers, Jayden and Will.", "Then Will just, like, blew up.",
                               "Will you tell me about that year? It will help."])
    text = " ".join(s.text for s in res.segments)
    assert "Will just" not in text and "and Will" not in text, text
    assert "Will you tell" in text and "It will help" in text, text



def test_a_name_spreads_without_the_kept_words_read_into_it():
    from redaction.deidentifier import Span, _propagate
    text = "He came from Tamil Nadu, he says. I speak Tamil, and Nadu is far."
    start = text.index("Tamil Nadu")
    spans = _propagate([Span(start, start + len("Tamil Nadu"), "PERSON", 0.85, "spacy_ner")], text, lambda s: True)
    spread = {text[s.start:s.end] for s in spans if s.recognizer == "propagation"}
    assert spread == {"Nadu"}, spread


def test_a_weak_span_around_a_sure_one_takes_its_score():
    from redaction.deidentifier import Span, _resolve
    text = "at 2719 Laurelwood Circle, Apt. B in town"
    a = text.index("2719")
    sure, weak = a + len("2719 Laurelwood Circle"), a + len("2719 Laurelwood Circle, Apt. B")
    out = _resolve([Span(a, sure, "ADDRESS", 0.85, "address"), Span(a, weak, "ADDRESS", 0.45, "address_lowercase")])
    assert [(s.start, s.end, s.score) for s in out] == [(a, weak, 0.85)]


def test_an_address_with_a_lettered_unit_is_redacted_not_sent_to_review(vault):
    res = run(Study(), vault, ["Back to my mom's, Charmaine, at 2719 Laurelwood Circle, Apt. B in Eastgate."])
    text = res.segments[0].text
    assert "Laurelwood" not in text and "2719" not in text and "Apt. B" not in text, text


def test_the_name_of_an_official_paper_is_kept(vault):
    res = run(Study(), vault, ["He showed me the Notice to Appear from Texas, and his Employment Authorization Card."])
    assert res.segments[0].text == "He showed me the Notice to Appear from Texas, and his Employment Authorization Card."


def test_a_public_program_spacy_splits_at_its_hyphen_is_kept(vault):
    text = "So she has Medi-Cal now, and the McKinney-Vento liaison at school signed it."
    assert run(Study(), vault, [text]).segments[0].text == text


def test_a_person_cue_outweighs_a_nationality_spacy_cannot_confirm(vault):
    text = run(Study(), vault, ["Yes. My sister Bijou. She is still there.", "We are Hmong, and he is Kachin."])
    assert "Bijou" not in text.segments[0].text and text.segments[1].text == "We are Hmong, and he is Kachin."


def test_national_bodies_and_peoples_are_kept_whole(vault):
    # spaCy tags part of a body's name ("Refugee Resettlement"); the "of" splits a run of capitals
    text = ("I reported it to the FTC and the IRS, then the Office of Refugee Resettlement and the Department of"
            " Labor. He asked for my Social. I am Fulani, and I read it in Kreyòl.")
    assert run(Study(), vault, [text]).segments[0].text == text


def test_spanish_questions_and_asides_are_kept_and_an_acronym_redacted(vault):
    # spaCy reads a capitalised Spanish function word as a name; a Spanish word's letters may be an acronym
    text = ("¿Cómo se llaman, y de dónde son? ¿Qué te da más miedo? Para empezar, ¿está bien?"
            " Que no somos un problema.")
    assert run(Study(), vault, [text]).segments[0].text == text
    assert "DIA" not in run(Study(), vault, ["We landed at DIA at night, with the kids."]).segments[0].text


def test_a_branch_of_a_faith_is_kept_and_a_congregation_redacted(vault):
    text = "I am Roman Catholic, my wife Southern Baptist, her father Greek Orthodox. I'm Catholic too."
    assert run(Study(), vault, [text]).segments[0].text == text
    res = run(Study(), vault, ["Tomas from Brookvale Methodist drives the van."])
    assert "Brookvale" not in res.segments[0].text and "Methodist" not in res.segments[0].text


@pytest.mark.parametrize("said, gone, kept", [
    (["We get the power from Allegheny Ridge rural electric co-op, and they were kind.",
      "Her rent help came from Saginaw County human services. Twice.",
      "She was at Pinecrest recovery lodge for a month."],
     ("electric", "co-op", "human services", "lodge"), ("they were kind", "Twice", "for a month")),
    (["The claim went to Northfield casualty group, not to us.",
      "A lawyer from Ostrander immigrant defense, she took the case.",
      "Her pediatrician at Cedarbrook primary care is the one who signed it."],
     ("casualty", "group", "defense", "primary care"), ("not to us", "took the case", "who signed it")),
    # Whisper writes a plural kind as a possessive: "Fairhaven Workers Union" comes out "Fairhaven Worker's union".
    (["Then the Fairhaven Worker's union, they filed it for us."], ("union",), ("they filed it for us",)),
    # a pharmacy and a grower by their owner's name
    (["We filled it at Okonkwo drug, the one by the bank.", "He cuts lettuce for Vasquez growers, nights."],
     ("drug", "growers"), ("the one by the bank", "nights")),
    # employers of the meatpacking and garment trades
    (["My cousin works at Caro Valley protein up in the north.", "She sews for Delacroix apparel, piecework."],
     ("protein", "apparel"), ("up in the north", "piecework")),
    # a loan servicer, a staffing firm, a health plan
    (["The letter came from Pacific Crest servicing, twice.", "He medicates through Chesapeake shore health plan."],
     ("servicing", "shore", "plan"), ("twice", "He medicates")),
    # a highway exit named for a place
    (["Her grandma lives out past the Tolliver Creek exit, a long drive.", "Take the Brannock interchange, then left."],
     ("exit", "interchange"), ("a long drive", "then left")),
    # a utility, a funeral home, a legal project, and a union with its account number after it
    (["The bill is from Delta Valley power, I pay it.", "The viewing was at Pendergast mortuary, Friday.",
      "The lawyer at Columbia Basin immigrant law project, she helped.",
      "Our account at Rocky Plains credit union ending 6, 6, 0, 3, it's small."],
     ("power", "mortuary", "law project", "credit union"), ("I pay it", "Friday", "she helped", "it's small")),
    (["He got a loan through Gulfway auto finance from the dealer."], ("auto finance",), ("from the dealer",)),
])
def test_the_kind_whisper_lower_cased_after_a_name_joins_it(vault, said, gone, kept):
    text = " ".join(s.text for s in run(Study(), vault, said).segments)
    assert not any(w in text for w in gone) and all(k in text for k in kept), text


def test_a_capital_whisper_gave_a_segment_mid_sentence_is_not_a_name(vault):
    # Whisper capitalises each segment's first word; "Left" is its word for a laugh.
    said = ["He is Polish, but he speaks Spanish better than me", "Left", "And that went through",
            "Left, it's okay, I'm proud of it.", "My lawyer was", "Gabriel Szymanek from the clinic",
            "and then", "Ebenezer came"]
    text = " | ".join(s.text for s in run(Study(), vault, said).segments)
    assert text.count("Left") == 2 and "And that went" in text, text
    assert not any(w in text for w in ("Gabriel", "Szymanek", "Ebenezer")), text


def test_a_plain_noun_after_a_person_stays_without_a_kind_between(vault):
    # speakers drop the possessive: "Farida health" is her health, not a clinic
    res = run(Study(), vault, ["My sister Farida health is not good, and her husband Tarek project is late."])
    text = res.segments[0].text
    assert "Farida" not in text and "health is not good" in text and "project is late" in text, text


def test_a_full_name_spreads_whole_whatever_the_string_hashing():
    # _propagate once walked a set of forms, so which of "Vellai van" and "Vellai" claimed "vellai van"
    # changed from run to run with Python's hash seed.
    import os
    import subprocess
    import sys
    code = ("from redaction.deidentifier import Span, _propagate\n"
            "text = 'The men said Vellai van. Later, vellai van came again.'\n"
            "spans = _propagate([Span(13, 23, 'PERSON', 0.85, 'spacy_ner')], text, lambda s: True)\n"
            "print(sorted(text[s.start:s.end] for s in spans))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert outs == {"['Vellai van', 'vellai van']\n"}, outs


@pytest.mark.parametrize("said, gone", [
    ("Then Đorđe came with Łukasz and Şahin to the meeting.", ("Đorđe", "Łukasz", "Şahin")),
    ("Mr. Võ said Mrs. Lê would bring the forms.", ("Võ", "Lê")),      # two letters, one beyond ASCII
    ("Everyone comes back home for Tết, even my uncle.", ("Tết",)),
    # spaCy reads the place as a nationality; after "in" each of its words is the place
    ("We grew up in Point Trooper, near the docks.", ("Point", "Trooper")),
])
def test_names_in_letters_beyond_latin_1_and_places_read_as_peoples_are_redacted(vault, said, gone):
    text = run(Study(), vault, [said]).segments[0].text
    assert not any(g in text for g in gone), text


def test_a_kin_title_said_with_a_name_stays_a_word_elsewhere(vault):
    # "Tío Arcadio" is one person; "mi tío" elsewhere is the word, not his name spreading
    text = " ".join(s.text for s in run(Study(), vault, ["His uncle. Tío Arcadio. He raised him.",
                                                          "Mi tío. Él me recibió."]).segments)
    assert "Arcadio" not in text and "Mi tío." in text, text


def test_a_clergy_title_said_with_a_name_stays_a_word_elsewhere(vault):
    # "I am Pastor Okonjo-Barre" names one person; the title alone ("Pastor, how long...") is no name
    text = " | ".join(s.text for s in run(Study(), vault, [
        "Thank you for coming. I am Pastor Okonjo-Barre, I lead a small church.",
        "Pastor, how long have you been in this city?", "She needs a letter from the pastor."]).segments)
    assert "Okonjo" not in text and "Pastor, how long" in text and "from the pastor." in text, text


def test_a_number_said_again_or_put_right_is_the_identifier_already_found(vault):
    # the tail or the head of a number just given, said back; a slip corrected within the turn
    text = " | ".join(s.text for s in run(Study(), vault, [
        "So I need his A number. His is A two four one, oh six seven, three nine five.",
        "Three nine five, yes.",
        "The account is seven seven oh, two two nine, one eight four six.", "Double seven oh two, by heart.",
        "She had my cell, five seven three, five five five, oh four — sorry, oh four six one, on her arm.",
        "Six oh two, five five five, oh one eight nine — no, wait. Oh one nine eight.",
        "Ticket M R dash zero six six— no, sorry. M R dash zero six nine.",
        "A two oh eight, four four one, nine six — no, the final digit's a three — nine six three. Twice.",
        "Okay, the receipt is I O E, zero nine, one three — sorry, no, it's I O E zero nine one eight, four four"
        " seven, two six oh.",
        "He says February ninth. No, wait, sorry, the eleventh, because it was a Saturday.",
        "And his father's is two one four, three three — uh — eight, oh five one. Close.",
        "The number was siete uno nueve, perdón, siete cuatro nueve, cinco cinco cinco, ocho uno uno ocho.",
        "The loan number is four four seven, dash, zero zero six — sorry, zero zero six one, due on June 1st.",
        "Her cell is five five five, one two three four — no, she has 4 kids.",
        "We paid 395 dollars for 46 nights.",
        "The card is cuatro cuatro ocho cero, dos dos, uno nueve — no, uno ocho.",
        "The docket is J Q dash two four dash oh oh eight one.", "Oh-oh-eight-one, yep.",
        "It's cuatro uno siete, dos dos. No, no — at the end is cinco, seis, cero.",
        "Hers is Two K M seven — uh — X P three, H D four four. The letters are small.",
        "Mi mamá tiene noventa y dos años.", "Noventa y dos? Wow. ¡Qué bendición!"]).segments)
    for said in ("three nine five", "Three nine five", "Double seven", "four six one", "one nine eight",
                 "zero six six", "nine six three", "one three", "eleventh", "oh five one", "uno nueve", "six one",
                 "uno ocho", "eight-one", "cinco, seis", "K M seven", "Noventa"):
        assert said not in text, text
    assert "she has 4 kids." in text and "¡Qué bendición!" in text, text
    assert "We paid 395 dollars for 46 nights." in text, text


def test_a_given_name_before_a_surname_joins_it_and_spreads(vault):
    text = " | ".join(s.text for s in run(Study(), vault, [
        "Somebody took it. Dolly Wozniak took it.", "Nobody took it. Dolly runs the bingo.",
        "Judge Whitacre said so."]).segments)
    assert "Dolly" not in text and "Judge [" in text, text


def test_a_coined_name_spreads_in_any_case_and_a_word_name_only_as_written(vault):
    text = " | ".join(s.text for s in run(Study(), vault, [
        "So the vendor is TrakSure, out of Ohio.", "The website's a joke, traksure portal dot com. It times out.",
        "We went to Target on Main.", "Then target practice."]).segments)
    assert "traksure" not in text.lower() and "target practice" in text, text


def test_an_organization_is_also_its_initials_unless_they_spell_a_word(vault):
    result = run(Study(), vault, [
        "So PYAA, the Peachtree Youth Athletic Association, registers every kid.",
        "Community Action for Rural Empowerment helped. They care a lot."])
    text = " | ".join(s.text for s in result.segments)
    assert "PYAA" not in text and "They care a lot." in text, text
    assert text.count(text.split("So ")[1].split(",")[0]) == 2, text      # the initials take the name's label


def test_an_organization_of_a_coined_word_is_its_name_in_any_case_and_begins_its_site(vault):
    text = " | ".join(s.text for s in run(Study(), vault, [
        "So we called Owyhee Energy together, on speaker.",
        "Their help program is online only, owyhee energy dot com slash assist. It needs an email.",
        "We went to Legal Aid Society first.", "They said legal aid society rules are strict.",
        "She's applying for the Harriet Oduya Fund scholarship.",
        "The portal. It's oduya fund dot org slash apply."]).segments)
    assert "owyhee" not in text.lower() and "energy" not in text and "oduya" not in text.lower(), text
    assert "legal aid society rules" in text, text      # a name of plain words spreads only as written
    text = " | ".join(s.text for s in run(Study(), vault, [      # a name spaCy read as a place begins its site too
        "So we sent both of them through Transcripta Global.",
        "You can check the status at transcripta global dot com slash track."], interview="i2").segments)
    assert "transcripta" not in text.lower(), text


def test_an_organization_takes_the_first_words_ner_left(vault):
    text = " | ".join(s.text for s in run(Study(), vault, [
        "It's a company, Tallis and Brinker, but the owner is kind.",
        "So I went to Office of Global Scholars, the advisor there was busy.",
        "The index number is four four one seven, slash twenty-four.",
        "The case is twenty-one G S, uh, fifty-two eighteen. Record number 4417, page nine."]).segments)
    for gone in ("Tallis", "Office of", "twenty-four", "G S", "nine"):
        assert gone not in text, text
