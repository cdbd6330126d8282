"""Has a recording already been processed? Decided from the output folder alone,
so a watcher restarted after a crash or a night off redoes exactly the rest."""
from __future__ import annotations

import json
from pathlib import Path

from deidflow.pipeline import COMPLETE as MARKER   # written after an interview's last export
from ingest.audio import sha256


class Outputs:
    """The recordings that have a complete de-identified transcript in `root`."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _hashes(self) -> set[str]:
        hashes = set()
        for marker in self.root.glob(f"*/{MARKER}"):
            try:
                hashes.add(json.loads(marker.read_text())["sha256"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # half-written or foreign file: not a completed output
        return hashes

    def done(self, path: Path) -> bool:
        # Matched by content, not by name: the interview id may come from a
        # manifest, and a re-recorded file under an old name must be redone.
        if not self.root.is_dir():
            return False
        hashes = self._hashes()
        return bool(hashes) and sha256(path) in hashes
