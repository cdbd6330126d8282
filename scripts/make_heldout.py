#!/usr/bin/env python3
"""Build a held-out de-identification test set from its hand-written scripts.

    python3 scripts/make_heldout.py eval/heldout [--seed 20240611] [--audio DIR]

Reads <set>/scripts/<id>.txt and writes <set>/<id>.truth.json in the format of the
synthetic corpus's *.truth.json files: {id, audio, duration, speakers, sha256, turns};
every turn has {speaker, start, end, text, identifiers}, and every identifier {type,
text, start, end} with character offsets into that turn's text.

A script is a description line ("# ..."), a line "participants: S2 S3", then one turn
per line, "S1: text". S1 is always the interviewer. Markup {TYPE|text} marks an
identifier; everything else is kept on purpose (states, countries, years, ages under 90,
durations, relative times, job titles, generic places).

The scripts were written by hand by someone who had not seen the project's recognizers,
so that scoring on them measures how well redaction generalizes: never tune patterns,
lists or thresholds against them. Every person, organization, address, number and
account in them is invented (phone numbers use 555).

Without --audio the seed only drives plausible turn timings and voice labels. With
--audio DIR each script is also spoken (espeak-ng and festival, Debian packages) into
DIR/<id>.ogg, and DIR/<id>.truth.json gets the recording's real turn times. Standard
library only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import tempfile
from pathlib import Path

from make_fixtures import GAP_S, run, synthesize   # scripts/ is on the path when run as a script

TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "PHONE", "EMAIL", "SSN", "A_NUMBER",
         "CASE_NUMBER", "MEDICAID_ID", "ACCOUNT_NUMBER", "URL", "IP_ADDRESS", "AGE"}
MARK = re.compile(r"\{([A-Z_]+)\|([^{}|]+)\}")
VOICES = ["en-us+f3", "en-us+f4", "en-gb+m3", "en-us+m3", "en-gb+f2",
          "(voice_kal_diphone)", "(voice_ked_diphone)", "(voice_cmu_us_slt_arctic_hts)"]
# Stand-ins for festival voices this machine lacks, so every speaker still sounds different.
SPARE_VOICES = ["en-us+m7", "en-gb+f4", "en+m2"]


def parse(marked: str) -> tuple[str, list[dict]]:
    """Strip {TYPE|text} markup; return the plain text and its identifiers with offsets."""
    text, ids, pos = [], [], 0
    n = 0
    for m in MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        n += m.start() - pos
        typ, span = m.group(1), m.group(2)
        assert typ in TYPES, typ
        ids.append({"type": typ, "text": span, "start": n, "end": n + len(span)})
        text.append(span)
        n += len(span)
        pos = m.end()
    text.append(marked[pos:])
    plain = "".join(text)
    assert "{" not in plain and "}" not in plain and "|" not in plain, marked
    for i in ids:
        assert plain[i["start"]:i["end"]] == i["text"], (i, plain)
    return plain, ids


def read_script(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """(participants, [(speaker, marked text)]) from a script file."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not lines[0].startswith("#") or not lines[1].startswith("participants:"):
        raise SystemExit(f"{path}: expected a '# description' line, then 'participants: S2 ...'")
    turns = []
    for n, line in enumerate(lines[2:], start=3):
        speaker, sep, text = line.partition(":")
        if not sep or not re.fullmatch(r"S\d+", speaker.strip()):
            raise SystemExit(f"{path}:{n}: expected 'S<n>: text'")
        turns.append((speaker.strip(), text.strip()))
    return lines[1].split(":", 1)[1].strip(), turns


def build(name: str, participants: str, script: list, rng: random.Random) -> dict:
    labels = ["S1"] + participants.split()
    voices = rng.sample(VOICES, len(labels))
    speakers = {s: {"role": "interviewer" if s == "S1" else "participant", "voice": v}
                for s, v in zip(labels, voices)}
    turns, t = [], 0.0
    for speaker, marked in script:
        assert speaker in speakers, (name, speaker)
        text, ids = parse(marked)
        dur = max(1.0, len(text.split()) * rng.uniform(0.36, 0.44))
        turns.append({"speaker": speaker, "start": round(t, 3), "end": round(t + dur, 3),
                      "text": text, "identifiers": ids})
        t += dur + rng.uniform(0.35, 0.75)
    return {"id": name, "audio": None, "duration": turns[-1]["end"],
            "speakers": speakers, "sha256": "", "turns": turns}


def _installed(voice: str) -> bool:
    if not voice.startswith("("):
        return True
    name = voice.strip("()").removeprefix("voice_")
    return any(Path("/usr/share/festival/voices").glob(f"*/{name}"))


def speak(doc: dict, out: Path) -> dict:
    """Record doc's script into out/<id>.ogg; return doc with the recording's turn times."""
    spare = iter(SPARE_VOICES)
    voice = {s: (v["voice"] if _installed(v["voice"]) else next(spare)) for s, v in doc["speakers"].items()}
    engine = {s: f"festival:{v}" if v.startswith("(") else f"espeak:{v}" for s, v in voice.items()}
    audio = out / f"{doc['id']}.ogg"
    with tempfile.TemporaryDirectory() as d:
        wav, times = synthesize(Path(d), [(t["speaker"], engine[t["speaker"]], t["text"]) for t in doc["turns"]])
        run("ffmpeg", "-y", "-i", str(wav), "-c:a", "libopus", "-b:a", "32k", str(audio))
    for turn, timed in zip(doc["turns"], times):
        turn["start"], turn["end"] = timed["start"], timed["end"]
    for s, v in voice.items():
        doc["speakers"][s]["voice"] = v
    doc.update(audio=audio.name, duration=round(times[-1]["end"] + GAP_S, 3),
               sha256=hashlib.sha256(audio.read_bytes()).hexdigest())
    return doc


def write(doc: dict, folder: Path) -> Path:
    path = folder / f"{doc['id']}.truth.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", type=Path, help="held-out folder holding scripts/*.txt")
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--audio", type=Path, help="also speak each script into this folder")
    a = ap.parse_args()
    scripts = sorted((a.set / "scripts").glob("*.txt"))
    if not scripts:
        ap.error(f"no scripts in {a.set / 'scripts'}")
    if a.audio:
        missing = [t for t in ("espeak-ng", "text2wave", "ffmpeg") if not shutil.which(t)]
        if missing:
            ap.error(f"--audio needs {', '.join(missing)} (Debian packages espeak-ng, festival, ffmpeg)")
        a.audio.mkdir(parents=True, exist_ok=True)
    for k, script in enumerate(scripts, start=1):
        participants, turns = read_script(script)
        doc = build(script.stem, participants, turns, random.Random(a.seed * 100 + k))
        path = write(doc, a.set)
        n_ids = sum(len(t["identifiers"]) for t in doc["turns"])
        print(f"{path}: {len(doc['turns'])} turns, {n_ids} identifiers")
        if a.audio:
            doc = speak(doc, a.audio)
            print(f"  {write(doc, a.audio)}: {doc['audio']}, {doc['duration']:.1f} s")


if __name__ == "__main__":
    main()
