"""spaCy sized for long interviews: parsed in pieces, read back as one Doc, on the real model."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from redaction.deidentifier import Span, _resolve, analyzer
from redaction import nlp
from redaction.nlp import BisectContextEnhancer, pieces

HELDOUT = Path(__file__).resolve().parents[1] / "eval" / "heldout16" / "scripts"


def interview_text() -> str:
    """Real interview scripts, one turn a line, markup removed: about 30,000 characters."""
    turns = [re.sub(r"\{[A-Z_]+\|([^}]*)\}", r"\1", line.split(": ", 1)[1].strip())
             for script in sorted(HELDOUT.glob("*.txt")) for line in script.read_text().splitlines()
             if re.match(r"S\d+: ", line)]
    return "\n".join(turns)


def test_pieces_join_back_and_cut_at_turns_then_sentences_then_spaces():
    turns = "\n".join(f"Turn {i} is short." for i in range(40))
    assert "".join(pieces(turns, 100)) == turns
    assert all(p.endswith("\n") and len(p) <= 100 for p in list(pieces(turns, 100))[:-1])

    monologue = " ".join(f"Sentence {i} runs on a while." for i in range(40))
    assert "".join(pieces(monologue, 100)) == monologue
    assert all(p.endswith(". ") for p in list(pieces(monologue, 100))[:-1])

    unpunctuated = " ".join(f"word{i}" for i in range(100))
    parts = list(pieces(unpunctuated, 100))
    assert "".join(parts) == unpunctuated and len(parts) > 5
    assert all(p.endswith(" ") and not p.endswith(". ") for p in parts[:-1])

    assert list(pieces("x" * 300, 100)) == ["x" * 300]      # nowhere to cut
    assert list(pieces("", 100)) == [""]


def test_a_long_interview_parsed_in_pieces_is_tagged_as_one_parse_would_tag_it(monkeypatch):
    monkeypatch.setattr(nlp, "PIECE", 500)      # many cuts, each a chance to tag an edge word wrongly
    text = interview_text()
    engine = analyzer().nlp_engine
    piecewise = engine.process_text(text, "en").tokens
    whole = engine.nlp["en"](text)

    def read(doc):
        return [(t.idx, t.text, t.tag_, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]
    assert piecewise.text == text
    assert read(piecewise) == read(whole)


def test_the_context_enhancer_finds_the_token_presidio_would():
    text = "My case number is 44 21,  and Mr. Okafor's  clinic\n\nis on Elm Street. "
    doc = analyzer().nlp_engine.nlp["en"](text)
    indices = [t.idx for t in doc]
    for start in range(len(text) + 2):
        try:
            expected = LemmaContextAwareEnhancer._find_index_of_match_token("w", start, doc, indices)
        except ValueError:
            with pytest.raises(ValueError):
                BisectContextEnhancer._find_index_of_match_token("w", start, doc, indices)
            continue
        assert BisectContextEnhancer._find_index_of_match_token("w", start, doc, indices) == expected, start


def test_resolved_spans_claim_each_character_once_and_only_where_a_detection_was():
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(0, 60)
            spans.append(Span(start, start + rng.randint(1, 15), rng.choice(["PERSON", "LOCATION"]),
                              rng.choice([0.4, 0.6, 0.85]), "test"))
        out = _resolve(spans)
        # each piece comes from one detection of its type, scored at least as that one and as some detection
        assert all(any(o.start >= s.start and o.end <= s.end and o.entity_type == s.entity_type and o.score >= s.score
                       for s in spans) and o.score in {s.score for s in spans} for o in out)
        claimed = [c for s in out for c in range(s.start, s.end)]
        assert len(claimed) == len(set(claimed))
        assert set(claimed) == {c for s in spans for c in range(s.start, s.end)}
