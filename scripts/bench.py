#!/usr/bin/env python3
"""Speed: the whole pipeline (as a Prefect flow) against bare faster-whisper on the same files.

  python scripts/bench.py [--corpus ../shared/corpus] [--model tiny.en]

Prints speed as multiples of real time, the pipeline's overhead over bare ASR,
and each stage's share. Run on an otherwise idle machine.

Bare faster-whisper runs as a user would run it: one file after another, all
cores given to one model. The pipeline transcribes files side by side (one
CTranslate2 worker per lane), so the same layout of bare faster-whisper is timed
too, and the pipeline is also run one file at a time, where stage shares are
clean of contention between lanes.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
from deidflow.prefect_env import apply_defaults  # noqa: E402

apply_defaults()


def bare_faster_whisper(files: list[Path], lanes: int = 1) -> float:
    """The same model and decoding settings the pipeline's engine uses, nothing else."""
    from faster_whisper import WhisperModel

    from transcription.faster_whisper_engine import _bundled_model
    t0 = time.perf_counter()
    model = WhisperModel(_bundled_model(), device="cpu", compute_type="int8",
                         cpu_threads=max(1, (os.cpu_count() or 1) // lanes), num_workers=lanes)

    def one(f: Path) -> None:
        segments, _ = model.transcribe(str(f), language="en", beam_size=1, word_timestamps=True,
                                       vad_filter=True, condition_on_previous_text=False)
        list(segments)

    with ThreadPoolExecutor(lanes) as pool:
        list(pool.map(one, files))
    return time.perf_counter() - t0


def pipeline_run(corpus: Path, lanes: int) -> tuple[float, int, dict[str, float]]:
    """Wall seconds, files done, and seconds per stage (summed over lanes)."""
    from flows import process_interviews

    timer = StageTimer()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = process_interviews(str(corpus), f"{tmp}/out", f"{tmp}/vault", files_at_once=lanes)
        wall = time.perf_counter() - t0
    timer.restore()
    return wall, sum(o["status"] == "done" for o in summary["outcomes"]), timer.totals


class StageTimer:
    """Wraps the pipeline's stage functions to attribute wall time to each."""

    STAGES = ("plan", "transcribe_job", "diarize_job", "deidentify_job", "export_job", "export_study")

    def __init__(self):
        from deidflow import pipeline
        self.totals: dict[str, float] = {}
        self._originals = {name: getattr(pipeline, name) for name in self.STAGES}
        for name, fn in self._originals.items():
            setattr(pipeline, name, self._timed(name, fn))

    def restore(self) -> None:
        from deidflow import pipeline
        for name, fn in self._originals.items():
            setattr(pipeline, name, fn)

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

    from transcription import files_at_once
    lanes = files_at_once("faster-whisper", len(files))
    bare_s = bare_faster_whisper(files)
    print(f"bare faster-whisper, one file at a time:    {bare_s:6.1f} s  {audio_s / bare_s:5.1f}x real time")
    bare_lanes_s = bare_faster_whisper(files, lanes)
    print(f"bare faster-whisper, {lanes} files side by side: {bare_lanes_s:6.1f} s  "
          f"{audio_s / bare_lanes_s:5.1f}x real time")

    from prefect import flow
    flow(lambda: None, name="bench-warm-up")()     # start Prefect's API before the clock, as a server would be
    pipe_s, ok, _ = pipeline_run(a.corpus, lanes)
    print(f"deidflow pipeline ({lanes} lanes):          {pipe_s:6.1f} s  {audio_s / pipe_s:5.1f}x real time  "
          f"({ok}/{len(files)} done)")
    print(f"pipeline overhead over bare faster-whisper (one file at a time): {pipe_s / bare_s - 1:+.1%}")
    print(f"pipeline overhead over bare faster-whisper ({lanes} side by side):  {pipe_s / bare_lanes_s - 1:+.1%}")

    seq_s, seq_ok, stages = pipeline_run(a.corpus, 1)
    print(f"deidflow pipeline (one file at a time): {seq_s:6.1f} s  {audio_s / seq_s:5.1f}x real time  "
          f"({seq_ok}/{len(files)} done); its stages:")
    asr = stages.get("transcribe_job", 0.0)
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        share = f"  ({secs / asr:.1%} of transcription)" if asr and name != "transcribe_job" else ""
        print(f"  {name:15s} {secs:6.2f} s{share}")
    print(json.dumps({"audio_s": round(audio_s, 1), "lanes": lanes, "bare_s": round(bare_s, 2),
                      "bare_lanes_s": round(bare_lanes_s, 2), "pipeline_s": round(pipe_s, 2),
                      "pipeline_x_rt": round(audio_s / pipe_s, 1), "overhead": round(pipe_s / bare_s - 1, 3),
                      "overhead_same_layout": round(pipe_s / bare_lanes_s - 1, 3),
                      "sequential_s": round(seq_s, 2), "stages_s": {k: round(v, 2) for k, v in stages.items()}}))


if __name__ == "__main__":
    main()
