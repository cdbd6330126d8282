#!/usr/bin/env python3
"""Text-mode evaluation of de-identification against a synthetic corpus.

  python scripts/eval_text.py OUTDIR [--corpus DIR]

Writes each interview's script as WebVTT (score.py --write-vtt), reads it back with
ingest.transcripts.read, de-identifies it with a fresh vault, writes
OUT/<id>/transcript.json and VAULT/<id>/transcript.raw.json, then prints score.py's
figures, the leaks by entity type and the de-identification time. The leaked
items name identifiers of the synthetic corpus only.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deidflow.models import Interview, Source, Speaker  # noqa: E402
from deidflow.study import Study  # noqa: E402
from ingest import transcripts  # noqa: E402
from vaultstore.store import Vault  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--score", type=Path, default=SHARED / "tools" / "score.py")
    ap.add_argument("--study", type=Path, default=None)
    a = ap.parse_args()
    out, vtt_dir, vault_dir = a.out / "out", a.out / "vtt", a.out / "vault"
    # A throwaway vault and key each run, so no crosswalk carries over.
    for folder in (out, vtt_dir, vault_dir):
        shutil.rmtree(folder, ignore_errors=True)
    os.environ.setdefault("DEIDFLOW_VAULT_KEY", secrets.token_hex(32))
    subprocess.run([sys.executable, str(a.score), str(a.corpus), str(vtt_dir), "--write-vtt"], check=True)

    from redaction import Deidentifier  # after the VTTs: loading spaCy is the slow part
    t0 = time.perf_counter()
    vault = Vault(vault_dir)
    deid = Deidentifier(Study.load(a.study), vault)
    load_s = time.perf_counter() - t0

    deid_s, chars, audio_s = 0.0, 0, 0.0
    for vtt in sorted(vtt_dir.glob("*.vtt")):
        segments = transcripts.read(vtt)
        names = list(dict.fromkeys(s.speaker for s in segments if s.speaker))
        ids = {name: f"S{i + 1}" for i, name in enumerate(names)}
        for s in segments:
            s.speaker = ids.get(s.speaker)
        speakers = [Speaker(ids[n], n) for n in names]
        t = time.perf_counter()
        res = deid.deidentify(vtt.stem, segments, speakers)
        deid_s += time.perf_counter() - t
        chars += sum(len(s.text) for s in segments)
        audio_s += max((s.end for s in segments), default=0.0)
        source = Source(vtt.name, "", max((s.end for s in segments), default=0.0))
        raw = Interview(vtt.stem, source, segments, speakers)
        red = Interview(vtt.stem, source, res.segments, res.speakers, review=res.review)
        vault.write_json(f"{vtt.stem}/transcript.raw.json", raw.to_json())
        (out / vtt.stem).mkdir(parents=True, exist_ok=True)
        (out / vtt.stem / "transcript.json").write_text(json.dumps(red.to_json(), indent=2) + "\n")

    # score.py reads the vault through `deidflow vault cat` when only the encrypted form exists.
    scored = subprocess.run([sys.executable, str(a.score), str(a.corpus), str(out), "--vault", str(vault_dir)],
                            check=True, capture_output=True, text=True, env=os.environ)
    figures = json.loads(scored.stdout)
    print(json.dumps(figures))
    by_type = Counter(item.split(":", 1)[0] for item in figures.get("leaked_items", []))
    print(json.dumps({"leaks_by_type": dict(by_type), "analyzer_load_s": round(load_s, 2),
                      "deid_s": round(deid_s, 3), "chars": chars, "audio_s": round(audio_s, 1),
                      "deid_share_of_20x_transcription": round(deid_s / max(1e-9, audio_s / 20), 3)}))


if __name__ == "__main__":
    main()
