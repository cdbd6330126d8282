#!/usr/bin/env python3
"""Speed: the whole pipeline (as a Prefect flow) against bare faster-whisper on the same files.

  python scripts/bench.py [--corpus ../shared/corpus] [--model tiny.en]

Prints speed as multiples of real time, the pipeline's overhead over bare ASR,
and each stage's share. Run on an otherwise idle machine.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
from deidflow.prefect_env import apply_defaults  # noqa: E402

apply_defaults()


def bare_faster_whisper(files: list[Path]) -> float:
    """The same model and decoding settings the pipeline's engine uses, nothing else."""
    from faster_whisper import WhisperModel

    from transcription.faster_whisper_engine import _bundled_model
    t0 = time.perf_counter()
    model = WhisperModel(_bundled_model(), device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 1)
    for f in files:
        segments, _ = model.transcribe(str(f), language="en", beam_size=1, word_timestamps=True,
                                       vad_filter=True, condition_on_previous_text=False)
        list(segments)
    return time.perf_counter() - t0


class StageTimer:
    """Wraps the pipeline's stage functions to attribute wall time to each."""

    def __init__(self):
        from deidflow import pipeline
        self.totals: dict[str, float] = {}
        for name in ("plan", "transcribe_job", "diarize_job", "deidentify_job", "export_job", "export_study"):
            setattr(pipeline, name, self._timed(name, getattr(pipeline, name)))

    def _timed(self, name, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.totals[name] = self.totals.get(name, 0.0) + time.perf_counter() - t
        return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    a = ap.parse_args()
    os.environ.setdefault("DEIDFLOW_VAULT_KEY", secrets.token_hex(16))

    from ingest import audio, discover
    files = [p for p in sorted(a.corpus.iterdir()) if discover.kind(p) == "audio"]
    audio_s = sum(audio.probe_duration(p) for p in files)
    print(f"corpus: {len(files)} recordings, {audio_s / 60:.1f} min of audio, {os.cpu_count()} cores")

    bare_s = bare_faster_whisper(files)
    print(f"bare faster-whisper:  {bare_s:6.1f} s  {audio_s / bare_s:5.1f}x real time")

    from prefect import flow

    from flows import process_interviews
    flow(lambda: None, name="bench-warm-up")()     # start Prefect's API before the clock, as a server would be
    timer = StageTimer()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = process_interviews(str(a.corpus), f"{tmp}/out", f"{tmp}/vault")
        pipe_s = time.perf_counter() - t0
    ok = sum(o["status"] == "done" for o in summary["outcomes"])
    print(f"deidflow pipeline:    {pipe_s:6.1f} s  {audio_s / pipe_s:5.1f}x real time  ({ok}/{len(files)} done)")
    print(f"pipeline overhead over bare faster-whisper: {pipe_s / bare_s - 1:+.1%}")
    asr = timer.totals.get("transcribe_job", 0.0)
    for name, secs in sorted(timer.totals.items(), key=lambda kv: -kv[1]):
        share = f"  ({secs / asr:.1%} of transcription)" if asr and name != "transcribe_job" else ""
        print(f"  {name:15s} {secs:6.2f} s{share}")
    print(json.dumps({"audio_s": round(audio_s, 1), "bare_s": round(bare_s, 2), "pipeline_s": round(pipe_s, 2),
                      "bare_x_rt": round(audio_s / bare_s, 1), "pipeline_x_rt": round(audio_s / pipe_s, 1),
                      "overhead": round(pipe_s / bare_s - 1, 3),
                      "stages_s": {k: round(v, 2) for k, v in timer.totals.items()}}))


if __name__ == "__main__":
    main()
