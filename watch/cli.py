"""`deidflow watch`: process recordings as they land in a drop folder.

The watcher thread only finds complete files; processing runs on the main
thread, one file at a time, so the first Ctrl-C (or SIGTERM) lets the current
file finish and a second one abandons it (outputs are written atomically, so
an abandoned file simply has none and is redone on the next start).
"""
from __future__ import annotations

import argparse
import logging
import os
import queue
import signal
import sys
import threading
from pathlib import Path

log = logging.getLogger("deidflow.watch")


def register(subparsers) -> None:
    p = subparsers.add_parser("watch", help="process recordings as they arrive in a folder")
    p.add_argument("--input", action="append", default=None,
                   help="folder to watch; repeat for several (default: audio_in)")
    p.add_argument("--output", default="transcripts_out", help="de-identified outputs (default: transcripts_out)")
    p.add_argument("--vault", default="vault", help="identified zone, encrypted (default: vault)")
    p.add_argument("--engine", default="faster-whisper")
    p.add_argument("--model", default=None)
    p.add_argument("--study", default=None, help="study file (YAML)")
    p.add_argument("--formats", default=None, help="comma-separated export formats (default: all)")
    p.add_argument("--stable-seconds", type=float, default=5.0,
                   help="a file is taken once its size and mtime held still this long (default: 5)")
    p.add_argument("--debounce", type=float, default=10.0,
                   help="wait this long after the last arrival so a burst is one run (default: 10)")
    p.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")
    p.set_defaults(func=cmd_watch)


class Stop:
    """SIGINT/SIGTERM: the first asks to stop after the current file, the second abandons it."""

    def __init__(self):
        self.requested = threading.Event()

    def __call__(self, signum, frame) -> None:
        if self.requested.is_set():
            raise KeyboardInterrupt
        self.requested.set()
        log.info("stopping after the current file (signal again to abandon it)")

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self)


def cmd_watch(args) -> int:
    # Our own handler: Prefect configures the root logger when it is imported.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    if not args.verbose:   # Prefect may already be imported (other sub-commands), so set levels directly
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        for name in ("prefect", "prefect.flow_runs", "prefect.task_runs"):
            logging.getLogger(name).setLevel(logging.WARNING)
    import vaultstore
    try:
        vaultstore.open_vault(Path(args.vault))
    except vaultstore.VaultKeyError as exc:
        log.error("deidflow: %s", exc)
        return 2
    from deidflow.pipeline import RunConfig, close_batch
    from flows import process_interview
    from flows.interviews import outcome_of
    from watch import Outputs, Watcher

    params = dict(output_dir=args.output, vault_dir=args.vault, engine=args.engine, model=args.model,
                  study=args.study, formats=[f.strip() for f in args.formats.split(",")] if args.formats else None)
    inputs = [Path(d) for d in (args.input or ["audio_in"])]
    stop = Stop()
    stop.install()
    batches: queue.Queue[list[Path]] = queue.Queue()
    watcher = Watcher(inputs, batches.put, args.stable_seconds, args.debounce, skip=Outputs(Path(args.output)).done)
    current = None
    try:
        watcher.start()
        log.info("watching %s", ", ".join(str(d) for d in inputs))
        while not stop.requested.is_set():
            if watcher.error is not None:
                return 1
            try:
                batch = batches.get(timeout=0.5)
            except queue.Empty:
                continue
            log.info("batch of %d file(s)", len(batch))
            outcomes = []
            for path in batch:
                if stop.requested.is_set():
                    break       # left for the next start: it has no outputs
                current = path
                outcome = outcome_of(path, process_interview(str(path), **params, return_state=True))
                # StageError messages are written to be safe: they never carry content
                log.info("%s: %s%s", path.name, outcome.status, f" ({outcome.reason})" if outcome.reason else "")
                outcomes.append(outcome)
                current = None
            if outcomes:
                close_batch(outcomes, [], RunConfig(**params))
    except KeyboardInterrupt:
        if current is not None:
            log.info("%s: abandoned; it is redone on the next start", current.name)
    finally:
        watcher.stop(timeout=10)
    log.info("stopped")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (`python -m watch.cli`), the same as `deidflow watch`."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    parser = argparse.ArgumentParser(prog="deidflow")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["watch", *(argv if argv is not None else sys.argv[1:])])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
