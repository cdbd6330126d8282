"""Leak guard: after a real flow run, no identifier is anywhere but (encrypted) in the vault.

The flow runs in its own process with its own PREFECT_HOME, so its SQLite
database, logs and everything printed can be searched. The identifiers come
from the run itself, decrypted with the key: the names an imported transcript
gave its speakers, identifying manifest fields, every crosswalk original, and
the raw text under every logged redaction.

By default the input is the committed fixture folder (a few seconds of work,
part of `make test`); DEIDFLOW_LEAK_GUARD_INPUT=<folder> runs the same checks
on any folder of recordings or transcripts (`make leakguard`: the corpus).
"""
from __future__ import annotations

import html
import io
import json
import os
import re
import stat
import subprocess
import sys
import unicodedata
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import coolname
import prefect
import pytest

from audit import AuditLog
from audit.leaks import CROSSWALK, crosswalk_originals
from vaultstore import open_vault

REPO = Path(__file__).resolve().parents[1]
INPUT = Path(os.environ.get("DEIDFLOW_LEAK_GUARD_INPUT") or REPO / "tests" / "fixtures" / "audit").resolve()
KEY = "leak guard passphrase"
MARK = "LEAK-GUARD-SUMMARY "
_TAG = re.compile(r"<[^>]*>")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")

RUN = f"""
import json, sys
from flows import process_interviews
result = process_interviews(input_dir=sys.argv[1], output_dir=sys.argv[2], vault_dir=sys.argv[3])
print({MARK!r} + json.dumps({{"failed": result["failed"], "outcomes": result["outcomes"]}}))
"""


@dataclass(frozen=True)
class Identifier:
    text: str           # identified: stays in memory, never in an assertion message
    entity: str         # safe to report


