"""Role assignment from text alone: manifest hints first, the question heuristic otherwise."""
from deidflow.models import Segment, Speaker
from diarization.roles import assign_roles, review_items

SEGMENTS = [
    Segment(0, 2, "Hi, thanks for joining. I'm Dana and I run the study.", "S2"),
    Segment(2, 5, "Happy to help, it has been a long year.", "S1"),
    Segment(5, 7, "How did you first hear about the program?", "S2"),
    Segment(7, 12, "A neighbour told my mother about it when we moved here and she signed us up.", "S1"),
    Segment(12, 14, "And what was the hardest part?", "S3"),
    Segment(14, 20, "Waiting. We waited for months and nobody could tell us anything at all.", "S1"),
    Segment(20, 21, "Tell me more about that.", "S2"),
]
SPEAKERS = [Speaker("S1", "S1"), Speaker("S2", "S2"), Speaker("S3", "S3")]


def test_heuristic_picks_the_questioner_and_flags_it():
    out = assign_roles(SEGMENTS, SPEAKERS)
    assert [(s.id, s.label, s.role, s.needs_review) for s in out] == [
        ("S1", "Participant 1", "participant", True), ("S2", "Interviewer", "interviewer", True),
        ("S3", "Participant 2", "participant", True)]
    items = review_items(SEGMENTS, out)
    assert [(i.segment, i.entity_type) for i in items] == [
        (1, "SPEAKER_ROLE:participant"), (0, "SPEAKER_ROLE:interviewer"), (4, "SPEAKER_ROLE:participant")]


def test_manifest_name_found_by_self_introduction():
    out = assign_roles(SEGMENTS, SPEAKERS, interviewer="Dana Whitfield", participant_ids=["P07", "P08"])
    assert [(s.label, s.role, s.needs_review) for s in out] == [
        ("P07", "participant", False), ("Interviewer", "interviewer", False), ("P08", "participant", False)]
    assert review_items(SEGMENTS, out) == []


def test_unknown_name_falls_back_to_the_heuristic():
    out = assign_roles(SEGMENTS, SPEAKERS, interviewer="Robin")
    assert [s.role for s in out if s.needs_review] == ["participant", "interviewer", "participant"]


def test_manifest_label_or_first_speaker():
    assert assign_roles(SEGMENTS, SPEAKERS, interviewer="S3")[2].role == "interviewer"
    assert assign_roles(SEGMENTS, SPEAKERS, interviewer="first")[1].role == "interviewer"
