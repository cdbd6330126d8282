"""Named organizations: capitalised words ending in an organization noun ('Hope Harbor Shelter').

spaCy's small model misses many shelters and charities, and Presidio ignores ORG by
default. A bare noun ('the shelter') is generic and kept: at least one capitalised
word must come before it.
"""
import re

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.gazetteers import PUBLIC_BODIES
from redaction.recognizers import register

_HEADS = (r"(?:Shelter|Services?|Charities|Charity|School|Academy|Hospital|Clinic|Cl[ií]nica|Center|Centre"
          r"|Church|Agency|University|College|Foundation|Ministr(?:y|ies)|Institute|Alliance|Network"
          r"|Coalition|Society|Association|Council|Program|Project|Home|House|Mission|Elementary|Library"
          r"|Inc\.?|LLC|Corporation|Company|Bank|Market|Farms?|Factory|Hotel|Restaurant|Health|Healthcare"
          r"|Partners|Group|Legal Aid|Daycare|Preschool|Residence|Refuge|Outreach|Ranch|Cathedral|Parish"
          r"|Mosque|Synagogue|Temple|Diocese|Courthouse|Detention|Facility|Hall|Lodge)\b")
# A capitalised word that is not a determiner or pronoun starting the sentence.
_WORD = r"(?!(?:The|A|An|Our|My|Your|His|Her|Their|This|That|Every|Each|Some|Any|At|In|To|From|And)\b)[A-Z][\w'&.-]*"
_OF = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?"
_SPANISH = r"\b(?:Casa|Centro|Hogar|Iglesia|Escuela|Colegio|Fundaci[oó]n|Cl[ií]nica)\s+(?:de\s+(?:la\s+|los\s+|las\s+)?)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
_CASED = re.DOTALL | re.MULTILINE


class OrganizationRecognizer(PatternRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        return pattern_text.lower() in PUBLIC_BODIES


@register
def organization() -> PatternRecognizer:
    return OrganizationRecognizer(
        "ORGANIZATION", name="organization",
        patterns=[Pattern("named_org", rf"\b(?:{_WORD}\s+){{1,4}}{_HEADS}{_OF}", 0.8),
                  Pattern("org_of", rf"\b(?:University|College|Church|Diocese|Archdiocese|Bank|Hospital)\s+of\s+"
                                    rf"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}}", 0.8),
                  Pattern("spanish", _SPANISH, 0.75)],
        context=["worked", "work", "works", "volunteer", "attend", "attends", "school", "shelter", "staff"],
        global_regex_flags=_CASED)
