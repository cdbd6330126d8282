"""The offline models, loaded once per process. Both ship their weights inside their packages."""
from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def voice_encoder():
    from resemblyzer import VoiceEncoder

    return VoiceEncoder("cpu", verbose=False).eval()


@lru_cache(maxsize=1)
def vad_model():
    # faster-whisper bundles silero-vad v6 as ONNX and runs its encoder batched: ~20x faster than
    # the frame-by-frame silero_vad package, which matters for the diarization time budget
    from faster_whisper.vad import get_vad_model

    return get_vad_model()


VAD_HOP = 512          # samples per silero frame (32 ms at 16 kHz)


def speech_probability(audio: np.ndarray) -> np.ndarray:
    """Silero speech probability for every 32 ms frame of 16 kHz audio."""
    padded = np.pad(audio, (0, -len(audio) % VAD_HOP)).astype(np.float32)
    if not len(padded):
        return np.zeros(0, np.float32)
    return vad_model()(padded).reshape(-1)
