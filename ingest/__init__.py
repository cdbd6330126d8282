"""Find inputs and turn them into audio arrays or transcript segments."""
