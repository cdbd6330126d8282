"""Speech to text. One interface, engines added by registration."""
from transcription.engines import ENGINES, Engine, get_engine, transcribe

__all__ = ["ENGINES", "Engine", "get_engine", "transcribe"]
