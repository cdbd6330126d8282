import numpy as np
from sklearn.cluster import KMeans

from diarization.cluster import _split_mixed


def _voices(n, dirs, rng, noise=0.15):
    """n chunks taking turns between the given voice directions, with per-chunk noise."""
    x = np.stack([dirs[i % len(dirs)] + noise * rng.standard_normal(dirs.shape[1]) for i in range(n)])
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_a_cluster_holding_two_alternating_voices_is_split():
    rng = np.random.default_rng(0)
    dirs = rng.standard_normal((2, 32))
    x = _voices(20, dirs, rng)
    cents = x.mean(0, keepdims=True) / np.linalg.norm(x.mean(0))
    out = _split_mixed(x, np.ones(len(x)), cents)
    assert len(out) == 2
    assert sorted(np.max(out @ (dirs / np.linalg.norm(dirs, axis=1, keepdims=True)).T, axis=0) > 0.9) == [True, True]


def test_one_voice_is_not_split():
    rng = np.random.default_rng(1)
    x = _voices(20, rng.standard_normal((1, 32)), rng)
    cents = x.mean(0, keepdims=True) / np.linalg.norm(x.mean(0))
    assert len(_split_mixed(x, np.ones(len(x)), cents)) == 1


def test_a_voice_heard_once_in_a_block_is_not_split_off():
    """Two directions that do not take turns (one block, then the other) read as drift, not two people."""
    rng = np.random.default_rng(2)
    dirs = rng.standard_normal((2, 32))
    x = np.concatenate([_voices(10, dirs[:1], rng), _voices(10, dirs[1:], rng)])
    cents = x.mean(0, keepdims=True) / np.linalg.norm(x.mean(0))
    assert len(_split_mixed(x, np.ones(len(x)), cents)) == 1


def test_spectral_in_place_finds_the_partition_of_the_dense_laplacian():
    from diarization.cluster import PRUNE, spectral
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(3, 256))
    x = centres[rng.integers(0, 3, 400)] + 0.9 * rng.normal(size=(400, 256))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    sim = x @ x.T      # the textbook construction, every matrix kept
    keep = 1 + max(3, int(round(PRUNE * len(x))))
    aff = np.where(sim >= -np.sort(-sim, axis=1)[:, keep - 1:keep], sim, 0.0)
    aff = np.maximum(aff, aff.T)
    np.fill_diagonal(aff, 0.0)
    d = 1 / np.sqrt(aff.sum(1))
    vecs = np.linalg.eigh(np.eye(len(x)) - d[:, None] * aff * d[None, :])[1][:, :3]
    dense = KMeans(3, n_init=10, random_state=0).fit_predict(vecs / np.linalg.norm(vecs, axis=1, keepdims=True))
    labels = spectral(x, 3)
    pairs = {(a, b) for a, b in zip(labels, dense)}
    assert len(pairs) == 3, pairs     # the same three groups, whatever their numbers
