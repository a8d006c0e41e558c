"""Training of the match model on the data itself (no labels), the way Splink does it:
u from comparisons of random pairs (almost all non-matches), m from EM sessions over pairs
agreeing on the names, then on the birth date (each field's m from the sessions not blocked on
it), guarded so that a base with few duplicates cannot make matching worse; and, as Splink's
term-frequency adjustments, how common each name and place is among the stored customers."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from .golden import Observation
from .matching import FIELDS, NULL, blocking_keys, compare, features
from .model import EPS, TF_FIELDS, MatchModel, expectation_maximisation, level_frequencies, starting_model

TF_MIN_VALUES = 1_000
"""Below this many values of a field, its frequencies are noise: that field is not adjusted."""
TF_MAX_VALUES = 5_000
"""Values kept per field, the most common first; a value left out is taken at the smallest kept."""


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


# Splink's way of estimating m without labels: EM over pairs that agree exactly on a few fields
# (a training rule), where only the *other* fields' m are learnt: a field a rule blocks on agrees
# by construction, and pairs blocked on everything at once (postcode, street) are mostly
# households, whose "match" class EM would learn instead of people's.
TRAINING_RULES: tuple[tuple[str, ...], ...] = (("first_name", "last_name"), ("date_of_birth",))
MIN_EXPECTED_MATCHES = 20.0  # below this a rule's pairs hold too few duplicates to learn m from
MIN_EXACT_M = 0.3  # a learnt m that says matches agree exactly less often than this has learnt noise
MAX_RULE_BLOCK = 50


@dataclass(frozen=True)
class RuleSession:
    """One EM session: the pairs agreeing exactly on ``rule``, and what it learnt."""

    rule: tuple[str, ...]
    pairs: int
    expected_matches: float
    iterations: int
    m: dict[str, list[float]]

    @property
    def informative(self) -> bool:
        return self.expected_matches >= MIN_EXPECTED_MATCHES

    def to_json(self) -> dict[str, Any]:
        return {"rule": list(self.rule), "pairs": self.pairs, "expected_matches": round(self.expected_matches, 1),
                "em_iterations": self.iterations, "used": self.informative}


def rule_pairs(profiles: Sequence[Mapping[str, str]], rule: tuple[str, ...], *,
               max_pairs: int) -> list[tuple[int, int]]:
    """Pairs of profiles with equal, non-empty values in every field of ``rule`` (big blocks skipped)."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        values = tuple(p.get(field, "") for field in rule)
        if all(values):
            blocks[values].append(i)
    pairs: list[tuple[int, int]] = []
    for members in blocks.values():
        if 1 < len(members) <= MAX_RULE_BLOCK:
            pairs.extend(combinations(members, 2))
            if len(pairs) >= max_pairs:
                break
    return pairs[:max_pairs]


def _session(profiles: Sequence[Mapping[str, str]], rule: tuple[str, ...], *, u: dict[str, list[float]],
             start: MatchModel, max_pairs: int) -> RuleSession:
    pairs = rule_pairs(profiles, rule, max_pairs=max_pairs)
    gammas = np.array([compare(profiles[i], profiles[j]) for i, j in pairs], dtype=np.int8).reshape(-1, len(FIELDS))
    for field in rule:  # agreeing by construction: no evidence either way in this session
        gammas[:, FIELDS.index(field)] = NULL
    model, iterations = expectation_maximisation(gammas, u=u, start=start)
    seen = {name for j, name in enumerate(FIELDS) if name not in rule and (gammas[:, j] != NULL).any()}
    learnt = {name: model.m[name] for name in FIELDS if name in seen}
    return RuleSession(rule, len(pairs), model.prior * len(pairs), iterations, learnt)


def _plausible(m: list[float], u: list[float]) -> bool:
    """Learnt m that still says what a match is: exact agreement common among matches, and
    stronger evidence for a match than disagreement is."""
    return m[0] >= MIN_EXACT_M and m[0] / max(u[0], EPS) > m[-1] / max(u[-1], EPS)


