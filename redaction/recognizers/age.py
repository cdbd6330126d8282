"""Ages over 89 (Safe Harbor); younger ages are kept and need no detection."""
from datetime import date

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers import register

OLD_AGE = (r"(?:9\d|1[01]\d|ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
           r"|(?:a|one)\s+hundred(?:\s+and)?(?:\s+\w+)?"
           # and in Spanish: "noventa y cuatro", "cien", "ciento dos"
           r"|(?i:noventa(?:\s+y\s+(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|cien(?:to(?:\s+\w+)?)?))")
# Who is said to be that old: "My grandmother is ninety-two.", "she was 96 when she died", "her grandmother,
# who is ninety-three and still cooks".
_ELDER = (r"\b(?i:she|he|i|who|(?:great-)?grand(?:mother|father|ma|pa)|mother|father|mom|dad|abuel[ao]|aunt|uncle|husband"
          r"|wife)(?:'s|'m|\s+is|\s+was|\s+am)\s+(?:(?i:almost|nearly|about|already)\s+)?")


@register
def age_over_89() -> PatternRecognizer:
    return PatternRecognizer(
        "AGE_OVER_89", name="age_over_89",
        patterns=[Pattern("years_old", rf"\b{OLD_AGE}[\s-]+years?[\s-]+old\b", 0.85),
                  Pattern("aged", rf"\b(?:aged?|turned|turning)\s+{OLD_AGE}\b", 0.85),
                  # "she have noventa y cuatro years", "tiene noventa años": an age had, as Spanish says it
                  Pattern("has_years", rf"\b(?:(?<=\b(?i:have|has|had|tiene|tenía|tenia|cumplió|cumplio)\s){OLD_AGE}"
                                       r"\s+(?i:years?)"
                                       r"(?!\s+(?i:of|in|ago|later|before|after|since|together|here|there)\b)"
                                       rf"|{OLD_AGE}\s+(?i:años))\b", 0.85),
                  # an elder's age said alone, ending the phrase ("she is 95 percent sure" goes on)
                  Pattern("elder_is", rf"(?<={_ELDER}){OLD_AGE}"
                                      r"(?=\s*[,.;!?]|\s*$|\s+(?i:now|this|next|when|and|but|so|already|today)\b)",
                          0.85)])


class _BirthYearRecognizer(PatternRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        return int(pattern_text) > date.today().year - 90


@register
def birth_year_over_89() -> PatternRecognizer:
    # Safe Harbor removes a year that tells an age over 89 too: "her date of birth ... March 9th, 1933".
    # Only a birth said nearby lifts the score over the kept year's.
    return _BirthYearRecognizer(
        "AGE_OVER_89", name="birth_year_over_89",
        patterns=[Pattern("birth_year", r"(?<![\d-])1[89]\d\d(?![\d-])", 0.4)],
        context=["bear", "birth", "birthday", "dob"])     # "bear": the lemma Presidio matches for "born"
