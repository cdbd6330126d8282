"""Group chunk embeddings into speakers: spectral clustering of the cosine affinities, with the
number of speakers from the eigengap when it is not given."""
from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

RELIABLE_S = 0.8          # shorter chunks give noisy embeddings: they are scored, not clustered
MAX_SPEAKERS = 8
PRUNE = 0.2               # keep this share of each row's strongest affinities (drops cross-speaker noise)
MIN_SHARE = 0.04          # a cluster with less of the speech is merged into its nearest neighbour
# A cluster is split in two when its 2-means halves are further apart than they are spread...
SPLIT_MARGIN = 0.15       # (mean similarity to own half) - (similarity between the halves)
SPLIT_SHARE = 0.08        # ...each half holds this much of all speech (not an outlier or laughter)
SPLIT_RUNS = 4            # ...and the halves take turns in time (a voice drifting over a recording does not)


def centroids_of(emb: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    cents = np.stack([(emb[labels == k] * weights[labels == k, None]).sum(0) for k in np.unique(labels)])
    return cents / np.linalg.norm(cents, axis=1, keepdims=True)


def spectral(x: np.ndarray, num_speakers: int | None) -> np.ndarray:
    # A two-hour recording gives thousands of chunks: the N x N matrices are built in place and only
    # the few smallest eigenpairs are computed, so clustering takes a third of the memory it did.
    from scipy.linalg import eigh

    aff = x @ x.T
    n = len(x)
    keep = min(n, 1 + max(3, int(round(PRUNE * n))))    # itself plus its nearest neighbours
    cut = np.partition(aff, n - keep, axis=1)[:, n - keep:n - keep + 1]
    aff[aff < cut] = 0.0
    np.maximum(aff, aff.T, out=aff)
    np.fill_diagonal(aff, 0.0)
    d = 1 / np.sqrt(np.maximum(aff.sum(1), 1e-10))
    aff *= d[:, None]
    aff *= d[None, :]
    lap = aff.astype(np.float64)          # the normalized Laplacian, I - D^-1/2 A D^-1/2
    del aff
    lap *= -1.0
    lap[np.diag_indices(n)] += 1.0
    vals, vecs = eigh(lap, subset_by_index=[0, min(MAX_SPEAKERS, n - 1)], overwrite_a=True, check_finite=False)
    k = num_speakers or int(np.argmax(np.diff(vals[:MAX_SPEAKERS + 1])[1:]) + 2) \
        if len(x) > 2 else 1
    k = max(1, min(k, len(x)))
    if num_speakers is None and vals[1] > EIGENGAP_ONE:
        k = 1
    v = vecs[:, :k]
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-10)
    return KMeans(k, n_init=10, random_state=0).fit_predict(v)


EIGENGAP_ONE = 0.5        # no clear second cluster: one voice
FEW = 12                  # fewer chunks than this: too few for a spectrum, cut a linkage tree instead
LINKAGE_CUT = 0.35        # cosine distance (average linkage) between two voices


def linkage(x: np.ndarray) -> np.ndarray:
    from sklearn.cluster import AgglomerativeClustering

    return AgglomerativeClustering(n_clusters=None, distance_threshold=LINKAGE_CUT, metric="cosine",
                                   linkage="average").fit_predict(x)


def cluster(emb: np.ndarray, durations: np.ndarray, num_speakers: int | None = None) -> np.ndarray:
    """Speaker centroids (k, dim) from the chunks long enough to trust."""
    # a few hundred points: thread pools only spin (10x the CPU time on a busy machine)
    with threadpool_limits(1):
        return _cluster(emb, durations, num_speakers)


def _cluster(emb: np.ndarray, durations: np.ndarray, num_speakers: int | None) -> np.ndarray:
    reliable = durations >= RELIABLE_S
    if reliable.sum() < 4:
        reliable = durations >= np.median(durations)
    x, w = emb[reliable], durations[reliable]
    if len(x) < 3 or num_speakers == 1:
        return centroids_of(x, np.zeros(len(x), int), w)
    labels = spectral(x, num_speakers) if num_speakers or len(x) >= FEW else linkage(x)
    cents = centroids_of(x, labels, w)
    for _ in range(5):        # refine: every chunk to its nearest centroid
        labels = (x @ cents.T).argmax(1)
        cents = centroids_of(x, labels, w)
    if not num_speakers:
        cents = _merge_small(x, w, labels, cents)
        cents = _split_mixed(x, w, cents)
    return cents


def _merge_small(x, w, labels, cents):
    """Fold clusters holding too little speech into their nearest neighbour (noise, laughter, overlap)."""
    labels = np.unique(labels, return_inverse=True)[1]
    while len(cents) > 1:
        share = np.bincount(labels, weights=w, minlength=len(cents)) / w.sum()
        small = int(np.argmin(share))
        if share[small] >= MIN_SHARE:
            break
        sims = cents @ cents[small]
        sims[small] = -np.inf
        labels = np.where(labels == small, int(np.argmax(sims)), labels)
        labels = np.unique(labels, return_inverse=True)[1]
        cents = centroids_of(x, labels, w)
    return cents


def _split_mixed(x, w, cents):
    """Split clusters that hold two voices the eigengap missed (a speaker with few turns sits too
    close to a neighbour in the spectrum); each split must look like turns of two people."""
    labels = (x @ cents.T).argmax(1)
    out = []
    for k in range(len(cents)):
        members = np.flatnonzero(labels == k)
        halves = _two_voices(x[members], w[members], w.sum()) if len(members) >= 2 * SPLIT_RUNS else None
        if halves is None or len(cents) + len(out) - k >= MAX_SPEAKERS:
            out.append(cents[k])
        else:
            out += list(centroids_of(x[members], halves, w[members]))
    return np.stack(out)


def _two_voices(x, w, total):
    """2-means labels of one cluster's chunks (in time order) if they are two voices, else None."""
    halves = KMeans(2, n_init=3, random_state=0).fit_predict(x)
    cents = centroids_of(x, halves, w)
    own = float(np.mean(np.sum(x * cents[halves], axis=1)))
    apart = own - float(cents[0] @ cents[1])
    share = np.bincount(halves, weights=w, minlength=2) / total
    runs = 1 + int(np.sum(halves[1:] != halves[:-1]))
    return halves if apart > SPLIT_MARGIN and share.min() >= SPLIT_SHARE and runs >= SPLIT_RUNS else None
