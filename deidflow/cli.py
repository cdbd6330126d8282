"""`deidflow` command line: a thin shell over flows/ and the stage packages.

Sub-commands are registered by their packages (`register(subparsers)`), so the
CLI knows nothing of their internals.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

COMMAND_MODULES = ["deidflow.cli", "vaultstore.cli", "audit.cli", "watch.cli"]


def add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", default="audio_in", help="folder of recordings or transcripts (default: audio_in)")
    p.add_argument("--output", default="transcripts_out", help="de-identified outputs (default: transcripts_out)")
    p.add_argument("--vault", default="vault", help="identified zone, encrypted (default: vault)")
    p.add_argument("--engine", default="faster-whisper", help="faster-whisper (default) or openai-whisper")
    p.add_argument("--model", default=None,
                   help="model name or path (default: tiny.en bundled offline; a name is fetched by the engine)")
    p.add_argument("--study", default=None, help="study file (YAML): policy, roster, manifest, formats")
    p.add_argument("--formats", default=None,
                   help="comma-separated export formats (default: all; see `deidflow formats`)")
    p.add_argument("--parallel", type=int, default=None, metavar="N",
                   help="recordings transcribed side by side (default: by core count; 1 on 1 core)")
    p.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")


def register(sub) -> None:
    run = sub.add_parser("run", help="process every recording in a folder")
    add_run_options(run)
    run.set_defaults(func=cmd_run)
    fmts = sub.add_parser("formats", help="list export formats")
    fmts.set_defaults(func=cmd_formats)


def cmd_formats(args) -> int:
    import exports
    for name in exports.FORMATS:
        print(name)
    return 0


def cmd_run(args) -> int:
    import vaultstore
    try:
        vaultstore.open_vault(Path(args.vault))
    except vaultstore.VaultKeyError as exc:
        print(f"deidflow: {exc}", file=sys.stderr)
        return 2
    if not Path(args.input).is_dir():
        print(f"deidflow: input folder {args.input} does not exist", file=sys.stderr)
        return 2
    formats = [f.strip() for f in args.formats.split(",")] if args.formats else None
    summary = run_batch(args.input, args.output, args.vault, args.engine, args.model, args.study,
                        formats, verbose=args.verbose, files_at_once=args.parallel)
    return 1 if summary["failed"] else 0


def run_batch(input_dir, output_dir, vault_dir, engine, model, study, formats, verbose=False,
              files_at_once=None) -> dict:
    """Run the batch flow in this process with progress bars and a summary table."""
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from rich.console import Console

    from deidflow import progress
    from deidflow.console import ProgressBars, summary_table
    from flows import process_interviews

    console = Console(stderr=True)
    started = time.monotonic()
    with ProgressBars(console, Path(input_dir)) as bars:
        progress.install(bars)
        try:
            summary = process_interviews(str(input_dir), str(output_dir), str(vault_dir), engine, model,
                                         study, formats, files_at_once=files_at_once)
        finally:
            progress.install(None)
    console.print(summary_table(summary, time.monotonic() - started))
    for line in Path(summary["failures_report"]).read_text().splitlines():
        console.print(f"[red]failed[/red] {line}", markup=True, highlight=False)
    return summary


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deidflow",
        description="Transcribe, speaker-label and de-identify research interviews on this machine.",
        epilog="Start with: deidflow vault init --key-file ~/study.key; then deidflow run. See README.md.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from deidflow.prefect_env import apply_defaults
    apply_defaults()
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
