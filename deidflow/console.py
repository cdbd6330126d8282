"""Terminal output for people: progress bars and the batch summary. File names only, never text."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table


class ProgressBars:
    """A bar per file (seconds of audio transcribed) and an overall bar with ETA."""

    def __init__(self, console: Console, input_dir: Path):
        from ingest import audio, discover
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                                  TimeElapsedColumn(), TimeRemainingColumn(), console=console,
                                  transient=False, disable=not console.is_terminal)
        paths, _ = discover.find_inputs(input_dir)
        self._total = 0.0
        for p in paths:
            try:
                self._total += audio.probe_duration(p) if discover.kind(p) == "audio" else 0.0
            except Exception:
                pass
        self._overall = None
        self._files: dict[str, int] = {}
        self._running: dict[str, float] = {}     # files transcribing now (several at once) -> seconds done
        self._done_before = 0.0

    def __enter__(self) -> "ProgressBars":
        self._progress.start()
        self._overall = self._progress.add_task("all recordings", total=max(self._total, 1.0))
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def start(self, name: str, total_s: float) -> None:
        self._files[name] = self._progress.add_task(f"  {name}", total=max(total_s, 1.0))
        self._running[name] = 0.0

    def advance(self, name: str, done_s: float) -> None:
        task = self._files.get(name)
        if task is not None:
            self._progress.update(task, completed=done_s)
            self._running[name] = done_s
            self._update_overall()

    def finish(self, name: str) -> None:
        task = self._files.pop(name, None)
        if task is not None:
            total = self._progress.tasks[task].total or 0.0
            self._progress.update(task, completed=total)
            self._running.pop(name, None)
            self._done_before += total
            self._update_overall()

    def _update_overall(self) -> None:
        self._progress.update(self._overall, completed=self._done_before + sum(self._running.values()))


def summary_table(summary: dict, wall_s: float) -> Table:
    table = Table(title=f"deidflow: {len(summary['outcomes'])} files in {wall_s:.0f} s")
    for col in ("file", "duration", "speed", "status"):
        table.add_column(col)
    for o in summary["outcomes"]:
        speed = f"{o['duration_s'] / o['seconds']:.1f}x" if o.get("seconds") and o["duration_s"] else ""
        colour = {"done": "green", "skipped": "cyan", "failed": "red"}[o["status"]]
        table.add_row(o["file"], f"{o['duration_s']:.0f} s" if o["duration_s"] else "", speed,
                      f"[{colour}]{o['status']}[/{colour}]")
    for r in summary["rejected"]:
        table.add_row(r["file"], "", "", "[red]failed[/red]")
    return table
