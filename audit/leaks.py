"""Re-scan the shareable zone for every original the crosswalk replaced.

Every file under the output folder is read as text, whatever its extension:
ZIP containers (.docx, .xlsx, .qdpx, and ZIPs inside them) member by member,
each line both as written and with markup removed and escapes decoded, so a
name split across Word runs or written as JSON \\u escapes is still found.
Matching is case-insensitive on word boundaries, and any run of non-word
characters between words matches any other (the crosswalk stores "o brien"
for O'Brien). A leak is reported by file, line and crosswalk label.
"""
from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from vaultstore import Vault

CROSSWALK = "crosswalk.json"
_TAG = re.compile(r"<[^>]*>")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Original:
    text: str           # identified: stays in memory, never printed
    label: str          # the replacement, safe to print


@dataclass(frozen=True)
class Leak:
    where: str          # "file:line" or "file!member:line"
    label: str | None   # None: the file could not be read through (a damaged ZIP), so it is unchecked


def crosswalk_originals(vault: Vault) -> list[Original]:
    """Every original the crosswalk knows (redaction.pseudonyms: {"labels": {TYPE: {key: label}}})."""
    if not vault.exists(CROSSWALK):
        return []
    tables = vault.read_json(CROSSWALK).get("labels", {})
    return [Original(text, label) for table in tables.values() for text, label in table.items() if text.strip()]


def scan(output_dir: Path, originals: list[Original]) -> list[Leak]:
    if not originals:
        return []
    matcher = _Matcher(originals)
    out = Path(output_dir)
    leaks: dict[tuple[str, str], None] = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        name = path.relative_to(out).as_posix()
        try:
            for where, line in _lines(name, path.read_bytes()):
                for label in matcher.labels(line):
                    leaks[(where, label)] = None
        except (zipfile.BadZipFile, zlib.error, EOFError):
            leaks[(name, None)] = None
    return [Leak(where, label) for where, label in leaks]


class _Matcher:
    def __init__(self, originals: list[Original]):
        self.by_key: dict[str, str] = {}
        for o in sorted(originals, key=lambda o: -len(o.text)):
            self.by_key.setdefault(_key(o.text), o.label)
        # crosswalk keys are normalised ("o brien" for O'Brien): any non-word run joins their words
        words = [r"[\W_]+".join(map(re.escape, key.split())) for key in self.by_key]
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)

    def labels(self, line: str) -> set[str]:
        found = set()
        for variant in {line, _plain(line)}:
            for match in self.pattern.finditer(unicodedata.normalize("NFC", variant)):
                found.add(self.by_key.get(_key(match.group()), "an entry"))
        return found


def _key(text: str) -> str:
    return " ".join(w for w in re.split(r"[\W_]+", unicodedata.normalize("NFC", text).casefold()) if w)


def _plain(line: str) -> str:
    """The line with markup removed and XML/HTML and JSON escapes decoded."""
    return _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), html.unescape(_TAG.sub("", line)))


def _lines(where: str, data: bytes) -> Iterator[tuple[str, str]]:
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if not member.is_dir():
                    yield from _lines(f"{where}!{member.filename}", archive.read(member))
        return
    if b"\x00" in data and data[:2] not in _UTF16_BOMS:
        return      # binary (an image in a .docx): no text to leak, only noise to match
    for number, line in enumerate(_decode(data).splitlines(), start=1):
        yield f"{where}:{number}", line


def _decode(data: bytes) -> str:
    if data[:2] in _UTF16_BOMS:
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
