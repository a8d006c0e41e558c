"""The Fellegi-Sunter match model: m and u probabilities per field level, estimated from the
data by expectation-maximisation (u from random pairs, as Splink does; m by EM, see
``training``; the prior a candidate pair starts from is the starting model's).

The match weight of a comparison vector is ``log2(λ/(1-λ)) + Σ log2(m/u)``; fields whose
level is NULL contribute nothing."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from .matching import COMPARISONS, FIELDS, NULL

EPS = 1e-6


def _levels(name: str) -> int:
    return COMPARISONS[name][1]


@dataclass(frozen=True)
class MatchModel:
    """m/u per field and level, and the prior λ that a blocked pair is a match."""

    m: dict[str, list[float]]
    u: dict[str, list[float]]
    prior: float
    trained_at: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)

    def weight(self, levels: list[int]) -> float:
        """Match weight (log2 Bayes factor plus prior odds) of a comparison vector."""
        prior, table = self._weights
        return prior + sum(row[level] for row, level in zip(table, levels, strict=True) if level != NULL)

    @cached_property
    def _weights(self) -> tuple[float, list[list[float]]]:
        # log2(m/u) per field and level, computed once: scoring a batch weighs ~10^5 pairs
        return math.log2(self.prior / (1 - self.prior)), [
            [math.log2(max(m, EPS) / max(u, EPS)) for m, u in zip(self.m[name], self.u[name], strict=True)]
            for name in FIELDS]

    def explain(self, levels: list[int]) -> list[tuple[str, int | None, float]]:
        """(field, level, match weight) per field: Splink's waterfall as data. A field one side lacks
        has no level and weighs 0; the prior's weight is ``prior_weight``."""
        _, table = self._weights
        return [(name, None, 0.0) if level == NULL else (name, level, round(row[level], 4))
                for name, row, level in zip(FIELDS, table, levels, strict=True)]

    @property
    def prior_weight(self) -> float:
        """log2 of the prior odds that two blocked records are the same person (the waterfall's start)."""
        return round(self._weights[0], 4)

    def probability(self, levels: list[int]) -> float:
        """Posterior probability that the pair is the same person."""
        w = self.weight(levels)
        return 1.0 if w > 60 else 0.0 if w < -60 else 1 / (1 + 2 ** -w)

    def to_json(self) -> dict[str, Any]:
        return {"m": self.m, "u": self.u, "prior": self.prior, "trained_at": self.trained_at, "stats": self.stats}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MatchModel:
        return cls(m={k: list(v) for k, v in data["m"].items()}, u={k: list(v) for k, v in data["u"].items()},
                   prior=float(data["prior"]), trained_at=data.get("trained_at"), stats=dict(data.get("stats", {})))


@dataclass(frozen=True)
class TrainedModel:
    """A stored model: its version (the newest one is in use) and its parameters."""

    model_id: int
    model: MatchModel

    def to_json(self) -> dict[str, Any]:
        """The version and the parameters, as the training job and the command line report them."""
        return {"model_id": self.model_id, **self.model.to_json()}


def starting_model() -> MatchModel:
    """Generic starting values, used only until the first training on real data (and as
    EM's starting point): matches mostly agree, random pairs mostly do not."""
    m = {name: _geometric(_levels(name), first=0.85) for name in FIELDS}
    u_exact = {"first_name": 0.01, "last_name": 0.005, "date_of_birth": 0.001, "postcode": 0.002,
               "city": 0.03, "street": 0.001, "email": 0.0005}
    u: dict[str, list[float]] = {}
    for name in FIELDS:
        n = _levels(name)
        fuzzy = [u_exact[name] * 3 ** i for i in range(1, n - 1)]
        u[name] = [u_exact[name], *fuzzy, 1 - u_exact[name] - sum(fuzzy)]
    return MatchModel(m=m, u=u, prior=0.05)


def _geometric(n: int, *, first: float) -> list[float]:
    rest = [(1 - first) * 0.7 ** i for i in range(n - 1)]
    scale = (1 - first) / sum(rest)
    return [first, *(r * scale for r in rest)]


def level_frequencies(gammas: np.ndarray, weights: np.ndarray | None = None) -> dict[str, list[float]]:
    """Share of each level per field among non-NULL comparisons (Laplace-smoothed)."""
    out: dict[str, list[float]] = {}
    w = np.ones(len(gammas)) if weights is None else weights
    for j, name in enumerate(FIELDS):
        n = _levels(name)
        column = gammas[:, j] if len(gammas) else np.zeros(0, dtype=np.int8)
        counts = np.array([w[column == level].sum() for level in range(n)]) + 0.5
        out[name] = (counts / counts.sum()).tolist()
    return out


def expectation_maximisation(gammas: np.ndarray, *, u: dict[str, list[float]], start: MatchModel,
                             max_iterations: int = 50, tolerance: float = 1e-5) -> tuple[MatchModel, int]:
    """EM for m and λ on blocked pairs with u held fixed (Splink's default training)."""
    if len(gammas) == 0:  # nothing blocked together yet: keep the starting m and prior (a mean of nothing is NaN)
        return MatchModel(m={k: list(v) for k, v in start.m.items()}, u=u, prior=start.prior), 0
    m = {k: list(v) for k, v in start.m.items()}
    prior = start.prior
    u_arr = [np.array(u[name]) for name in FIELDS]
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007 - reported to the caller
        log_m = np.zeros(len(gammas))
        log_u = np.zeros(len(gammas))
        for j, name in enumerate(FIELDS):
            column = gammas[:, j]
            known = column != NULL
            idx = np.where(known, column, 0)
            log_m += np.where(known, np.log(np.maximum(np.array(m[name])[idx], EPS)), 0.0)
            log_u += np.where(known, np.log(np.maximum(u_arr[j][idx], EPS)), 0.0)
        odds = math.log(prior / (1 - prior)) + log_m - log_u
        posterior = 1 / (1 + np.exp(-np.clip(odds, -700, 700)))
        new_prior = float(np.clip(posterior.mean(), EPS, 1 - EPS))
        new_m = level_frequencies(gammas, posterior)
        delta = max(abs(new_prior - prior), *(abs(a - b) for name in FIELDS for a, b in zip(new_m[name], m[name],
                                                                                                  strict=True)))
        m, prior = new_m, new_prior
        if delta < tolerance:
            break
    return MatchModel(m=m, u=u, prior=prior), iterations
