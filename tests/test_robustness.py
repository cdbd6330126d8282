"""Nothing is lost: growing files, crashes mid-batch, awkward names."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import AUDIO
from deidflow import pipeline


def test_a_file_still_being_copied_is_left_for_later(tmp_path):
    target = tmp_path / "arriving.mp3"
    data = (AUDIO / "interview.mp3").read_bytes()
    target.write_bytes(data[:4096])
    stop = threading.Event()

    def keep_copying():
        offset = 4096
        while not stop.is_set() and offset < len(data):
            with open(target, "ab") as fh:
                fh.write(data[offset:offset + 4096])
            offset += 4096
            time.sleep(0.1)

    copier = threading.Thread(target=keep_copying)
    copier.start()
    try:
        cfg = pipeline.RunConfig(output_dir=str(tmp_path / "out"), vault_dir=str(tmp_path / "vault"))
        with pytest.raises(pipeline.StageError, match="still being written"):
            pipeline.plan(target, cfg)
    finally:
        stop.set()
        copier.join()
    assert not (tmp_path / "out").exists()


def _run(input_dir: Path, home: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home / "prefect"), DEIDFLOW_VAULT_KEY="crash test passphrase")
    return subprocess.Popen([sys.executable, "-m", "deidflow.cli", "run", "--input", str(input_dir),
                             "--output", str(home / "out"), "--vault", str(home / "vault"),
                             "--formats", "txt,vtt,qdpx"],
                            env=env, cwd=home, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def test_kill_9_mid_batch_then_rerun_completes_everything_once(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    names = ["a first.mp3", "-Ünïcode 'quoted' name.ogg", "zz last.flac"]
    for src, name in zip(["interview.mp3", "interview.ogg", "interview.flac"], names):
        (inbox / name).write_bytes((AUDIO / src).read_bytes())
    # Different recordings, not byte copies, so none is refused as a duplicate.
    out = tmp_path / "out"
    proc = _run(inbox, tmp_path)
    deadline = time.monotonic() + 400
    while time.monotonic() < deadline and not (out / "a first" / pipeline.COMPLETE).exists():
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)      # the CLI and its Prefect server, as a power cut would
    proc.wait()
    assert (out / "a first" / pipeline.COMPLETE).exists(), "the first file never finished"
    assert not (out / "zz last" / pipeline.COMPLETE).exists(), "killed too late to test a resume"

    rerun = _run(inbox, tmp_path)
    printed, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, printed[-3000:]
    stems = sorted(Path(n).stem for n in names)
    assert sorted(p.parent.name for p in out.glob("*/transcript.json")) == stems
    for stem in stems:
        doc = json.loads((out / stem / "transcript.json").read_text())    # complete, parseable
        assert doc["interview_id"] == stem and doc["segments"]
        assert (out / stem / f"{stem}.txt").read_text().strip()
    assert "skipped" in printed                                          # the first was not redone
    assert {p.name for p in inbox.iterdir()} == set(names)               # originals all still there
    verify = subprocess.run([sys.executable, "-m", "deidflow.cli", "audit", "verify", "--output", str(out),
                             "--vault", str(tmp_path / "vault")], capture_output=True, text=True,
                            env={**os.environ, "DEIDFLOW_VAULT_KEY": "crash test passphrase"})
    assert verify.returncode == 0, verify.stdout + verify.stderr