def _key(text: str) -> str:
    """Lower-case words separated by single spaces, padded, so `in` is a whole-word (phrase) match."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " " + " ".join(w for w in re.split(r"[\W_]+", text) if w) + " "


def _normal(data: bytes) -> str:
    """A file's words as written, then again with markup removed and escapes decoded, so a name
    split across Word runs or written as JSON \\u escapes is found too."""
    text = data.decode("utf-8", errors="ignore")
    plain = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), html.unescape(_TAG.sub("", text)))
    return _key(text) + _key(plain)


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _texts(name: str, data: bytes):
    """(place, bytes) of a file; ZIP containers (.docx, .xlsx, .qdpx) member by member, since
    deflated bytes would hide a name and their noise would match short ones by chance."""
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if not member.is_dir():
                    yield from _texts(f"{name}!{member.filename}", archive.read(member))
        return
    yield name, data


def _own_words() -> frozenset[str]:
    """Every word the Prefect home and the terminal hold with no leak at all: Prefect's own text
    (messages, setting names, docstrings: common English) and coolname's lists, from which
    Prefect draws random run names ("gentle-fox"): a surname like Fox would otherwise fail at random."""
    words: set[str] = set()
    for package in (prefect, coolname):
        for path in Path(package.__file__).parent.rglob("*"):
            if path.suffix in {".py", ".txt", ".json", ".yaml", ".toml", ".sql"} and path.is_file():
                words.update(_normal(path.read_bytes()).split())
    return frozenset(words)


def _searchable(key: str, own: frozenset[str]) -> bool:
    """Whether finding `key` (whole words) is evidence of a leak rather than chance.

    - A phrase of several words with letters ("Maple Street", "O'Brien") is searched whatever
      its words: its words in that order do not occur by chance.
    - A single word is searched when it has 3+ characters and is not one of the places' own
      words (see _own_words): "Hope" or "May" as a name cannot be told from the word, and a
      guard that cries wolf on them gets switched off. Such a name is still searched wherever
      it sits in a longer redacted span ("May Okafor").
    - Digits alone ("42", "12:30", "2019") are searched only with 6+ digits (phone, case and
      account numbers): shorter runs are everywhere in timestamps, ports and sizes; the words
      that made them identifying ("Apt 4B", "flat 12") come in the spans that are searched.
    """
    words = key.split()
    if not any(c.isalpha() for c in key):
        return sum(len(w) for w in words) >= 6
    if len(words) > 1:
        return sum(len(w) for w in words) >= 3
    return len(words[0]) >= 3 and words[0] not in own


@pytest.fixture(scope="module")
def flow_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("leak_guard")
    out, vault_dir, home = tmp / "out", tmp / "vault", tmp / "prefect_home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DEIDFLOW_"))}
    env.update(PREFECT_HOME=str(home), DEIDFLOW_VAULT_KEY=KEY, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180", PREFECT_LOGGING_LEVEL="DEBUG", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", RUN, str(INPUT), str(out), str(vault_dir)], cwd=tmp,
                          env=env, capture_output=True, timeout=3000)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    line = next(l for l in done.stdout.decode().splitlines() if l.startswith(MARK))
    summary = json.loads(line[len(MARK):])
    assert summary["failed"] == 0, (out / "failures.txt").read_text()
    # the interviews are the ones the run reports done, each with its de-identified transcript
    ids = sorted(o["interview_id"] for o in summary["outcomes"] if o["status"] == "done")
    assert ids and all((out / i / "transcript.json").is_file() for i in ids), ids
    return tmp, out, vault_dir, home, done.stdout + done.stderr, ids


@pytest.fixture(scope="module")
def identifiers(flow_run, monkeypatch_module) -> list[Identifier]:
    _, out, vault_dir, _, _, ids = flow_run
    monkeypatch_module.setenv("DEIDFLOW_VAULT_KEY", KEY)
    monkeypatch_module.delenv("DEIDFLOW_VAULT_KEY_FILE", raising=False)
    vault = open_vault(vault_dir)
    kinds = {text: kind for kind, table in vault.read_json(CROSSWALK).get("labels", {}).items() for text in table}
    found = [Identifier(o.text, kinds.get(o.text, "CROSSWALK")) for o in crosswalk_originals(vault)]
    spans = 0
    log = [e for e in AuditLog(out).entries() if e["kind"] == "redaction"]
    for i in ids:
        # an imported transcript names its speakers; ASR gives none
        found += [Identifier(s["speaker"], "SPEAKER_NAME")
                  for s in vault.read_json(f"{i}/asr.json")["segments"] if s.get("speaker")]
        if vault.exists(f"{i}/manifest.json"):
            found += [Identifier(str(v), f"MANIFEST_{k}".upper())
                      for k, v in vault.read_json(f"{i}/manifest.json").items() if v]
        raw = vault.read_json(f"{i}/transcript.raw.json")["segments"]
        for e in (e for e in log if e["interview_id"] == i):
            found.append(Identifier(raw[e["segment"]]["text"][e["start"]:e["end"]], e["entity_type"]))
            spans += 1
    # the run must have redacted something, or this guard would pass vacuously
    assert spans and crosswalk_originals(vault), spans
    unique = {(_key(f.text), f.entity): f for f in found if f.text.strip()}
    return list(unique.values())


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_nothing_printed_logged_or_stored_by_prefect_holds_an_identifier(flow_run, identifiers):
    """Prefect's home (SQLite db, logs) and the terminal: no identifier at all. The output folder:
    none either, except those that also stand in the de-identified text itself. Those are mentions
    the redactor did not detect (or the ordinary word a name also is): the guard cannot know
    about a mention nobody detected, and the scorer's leak_rate and `deidflow audit verify`
    measure them; this guard is about identified text the system knows leaving the vault."""
    tmp, out, _, home, printed, ids = flow_run
    # Prefect's home and the terminal hold Prefect's own words; the output folder holds the
    # interview's ordinary words, which stand in its de-identified text (set apart below)
    searched = [f for f in identifiers if _searchable(_key(f.text), _own_words())]
    searched_out = [f for f in identifiers if _searchable(_key(f.text), frozenset())]
    assert searched, "no identifier is distinctive enough to search for"
    deidentified = _key(" \n ".join(s["text"] for i in ids
                                     for s in json.loads((out / i / "transcript.json").read_text())["segments"]))
    misses = {f for f in searched_out if _key(f.text) in deidentified}
    places = {"terminal": _normal(printed)}
    places.update((where, _normal(data)) for p in _files(home) for where, data in _texts(str(p.relative_to(tmp)), p.read_bytes()))
    outputs = {where: _normal(data) for p in _files(out) for where, data in _texts(str(p.relative_to(tmp)), p.read_bytes())}
    assert any(name.endswith(".db") for name in places), "no Prefect database to search"
    leaks = {(where, f.entity) for where, text in places.items() for f in searched if _key(f.text) in text}
    leaks |= {(where, f.entity) for where, text in outputs.items() for f in searched_out
              if f not in misses and _key(f.text) in text}
    # the figures, shown in pytest's warnings summary (misses by type only, never their text)
    warnings.warn(f"leak guard: {len(ids)} interviews, {len(identifiers)} identifiers; {len(searched)} searched "
                  f"in Prefect's home and the terminal ({len(places)} places), {len(searched_out) - len(misses)} "
                  f"in the output folder ({len(outputs)} places); {len(misses)} also stand in the de-identified "
                  f"text (redaction misses or ordinary words): {dict(Counter(f.entity for f in misses))}")
    # report place and type only: the identifiers themselves stay out of the test log
    assert not leaks, f"identifiers found in: {sorted(leaks)}"


def test_vault_is_private_and_encrypted(flow_run, identifiers):
    _, _, vault_dir, _, _, _ = flow_run
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    # exact bytes as a plain JSON vault would hold them; 6+ bytes so that ciphertext
    # (random bytes) cannot match by chance (a few MB against 2**48)
    needles = {n for f in identifiers for n in (f.text.encode(), json.dumps(f.text)[1:-1].encode()) if len(n) >= 6}
    assert needles, "no identifier long enough to look for in the vault"
    for path in vault_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path.relative_to(vault_dir)} is {oct(mode)}"
        if path.is_file():
            data = path.read_bytes()
            assert not [n for n in needles if n in data], f"plain identifier in {path.relative_to(vault_dir)}"
