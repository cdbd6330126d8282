"""The IRB trail: hash-chained redaction log, verify, report, review."""
from audit.log import AuditLog

__all__ = ["AuditLog"]
