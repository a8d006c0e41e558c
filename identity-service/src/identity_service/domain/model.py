"""The Fellegi-Sunter match model: m and u probabilities per field level, estimated from the
data by expectation-maximisation (u from random pairs, as Splink does; m by EM, see
``training``; the prior a candidate pair starts from is the starting model's).

The match weight of a comparison vector is ``log2(λ/(1-λ)) + Σ log2(m/u)``; fields whose
level is NULL contribute nothing.

Term-frequency adjustment (as Splink's ``term_frequency_adjustments``): two records agreeing
exactly on a common name say less than two agreeing on a rare one. ``u`` of an exact match is the
share of random pairs agreeing on *any* value; the share agreeing on *this* value is its term
frequency ``tf(v)``, so an exact match on ``v`` weighs ``log2(m/tf(v))``: the field's exact-level
weight plus ``log2(u_exact/tf(v))``. The frequencies come from training (the stored customers);
a value the table does not hold is rarer than every value it does, and is taken at the table's
smallest frequency. Without a table (the starting model) nothing is adjusted.

Only common values are adjusted (down); a rare one keeps the field's exact-match weight
(``TF_MAX_BOOST``). Boosting rare values as Splink does cost precision on FEBRL 3 (load, train,
dedupe: 1.0000 → 0.9991) for one workflow's recall (+0.0011): a false merge costs more than a
missed one, which dedupe or a review still finds."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from .matching import COMPARISONS, FIELDS, NULL

EPS = 1e-6
TF_FIELDS: tuple[str, ...] = ("first_name", "last_name", "city")
"""Fields whose exact agreements are adjusted by how common the value is (names and places)."""
TF_MAX_BOOST = 0.0
"""Most bits a rare value adds to an exact agreement: none (see the module's docstring)."""


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
    term_frequencies: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per field of ``TF_FIELDS``: value -> share of the stored customers' values (common ones only)."""

    def weight(self, levels: list[int], values: Mapping[str, str] | None = None) -> float:
        """Match weight (log2 Bayes factor plus prior odds) of a comparison vector; with ``values`` (the
        record's fields) exact agreements on names and places are adjusted by how common the value is."""
        prior, table = self._weights
        weight = prior + sum(row[level] for row, level in zip(table, levels, strict=True) if level != NULL)
        if values is not None and self.term_frequencies:
            weight += sum(self.tf_adjustments(levels, values).values())
        return weight

    def tf_adjustments(self, levels: list[int], values: Mapping[str, str]) -> dict[str, float]:
        """log2(u_exact / tf(value)), at most ``TF_MAX_BOOST``, per field that agrees exactly and has a table."""
        adjustments: dict[str, float] = {}
        for name, index, u_exact in self._tf_fields:
            value = values.get(name)
            if levels[index] == 0 and value:
                frequencies, floor = self.term_frequencies[name], self._tf_floors[name]
                adjustments[name] = min(TF_MAX_BOOST, math.log2(u_exact / frequencies.get(value, floor)))
        return adjustments

    @cached_property
    def _tf_fields(self) -> tuple[tuple[str, int, float], ...]:
        return tuple((name, FIELDS.index(name), max(self.u[name][0], EPS))
                     for name in TF_FIELDS if self.term_frequencies.get(name))

    @cached_property
    def _tf_floors(self) -> dict[str, float]:
        return {name: min(table.values()) for name, table in self.term_frequencies.items() if table}

    @cached_property
    def _weights(self) -> tuple[float, list[list[float]]]:
        # log2(m/u) per field and level, computed once: scoring a batch weighs ~10^5 pairs
        return math.log2(self.prior / (1 - self.prior)), [
            [math.log2(max(m, EPS) / max(u, EPS)) for m, u in zip(self.m[name], self.u[name], strict=True)]
            for name in FIELDS]

    def explain(self, levels: list[int],
                values: Mapping[str, str] | None = None) -> list[tuple[str, int | None, float]]:
        """(field, level, match weight) per field: Splink's waterfall as data. A field one side lacks
        has no level and weighs 0; the prior's weight is ``prior_weight``. An exact name or place
        weighs what its term frequency says (the adjustment is part of the field's weight)."""
        _, table = self._weights
        adjusted = self.tf_adjustments(levels, values) if values is not None and self.term_frequencies else {}
        return [(name, None, 0.0) if level == NULL else (name, level, round(row[level] + adjusted.get(name, 0.0), 4))
                for name, row, level in zip(FIELDS, table, levels, strict=True)]

    @property
    def prior_weight(self) -> float:
        """log2 of the prior odds that two blocked records are the same person (the waterfall's start)."""
        return round(self._weights[0], 4)

    def probability(self, levels: list[int], values: Mapping[str, str] | None = None) -> float:
        """Posterior probability that the pair is the same person."""
        w = self.weight(levels, values)
        return 1.0 if w > 60 else 0.0 if w < -60 else 1 / (1 + 2 ** -w)

    def to_json(self) -> dict[str, Any]:
        """Everything, the frequency tables included (what the model store keeps)."""
        return {**self.summary_json(), "term_frequencies": self.term_frequencies}

    def summary_json(self) -> dict[str, Any]:
        """m, u, prior and stats: what the API shows (the frequency tables are counted in ``stats``)."""
        return {"m": self.m, "u": self.u, "prior": self.prior, "trained_at": self.trained_at, "stats": self.stats}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MatchModel:
        return cls(m={k: list(v) for k, v in data["m"].items()}, u={k: list(v) for k, v in data["u"].items()},
                   prior=float(data["prior"]), trained_at=data.get("trained_at"), stats=dict(data.get("stats", {})),
                   term_frequencies={k: dict(v) for k, v in (data.get("term_frequencies") or {}).items()})


@dataclass(frozen=True)
class TrainedModel:
    """A stored model: its version (the newest one is in use) and its parameters."""

    model_id: int
    model: MatchModel

    def to_json(self) -> dict[str, Any]:
        """The version and the parameters, as the training job and the command line report them."""
        return {"model_id": self.model_id, **self.model.summary_json()}


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
