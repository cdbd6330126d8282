"""Engine registry: each backend registers a loader under its CLI name."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Protocol

import numpy as np

from deidflow.models import Segment


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
    return eng.transcribe(audio, progress), eng.info()


# Import for their registration side effect.
from transcription import faster_whisper_engine, openai_whisper_engine  # noqa: E402,F401
