"""spaCy for Presidio, sized for long interviews.

A parse's memory grows with the document: a 2-hour interview parsed as one Doc
peaked over 1 GB. Long texts are parsed a few thousand characters at a time, cut
where a line (a speaker turn) or a sentence ends, and joined back into one Doc
with exactly the same characters, so every offset stays as it was. The one thing
lost is a parse across a cut, which a speaker change rarely has anyway.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

PIECE = 4000          # characters
CONTEXT = 300         # characters of the neighbours' text parsed with a piece
BATCH = 4             # pieces per batch: spaCy's memory follows the batch, not the piece
_BREAKS = (re.compile(r"\n+"), re.compile(r"(?<=[.?!])\s+"), re.compile(r"\s+"))   # best first


def pieces(text: str, size: int = PIECE) -> Iterator[str]:
    """`text` cut into pieces of about `size` characters that join back to it.
    Cuts fall after a line break, else after a sentence's end, else at a space."""
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, size)
        yield text[start:end]
        start = end
    if start < len(text) or not text:
        yield text[start:]


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece starting at `start` ends: the last good break inside `size`,
    or the first one after it when a turn runs on."""
    for brk in _BREAKS:
        if inside := [m.end() for m in brk.finditer(text, start + size // 4, start + size)]:
            return inside[-1]
    for brk in _BREAKS:
        if m := brk.search(text, start + size):
            return m.end()
    return len(text)


class PiecewiseSpacyNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine whose process_text parses long texts piece by piece."""

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        if len(text) <= PIECE:
            return super().process_text(text, language)
        spans, start = [], 0
        for part in pieces(text, PIECE):
            spans.append((start, start + len(part)))
            start += len(part)
        # Each piece is parsed with some of its neighbours' text around it, so its
        # first and last words are tagged as they are inside the whole text.
        windows = [(max(0, a - CONTEXT), min(len(text), b + CONTEXT)) for a, b in spans]
        docs = self.nlp[language].pipe((text[lo:hi] for lo, hi in windows), batch_size=BATCH)
        own = [_inner(doc, a - lo, b - lo) for doc, (a, b), (lo, _) in zip(docs, spans, windows)]
        return self._doc_to_nlp_artifact(Doc.from_docs(own, ensure_whitespace=False), language)


def _inner(doc: Doc, start: int, end: int) -> Doc:
    """The tokens of `doc` from character `start` to `end`, a Doc of their own."""
    first = next(t.i for t in doc if t.idx >= start)
    last = next((t.i for t in doc if t.idx >= end), len(doc))
    return doc[first:last].as_doc()


class BisectContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, finding a match's token by bisection:
    its own scan from the first token made context scoring quadratic in the
    interview's length (half of a 2-hour interview's de-identification time)."""

    @staticmethod
    def _find_index_of_match_token(word: str, start: int, tokens, tokens_indices: list[int]) -> int:
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if start >= tokens_indices[i] + len(tokens[i]):
            i += 1       # `start` falls in the space after token i
        if i >= len(tokens_indices):
            raise ValueError("a match lies beyond the last token")
        return i
