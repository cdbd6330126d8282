"""Email addresses; spoken ones ('maria at gmail dot com') read as written after normalize."""
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.normalize import TLDS
from redaction.recognizers import register


@register
def email() -> PatternRecognizer:
    return PatternRecognizer(
        "EMAIL_ADDRESS", name="email",
        patterns=[Pattern("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", 0.95),
                  # "Mine's l dot benavides, same thing after": an initial and a name are a mailbox said without
                  # its domain ("I dot every i", "a dot on the map" are none)
                  Pattern("initial_dot_name", rf"(?<![\w.@-])(?-i:[b-hj-z])\s+dot\s+(?!(?:{TLDS}|dot|at)\b)"
                                              r"[a-z]{3,}\b(?!\s+(?:dot|at)\b|[.@]\w)", 0.5)],
        context=["email", "e-mail", "mail"])
