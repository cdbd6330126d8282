#!/usr/bin/env python3
"""Accuracy: de-identification and speaker attribution, scored by ../shared/tools/score.py.

  python scripts/eval.py [--corpus ../shared/corpus] [--real ../shared/real] [--skip-text] [--skip-audio]
                         [--heldout-audio]

Text mode: the corpus scripts as WebVTT, de-identified (scripts/eval_text.py); then the
same for each eval/heldout* set, scripts written by someone who had not seen the recognizers.
Audio mode: the recordings through the whole pipeline, then WER, leak rate,
over-redaction, speaker accuracy and leaks by entity type; then speaker
accuracy on the real meeting against its RTTM. With --heldout-audio, each held-out set is
also spoken by espeak-ng and festival (scripts/make_heldout.py --audio) and run the same way.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
from deidflow.prefect_env import apply_defaults  # noqa: E402

apply_defaults()


def score(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), *args], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def by_type(items: list[str]) -> dict[str, int]:
    return dict(Counter(i.split(":", 1)[0] for i in items))


def check_exports(out: Path, vault: Path) -> None:
    """Every format for every interview, and `audit verify` (chain, hashes, crosswalk re-scan) clean."""
    import exports
    ids = sorted(p.parent.name for p in out.glob("*/transcript.json"))
    per_interview = {i: sorted(f.name for f in (out / i).iterdir() if not f.name.startswith(".")) for i in ids}
    study = sorted(f.name for f in out.iterdir() if f.is_file() and not f.name.startswith("."))
    counts = {i: len(files) for i, files in per_interview.items()}
    print(f"  exports: {len(exports.FORMATS)} formats; files per interview {counts}; study files {study}")
    verify = subprocess.run([sys.executable, "-m", "deidflow.cli", "audit", "verify", "--output", str(out),
                             "--vault", str(vault)], capture_output=True, text=True, cwd=ROOT)
    print(f"  audit verify: exit {verify.returncode}; {verify.stdout.strip().splitlines()[-1:]}")


def pipeline_scores(recordings: Path, out: Path, vault: Path, label: str) -> None:
    """The recordings through the whole pipeline, scored against their truth files."""
    from flows import process_interviews
    process_interviews(str(recordings), str(out), str(vault))
    figures = score(str(recordings), str(out), "--vault", str(vault))
    print(f"{label}:", json.dumps({k: figures[k] for k in
                                   ("interviews", "wer", "present", "leaked", "leak_rate", "over_redaction",
                                    "speaker_acc")}))
    print("  leaks by entity type:", by_type(figures["leaked_items"]))


def audio_mode(corpus: Path, real: Path, tmp: Path) -> None:
    out, vault = tmp / "out", tmp / "vault"
    pipeline_scores(corpus, out, vault, "audio mode")
    check_exports(out, vault)
    if (real / "meeting.rttm").exists():
        from flows import process_interviews
        rout = tmp / "real_out"
        process_interviews(str(real), str(rout), str(vault))
        acc = score(str(real / "meeting.rttm"), str(rout / "meeting" / "transcript.json"), "--rttm")
        print("real meeting (AMI, 4 voices):", json.dumps(acc))


def heldout_audio(held: Path, tmp: Path) -> None:
    """A held-out set spoken by espeak-ng and festival, then run like recordings."""
    if not all(shutil.which(t) for t in ("espeak-ng", "text2wave", "ffmpeg")):
        print(f"audio mode, {held.name}: skipped (needs espeak-ng, festival and ffmpeg)")
        return
    recordings = tmp / f"{held.name}_audio"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_heldout.py"), str(held), "--audio",
                    str(recordings)], check=True, capture_output=True)
    pipeline_scores(recordings, tmp / f"{held.name}_out", tmp / f"{held.name}_vault",
                    f"audio mode, held-out ({held.relative_to(ROOT)}, synthesized speech)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--real", type=Path, default=SHARED / "real")
    ap.add_argument("--heldout", type=Path, nargs="*", default=sorted({p.parent for p in ROOT.glob("eval/heldout*/*.truth.json")}),
                    help="sets of interview scripts written apart from the recognizers")
    ap.add_argument("--skip-text", action="store_true")
    ap.add_argument("--skip-audio", action="store_true")
    ap.add_argument("--heldout-audio", action="store_true",
                    help="also speak each held-out set (espeak-ng, festival) and run it as recordings (~8 min a set)")
    a = ap.parse_args()
    os.environ.setdefault("DEIDFLOW_VAULT_KEY", secrets.token_hex(16))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if not a.skip_text:
            print("text mode:", flush=True)
            eval_text(a.corpus, tmp / "text")
            for held in a.heldout:
                print(f"text mode, held-out scripts ({held.relative_to(ROOT)}):", flush=True)
                eval_text(held, tmp / held.name)
        if not a.skip_audio:
            audio_mode(a.corpus.resolve(), a.real.resolve(), tmp)
        if a.heldout_audio:
            for held in a.heldout:
                heldout_audio(held.resolve(), tmp)


def eval_text(scripts: Path, out: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_text.py"), str(out), "--corpus", str(scripts)],
                   check=True)


if __name__ == "__main__":
    main()
