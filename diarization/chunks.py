"""Word-aligned chunks: the units that get a voice embedding and a speaker.

A chunk is a run of words with no long pause inside and a bounded length, so a speaker change
can only fall between chunks, always on a word boundary.
"""
from __future__ import annotations

from dataclasses import dataclass

from deidflow.models import Segment, Word

PAUSE_S = 0.25       # a pause this long may be a change of speaker
MAX_CHUNK_S = 2.0    # longer runs are cut so a change without a pause is still found


@dataclass
class Chunk:
    start: float
    end: float
    words: list[tuple[int, Word]]        # (segment index, word)
    boundary: bool = False               # starts a Whisper segment or follows a pause

    @property
    def duration(self) -> float:
        return self.end - self.start


def segment_words(segments: list[Segment]) -> list[tuple[int, Word]]:
    """Every word with its segment index; a segment without word timings counts as one word."""
    out = []
    for i, seg in enumerate(segments):
        words = seg.words or [Word(seg.start, seg.end, seg.text)]
        out += [(i, w) for w in words if w.end > w.start or w.word.strip()]
    return out


def make_chunks(segments: list[Segment]) -> list[Chunk]:
    chunks: list[Chunk] = []
    prev_seg, prev_end = None, None
    for seg_i, word in segment_words(segments):
        pause = prev_end is not None and word.start - prev_end >= PAUSE_S
        new_seg = seg_i != prev_seg
        cur = chunks[-1] if chunks else None
        if cur is None or pause or new_seg or word.end - cur.start > MAX_CHUNK_S:
            chunks.append(Chunk(word.start, word.end, [], boundary=pause or new_seg))
            cur = chunks[-1]
        cur.words.append((seg_i, word))
        cur.end = max(cur.end, word.end)
        prev_seg, prev_end = seg_i, word.end
    return chunks
