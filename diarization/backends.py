"""Diarization backends, by name. Each turns (audio, chunks, num_speakers) into a score per chunk
per speaker (higher: more likely that speaker); smoothing and re-splitting are shared.

`resemblyzer` (default) runs everywhere offline. `pyannote` is registered only when the user
has `pyannote.audio` installed and points DEIDFLOW_PYANNOTE_MODEL at a local pipeline.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import numpy as np

from diarization.chunks import Chunk
from ingest.audio import to_float

Backend = Callable[[np.ndarray, list[Chunk], "int | None"], np.ndarray]
BACKENDS: dict[str, Backend] = {}


def register(name: str):
    def add(fn: Backend) -> Backend:
        BACKENDS[name] = fn
        return fn
    return add


@register("resemblyzer")
def resemblyzer_scores(audio: np.ndarray, chunks: list[Chunk], num_speakers: int | None) -> np.ndarray:
    from diarization.cluster import cluster
    from diarization.embed import chunk_embeddings

    emb = chunk_embeddings(audio, chunks)
    cents = cluster(emb, np.array([c.duration for c in chunks]), num_speakers)
    return emb @ cents.T


def _pyannote_available() -> bool:
    model = os.environ.get("DEIDFLOW_PYANNOTE_MODEL")
    if not model or not Path(model).exists():
        return False
    try:
        import pyannote.audio  # noqa: F401
    except ImportError:
        return False
    return True


if _pyannote_available():
    @register("pyannote")
    def pyannote_scores(audio: np.ndarray, chunks: list[Chunk], num_speakers: int | None) -> np.ndarray:
        import torch
        from pyannote.audio import Pipeline

        pipeline = _pyannote_pipeline(Pipeline)
        result = pipeline({"waveform": torch.from_numpy(to_float(audio))[None], "sample_rate": 16000},
                          num_speakers=num_speakers)
        annotation = getattr(result, "speaker_diarization", result)
        turns = list(annotation.itertracks(yield_label=True))
        labels = sorted({label for _, _, label in turns})
        scores = np.zeros((len(chunks), max(len(labels), 1)))
        for i, c in enumerate(chunks):            # share of the chunk each speaker covers
            for seg, _, label in turns:
                overlap = min(c.end, seg.end) - max(c.start, seg.start)
                if overlap > 0:
                    scores[i, labels.index(label)] += overlap / max(c.duration, 1e-3)
        return scores

    _PIPELINE = []

    def _pyannote_pipeline(Pipeline):
        if not _PIPELINE:
            _PIPELINE.append(Pipeline.from_pretrained(os.environ["DEIDFLOW_PYANNOTE_MODEL"]))
        return _PIPELINE[0]


DEFAULT = "pyannote" if "pyannote" in BACKENDS else "resemblyzer"
