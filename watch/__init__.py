"""Unattended operation: a watched drop folder that feeds the pipeline."""
from watch.files import is_input, scan
from watch.outputs import Outputs
from watch.watcher import Watcher

__all__ = ["Watcher", "Outputs", "is_input", "scan"]
