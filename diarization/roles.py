"""Who is the interviewer: from the manifest when it says, else the one who asks the questions.

A role found by the heuristic is flagged (`needs_review`) so the pipeline can list it for a person
to confirm: `review_items(segments, speakers)` gives the ReviewItems to append.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from deidflow.models import ReviewItem, Segment, Speaker

INTERVIEWER, PARTICIPANT = "interviewer", "participant"
QUESTION_OPENERS = {"what", "how", "why", "when", "where", "who", "which", "whose", "can", "could", "would",
                    "will", "do", "did", "does", "is", "are", "was", "were", "have", "has", "tell", "describe",
                    "talk", "walk", "share", "explain", "say", "so", "and"}
SELF_INTRO = re.compile(r"\b(?:my name is|my name's|i am|i'm|this is)\s+(\w+)", re.I)
SPEAKER_LABEL = re.compile(r"^S\d+$")


@dataclass
class AssignedSpeaker(Speaker):
    """A Speaker whose role came from a guess (`needs_review`) or from the manifest."""
    needs_review: bool = False


def turns(segments: list[Segment]) -> list[tuple[str, str]]:
    """(speaker, text) per turn: consecutive segments of one speaker joined."""
    out: list[tuple[str, str]] = []
    for seg in segments:
        if seg.speaker is None:
            continue
        if out and out[-1][0] == seg.speaker:
            out[-1] = (seg.speaker, out[-1][1] + " " + seg.text)
        else:
            out.append((seg.speaker, seg.text))
    return out


def is_question(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return "?" in text or bool(words) and words[0] in QUESTION_OPENERS and len(words) <= 30


def question_scores(segments: list[Segment], ids: list[str]) -> dict[str, float]:
    """Mostly: the share of all questions a speaker asks; then how many of their turns are
    questions, how short their turns are, and whether they open the conversation."""
    by = {s: [t for sp, t in turns(segments) if sp == s] for s in ids}
    asked = {s: sum(map(is_question, ts)) for s, ts in by.items()}
    all_asked = max(1, sum(asked.values()))
    length = {s: sum(len(t.split()) for t in ts) / max(1, len(ts)) for s, ts in by.items()}
    longest = max(length.values(), default=1) or 1
    first = next((sp for sp, _ in turns(segments)), None)
    return {s: 0.6 * asked[s] / all_asked + 0.3 * asked[s] / max(1, len(ts))
            + 0.1 * (1 - length[s] / longest) + 0.1 * (s == first) for s, ts in by.items()}


def named_interviewer(segments: list[Segment], ids: list[str], interviewer: str) -> str | None:
    """The speaker the manifest names: a label ("S2"), "first", or a name the speaker introduces."""
    if interviewer in ids:
        return interviewer
    if interviewer.lower() == "first":
        return next((sp for sp, _ in turns(segments)), None)
    given = interviewer.split()[0].lower() if interviewer.split() else ""
    intros = {sp for sp, text in turns(segments)
              for m in SELF_INTRO.finditer(text) if m.group(1).lower() == given}
    return intros.pop() if len(intros) == 1 else None


def assign_roles(segments: list[Segment], speakers: list[Speaker], interviewer: str | None = None,
                 participant_ids: list[str] | None = None) -> list[AssignedSpeaker]:
    ids = [s.id for s in speakers]
    chosen = named_interviewer(segments, ids, interviewer) if interviewer and len(ids) > 1 else None
    guessed = chosen is None and len(ids) > 1
    if guessed:
        scores = question_scores(segments, ids)
        chosen = max(ids, key=lambda s: scores[s])
    participants = [s for s in ids if s != chosen]
    names = list(participant_ids or [])
    out = []
    for s in ids:
        if s == chosen:
            out.append(AssignedSpeaker(s, "Interviewer", INTERVIEWER, needs_review=guessed))
            continue
        n = participants.index(s)
        label = names[n] if n < len(names) else ("Participant" if len(participants) == 1 else f"Participant {n + 1}")
        out.append(AssignedSpeaker(s, label, PARTICIPANT, needs_review=guessed))
    return out


def review_items(segments: list[Segment], speakers: list[Speaker]) -> list[ReviewItem]:
    """One item per guessed role, pointing at the speaker's first segment (no text carried)."""
    items = []
    for sp in speakers:
        if getattr(sp, "needs_review", False):
            first = next((i for i, s in enumerate(segments) if s.speaker == sp.id), 0)
            items.append(ReviewItem(first, 0, len(segments[first].text) if segments else 0,
                                    f"SPEAKER_ROLE:{sp.role}", 0.5, "diarization.roles"))
    return items
