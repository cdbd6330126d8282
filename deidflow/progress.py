"""Progress reporting hook. The CLI installs a reporter; workers run without one."""
from __future__ import annotations

from typing import Protocol


class Reporter(Protocol):
    def start(self, name: str, total_s: float) -> None: ...
    def advance(self, name: str, done_s: float) -> None: ...
    def finish(self, name: str) -> None: ...


class _Silent:
    def start(self, name: str, total_s: float) -> None: ...
    def advance(self, name: str, done_s: float) -> None: ...
    def finish(self, name: str) -> None: ...


reporter: Reporter = _Silent()


def install(new: Reporter | None) -> None:
    global reporter
    reporter = new or _Silent()
