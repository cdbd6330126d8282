"""Names of official papers ("Notice to Appear", "Employment Authorization Document"): kept, and found so
their capitals are not read as a place or a person. Every asylum seeker's story has them."""
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.recognizers import register

_DOCUMENTS = (r"(?i:notice\s+to\s+appear|employment\s+authori[sz]ation(?:\s+(?:document|card))?|green\s+card"
              r"|work\s+permit|social\s+security\s+card|birth\s+certificate|travel\s+document|parole\s+document"
              r"|removal\s+order|order\s+of\s+removal|credible\s+fear\s+interview)")


@register
def document() -> PatternRecognizer:
    return PatternRecognizer("DOCUMENT", name="document", patterns=[Pattern("document", rf"\b{_DOCUMENTS}\b", 0.9)])
