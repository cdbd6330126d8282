"""The study manifest's plain data: one row per recording."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class ManifestRow:
    file: str
    interview_id: str | None = None
    participant_id: str | None = None
    number_of_speakers: int | None = None
    interviewer: str | None = None          # identified: a name; also kept in `identifying`
    attributes: dict[str, Any] = field(default_factory=dict)   # analytic: safe for outputs
    identifying: dict[str, Any] = field(default_factory=dict)  # for the vault only
    error: str | None = None                # set: the recording is reported failed, not processed
    line: int = 0                           # row number in the manifest (header is row 1)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Manifest:
    path: Path
    rows: list[ManifestRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # every row's error plus whole-file problems

    def for_file(self, path: str | Path) -> ManifestRow | None:
        """The row naming this recording: by relative path if it has one, else by file name."""
        p = Path(path)
        for row in self.rows:
            if Path(row.file).name == row.file:
                if row.file == p.name:
                    return row
            elif p.as_posix().endswith(Path(row.file).as_posix()):
                return row
        return None