def fit(profiles: Sequence[Mapping[str, str]], *, random_pairs: int = 50_000, seed: int = 0,
        max_pairs: int = 500_000) -> MatchModel:
    """A model whose u comes from random pairs and m from EM sessions over pairs agreeing on a
    few fields (each field's m from the sessions not blocked on it).

    Guarded so that training on a base with few or no duplicates cannot make matching worse than
    the starting model: a session with too few expected matches teaches nothing, and a field whose
    learnt m is implausible keeps its starting m. The prior stays the starting one: the share of
    matches among a base's candidate pairs (EM with m and u held, reported as ``blocked_prior``)
    depends on how big the base is and on whether it was already deduplicated, not on how often
    an incoming record is a returning customer; applied as the prior, a small base full of
    duplicates (0.92 on 4,000 synthetic records) turned weak evidence into merges."""
    rng = random.Random(seed)
    n = len(profiles)
    if n < 10:
        raise ValueError(f"need at least 10 profiles to train, have {n}")
    start = starting_model()
    sample = [(i, j) for i, j in ((rng.randrange(n), rng.randrange(n)) for _ in range(random_pairs)) if i != j]
    u_gammas = np.array([compare(profiles[i], profiles[j]) for i, j in sample], dtype=np.int8)
    u = level_frequencies(u_gammas)
    sessions = [_session(profiles, rule, u=u, start=start, max_pairs=max_pairs) for rule in TRAINING_RULES]
    m: dict[str, list[float]] = {}
    kept: list[str] = []
    for name in FIELDS:
        learnt = [s.m[name] for s in sessions if s.informative and name in s.m]
        mean = np.mean(np.array(learnt), axis=0).tolist() if learnt else None
        if mean is not None and _plausible(mean, u[name]):
            m[name] = mean
        else:
            m[name], kept = list(start.m[name]), [*kept, name]
    pairs = blocked_pairs(profiles, max_pairs=max_pairs)
    gammas = np.array([compare(profiles[i], profiles[j]) for i, j in pairs], dtype=np.int8).reshape(-1, len(FIELDS))
    blocked_prior = candidate_prior(gammas, m=m, u=u, start=start.prior)
    frequencies = term_frequencies(profiles)
    stats = {"profiles": n, "random_pairs": len(sample), "sessions": [s.to_json() for s in sessions],
             "blocked_pairs": len(pairs), "blocked_prior": round(blocked_prior, 6), "starting_m_kept": kept,
             "term_frequency_values": {name: len(table) for name, table in frequencies.items()}}
    return MatchModel(m=m, u=u, prior=start.prior, trained_at=dt.datetime.now(dt.UTC).isoformat(),
                      stats=stats, term_frequencies=frequencies)


def term_frequencies(profiles: Sequence[Mapping[str, str]]) -> dict[str, dict[str, float]]:
    """Per name and place field: the share of all its values each value has, for the values seen at
    least twice (a value seen once is as rare as the base can tell). A field with too few values
    to tell common from rare gets no table."""
    tables: dict[str, dict[str, float]] = {}
    for name in TF_FIELDS:
        counts = Counter(value for p in profiles if (value := p.get(name)))
        total = sum(counts.values())
        common = [(value, count) for value, count in counts.most_common(TF_MAX_VALUES) if count >= 2]
        if total >= TF_MIN_VALUES and common:
            tables[name] = {value: count / total for value, count in common}
    return tables


def candidate_prior(gammas: np.ndarray, *, m: dict[str, list[float]], u: dict[str, list[float]], start: float,
                    iterations: int = 50) -> float:
    """EM for the share of matches among candidate pairs, m and u held fixed."""
    if len(gammas) == 0:
        return start
    log_bayes = np.zeros(len(gammas))
    for j, name in enumerate(FIELDS):
        column = gammas[:, j]
        known = column != NULL
        idx = np.where(known, column, 0)
        ratio = np.maximum(np.array(m[name]), EPS)[idx] / np.maximum(np.array(u[name]), EPS)[idx]
        log_bayes += np.where(known, np.log(ratio), 0.0)
    prior = start
    for _ in range(iterations):
        odds = np.log(prior / (1 - prior)) + log_bayes
        new = float(np.clip((1 / (1 + np.exp(-np.clip(odds, -700, 700)))).mean(), EPS, 1 - EPS))
        if abs(new - prior) < 1e-7:
            return new
        prior = new
    return prior
