"""Watch folders; hand over complete files in debounced batches.

A file is complete once its size and mtime have not changed for
`stable_seconds` (checked by polling: copy tools give no "done" event).
Complete files collect into a batch which is handed to `on_batch` once no new
file has shown up for `debounce` seconds, so a burst of uploads is one run.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from watch.files import is_input, scan

log = logging.getLogger("deidflow.watch")


@dataclass
class Pending:
    """A file seen but not yet taken."""
    signature: tuple[int, int] | None   # (size, mtime_ns) at the last look
    changed_at: float                   # monotonic time the signature last changed


def signature(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class _Events(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher"):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        # A rename (tmp -> final) announces the final name as dest_path.
        for p in (getattr(event, "dest_path", ""), event.src_path):
            if p:
                self.watcher.touch(Path(os.fsdecode(p)))


class Watcher:
    def __init__(self, input_dirs: list[Path] | list[str], on_batch: Callable[[list[Path]], None],
                 stable_seconds: float = 5.0, debounce: float = 10.0,
                 skip: Callable[[Path], bool] | None = None, poll: float | None = None):
        self.input_dirs = [Path(d) for d in input_dirs]
        self.on_batch = on_batch
        self.stable_seconds = stable_seconds
        self.debounce = debounce
        self.skip = skip or (lambda p: False)
        self.poll = poll if poll is not None else min(0.5, max(0.05, stable_seconds / 5))
        self._lock = threading.Lock()
        self._pending: dict[Path, Pending] = {}
        self._taken: dict[Path, tuple[int, int]] = {}   # path -> signature when handed over
        self._batch: list[Path] = []
        self._last_activity = 0.0
        self._stop = threading.Event()
        self._observer: Observer | None = None
        self._thread: threading.Thread | None = None
        self.error: BaseException | None = None

    # -- called from the observer thread -------------------------------------------
    def touch(self, path: Path) -> None:
        if not is_input(path):
            return
        with self._lock:
            now = time.monotonic()
            entry = self._pending.get(path)
            if entry is None:
                self._pending[path] = Pending(None, now)
                self._last_activity = now
            else:
                entry.changed_at = now

    # -- lifecycle --------------------------------------------------------------
    def start(self) -> "Watcher":
        for d in self.input_dirs:
            d.mkdir(parents=True, exist_ok=True)
        # Observe first, then scan: a file arriving in between is seen twice, never missed.
        self._observer = Observer()
        handler = _Events(self)
        for d in self.input_dirs:
            self._observer.schedule(handler, str(d), recursive=True)
        self._observer.start()
        for path in scan(self.input_dirs):
            self.touch(path)
        self._thread = threading.Thread(target=self._loop, name="deidflow-watch", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> bool:
        """Stop watching; a batch in progress is left to finish. True once stopped."""
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> "Watcher":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- the loop -----------------------------------------------------------------
    def _loop(self) -> None:
        try:
            while not self._stop.wait(self.poll):
                batch = self._tick(time.monotonic())
                if batch:
                    self.on_batch(batch)
        except BaseException as exc:  # surfaced to the owner, who decides to exit
            self.error = exc
            log.error("watcher stopped: %s", type(exc).__name__)

    def _tick(self, now: float) -> list[Path]:
        complete = []
        with self._lock:
            for path, entry in list(self._pending.items()):
                sig = signature(path)
                if sig is None:                       # deleted or renamed away
                    del self._pending[path]
                elif self._taken.get(path) == sig:    # event without a change (chmod, read)
                    del self._pending[path]
                elif sig != entry.signature:
                    entry.signature, entry.changed_at = sig, now
                elif sig[0] > 0 and now - entry.changed_at >= self.stable_seconds:
                    del self._pending[path]
                    self._taken[path] = sig
                    complete.append(path)
        # skip() may hash a large file: outside the lock, so events keep flowing.
        for path in complete:
            if self.skip(path):
                log.info("already processed: %s", path.name)
                continue
            log.info("complete: %s", path.name)
            with self._lock:
                self._batch.append(path)
                self._last_activity = now
        with self._lock:
            if self._batch and now - self._last_activity >= self.debounce:
                batch, self._batch = self._batch, []
                return batch
        return []
