"""The watcher on a real folder with real watchdog events (short timings)."""
from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from watch import Outputs, Watcher, is_input

STABLE = 0.6
DEBOUNCE = 0.8


class Batches:
    def __init__(self, delay: float = 0.0):
        self.got: list[tuple[float, list[Path], list[int]]] = []
        self.delay = delay
        self.finished = threading.Event()

    def __call__(self, batch: list[Path]) -> None:
        self.got.append((time.monotonic(), list(batch), [p.stat().st_size for p in batch]))
        time.sleep(self.delay)
        self.finished.set()

    def wait(self, n: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.got) < n and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.got) >= n, f"expected {n} batches, got {len(self.got)}"


def names(batch: list[Path]) -> list[str]:
    return sorted(p.name for p in batch)


@pytest.mark.parametrize("name,taken", [
    ("a.wav", True), ("B.MP3", True), ("c.docx", True), ("d.vtt", True),
    ("a.wav.part", False), ("a.wav.crdownload", False), ("a.tmp", False), ("~$notes.docx", False),
    (".a.wav", False), (".a.wav.XyZ12", False), ("a.meta.yaml", False), ("study.csv", False),
])
def test_input_names(name, taken):
    assert is_input(Path(name)) is taken


def test_slowly_copied_file_is_taken_once_after_it_stopped_growing(tmp_path):
    got = Batches()
    chunks, chunk = 6, b"\x01" * 4096
    with Watcher([tmp_path], got, stable_seconds=STABLE, debounce=DEBOUNCE):
        target = tmp_path / "visit_07.wav"
        with open(target, "wb") as fh:
            for _ in range(chunks):
                fh.write(chunk)
                fh.flush()
                time.sleep(STABLE / 2)   # slower than a fast disk, faster than "stable"
        done_writing = time.monotonic()
        got.wait(1)
        time.sleep(STABLE + DEBOUNCE + 0.5)   # nothing more may come
    assert len(got.got) == 1
    when, batch, sizes = got.got[0]
    assert batch == [target]
    assert sizes == [chunks * len(chunk)]
    assert when - done_writing >= STABLE


def test_temporary_names_are_ignored_and_rename_is_taken(tmp_path):
    got = Batches()
    with Watcher([tmp_path], got, stable_seconds=STABLE, debounce=DEBOUNCE):
        for name in ("b.wav.part", "c.mp3.crdownload", "~$notes.docx", ".hidden.wav", "x.tmp"):
            (tmp_path / name).write_bytes(b"\x00" * 100)
        part = tmp_path / "a.m4a.part"
        part.write_bytes(b"\x00" * 100)
        time.sleep(STABLE + DEBOUNCE + 0.5)
        assert got.got == []                  # temp files alone never trigger a run
        part.rename(tmp_path / "a.m4a")
        got.wait(1)
        time.sleep(STABLE + DEBOUNCE)
    assert [names(b) for _, b, _ in got.got] == [["a.m4a"]]


def test_burst_of_files_is_one_batch(tmp_path):
    got = Batches()
    with Watcher([tmp_path], got, stable_seconds=STABLE, debounce=DEBOUNCE):
        (tmp_path / "sub").mkdir()
        files = [tmp_path / f"int_{i}.flac" for i in range(4)] + [tmp_path / "sub" / "int_9.ogg"]
        for f in files:
            f.write_bytes(os.urandom(2048))
            time.sleep(0.2)
        got.wait(1)
        time.sleep(STABLE + DEBOUNCE + 0.5)
    assert len(got.got) == 1
    assert sorted(got.got[0][1]) == sorted(files)


def test_files_that_arrived_while_down_are_processed_unless_done(tmp_path):
    inbox, out = tmp_path / "audio_in", tmp_path / "transcripts_out"
    inbox.mkdir()
    done, todo, also = inbox / "done.wav", inbox / "todo.wav", inbox / "also.mp3"
    for f in (done, todo, also):
        f.write_bytes(os.urandom(4096))
    # A complete output for `done`, under an id that is not its file name.
    from ingest.audio import sha256
    from deidflow.pipeline import COMPLETE
    (out / "P07").mkdir(parents=True)
    (out / "P07" / COMPLETE).write_text(json.dumps({"sha256": sha256(done), "fingerprint": "f"}))
    (out / "todo").mkdir()          # a crash after the transcript but before the exports: not done
    (out / "todo" / "transcript.json").write_text(json.dumps(
        {"interview_id": "todo", "source": {"file": "todo.wav", "sha256": sha256(todo), "duration_s": 1.0}}))
    (out / "broken").mkdir()
    (out / "broken" / COMPLETE).write_text("{")   # a crash mid-write elsewhere
    got = Batches()
    with Watcher([inbox], got, stable_seconds=STABLE, debounce=DEBOUNCE, skip=Outputs(out).done):
        got.wait(1)
        time.sleep(STABLE + DEBOUNCE)
    assert [names(b) for _, b, _ in got.got] == [["also.mp3", "todo.wav"]]


def test_changed_file_is_taken_again_but_a_read_is_not(tmp_path):
    got = Batches()
    f = tmp_path / "a.wav"
    with Watcher([tmp_path], got, stable_seconds=STABLE, debounce=DEBOUNCE):
        f.write_bytes(b"\x01" * 100)
        got.wait(1)
        f.read_bytes()
        os.chmod(f, 0o600)
        time.sleep(STABLE + DEBOUNCE + 0.5)
        assert len(got.got) == 1
        f.write_bytes(b"\x02" * 200)           # the recording was replaced
        got.wait(2)
    assert [sizes for _, _, sizes in got.got] == [[100], [200]]


def test_stop_lets_the_running_batch_finish_then_takes_nothing_more(tmp_path):
    got = Batches(delay=1.5)
    w = Watcher([tmp_path], got, stable_seconds=STABLE, debounce=DEBOUNCE).start()
    try:
        (tmp_path / "a.wav").write_bytes(b"\x01" * 100)
        got.wait(1)
        assert not got.finished.is_set()       # stop arrives mid-batch
        (tmp_path / "b.wav").write_bytes(b"\x01" * 100)
        t0 = time.monotonic()
        assert w.stop(timeout=10)
        assert got.finished.is_set()
        assert time.monotonic() - t0 < 3
        assert not w.running and w.error is None
        time.sleep(STABLE + DEBOUNCE + 0.3)
        assert len(got.got) == 1
    finally:
        w.stop(timeout=5)
