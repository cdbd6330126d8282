"""Engine registry: each backend registers a loader under its CLI name."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Callable, Protocol

import numpy as np

from deidflow.models import Segment, Word
from ingest.audio import to_float
from transcription.windows import SAMPLE_RATE, split_at_pauses


class Engine(Protocol):
    name: str
    model: str
    concurrent: bool          # may transcribe several files at once from threads

    def transcribe(self, audio: np.ndarray, progress: Callable[[float], None] | None = None) -> list[Segment]: ...

    def info(self) -> dict: ...


ENGINES: dict[str, Callable[[str | None, int], Engine]] = {}


def register(name: str):
    def wrap(loader):
        ENGINES[name] = loader
        return loader
    return wrap


@lru_cache(maxsize=4)
def get_engine(name: str = "faster-whisper", model: str | None = None, files_at_once: int = 1) -> Engine:
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; choose one of: {', '.join(sorted(ENGINES))}")
    return ENGINES[name](model, files_at_once)


def files_at_once(engine: str, files: int, requested: int | None = None) -> int:
    """How many files to transcribe side by side: as requested, else one per core pair (one per core
    up to 2 cores), at most 4; always 1 where the engine cannot share its model between threads."""
    loader = ENGINES.get(engine)
    if not getattr(loader, "concurrent", False):
        return 1
    if requested:
        return max(1, requested)
    cores = os.cpu_count() or 1
    return max(1, min(files, 4, cores if cores <= 2 else cores // 2))


def transcribe(audio: np.ndarray, engine: str = "faster-whisper", model: str | None = None,
               progress: Callable[[float], None] | None = None,
               files_at_once: int = 1) -> tuple[list[Segment], dict]:
    """Segments with word timings, and a description of the engine that made them.

    files_at_once: how many threads will call this at the same time (sizes the engine's workers).
    """
    eng = get_engine(engine, model, files_at_once)
    segments: list[Segment] = []
    for start, end in split_at_pauses(audio):
        offset = start / SAMPLE_RATE
        shifted = (lambda t, o=offset: progress(t + o)) if progress else None
        segments += [_shift(s, offset) for s in eng.transcribe(to_float(audio[start:end]), shifted)]
    return segments, eng.info()


def _shift(seg: Segment, offset: float) -> Segment:
    if not offset:
        return seg
    words = [Word(w.start + offset, w.end + offset, w.word, w.probability) for w in seg.words]
    return Segment(seg.start + offset, seg.end + offset, seg.text, seg.speaker, words)


# Import for their registration side effect.
from transcription import faster_whisper_engine, openai_whisper_engine  # noqa: E402,F401
