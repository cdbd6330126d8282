"""Presidio-based de-identification built for spoken interviews."""
from redaction.deidentifier import DeidResult, Deidentifier

__all__ = ["Deidentifier", "DeidResult"]
