"""The whole pipeline as a real Prefect flow run: real Whisper, real Presidio, real diarization."""
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import AUDIO, copy_in
from flows import process_interviews
from vaultstore import open_vault

TRUTH = json.loads((AUDIO / "interview.truth.json").read_text())
CONTRACT = {"interview_id", "source", "metadata", "speakers", "segments", "engine"}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def batch(prefect_server, tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    inbox = root / "audio_in"
    inbox.mkdir()
    copy_in(inbox, "interview.mp3", "interview.ogg", "empty.wav", "not_audio.mp3", "silence.wav",
            "truncated.mp3")
    shutil.copy(AUDIO / "interview.mp3", inbox / "same recording again.mp3")
    (inbox / "notes.exe").write_bytes(b"MZ")
    before = {p.name: sha(p) for p in inbox.iterdir()}
    out, vault = root / "out", root / "vault"
    summary = process_interviews(str(inbox), str(out), str(vault))
    return {"inbox": inbox, "before": before, "out": out, "vault": vault, "summary": summary}


def test_good_recordings_meet_the_output_contract(batch):
    vault = open_vault(batch["vault"])
    done = {o["interview_id"] for o in batch["summary"]["outcomes"] if o["status"] == "done"}
    assert done == {"interview"}
    for interview_id in done:
        clean = json.loads((batch["out"] / interview_id / "transcript.json").read_text())
        assert CONTRACT <= set(clean)
        assert set(clean["source"]) == {"file", "sha256", "duration_s"}
        assert clean["engine"]["name"] == "faster-whisper" and clean["engine"]["model"] == "tiny.en"
        assert all(isinstance(s["start"], float) and s["end"] >= s["start"] for s in clean["segments"])
        assert {s["speaker"] for s in clean["segments"]} <= {s["id"] for s in clean["speakers"]}
        raw = vault.read_json(f"{interview_id}/transcript.raw.json")
        assert CONTRACT <= set(raw)
        assert len(raw["segments"]) == len(clean["segments"])
        raw_text = " ".join(s["text"] for s in raw["segments"])
        clean_text = " ".join(s["text"] for s in clean["segments"])
        assert "Sunrise Family Shelter" in raw_text and "Tucson" in raw_text
        for ident in ("Sunrise", "Tucson", "Rosa"):
            assert ident not in clean_text
        assert "joining me today" in clean_text       # ordinary words survive


def test_each_bad_file_gets_one_line_naming_it_and_the_rest_go_on(batch):
    report = (batch["out"] / "failures.txt").read_text().splitlines()
    reasons = dict(line.split(": ", 1) for line in report)
    assert set(reasons) == {"empty.wav", "not_audio.mp3", "silence.wav", "truncated.mp3",
                            "same recording again.mp3", "notes.exe", "interview.ogg"}
    assert reasons["interview.ogg"] == "same interview id 'interview' as interview.mp3; rename one"
    assert reasons["empty.wav"] == "empty file (0 bytes)"
    assert "no audio stream" in reasons["not_audio.mp3"]
    assert "no speech" in reasons["silence.wav"]
    assert "truncated" in reasons["truncated.mp3"]
    assert "same recording as interview.mp3" in reasons["same recording again.mp3"]
    assert batch["summary"]["failed"] == 7


def test_originals_are_never_touched(batch):
    assert {p.name: sha(p) for p in batch["inbox"].iterdir()} == batch["before"]


def test_a_rerun_skips_what_is_already_done(batch):
    summary = process_interviews(str(batch["inbox"]), str(batch["out"]), str(batch["vault"]))
    statuses = {o["file"]: o["status"] for o in summary["outcomes"]}
    assert statuses["interview.mp3"] == "skipped"


def test_vault_holds_identified_text_only_encrypted(batch):
    for path in batch["vault"].rglob("*"):
        if path.is_file():
            assert b"Tucson" not in path.read_bytes()
            assert oct(path.stat().st_mode & 0o777) == "0o600"
        else:
            assert oct(path.stat().st_mode & 0o777) == "0o700"
