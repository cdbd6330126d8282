"""Prefect orchestration of the deidflow pipeline. No stage logic lives here."""
from flows.interviews import process_interview, process_interviews

__all__ = ["process_interview", "process_interviews"]
