"""What each entity type is, whether the default policy redacts it, and how it is labelled.

Default policy: HIPAA Safe Harbor applied to speech. Keep states, countries,
nationalities, years and ages under 90 (they carry analytic value and are allowed);
redact everything that points at a person, place smaller than a state, or date.
A study overrides any type with `policy: {TYPE: redact|keep}`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityKind:
    name: str            # the Presidio entity type
    label: str           # "Person" -> "[Person 3]" when numbered, else "[Date]"
    default: str = "redact"
    numbered: bool = False


KINDS: dict[str, EntityKind] = {}


def register(kind: EntityKind) -> EntityKind:
    KINDS[kind.name] = kind
    return kind


for _kind in (
    EntityKind("PERSON", "Person", numbered=True),
    EntityKind("ORGANIZATION", "Organization", numbered=True),
    EntityKind("LOCATION", "Place", numbered=True),
    EntityKind("ADDRESS", "Address", numbered=True),
    EntityKind("PROPER_NOUN", "Name", numbered=True),   # a capitalised name no recognizer could type
    EntityKind("DATE", "Date"),
    EntityKind("AGE_OVER_89", "Age over 89"),
    EntityKind("PHONE_NUMBER", "Phone"),
    EntityKind("EMAIL_ADDRESS", "Email"),
    EntityKind("US_SSN", "SSN"),
    EntityKind("A_NUMBER", "A-number"),
    EntityKind("CASE_NUMBER", "ID number"),     # case, record, account, benefit and student numbers alike
    EntityKind("URL", "URL"),
    EntityKind("IP_ADDRESS", "IP address"),
    EntityKind("US_STATE", "State", default="keep"),
    EntityKind("COUNTRY", "Country", default="keep"),
    EntityKind("NRP", "Nationality", default="keep"),
    EntityKind("YEAR", "Year", default="keep"),
    EntityKind("DOCUMENT", "Document", default="keep"),    # "Notice to Appear", "green card"
):
    register(_kind)


def kind(entity_type: str) -> EntityKind:
    # An unknown type (a reviewer's "add" with a new name) is redacted under its own name.
    return KINDS.get(entity_type) or EntityKind(entity_type, entity_type.replace("_", " ").capitalize())


def redacts(study_policy: dict[str, str], entity_type: str) -> bool:
    return study_policy.get(entity_type, kind(entity_type).default) == "redact"
