"""Prefect orchestration of the deidflow pipeline. No stage logic lives here."""
from deidflow.prefect_env import apply_defaults

apply_defaults()

from flows.interviews import process_interview, process_interviews  # noqa: E402

__all__ = ["process_interview", "process_interviews"]
