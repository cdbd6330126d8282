"""Who spoke when: word-aligned chunks -> voice scores (backend) -> smoothing -> re-split segments.

    segments, speakers = diarize(audio, whisper_segments, num_speakers=None, stereo_audio=None, interviewer=None)

Everything runs offline: resemblyzer ships its weights. Whisper's word times already say where
speech is, so there is no second VAD pass (it cost as much as the voice embeddings).
"""
from __future__ import annotations

import numpy as np

from deidflow.models import Segment, Speaker
from diarization import backends, roles
from diarization.channels import channel_scores
from diarization.chunks import make_chunks
from diarization.resegment import smooth, split_segments

__all__ = ["diarize", "warm_up", "roles"]

CHANNEL_NAMES = {"left": "S1", "right": "S2"}    # in a channel split, S1 is the left channel


def diarize(audio: np.ndarray, segments: list[Segment], num_speakers: int | None = None,
            stereo_audio: np.ndarray | None = None, interviewer: str | None = None,
            backend: str | None = None) -> tuple[list[Segment], list[Speaker]]:
    """Segments re-split at speaker changes (speaker "S1".."Sn") and the speakers with roles."""
    chunks = make_chunks(segments)
    if not chunks:
        return [Segment(s.start, s.end, s.text, None, list(s.words)) for s in segments], []
    scores = channel_scores(stereo_audio, chunks) if num_speakers in (None, 2) else None
    by_channel = scores is not None
    if not by_channel:
        scores = backends.BACKENDS[backend or backends.DEFAULT](audio, chunks, num_speakers)
    path = smooth(chunks, scores)
    labels = _labels_by_first_turn(path) if not by_channel else [f"S{p + 1}" for p in path]
    out = split_segments(segments, chunks, labels, audio_end=len(audio) / 16000)
    ids = sorted({lab for lab in labels}, key=lambda s: int(s[1:]))
    if by_channel and interviewer:
        interviewer = CHANNEL_NAMES.get(interviewer.lower(), interviewer)
    speakers = roles.assign_roles(out, [Speaker(s, s) for s in ids], interviewer=interviewer)
    return out, speakers


def _labels_by_first_turn(path: np.ndarray) -> list[str]:
    """Cluster numbers -> "S1".."Sn" in order of first speech, so labels read naturally."""
    order: dict[int, str] = {}
    for p in path:
        order.setdefault(int(p), f"S{len(order) + 1}")
    return [order[int(p)] for p in path]


def warm_up() -> None:
    """Load the models now (a worker calls this once so the first file is not slower)."""
    import diarization.cluster  # noqa: F401  (scikit-learn takes a second to import)
    from diarization.embed import mel_frames
    from diarization.models import voice_encoder

    voice_encoder()
    mel_frames(np.zeros(16000, np.float32))     # librosa compiles its kernels on first use
