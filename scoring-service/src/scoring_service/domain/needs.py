"""Needs-based micro-segments: k-means over behavioural vectors, k chosen by silhouette.

The vector of a customer: channel mix and time-of-day mix (shares), top categories (shares),
log basket size, log purchase count and offer response rate, each standardised. A segment is
named by the features its centre is most above the population on, so the same behaviour gets
the same name (and id) on every refresh."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

from .clv import Array
from .features import DAYPARTS, CustomerFeatures

CHANNELS = ("web", "store", "phone", "email", "chat", "mobile_app", "social", "mail")
MAX_CATEGORIES = 8
SILHOUETTE_SAMPLE = 2000
KMEANS_SAMPLE = 20000  # k is chosen on a sample; the chosen k is then fitted on all rows given


def feature_names(categories: list[str]) -> list[str]:
    """Names of the vector's components, in order."""
    return ([f"channel:{c}" for c in CHANNELS] + [f"daypart:{d}" for d in DAYPARTS]
            + [f"category:{c}" for c in categories] + ["basket", "purchases", "offers"])


def top_categories(features: list[CustomerFeatures]) -> list[str]:
    """The most frequent categories in the population (the vector has room for a few)."""
    totals: dict[str, int] = {}
    for f in features:
        for c, n in f.category_counts.items():
            totals[c] = totals.get(c, 0) + n
    return sorted(totals, key=lambda c: (-totals[c], c))[:MAX_CATEGORIES]


def vector(f: CustomerFeatures, categories: list[str]) -> list[float]:
    """The behavioural vector of one customer."""
    return [float(v) for v in matrix(**counts([f], categories))[0]]


def counts(features: list[CustomerFeatures], categories: list[str]) -> dict[str, Array]:
    """The count columns ``matrix`` needs, from features in memory (the database path selects them)."""
    def table(name: str, keys: Any) -> Array:
        return np.asarray([[getattr(f, name).get(k, 0) for k in keys] for f in features],
                          dtype=float).reshape(len(features), len(keys))

    def col(values: Any) -> Array:
        return np.fromiter(values, dtype=float, count=len(features))

    return {"channel": table("channel_counts", CHANNELS), "daypart": table("daypart_counts", DAYPARTS),
            "category": table("category_counts", categories),
            "category_total": col(sum(f.category_counts.values()) for f in features),
            "interactions": col(f.interactions for f in features),
            "monetary": col(float(f.monetary) for f in features), "frequency": col(f.frequency for f in features),
            "offers": col(f.offer_responses for f in features)}


def matrix(*, channel: Array, daypart: Array, category: Array, category_total: Array, interactions: Array,
           monetary: Array, frequency: Array, offers: Array) -> Array:
    """Behavioural vectors of many customers (rows) from their counts: channel and time-of-day
    shares of interactions, category shares, log basket size, log purchases, offer response rate."""
    per = np.maximum(interactions, 1.0)[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        basket = np.where(frequency > 0, monetary / np.maximum(frequency, 1.0), 0.0)
    return np.hstack([channel / per, daypart / per, category / np.maximum(category_total, 1.0)[:, None],
                      np.log1p(np.maximum(basket, 0.0))[:, None], np.log1p(frequency)[:, None],
                      (offers / per[:, 0])[:, None]])


def _label(name: str) -> str:
    kind, _, value = name.partition(":")
    return {"basket": "big-basket", "purchases": "frequent", "offers": "offer-responsive"}.get(kind, value or kind)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "segment"


def fit(matrix: Array, names: list[str], *, k_max: int = 8, seed: int = 0) -> dict[str, Any] | None:
    """Cluster the population; None when it is too small or has a single behaviour. One BLAS/OpenMP
    thread: on a shared machine oversubscribed threads made k-means 20x slower than one thread."""
    with threadpool_limits(limits=1):
        return _fit(matrix, names, k_max=k_max, seed=seed)


def _fit(matrix: Array, names: list[str], *, k_max: int, seed: int) -> dict[str, Any] | None:
    # imported here, not at module level: scikit-learn (and pandas, which it imports) cost ~3 s of CPU at
    # every start of the service, and only a needs fit uses it
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(matrix)
    if n < 10:
        return None
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale == 0] = 1.0
    z = (matrix - mean) / scale
    best: tuple[float, int] | None = None
    rng = np.random.default_rng(seed)
    train = z[np.sort(rng.choice(n, size=min(n, KMEANS_SAMPLE), replace=False))]
    sample = rng.choice(len(train), size=min(len(train), SILHOUETTE_SAMPLE), replace=False)
    distinct = len(np.unique(train, axis=0))  # k-means cannot find more clusters than distinct points
    for k in range(2, min(k_max, len(train) - 1, distinct) + 1):
        labels = KMeans(n_clusters=k, n_init=2, random_state=seed).fit(train).labels_[sample]
        if len(set(labels.tolist())) < 2:
            continue
        score = float(silhouette_score(train[sample], labels))
        if best is None or score > best[0] + 1e-9:
            best = (score, k)
    if best is None:
        return None
    silhouette, k = best
    centres = KMeans(n_clusters=k, n_init=4, random_state=seed).fit(z).cluster_centers_
    ids, labels_ = [], []
    for centre in centres:
        top = [names[i] for i in np.argsort(-centre)[:2] if centre[i] > 0] or [names[int(np.argmax(centre))]]
        label = "+".join(_label(t) for t in top)
        segment_id = "needs-" + _slug(label)
        while segment_id in ids:  # two centres above the population on the same features
            segment_id += "-b"
        ids.append(segment_id)
        labels_.append(label)
    return {"features": names, "mean": mean.tolist(), "scale": scale.tolist(), "centres": centres.tolist(),
            "ids": ids, "names": labels_, "k": len(centres), "silhouette": silhouette, "customers": n}


def assign(vectors: Array, model: dict[str, Any]) -> list[str]:
    """The segment id of each row: the nearest centre in standardised space."""
    return [model["ids"][i] for i in nearest(vectors, model)]


def nearest(vectors: Array, model: dict[str, Any], *, chunk: int = 100_000) -> NDArray[np.int64]:
    """Index of the nearest centre of each row (in chunks: the distance table is rows x k x features)."""
    mean, scale, centres = (np.asarray(model[k]) for k in ("mean", "scale", "centres"))
    out = np.empty(len(vectors), dtype=np.int64)
    for start in range(0, len(vectors), chunk):
        z = (vectors[start:start + chunk] - mean) / scale
        out[start:start + chunk] = np.argmin(((z[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2), axis=1)
    return out
