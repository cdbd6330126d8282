"""Engine registry: each backend registers a loader under its CLI name."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Protocol

import numpy as np

from deidflow.models import Segment, Word
from transcription.windows import SAMPLE_RATE, split_at_pauses


class Engine(Protocol):
    name: str
    model: str

    def transcribe(self, audio: np.ndarray, progress: Callable[[float], None] | None = None) -> list[Segment]: ...

    def info(self) -> dict: ...


ENGINES: dict[str, Callable[[str | None], Engine]] = {}


def register(name: str):
    def wrap(loader):
        ENGINES[name] = loader
        return loader
    return wrap


@lru_cache(maxsize=4)
def get_engine(name: str = "faster-whisper", model: str | None = None) -> Engine:
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; choose one of: {', '.join(sorted(ENGINES))}")
    return ENGINES[name](model)


def transcribe(audio: np.ndarray, engine: str = "faster-whisper", model: str | None = None,
               progress: Callable[[float], None] | None = None) -> tuple[list[Segment], dict]:
    """Segments with word timings, and a description of the engine that made them."""
    eng = get_engine(engine, model)
    segments: list[Segment] = []
    for start, end in split_at_pauses(audio):
        offset = start / SAMPLE_RATE
        shifted = (lambda t, o=offset: progress(t + o)) if progress else None
        segments += [_shift(s, offset) for s in eng.transcribe(audio[start:end], shifted)]
    return segments, eng.info()


def _shift(seg: Segment, offset: float) -> Segment:
    if not offset:
        return seg
    words = [Word(w.start + offset, w.end + offset, w.word, w.probability) for w in seg.words]
    return Segment(seg.start + offset, seg.end + offset, seg.text, seg.speaker, words)


# Import for their registration side effect.
from transcription import faster_whisper_engine, openai_whisper_engine  # noqa: E402,F401
