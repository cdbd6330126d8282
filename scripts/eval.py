#!/usr/bin/env python3
"""Accuracy: de-identification and speaker attribution, scored by ../shared/tools/score.py.

  python scripts/eval.py [--corpus ../shared/corpus] [--real ../shared/real] [--skip-text] [--skip-audio]

Text mode: the corpus scripts as WebVTT, de-identified (scripts/eval_text.py); then the
same for eval/heldout, scripts written by someone who had not seen the recognizers.
Audio mode: the recordings through the whole pipeline, then WER, leak rate,
over-redaction, speaker accuracy and leaks by entity type; then speaker
accuracy on the real meeting against its RTTM.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
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


def audio_mode(corpus: Path, real: Path, tmp: Path) -> None:
    from flows import process_interviews
    out, vault = tmp / "out", tmp / "vault"
    process_interviews(str(corpus), str(out), str(vault))
    figures = score(str(corpus), str(out), "--vault", str(vault))
    print("audio mode:", json.dumps({k: figures[k] for k in
                                     ("interviews", "wer", "present", "leaked", "leak_rate", "over_redaction",
                                      "speaker_acc")}))
    print("  leaks by entity type:", by_type(figures["leaked_items"]))
    check_exports(out, vault)
    if (real / "meeting.rttm").exists():
        rout = tmp / "real_out"
        process_interviews(str(real), str(rout), str(vault))
        acc = score(str(real / "meeting.rttm"), str(rout / "meeting" / "transcript.json"), "--rttm")
        print("real meeting (AMI, 4 voices):", json.dumps(acc))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--real", type=Path, default=SHARED / "real")
    ap.add_argument("--heldout", type=Path, default=ROOT / "eval" / "heldout",
                    help="interview scripts written apart from the recognizers (text mode)")
    ap.add_argument("--skip-text", action="store_true")
    ap.add_argument("--skip-audio", action="store_true")
    a = ap.parse_args()
    os.environ.setdefault("DEIDFLOW_VAULT_KEY", secrets.token_hex(16))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if not a.skip_text:
            print("text mode:", flush=True)
            subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_text.py"), str(tmp / "text"),
                            "--corpus", str(a.corpus)], check=True)
            if a.heldout.is_dir():
                print("text mode, held-out scripts (eval/heldout):", flush=True)
                subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_text.py"), str(tmp / "heldout"),
                                "--corpus", str(a.heldout)], check=True)
        if not a.skip_audio:
            audio_mode(a.corpus.resolve(), a.real.resolve(), tmp)


if __name__ == "__main__":
    main()
