"""Email addresses; spoken ones ('maria at gmail dot com') read as written after normalize."""
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers import register


@register
def email() -> PatternRecognizer:
    return PatternRecognizer(
        "EMAIL_ADDRESS", name="email",
        patterns=[Pattern("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", 0.95)],
        context=["email", "e-mail", "mail"])
