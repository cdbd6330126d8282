"""openai-whisper (PyTorch), the alternative engine: a checkpoint by name or a .pt path."""
from __future__ import annotations

from typing import Callable

import numpy as np

from deidflow.models import Segment, Word
from transcription.engines import register


class OpenAIWhisper:
    name = "openai-whisper"
    concurrent = False       # its decoder installs hooks on the shared model: one file at a time

    def __init__(self, model: str | None, files_at_once: int = 1):
        import whisper
        if not model:
            # openai-whisper has no packaged checkpoint; naming one is the user's consent to its loader.
            raise ValueError("--engine openai-whisper needs --model NAME or a local .pt checkpoint path")
        self.model = model
        self._model = whisper.load_model(model, device="cpu")

    def transcribe(self, audio: np.ndarray, progress: Callable[[float], None] | None = None) -> list[Segment]:
        result = self._model.transcribe(audio, language="en", word_timestamps=True, fp16=False,
                                        condition_on_previous_text=False, verbose=None)
        segments = []
        for seg in result["segments"]:
            if not seg["text"].strip():
                continue
            words = [Word(w["start"], w["end"], w["word"], w.get("probability", 1.0))
                     for w in seg.get("words", [])]
            segments.append(Segment(seg["start"], seg["end"], seg["text"].strip(), words=words))
            if progress:
                progress(seg["end"])
        return segments

    def info(self) -> dict:
        import whisper
        return {"name": self.name, "model": self.model,
                "versions": {"openai-whisper": whisper.__version__}}


register("openai-whisper")(OpenAIWhisper)
