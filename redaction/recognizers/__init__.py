"""The recognizer registry: one module per identifier kind, each registering a factory.

Adding a kind is adding a module that calls `register` and importing it below;
the Deidentifier builds Presidio's RecognizerRegistry from this list.
"""
from __future__ import annotations

from typing import Callable

from presidio_analyzer import EntityRecognizer

FACTORIES: list[Callable[[], EntityRecognizer]] = []


def register(factory: Callable[[], EntityRecognizer]) -> Callable[[], EntityRecognizer]:
    FACTORIES.append(factory)
    return factory


def pattern_name(result) -> str | None:
    """Which of a PatternRecognizer's patterns found the result."""
    return getattr(result.analysis_explanation, "pattern_name", None)


def build() -> list[EntityRecognizer]:
    return [factory() for factory in FACTORIES]


# Importing a module registers its recognizers.
from redaction.recognizers import (  # noqa: E402,F401
    a_number, address, age, date_spoken, documents, email_spoken, garbled, id_numbers, name_context, ner, network,
    organization, places, proper_noun,
)
