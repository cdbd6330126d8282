"""Ages over 89 (Safe Harbor); younger ages are kept and need no detection."""
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers import register

_OLD = (r"(?:9\d|1[01]\d|ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|(?:a|one)\s+hundred(?:\s+and)?(?:\s+\w+)?)")


@register
def age_over_89() -> PatternRecognizer:
    return PatternRecognizer(
        "AGE_OVER_89", name="age_over_89",
        patterns=[Pattern("years_old", rf"\b{_OLD}[\s-]+years?[\s-]+old\b", 0.85),
                  Pattern("aged", rf"\b(?:aged?|turned|turning)\s+{_OLD}\b", 0.85)])
