"""Shared fixtures: one Prefect test server for the session, a vault key, the recordings."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DEIDFLOW_VAULT_KEY", "correct horse battery staple (tests only)")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

FIXTURES = Path(__file__).parent / "fixtures"
AUDIO = FIXTURES / "audio"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def prefect_server():
    """A real (SQLite-backed) Prefect API for flow runs; started once, it takes ~13 s."""
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def input_dir(tmp_path) -> Path:
    d = tmp_path / "audio_in"
    d.mkdir()
    return d


def copy_in(folder: Path, *names: str, rename: dict[str, str] | None = None) -> list[Path]:
    rename = rename or {}
    return [Path(shutil.copy(AUDIO / n, folder / rename.get(n, n))) for n in names]


def run_cli(*argv) -> int:
    """`deidflow ARGS` in this process, through the real parser; returns the exit status."""
    from deidflow.cli import main
    return main([str(a) for a in argv])


def recognized(text: str, threshold: float = 0.5) -> dict[str, list[str]]:
    """What the analyzer finds in text, by entity type, as spans of the original (not normalized) text."""
    from redaction.deidentifier import analyzer
    from redaction.normalize import normalize
    view = normalize(text)
    out: dict[str, list[str]] = {}
    for r in analyzer().analyze(view.text, "en", score_threshold=threshold):
        start, end = view.to_original(r.start, r.end)
        out.setdefault(r.entity_type, []).append(text[start:end])
    return out
