"""Speech to text. One interface, engines added by registration."""
from transcription.engines import ENGINES, Engine, files_at_once, get_engine, transcribe

__all__ = ["ENGINES", "Engine", "files_at_once", "get_engine", "transcribe"]
