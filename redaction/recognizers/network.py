"""URLs and IP addresses (own patterns: Presidio's email/URL checks may fetch suffix lists)."""
from presidio_analyzer import Pattern, PatternRecognizer

from redaction.normalize import TLDS
from redaction.recognizers import register


@register
def url() -> PatternRecognizer:
    return PatternRecognizer(
        "URL", name="url",
        # a full stop after it ends the sentence
        patterns=[Pattern("scheme", r"\bhttps?://[^\s\"'<>]*[^\s\"'<>.,;:!?)]", 0.9),
                  # Whisper splits a read-out address after "www." ("www.a manicollective.org").
                  Pattern("domain", r"(?<![@\w.-])(?:www\.(?:[a-z0-9-]+ )?)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:" + TLDS
                          + r")\b(?:/(?:[^\s\"'<>]*[^\s\"'<>.,;:!?)])?)?", 0.7)],
        context=["website", "site", "web", "page", "link", "online"])


_SOUNDS = r"(?:to|too|for|free|oh)"     # "two", "four", "three", "zero" as Whisper writes them


@register
def ip_address() -> PatternRecognizer:
    return PatternRecognizer(
        "IP_ADDRESS", name="ip_address",
        patterns=[Pattern("ipv4", r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", 0.6),
                  Pattern("ipv6", r"\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b", 0.6),
                  # Whisper breaks a read-out address it mishears ("10.14.6 to 0.108", "185.2 to 0.41.1"); three
                  # dotted groups are no amount or time, and the pieces around them, homophones included, go too.
                  Pattern("ipv4_heard", rf"(?:\b\d{{1,3}}(?:\.\d{{1,3}})?\s+(?:{_SOUNDS}\s+)?)?"
                                        rf"\b\d{{1,3}}(?:\.\d{{1,3}}){{2,}}\b"
                                        rf"(?:,?\s+(?:{_SOUNDS}\s+)?\d{{1,3}}(?:\.\d{{1,3}})*\b|\s+{_SOUNDS}\b)*", 0.5)],
        context=["ip", "address", "server", "router"])
