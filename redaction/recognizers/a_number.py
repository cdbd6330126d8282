"""Alien registration numbers: 'A' then 8 or 9 digits, spoken or written."""
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers import register


@register
def a_number() -> PatternRecognizer:
    return PatternRecognizer(
        "A_NUMBER", name="a_number",
        patterns=[Pattern("a_prefixed", r"\bA[-\s#]{0,2}\d{3}[-\s]?\d{3}[-\s]?\d{2,3}\b", 0.85),
                  # Bare 8-9 digits only count with context ("alien number", "USCIS").
                  Pattern("bare", r"(?<![\d-])\d{3}[-\s]?\d{3}[-\s]?\d{2,3}(?![\d-])", 0.25)],
        context=["number", "alien", "uscis", "immigration", "registration", "anumber", "a-number"])
