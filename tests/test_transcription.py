import numpy as np
import pytest

from conftest import AUDIO
from ingest import audio
from transcription import ENGINES, get_engine, transcribe


def test_bundled_tiny_en_transcribes_offline_with_word_times(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    segments, info = transcribe(audio.decode(AUDIO / "interview.flac"))
    text = " ".join(s.text for s in segments).lower()
    for expected in ["joining me today", "sunrise family shelter", "tucson", "three years"]:
        assert expected in text
    assert info["name"] == "faster-whisper" and info["model"] == "tiny.en"
    words = [w for s in segments for w in s.words]
    assert len(words) > 30
    for seg in segments:
        assert seg.words and seg.start <= seg.words[0].start + 0.05 and seg.words[-1].end <= seg.end + 0.05
    assert all(a.start <= b.start for a, b in zip(words, words[1:]))


def test_engines_are_registered_and_unknown_ones_refused():
    assert {"faster-whisper", "openai-whisper"} <= set(ENGINES)
    with pytest.raises(ValueError, match="unknown engine 'vosk'"):
        get_engine("vosk")


def test_openai_whisper_needs_an_explicit_checkpoint():
    with pytest.raises(ValueError, match="needs --model"):
        get_engine("openai-whisper", None)


def test_openai_whisper_loads_a_local_checkpoint(tmp_path):
    """The alternative engine really runs end to end on a tiny local checkpoint, loaded by path."""
    import torch
    from whisper.model import ModelDimensions, Whisper
    dims = ModelDimensions(n_mels=80, n_audio_ctx=1500, n_audio_state=64, n_audio_head=2, n_audio_layer=1,
                           n_vocab=51864, n_text_ctx=448, n_text_state=64, n_text_head=2, n_text_layer=1)
    torch.manual_seed(0)      # random encoder weights: fixed, so the run is the same every time
    model = Whisper(dims)
    with torch.no_grad():     # a decoder sure of "<|0.00|><|0.00|><|endoftext|>": greedy decoding, no fallback
        model.decoder.positional_embedding.zero_()          # torch.empty in whisper: garbage, even NaN
        model.decoder.ln.weight.zero_()
        model.decoder.ln.bias.fill_(1.0)
        model.decoder.token_embedding.weight.zero_()
        model.decoder.token_embedding.weight[50256] = 10.0      # <|endoftext|> of the English tokenizer
        model.decoder.token_embedding.weight[50363] = 20.0      # <|0.00|>, the first timestamp
    ckpt = tmp_path / "tiny-test.pt"
    torch.save({"dims": dims.__dict__, "model_state_dict": model.state_dict()}, ckpt)
    engine = get_engine("openai-whisper", str(ckpt))
    segments = engine.transcribe(audio.decode(AUDIO / "silence.wav"))
    assert segments == []
    assert engine.info()["model"] == str(ckpt)


def test_long_audio_is_cut_into_windows_at_the_quietest_moment():
    from transcription.windows import split_at_pauses
    rate = 16000
    speech = np.random.default_rng(0).normal(0, 0.1, 30 * rate).astype(np.float32)
    speech[17 * rate:int(17.5 * rate)] = 0.0            # the only pause in the search range
    bounds = split_at_pauses(speech, window_s=20)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(speech)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert 17 * rate <= bounds[0][1] <= 17.5 * rate
    assert split_at_pauses(speech[: 10 * rate], window_s=20) == [(0, 10 * rate)]
    pcm = (np.clip(speech, -1, 1) * 32767).astype(np.int16)     # as the pipeline holds a recording
    assert split_at_pauses(pcm, window_s=20) == bounds


def test_windowed_transcription_keeps_absolute_times(monkeypatch):
    import transcription.engines as engines
    samples = audio.decode(AUDIO / "interview.flac")
    monkeypatch.setattr(engines, "split_at_pauses", lambda a: [(0, 12 * 16000), (12 * 16000, len(a))])
    segments, _ = transcribe(samples)
    assert any(s.start >= 12.0 for s in segments)
    assert all(w.start >= 12.0 for s in segments if s.start >= 12.0 for w in s.words)
    assert "tucson" in " ".join(s.text for s in segments).lower()


def test_16_bit_samples_transcribe_as_their_float_conversion():
    pcm = audio.decode_pcm(AUDIO / "interview.flac")
    from_pcm, _ = transcribe(pcm)
    from_float, _ = transcribe(audio.to_float(pcm))
    assert "tucson" in " ".join(s.text for s in from_pcm).lower()
    assert [(s.start, s.end, s.text) for s in from_pcm] == [(s.start, s.end, s.text) for s in from_float]


def test_files_side_by_side_only_where_the_engine_can_share_its_model():
    from transcription import files_at_once
    assert files_at_once("openai-whisper", 6, requested=3) == 1     # its decoder hooks the one model
    assert files_at_once("faster-whisper", 6, requested=3) == 3
    assert files_at_once("faster-whisper", 1) == 1
    assert 1 <= files_at_once("faster-whisper", 6) <= 4
