"""Two-channel recordings with one voice per channel: the louder channel says who speaks."""
from __future__ import annotations

import numpy as np

from diarization.chunks import Chunk

DOMINANCE_DB = 6.0     # a channel this much louder than the other carries the speaker
MIN_SPLIT = 0.6        # share of chunks that must be clearly one-sided for a channel split
MIN_SIDE = 0.1         # and each channel must lead in at least this share


def channel_db(stereo: np.ndarray, chunks: list[Chunk]) -> np.ndarray:
    """Left-minus-right level (dB) over each chunk."""
    out = np.zeros(len(chunks))
    for i, c in enumerate(chunks):
        part = stereo[:, int(c.start * 16000):max(int(c.end * 16000), int(c.start * 16000) + 1)]
        energy = (part.astype(np.float64) ** 2).mean(axis=1) + 1e-10
        out[i] = 10 * np.log10(energy[0] / energy[1])
    return out


def channel_scores(stereo: np.ndarray | None, chunks: list[Chunk]) -> np.ndarray | None:
    """(chunks, 2) scores when the channels really hold different voices, else None (treat as mono)."""
    if stereo is None or stereo.ndim != 2 or stereo.shape[0] != 2 or not chunks:
        return None
    diff = channel_db(stereo, chunks)
    one_sided = np.abs(diff) >= DOMINANCE_DB
    left, right = (diff >= DOMINANCE_DB).mean(), (diff <= -DOMINANCE_DB).mean()
    if one_sided.mean() < MIN_SPLIT or min(left, right) < MIN_SIDE:
        return None
    lean = np.tanh(diff / DOMINANCE_DB)
    return np.stack([lean, -lean], axis=1)
