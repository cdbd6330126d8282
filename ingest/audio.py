"""Probe and decode recordings with ffmpeg (the system's, or imageio-ffmpeg's bundled binary)."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import threading
from functools import lru_cache
from pathlib import Path

import ffmpeg
import numpy as np

from deidflow.models import Source

SAMPLE_RATE = 16000


class UnreadableAudio(Exception):
    """The file is not audio ffmpeg can decode. The message names the problem, never content."""


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


def sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _ffmpeg_url(path: Path) -> str:
    # "file:" stops ffmpeg reading a colon in a name as a protocol, or a leading dash as an option.
    return "file:" + str(Path(path).resolve())


def _stream_info(path: Path) -> dict:
    """Duration and channel count from ffmpeg's stderr banner (ffprobe may be absent)."""
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", _ffmpeg_url(path)],
                          capture_output=True, text=True, errors="replace")
    info = {"duration": None, "channels": None}
    for line in proc.stderr.splitlines():
        line = line.strip()
        if line.startswith("Duration:") and "N/A" not in line.split(",")[0]:
            h, m, s = line.split(",")[0].split()[1].split(":")
            info["duration"] = int(h) * 3600 + int(m) * 60 + float(s)
        elif "Audio:" in line and info["channels"] is None:
            layout = line.split("Audio:")[1]
            info["channels"] = 1 if "mono" in layout else 2 if ("stereo" in layout or "2 channels" in layout) else 0
    if info["channels"] is None:
        raise UnreadableAudio("no audio stream ffmpeg can read")
    return info


def probe(path: Path) -> Source:
    return inspect(path)[0]


def inspect(path: Path) -> tuple[Source, int]:
    """The recording's Source (hash, duration) and its channel count, from one ffmpeg call."""
    path = Path(path)
    info = _stream_info(path)
    duration = info["duration"]
    if duration is None:
        duration = len(decode(path)) / SAMPLE_RATE
    source = Source(file=path.name, sha256=sha256(path), duration_s=round(float(duration), 3))
    return source, info["channels"]


def probe_duration(path: Path) -> float:
    """Header duration only: cheap, for progress estimates."""
    return float(_stream_info(Path(path))["duration"] or 0.0)


def decode(path: Path, stereo: bool = False, duration_s: float | None = None) -> np.ndarray:
    """16 kHz float32 samples in [-1, 1): shape (n,) mono, or (2, n) when stereo=True."""
    return to_float(decode_pcm(path, stereo, duration_s))


def to_float(samples: np.ndarray) -> np.ndarray:
    """float32 in [-1, 1) from 16-bit PCM, in one array; float samples as they are."""
    if samples.dtype != np.int16:
        return samples
    return np.multiply(samples, np.float32(1 / 32768), dtype=np.float32)


def decode_pcm(path: Path, stereo: bool = False, duration_s: float | None = None) -> np.ndarray:
    """16 kHz 16-bit samples as ffmpeg gives them: shape (n,) mono, or (2, n) when stereo=True.

    A two-hour recording is held through transcription and diarization; as int16 it takes
    230 MB, half of float32. Each stage converts the window it works on with to_float.
    duration_s, when the caller has probed it already, saves starting ffmpeg once more.

    Streamed from ffmpeg into one preallocated array: holding ffmpeg's whole
    output as bytes first would double a two-hour recording's footprint.
    """
    channels = 2 if stereo else 1
    cmd = (ffmpeg.input(_ffmpeg_url(path))
           .output("-", format="s16le", acodec="pcm_s16le", ac=channels, ar=SAMPLE_RATE)
           .compile(cmd=[ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error"]))
    if duration_s is None:
        duration_s = probe_duration(path)
    expected = int((duration_s + 1) * SAMPLE_RATE * channels)
    samples = np.empty(max(expected, SAMPLE_RATE), np.int16)
    filled = 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        errors: list[bytes] = []
        drain = threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)
        drain.start()
        rest = b""
        while block := proc.stdout.read(1 << 20):
            block, rest = rest + block, b""
            if len(block) % 2:          # a pipe read can end inside a sample
                block, rest = block[:-1], block[-1:]
            pcm = np.frombuffer(block, np.int16)
            if filled + len(pcm) > len(samples):
                samples = np.resize(samples, max(2 * len(samples), filled + len(pcm)))
            samples[filled:filled + len(pcm)] = pcm
            filled += len(pcm)
        proc.wait()
        drain.join()
    if proc.returncode != 0:
        reason = b"".join(errors).decode(errors="replace").strip().splitlines()
        raise UnreadableAudio(f"cannot decode the audio ({reason[-1]})" if reason
                              else "cannot decode the audio") from None
    samples = samples[:filled - filled % channels]
    if stereo:
        samples = samples.reshape(-1, 2).T.copy()
    if samples.size == 0:
        raise UnreadableAudio("no audio samples decoded")
    return samples
