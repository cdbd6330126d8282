"""What each manifest column means: how it is checked and where its value may go.

Extension by registration: a study-specific column gets a `Column` in COLUMNS.
Error texts name the column and the kind of problem; they quote the bad value only
for columns whose values are not identifying (`quote=True`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from manifest.model import ManifestRow

TRUE = {"yes", "y", "true", "1"}
PLAIN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MAX_SPEAKERS = 20
REQUIRED_CONSENTS = ("consent_recording", "consent_transcription")
# Free columns with these names are kept in the vault, never in outputs.
IDENTIFYING_NAMES = {"interviewer", "participant_name", "name", "full_name", "email", "phone", "address",
                     "date_of_birth", "dob", "site_name", "organisation", "organization", "notes"}


class Problem(ValueError):
    """A cell that fails its check. The message is safe to show (no identified value)."""


@dataclass(frozen=True)
class Column:
    name: str
    apply: Callable[[ManifestRow, str], None]   # stores the checked value on the row or raises Problem
    required: bool = False
    identifying: bool = False                   # its value goes to the vault only


COLUMNS: dict[str, Column] = {}


def register(column: Column) -> Column:
    COLUMNS[column.name] = column
    return column


def _plain_id(field_name: str) -> Callable[[ManifestRow, str], None]:
    def apply(row: ManifestRow, value: str) -> None:
        # ids become folder names and appear in outputs, so only plain codes are allowed
        if not PLAIN_ID.match(value):
            raise Problem(f"{field_name} is not a plain code (letters, digits, - _ .)")
        setattr(row, field_name, value)
    return apply


def _file(row: ManifestRow, value: str) -> None:
    row.file = value


def _speakers(row: ManifestRow, value: str) -> None:
    if not value.isdigit() or not 1 <= int(value) <= MAX_SPEAKERS:
        raise Problem(f"number_of_speakers '{value}' is not a whole number from 1 to {MAX_SPEAKERS}")
    row.number_of_speakers = int(value)


def _date(row: ManifestRow, value: str) -> None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise Problem(f"date '{value}' is not a date (YYYY-MM-DD)") from None
    row.identifying["date"] = day.isoformat()
    row.attributes["date"] = day.strftime("%Y-%m")     # month precision is enough for analysis


def _interviewer(row: ManifestRow, value: str) -> None:
    row.interviewer = value
    row.identifying["interviewer"] = value


def consent(name: str) -> Column:
    def apply(row: ManifestRow, value: str) -> None:
        if value.lower() not in TRUE:
            raise Problem(f"{name} is not given (must be yes)")
        row.attributes[name] = "yes"
    return Column(name, apply, required=name in REQUIRED_CONSENTS)


def analytic(name: str) -> Column:
    def apply(row: ManifestRow, value: str) -> None:
        row.attributes[name] = value
    return Column(name, apply)


def identifying(name: str) -> Column:
    def apply(row: ManifestRow, value: str) -> None:
        row.identifying[name] = value
    return Column(name, apply, identifying=True)


register(Column("file", _file, required=True))
register(Column("interview_id", _plain_id("interview_id"), required=True))
register(Column("participant_id", _plain_id("participant_id")))
register(Column("number_of_speakers", _speakers))
register(Column("date", _date))
register(Column("interviewer", _interviewer, identifying=True))
for _name in ("site", "site_type", "state", "language"):
    register(analytic(_name))
for _name in REQUIRED_CONSENTS:
    register(consent(_name))


def column_for(name: str, identifying_columns: set[str]) -> Column:
    """The registered column, or the rule for a free column of that name."""
    known = COLUMNS.get(name)
    if known and (known.identifying or name not in identifying_columns):
        return known
    if name in identifying_columns or name in IDENTIFYING_NAMES:
        return identifying(name)
    if name.startswith("consent_"):
        return consent(name)
    return analytic(name)


def cell_text(value: Any) -> str:
    """A cell as text, whatever the reader gave (XLSX and YAML give dates, numbers, booleans)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
