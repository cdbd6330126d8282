"""deidflow: local transcription, speaker labelling and de-identification of research interviews."""
__version__ = "0.1.0"
