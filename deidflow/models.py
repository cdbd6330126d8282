"""Plain data that flows between the stages.

Modelled on faster-whisper's Segment and Word: stages take these and return
these. Nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    word: str
    probability: float = 1.0


@dataclass
class Segment:
    start: float
    end: float
    text: str
    speaker: str | None = None
    words: list[Word] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"start": round(self.start, 3), "end": round(self.end, 3),
                "speaker": self.speaker, "text": self.text}


@dataclass
class Speaker:
    id: str
    label: str
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "label": self.label}
        if self.role is not None:
            out["role"] = self.role
        return out


@dataclass(frozen=True)
class Source:
    file: str
    sha256: str
    duration_s: float


@dataclass(frozen=True)
class Redaction:
    """One replaced span. Never holds the original text, so it may be logged."""
    segment: int
    start: int          # character offsets in the raw segment text
    end: int
    entity_type: str
    recognizer: str
    score: float
    label: str          # the replacement written to the output
    pattern: str | None = None
    decision: str = "auto"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReviewItem:
    """A low-confidence span left for a person to decide (no original text)."""
    segment: int
    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Interview:
    interview_id: str
    source: Source
    segments: list[Segment]
    speakers: list[Speaker] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    engine: dict[str, Any] = field(default_factory=dict)
    review: list[ReviewItem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "interview_id": self.interview_id,
            "source": asdict(self.source),
            "metadata": self.metadata,
            "speakers": [s.to_json() for s in self.speakers],
            "segments": [s.to_json() for s in self.segments],
            "engine": self.engine,
            "review": [r.to_json() for r in self.review],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Interview":
        return cls(
            interview_id=data["interview_id"],
            source=Source(**data["source"]),
            segments=[Segment(s["start"], s["end"], s["text"], s.get("speaker"))
                      for s in data["segments"]],
            speakers=[Speaker(s["id"], s["label"], s.get("role")) for s in data.get("speakers", [])],
            metadata=data.get("metadata", {}),
            engine=data.get("engine", {}),
            review=[ReviewItem(**r) for r in data.get("review", [])],
        )
