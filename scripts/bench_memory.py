"""Peak memory of one worker processing a long recording (a benchmark, not a test).

Builds an N-minute recording (default 120) by looping the corpus audio with
ffmpeg into /tmp, runs `deidflow run` on it in a child process (the same flow a
worker runs), samples the RSS of the child's whole process tree from /proc and
prints the peak. Budget: under 2 GB with tiny.en.

    DEIDFLOW_VAULT_KEY=... .venv/bin/python scripts/bench_memory.py [--minutes 120]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import imageio_ffmpeg

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
AUDIO = (".mp3", ".m4a", ".flac", ".wav", ".ogg", ".mp4")
BUDGET_MB = 2048


def build_recording(minutes: float, out: Path) -> Path:
    """The corpus interviews back to back, looped to `minutes`, as 16 kHz mono FLAC.

    Loops repeat words exactly; the memory path (decode, ASR, diarization) does
    not care, and that is all this measures."""
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in AUDIO)
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "joined.wav"
        inputs = [a for p in sources for a in ("-i", str(p))]
        graph = "".join(f"[{i}:a:0]aresample=16000,aformat=channel_layouts=mono[a{i}];" for i in range(len(sources)))
        graph += "".join(f"[a{i}]" for i in range(len(sources))) + f"concat=n={len(sources)}:v=0:a=1[out]"
        subprocess.run([ffmpeg, "-v", "error", "-y", *inputs, "-filter_complex", graph, "-map", "[out]",
                        str(joined)], check=True)
        subprocess.run([ffmpeg, "-v", "error", "-y", "-stream_loop", "-1", "-i", str(joined), "-t",
                        str(minutes * 60), "-ac", "1", "-ar", "16000", str(out)], check=True)
    return out


def tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum, largest single) VmRSS in kB over `root` and all its descendants."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                ppid = int(Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d))
    total = largest = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    kb = int(line.split()[1])
                    total, largest = total + kb, max(largest, kb)
        except OSError:
            continue
    return total, largest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=120)
    ap.add_argument("--model", default=None, help="default: the bundled tiny.en")
    ap.add_argument("--interval", type=float, default=0.25, help="seconds between RSS samples")
    args = ap.parse_args()
    if not (os.environ.get("DEIDFLOW_VAULT_KEY") or os.environ.get("DEIDFLOW_VAULT_KEY_FILE")):
        print("bench_memory: set DEIDFLOW_VAULT_KEY (any passphrase; the vault is a temporary one)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="deidflow-bench-"))
    (work / "in").mkdir()
    # Built inside the input folder: ingest refuses symlinks that lead out of it.
    build_recording(args.minutes, work / "in" / f"bench_{args.minutes:g}min.flac")
    cmd = [sys.executable, "-m", "deidflow.cli", "run", "--input", str(work / "in"), "--output",
           str(work / "out"), "--vault", str(work / "vault"), "--formats", "docx"]
    if args.model:
        cmd += ["--model", args.model]
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    errlog = work / "stderr.log"      # a file, not a pipe: a full pipe would stall a long run
    child = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=open(errlog, "wb"))
    peak_total = peak_single = 0
    while child.poll() is None:
        total, single = tree_rss_kb(child.pid)
        peak_total, peak_single = max(peak_total, total), max(peak_single, single)
        time.sleep(args.interval)
    wall = time.monotonic() - started
    err = errlog.read_text(errors="replace")
    shutil.rmtree(work, ignore_errors=True)     # the recording, its vault and outputs
    result = {"minutes": args.minutes, "exit": child.returncode, "wall_s": round(wall, 1),
              "peak_tree_rss_mb": round(peak_total / 1024), "peak_process_rss_mb": round(peak_single / 1024),
              "budget_mb": BUDGET_MB, "within_budget": peak_total / 1024 < BUDGET_MB}
    print(json.dumps(result))
    if child.returncode:
        print(err[-2000:], file=sys.stderr)
    return 0 if child.returncode == 0 and result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
