#!/usr/bin/env python3
"""Synthesize the test recordings (run once; the outputs are committed).

Needs espeak-ng, festival and ffmpeg (Debian packages); the product and its
tests do not. Writes tests/fixtures/audio/ and audio_in/sample_interview.mp3.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "audio"

# Invented people and places; nothing here belongs to a real participant.
SCRIPT = [
    ("S1", "espeak:en-us+m3", "Thank you for joining me today. Can you tell me about your work?"),
    ("S2", "festival", "My name is Rosa Delgado and I work at Sunrise Family Shelter in Tucson."),
    ("S1", "espeak:en-us+m3", "How long have you been doing this work?"),
    ("S2", "festival", "About three years. You can call me at five five five, two one two, four four three nine."),
]
GAP_S = 0.6                     # pause after each turn
IDENTIFIERS = ["Rosa", "Delgado", "Sunrise Family Shelter", "Tucson", "5552124439"]


def run(*cmd: str, **kw) -> None:
    subprocess.run(cmd, check=True, capture_output=True, **kw)


def speak(voice: str, text: str, wav: Path) -> None:
    """voice: "festival", "festival:(voice_kal_diphone)" or "espeak:<variant>"."""
    text = re.sub(r"^\W+", "", text) or text      # festival crashes on a turn that opens with "..."
    engine, _, name = voice.partition(":")
    if engine == "festival":
        run("text2wave", *(["-eval", name] if name else []), "-o", str(wav), input=text.encode())
    else:
        run("espeak-ng", "-v", name, "-s", "160", "-w", str(wav), text)


def synthesize(tmp: Path, script: list[tuple[str, str, str]] = SCRIPT) -> tuple[Path, list[dict]]:
    """One 16 kHz mono WAV of a (speaker, voice, text) script with pauses between turns, and its turn times."""
    parts, turns, t = [], [], 0.0
    for i, (speaker, voice, text) in enumerate(script):
        raw, norm = tmp / f"t{i}.wav", tmp / f"n{i}.wav"
        speak(voice, text, raw)
        run("ffmpeg", "-y", "-i", str(raw), "-ar", "16000", "-ac", "1", "-af", f"apad=pad_dur={GAP_S}", str(norm))
        dur = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                                    "csv=p=0", str(norm)], capture_output=True, text=True).stdout)
        turns.append({"speaker": speaker, "start": round(t, 3), "end": round(t + dur - GAP_S, 3), "text": text})
        parts.append(norm)
        t += dur
    lst = tmp / "list.txt"
    lst.write_text("".join(f"file '{p}'\n" for p in parts))
    full = tmp / "interview.wav"
    run("ffmpeg", "-y", "-f", "concat", "-safe", "0", "-i", str(lst), "-c", "copy", str(full))
    return full, turns


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        wav, turns = synthesize(tmp)
        ff = lambda *a: run("ffmpeg", "-y", "-i", str(wav), *a)
        ff("-c:a", "libmp3lame", "-b:a", "48k", str(OUT / "interview.mp3"))
        ff("-c:a", "aac", "-b:a", "48k", str(OUT / "interview.m4a"))
        ff("-c:a", "libopus", "-b:a", "24k", str(OUT / "interview.ogg"))
        ff("-c:a", "flac", str(OUT / "interview.flac"))
        ff("-ar", "44100", "-ac", "2", str(OUT / "interview_stereo44k.flac"))
        seconds = str(turns[-1]["end"] + GAP_S)
        run("ffmpeg", "-y", "-f", "lavfi", "-t", seconds, "-i", "color=c=gray:s=64x48:r=5", "-i", str(wav),
            "-c:v", "libx264", "-c:a", "aac", "-b:a", "48k", str(OUT / "interview.mp4"))
        # Bad inputs, for the nothing-is-lost tests.
        run("ffmpeg", "-y", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "4", str(OUT / "silence.wav"))
        mp3 = (OUT / "interview.mp3").read_bytes()
        (OUT / "truncated.mp3").write_bytes(mp3[: len(mp3) // 3])
        (OUT / "not_audio.mp3").write_text("This is a text file renamed to look like audio.\n")
        (OUT / "empty.wav").write_bytes(b"")
        run("ffmpeg", "-y", "-i", str(wav), "-c:a", "wmav2", str(OUT / "interview.wma"))
    (OUT / "interview.truth.json").write_text(json.dumps(
        {"turns": turns, "identifiers": IDENTIFIERS}, indent=2) + "\n")
    sample = ROOT / "audio_in" / "sample_interview.mp3"
    sample.parent.mkdir(exist_ok=True)
    shutil.copy(OUT / "interview.mp3", sample)


if __name__ == "__main__":
    main()
