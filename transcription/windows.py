"""Long recordings are transcribed in windows cut at pauses.

Both engines compute a spectrogram of all the audio they are given at once,
several gigabytes for a two-hour recording; windows keep a worker's memory flat
whatever the length. faster-whisper's spectrogram and voice detection of a
ten-minute window still took 490 MB for a moment; five minutes take half.
"""
from __future__ import annotations

import numpy as np

from ingest.audio import to_float

SAMPLE_RATE = 16000
WINDOW_S = 300.0
SEARCH_S = 20.0          # look this far back from a window's end for the quietest moment
FRAME = 320              # 20 ms energy frames


def split_at_pauses(audio: np.ndarray, window_s: float = WINDOW_S) -> list[tuple[int, int]]:
    """(start, end) sample ranges covering the audio, each at most window_s, cut where it is quietest."""
    limit, search = int(window_s * SAMPLE_RATE), int(SEARCH_S * SAMPLE_RATE)
    bounds, start = [], 0
    while len(audio) - start > limit:
        lo = start + limit - search
        frames = to_float(audio[lo:start + limit][: search // FRAME * FRAME]).reshape(-1, FRAME)
        quietest = int(np.argmin(np.einsum("ij,ij->i", frames, frames)))
        cut = lo + quietest * FRAME + FRAME // 2
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(audio)))
    return bounds
