"""The offline model, loaded once per process: resemblyzer ships its weights inside its package."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def voice_encoder():
    from resemblyzer import VoiceEncoder

    return VoiceEncoder("cpu", verbose=False).eval()
