"""From chunk scores to speaker-labelled segments: smooth over time, then cut at speaker changes."""
from __future__ import annotations

import numpy as np

from deidflow.models import Segment, Word
from diarization.chunks import Chunk

GAIN = 3.0             # how much a chunk's voice evidence counts, per second of speech
SWITCH = 1.0           # cost of a change of speaker between chunks with no pause
SWITCH_AT_PAUSE = 0.15  # ...and where there is a pause or a new Whisper segment (real calls change turn fast)
TAIL_S = 0.5           # Whisper's last word ends this much before the voice does, typically


def smooth(chunks: list[Chunk], scores: np.ndarray) -> np.ndarray:
    """Most likely speaker per chunk (Viterbi): evidence weighted by length, changes penalised."""
    n, k = scores.shape
    if n == 0:
        return np.zeros(0, int)
    gain = GAIN * np.array([min(c.duration, 2.0) for c in chunks])[:, None] * scores
    total = gain[0].copy()
    back = np.zeros((n, k), int)
    for i in range(1, n):
        cost = SWITCH_AT_PAUSE if chunks[i].boundary else SWITCH
        stay = total
        jump = total.max() - cost
        back[i] = np.where(stay >= jump, np.arange(k), int(total.argmax()))
        total = np.maximum(stay, jump) + gain[i]
    path = np.zeros(n, int)
    path[-1] = int(total.argmax())
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def split_segments(segments: list[Segment], chunks: list[Chunk], labels: list[str],
                   audio_end: float | None = None) -> list[Segment]:
    """New segments: each Whisper segment cut wherever its words change speaker."""
    speaker_of: dict[int, str] = {}
    for chunk, label in zip(chunks, labels):
        for _, word in chunk.words:
            speaker_of[id(word)] = label
    first_label = {c.words[0][0]: lab for c, lab in zip(chunks, labels) if c.words}
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        runs: list[list[Word]] = []
        for word in seg.words:
            if not runs or speaker_of.get(id(word)) != speaker_of.get(id(runs[-1][-1])):
                runs.append([])
            runs[-1].append(word)
        if len(runs) <= 1:
            out.append(Segment(seg.start, seg.end, seg.text, first_label.get(i), list(seg.words)))
            continue
        for j, run in enumerate(runs):
            start = seg.start if j == 0 else run[0].start
            end = seg.end if j == len(runs) - 1 else run[-1].end
            out.append(Segment(start, end, "".join(w.word for w in run).strip(), speaker_of.get(id(run[0])), run))
    return close_gaps(out, audio_end)


def close_gaps(segments: list[Segment], audio_end: float | None = None) -> list[Segment]:
    """Whisper's word times run short of the voice; let segments meet so no speech falls between
    them: a pause inside one speaker's talk joins it, a pause between speakers is shared halfway,
    and the last segment runs on a little, never past the recording."""
    for prev, nxt in zip(segments, segments[1:]):
        if nxt.start > prev.end:
            meet = nxt.start if prev.speaker == nxt.speaker else (prev.end + nxt.start) / 2
            prev.end, nxt.start = meet, meet
    if segments and audio_end is not None:
        segments[-1].end = max(segments[-1].end, min(audio_end, segments[-1].end + TAIL_S))
    return segments
