#!/usr/bin/env python3
"""Make synthetic two-voice dialogues for diarization tests and evaluation (espeak-ng, festival, ffmpeg).

    python scripts/make_diarization_fixtures.py                 # tests/fixtures/diarization (small, committed)
    python scripts/make_diarization_fixtures.py --unseen DIR [--set 2]   # longer dialogues + <id>.truth.json for eval
    python scripts/make_diarization_fixtures.py --calls DIR     # two-person calls cut from real voices
    python scripts/make_diarization_fixtures.py --real-fixture  # one of them, small, for the tests

Each fixture comes with <name>.json: the spoken turns and Whisper-like segments with evenly spread
word times, one segment deliberately running across a change of speaker.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
from pathlib import Path

import numpy as np

SR = 16000
OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "diarization"
QUESTIONS = ["What happened after you arrived at the border?", "Who helped you find a place to stay?",
             "How often do you meet with the families on your list?", "Could you describe a normal week?",
             "When did the paperwork finally come through?", "What would you change about the process?",
             "Where do the children go to school now?", "Why did the first placement fall apart?"]
ANSWERS = ["We waited in a crowded room for most of the night before anyone spoke to us.",
           "A volunteer from the church drove us to an apartment near the market.",
           "Usually twice a month, more when a court date is coming up.",
           "Mostly phone calls in the morning and home visits in the afternoon.",
           "It took almost seven months and two trips to the office downtown.",
           "I would give families one person to call instead of five different numbers.",
           "They walk to the elementary school at the end of our street.",
           "The house was too far from the clinic and nobody had a car."]


def espeak(voice: str, text: str, speed: int = 160) -> np.ndarray:
    with tempfile.NamedTemporaryFile(suffix=".wav") as f:
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", f.name, text], check=True)
        return load(Path(f.name))


def festival(voice: str, text: str) -> np.ndarray:
    with tempfile.NamedTemporaryFile(suffix=".wav") as f, tempfile.NamedTemporaryFile("w", suffix=".txt") as t:
        t.write(text)
        t.flush()
        subprocess.run(["text2wave", "-eval", f"({voice})", "-o", f.name, t.name], check=True)
        return load(Path(f.name))


def load(path: Path) -> np.ndarray:
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "f32le", "-ac", "1", "-ar", str(SR), "-"],
                         check=True, capture_output=True).stdout
    audio = np.frombuffer(raw, np.float32)
    voiced = np.flatnonzero(np.abs(audio) > 0.01)      # trim the synthesizer's own silence
    return audio[voiced[0]:voiced[-1] + 1] if len(voiced) else audio


def synth(voice: str, text: str) -> np.ndarray:
    return festival(voice, text) if voice.startswith("voice_") else espeak(voice, text)


def dialogue(voices: list[str], lines: list[tuple[int, str]], rng: random.Random):
    """Audio (mono), the turns, and per-turn sample spans."""
    parts, turns, t = [], [], 0.0
    for who, text in lines:
        gap = np.zeros(int(SR * rng.uniform(0.3, 0.8)), np.float32)
        speech = synth(voices[who], text) * rng.uniform(0.5, 0.9)
        parts += [gap, speech]
        t += len(gap) / SR
        turns.append({"speaker": f"S{who + 1}", "start": round(t, 3), "end": round(t + len(speech) / SR, 3),
                      "text": text, "identifiers": []})
        t += len(speech) / SR
    return np.concatenate(parts + [np.zeros(SR // 4, np.float32)]), turns


def whisper_like(turns: list[dict], merge_first: bool) -> list[dict]:
    """Segments with evenly spread word times; optionally the first two turns as one segment."""
    segs = []
    for turn in turns:
        words = turn["text"].split()
        step = (turn["end"] - turn["start"]) / len(words)
        segs.append({"start": turn["start"], "end": turn["end"], "text": turn["text"],
                     "words": [{"start": round(turn["start"] + i * step, 3),
                                "end": round(turn["start"] + (i + 0.9) * step, 3), "word": " " + w}
                               for i, w in enumerate(words)]})
    if merge_first and len(segs) > 1:
        a, b = segs[0], segs.pop(1)
        segs[0] = {"start": a["start"], "end": b["end"], "text": a["text"] + " " + b["text"],
                   "words": a["words"] + b["words"]}
    return segs


def encode(audio: np.ndarray, path: Path, channels: int = 1) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "f32le", "-ac", str(channels), "-ar", str(SR), "-i", "-",
                    "-c:a", "libvorbis", "-q:a", "2", str(path)],
                   input=np.ascontiguousarray(audio.T if channels == 2 else audio).tobytes(), check=True)


def fixtures() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    lines = [(0, QUESTIONS[0]), (1, ANSWERS[0]), (0, QUESTIONS[1]), (1, ANSWERS[1])]
    audio, turns = dialogue(["en-us+m3", "voice_kal_diphone"], lines, rng)
    encode(audio, OUT / "two_voices.ogg")
    (OUT / "two_voices.json").write_text(json.dumps({"turns": turns, "segments": whisper_like(turns, True)}, indent=1))
    # the same conversation with each voice on its own channel (a little bleed, as with two lapel mics)
    left = np.zeros_like(audio)
    right = np.zeros_like(audio)
    for t in turns:
        span = slice(int(t["start"] * SR), int(t["end"] * SR))
        main, other = (left, right) if t["speaker"] == "S1" else (right, left)
        main[span], other[span] = audio[span], 0.05 * audio[span]
    encode(np.stack([left, right]), OUT / "two_channels.ogg", channels=2)


UNSEEN_VOICES = [["en-gb-scotland+m2", "en-us+f2"], ["voice_kal_diphone", "en-029+m4"],
                 ["en-gb-x-rp+f1", "en-us-nyc+m1", "en-gb+f3"], ["en-us+m7", "en-gb-x-gbclan+f4"]]
# a second set: other voices, other sentences, for checking what was tuned on the first
UNSEEN_VOICES_2 = [["en-gb-x-gbcwmd+Annie", "en-us+Andy"], ["en-029+f5", "en-gb-x-rp+m6"],
                   ["en-us-nyc+Linda", "en-gb-scotland+f2", "en-us+Michael"], ["voice_kal_diphone", "en-gb+Steph"]]
QUESTIONS_2 = ["Can you tell me about the first month in the new apartment?",
               "How does your supervisor decide which cases you take on?",
               "What did the school say when you asked about an interpreter?",
               "Who do you call when a payment does not arrive?",
               "How did your daughter settle in with the foster family?",
               "What made you decide to apply for the housing program?",
               "When was the last time someone from the agency visited?",
               "How do you keep track of all the appointments?"]
ANSWERS_2 = ["Honestly it was cold and we had no furniture, so we slept on blankets.",
             "She looks at the caseload every Monday and we argue about it a little.",
             "They said they would find someone, but it took the whole semester.",
             "I call the office, and if nobody answers I go there in person.",
             "Slowly. The first weeks she cried every evening, now she laughs a lot.",
             "My cousin had done it and she said the waiting list was shorter here.",
             "Maybe three weeks ago, a young man who took notes the whole time.",
             "I write everything on the calendar by the door, in two languages."]
UNSEEN_SETS = {1: (UNSEEN_VOICES, QUESTIONS, ANSWERS), 2: (UNSEEN_VOICES_2, QUESTIONS_2, ANSWERS_2)}


def unseen(folder: Path, which: int = 1) -> None:
    voice_sets, questions, answers = UNSEEN_SETS[which]
    folder.mkdir(parents=True, exist_ok=True)
    for n, voices in enumerate(voice_sets):
        rng = random.Random(100 * which + n)
        lines = []
        for q, a in zip(rng.sample(questions, 6), rng.sample(answers, 6)):
            lines += [(0, q), (rng.randrange(1, len(voices)), a)]
        audio, turns = dialogue(voices, lines, rng)
        stem = f"unseen_{n + 1:02d}" if which == 1 else f"unseen{which}_{n + 1:02d}"
        encode(audio, folder / f"{stem}.ogg")
        speakers = {f"S{i + 1}": {"role": "interviewer" if i == 0 else "participant", "voice": v}
                    for i, v in enumerate(voices)}
        (folder / f"{stem}.truth.json").write_text(json.dumps({"id": stem, "speakers": speakers, "turns": turns}))


REAL = Path("/work/shared/real")
PHONE = "highpass=f=300,lowpass=f=3400,aresample=8000,aresample=16000"    # a narrow-band phone line


def rttm_turns(path: Path) -> list[dict]:
    rows = [line.split() for line in path.read_text().splitlines() if line.startswith("SPEAKER")]
    return [{"speaker": r[7], "start": float(r[3]), "end": float(r[3]) + float(r[4])} for r in rows]


def solo_spans(turns: list[dict], duration: float) -> dict[str, list[tuple[float, float]]]:
    """Per speaker, the stretches where nobody else talks (10 ms grid)."""
    grid = np.arange(0, duration, 0.01)
    active = {t["speaker"]: np.zeros(len(grid), bool) for t in turns}
    for t in turns:
        active[t["speaker"]] |= (grid >= t["start"]) & (grid < t["end"])
    count = sum(active.values())
    out = {}
    for who, on in active.items():
        alone = np.diff(np.concatenate([[0], (on & (count == 1)).astype(int), [0]]))
        out[who] = [(grid[s], grid[e - 1]) for s, e in zip(np.flatnonzero(alone == 1), np.flatnonzero(alone == -1))]
    return out


def phrases(audio: np.ndarray, min_gap: float = 0.15) -> list[np.ndarray]:
    """Cut a recording at its pauses (20 ms frames far below the loud ones)."""
    frames = audio[:len(audio) // 320 * 320].reshape(-1, 320)
    level = 10 * np.log10((frames ** 2).mean(1) + 1e-10)
    loud = level > np.percentile(level, 90) - 15
    out, start, quiet = [], None, 0
    for i, on in enumerate(loud):
        if on:
            start, quiet = (i if start is None else start), 0
        elif start is not None:
            quiet += 1
            if quiet * 0.02 >= min_gap:
                out.append(audio[start * 320:(i - quiet + 1) * 320])
                start, quiet = None, 0
    if start is not None:
        out.append(audio[start * 320:])
    return [p for p in out if len(p) > SR // 2]


def real_call(folder: Path, stem: str, voices: list[list[np.ndarray]], rng: random.Random,
              line: str = "") -> tuple[np.ndarray, list[dict]]:
    """Alternate the two voices' phrases like a call, optionally through a phone-line filter."""
    parts, turns, t = [], [], 0.0
    for n in range(max(map(len, voices)) * 2):
        who, queue = n % 2, voices[n % 2]
        if not queue:
            continue
        gap = np.zeros(int(SR * rng.uniform(0.3, 0.7)), np.float32)
        speech = queue.pop(0)
        t += len(gap) / SR
        turns.append({"speaker": f"S{who + 1}", "start": round(t, 3), "end": round(t + len(speech) / SR, 3),
                      "text": "", "identifiers": []})
        parts += [gap, speech]
        t += len(speech) / SR
    audio = np.concatenate(parts + [np.zeros(SR // 4, np.float32)])
    if line:
        audio = subprocess.run(["ffmpeg", "-v", "error", "-f", "f32le", "-ar", str(SR), "-ac", "1", "-i", "-",
                                "-af", line, "-f", "f32le", "-ac", "1", "-ar", str(SR), "-"],
                               input=audio.tobytes(), check=True, capture_output=True).stdout
        audio = np.frombuffer(audio, np.float32)
    encode(audio, folder / f"{stem}.ogg")
    speakers = {"S1": {"role": "interviewer"}, "S2": {"role": "participant"}}
    (folder / f"{stem}.truth.json").write_text(json.dumps({"id": stem, "speakers": speakers, "turns": turns}))
    return audio, turns


def ami_pairs() -> list[list[list[np.ndarray]]]:
    """For each pair of the meeting's three main speakers, their phrases where nobody else talks."""
    meeting = load(REAL / "meeting.wav")
    solo = solo_spans(rttm_turns(REAL / "meeting.rttm"), len(meeting) / SR)
    talk = {who: sum(e - s for s, e in spans) for who, spans in solo.items()}
    main = sorted(talk, key=lambda who: -talk[who])[:3]
    return [[[p for s, e in solo[who] for p in phrases(meeting[int(s * SR):int(e * SR)])] for who in pair]
            for pair in [(main[0], main[1]), (main[0], main[2]), (main[1], main[2])]]


def real_fixture() -> None:
    """tests/fixtures/diarization/real_call.*: AMI speakers 1 and 3 as a call (AMI corpus, CC BY 4.0),
    with the product's own Whisper segments so the test needs no transcription."""
    import sys

    sys.path.insert(0, str(OUT.parents[2]))
    from transcription import transcribe

    with tempfile.TemporaryDirectory() as tmp:
        audio, turns = real_call(Path(tmp), "real_call", ami_pairs()[1], random.Random(1))
        (OUT / "real_call.ogg").write_bytes((Path(tmp) / "real_call.ogg").read_bytes())
    segments, _ = transcribe(audio)
    (OUT / "real_call.json").write_text(json.dumps({
        "source": "AMI meeting corpus excerpt (CC BY 4.0), two speakers' solo stretches", "turns": turns,
        "segments": [{"start": s.start, "end": s.end, "text": s.text,
                      "words": [{"start": w.start, "end": w.end, "word": w.word} for w in s.words]}
                     for s in segments]}, indent=1))


def calls(folder: Path) -> None:
    """Real voices only: pairs of AMI meeting speakers (their turns without the others or overlap)
    and JFK answered by the ALSA test voice over a phone line."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, voices in enumerate(ami_pairs()):
        real_call(folder, f"ami_call_{n + 1}", voices, random.Random(n), PHONE if n == 2 else "")
    alsa = sorted(Path("/usr/share/sounds/alsa").glob("[FRS]*_*.wav"))
    real_call(folder, "jfk_alsa_call", [phrases(load(REAL / "jfk.flac")), [load(p) for p in alsa]],
              random.Random(9), PHONE)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--unseen", type=Path, help="write longer evaluation dialogues here instead")
    ap.add_argument("--set", type=int, default=1, choices=sorted(UNSEEN_SETS), help="which voices and sentences")
    ap.add_argument("--calls", type=Path, help="write two-person calls of real voices here instead")
    ap.add_argument("--real-fixture", action="store_true", help="write the real-voice test fixture")
    args = ap.parse_args()
    if args.calls:
        calls(args.calls)
    elif args.real_fixture:
        real_fixture()
    else:
        unseen(args.unseen, args.set) if args.unseen else fixtures()
