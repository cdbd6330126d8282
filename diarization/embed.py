"""Voice embeddings (resemblyzer) for word-aligned chunks, one LSTM pass over each chunk's speech."""
from __future__ import annotations

import numpy as np
import torch

from diarization.chunks import Chunk
from diarization.models import VAD_HOP, speech_probability, voice_encoder

MEL_HOP = 160            # resemblyzer: 10 ms frames
BATCH = 256


def mel_frames(audio: np.ndarray) -> np.ndarray:
    from resemblyzer.audio import normalize_volume, wav_to_mel_spectrogram

    if np.any(audio):         # silence has no level to normalise (it would divide by zero)
        audio = normalize_volume(audio, -30, increase_only=True)
    return wav_to_mel_spectrogram(audio)


def speech_frames(audio: np.ndarray, n_frames: int) -> np.ndarray:
    """Per mel frame: is it speech? (silero, resampled to the mel frame rate)"""
    prob = speech_probability(audio)
    idx = np.minimum(np.arange(n_frames) * MEL_HOP // VAD_HOP, max(len(prob) - 1, 0))
    return prob[idx] > 0.5 if len(prob) else np.ones(n_frames, bool)


def chunk_embeddings(audio: np.ndarray, chunks: list[Chunk]) -> np.ndarray:
    """(len(chunks), 256) L2-normed embeddings; silent frames inside a chunk are left out."""
    mel = mel_frames(audio)
    speech = speech_frames(audio, len(mel))
    pieces = []
    for c in chunks:
        a, b = int(c.start * 100), max(int(c.end * 100), int(c.start * 100) + 1)
        frames = mel[a:b]
        voiced = frames[speech[a:b]]
        # whisper's word times can sit on silence; then keep the whole span rather than nothing
        pieces.append(voiced if len(voiced) >= 0.5 * len(frames) else frames)
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
