"""Training of the match model on the data itself (no labels), the way Splink does it:
u from comparisons of random pairs (almost all non-matches), then EM over the pairs the
blocking rules produce for m and the prior."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np

from .golden import Observation
from .matching import FIELDS, blocking_keys, compare, features
from .model import MatchModel, expectation_maximisation, level_frequencies, starting_model


def profiles_from_observations(rows: Iterable[tuple[str, list[Any]]],
                               emails: Mapping[str, str]) -> list[dict[str, str]]:
    """One comparison profile per (customer that brought it, source): what that source said."""
    profiles = []
    for _cid, raw in rows:
        grouped: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
        for o in (Observation.from_json(r) for r in raw):
            seen = grouped[(o.origin, o.source)].get(o.name)
            if seen is None or o.last_seen > seen[0]:
                grouped[(o.origin, o.source)][o.name] = (o.last_seen, o.value)
        for (origin, _source), values in grouped.items():
            profiles.append(features({k: v for k, (_, v) in values.items()}, email=emails.get(origin)))
    return profiles


def blocked_pairs(profiles: Sequence[Mapping[str, str]], *, max_block: int = 50,
                  max_pairs: int = 500_000) -> list[tuple[int, int]]:
    """Distinct pairs of profiles sharing a blocking key (oversized blocks skipped)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in blocking_keys(p):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= max_block:
            pairs.update(combinations(members, 2))
            if len(pairs) >= max_pairs:
                break
    return sorted(pairs)[:max_pairs]


def fit(profiles: Sequence[Mapping[str, str]], *, random_pairs: int = 50_000, seed: int = 0,
        max_pairs: int = 500_000) -> MatchModel:
    """A model whose u comes from random pairs and m and prior from EM on blocked pairs."""
    rng = random.Random(seed)
    n = len(profiles)
    if n < 10:
        raise ValueError(f"need at least 10 profiles to train, have {n}")
    sample = [(i, j) for i, j in ((rng.randrange(n), rng.randrange(n)) for _ in range(random_pairs)) if i != j]
    u_gammas = np.array([compare(profiles[i], profiles[j]) for i, j in sample], dtype=np.int8)
    u = level_frequencies(u_gammas)
    pairs = blocked_pairs(profiles, max_pairs=max_pairs)
    gammas = np.array([compare(profiles[i], profiles[j]) for i, j in pairs], dtype=np.int8).reshape(-1, len(FIELDS))
    model, iterations = expectation_maximisation(gammas, u=u, start=starting_model())
    # EM's prior is the share of matches among *blocked* pairs; a record is scored against
    # candidates of a database of n profiles, so use the prior of any two profiles matching
    # (matches outside every block taken as none), as Splink's probability_two_random_records_match.
    total_pairs = n * (n - 1) / 2
    prior = min(max(model.prior * len(pairs) / total_pairs, 1e-9), 0.5)
    stats = {"profiles": n, "random_pairs": len(sample), "blocked_pairs": len(pairs), "em_iterations": iterations,
             "blocked_prior": model.prior}
    return MatchModel(m=model.m, u=u, prior=prior, trained_at=dt.datetime.now(dt.UTC).isoformat(), stats=stats)
