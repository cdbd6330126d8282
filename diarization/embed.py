"""Voice embeddings (resemblyzer) for word-aligned chunks, one LSTM pass over each chunk's speech."""
from __future__ import annotations

import numpy as np
import torch

from diarization.chunks import Chunk
from diarization.models import voice_encoder
from ingest.audio import to_float

MEL_HOP = 160            # resemblyzer: 10 ms frames
BATCH = 256
GATE_DB = 30.0           # frames this far below the recording's loud speech are pauses, not voice
MAX_FRAMES = 120         # LSTM cost is per frame: 1.2 s of a chunk tells its voice as well as 2 s


BLOCK = 16000 * 300      # 5 minutes: a whole recording's STFT at once would take gigabytes
TARGET_DBFS = -30.0


def mel_frames(audio: np.ndarray) -> np.ndarray:
    """resemblyzer's mel frames (volume raised to -30 dBFS as it does), computed block by block.

    audio may be 16-bit PCM: each block is converted on its own, never the whole recording."""
    from resemblyzer.audio import wav_to_mel_spectrogram

    starts = range(0, len(audio), BLOCK)
    power = sum(float(np.dot(b, b)) for b in (to_float(audio[i:i + BLOCK]) for i in starts)) / max(len(audio), 1)
    change = TARGET_DBFS - 10 * np.log10(power) if power > 0 else 0.0   # silence has no level
    gain = np.float32(10 ** (change / 20)) if change > 0 else np.float32(1.0)
    mels = []
    for i in starts:
        block = to_float(audio[i:i + BLOCK])
        mel = wav_to_mel_spectrogram(block * gain)
        mels.append(mel[: len(block) // MEL_HOP] if i + BLOCK < len(audio) else mel)
    return np.concatenate(mels) if mels else np.zeros((0, 40), np.float32)


def voiced_frames(mel: np.ndarray) -> np.ndarray:
    """Per mel frame: loud enough to be voice? Whisper's words already say where speech is; this
    only drops the pauses inside a chunk, so a level gate does what a second VAD pass would."""
    level = 10 * np.log10(mel.sum(1) + 1e-10)
    return level > np.percentile(level, 95) - GATE_DB if len(level) else np.ones(0, bool)


def chunk_embeddings(audio: np.ndarray, chunks: list[Chunk]) -> np.ndarray:
    """(len(chunks), 256) L2-normed embeddings; silent frames inside a chunk are left out."""
    mel = mel_frames(audio)
    voiced = voiced_frames(mel)
    pieces = []
    for c in chunks:
        a, b = int(c.start * 100), max(int(c.end * 100), int(c.start * 100) + 1)
        frames = mel[a:b]
        kept = frames[voiced[a:b]]
        # whisper's word times can sit on silence; then keep the whole span rather than nothing
        piece = kept if len(kept) >= 0.5 * len(frames) else frames
        if len(piece) > MAX_FRAMES:          # the middle: the chunk's edges may hold the other voice
            off = (len(piece) - MAX_FRAMES) // 2
            piece = piece[off:off + MAX_FRAMES]
        pieces.append(piece)
    encoder = voice_encoder()
    out = np.zeros((len(chunks), 256), np.float32)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)      # short sequences: extra threads only add contention
    try:
        _encode(encoder, pieces, out)
    finally:
        torch.set_num_threads(threads)
    return out


def _encode(encoder, pieces: list[np.ndarray], out: np.ndarray) -> None:
    order = np.argsort([len(p) for p in pieces])        # similar lengths share a batch: less padding
    with torch.inference_mode():
        for i in range(0, len(order), BATCH):
            idx = order[i:i + BATCH]
            seqs = [torch.from_numpy(pieces[j]) if len(pieces[j]) else torch.zeros(1, 40) for j in idx]
            lengths = torch.tensor([len(s) for s in seqs])
            packed = torch.nn.utils.rnn.pack_padded_sequence(
                torch.nn.utils.rnn.pad_sequence(seqs, batch_first=True), lengths,
                batch_first=True, enforce_sorted=False)
            _, (hidden, _) = encoder.lstm(packed)
            raw = encoder.relu(encoder.linear(hidden[-1]))
            out[idx] = (raw / raw.norm(dim=1, keepdim=True).clamp_min(1e-8)).numpy()
