"""From features and the stored population models to the scores of customers: one vectorised
function (``score_arrays``) for a single customer after an event and for the whole population
after a refit, so the two paths cannot disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..domain import needs, rules
from ..domain.clv import Array
from ..domain.features import CustomerFeatures
from ..domain.scoring import (
    Churn,
    Columns,
    ScoringConfig,
    churn,
    day_number,
    score_clv,
    score_rfm,
    score_tiers,
    value_and_potential,
)
from ..domain.value import NEW, CustomerScores

NAN = float("nan")
DAY_SECONDS = 86400.0


def columns(features: list[CustomerFeatures], *, now: dt.datetime) -> Columns:
    """The numeric columns of scoring for these customers."""
    n = len(features)

    def col(fn: Any) -> np.ndarray:  # type: ignore[type-arg]
        return np.fromiter((fn(f) for f in features), dtype=float, count=n)

    today = day_number(now.date())
    return Columns(
        purchase_days=col(lambda f: max(f.purchase_days, 1) if f.frequency else 0),
        first_day=col(lambda f: day_number(f.first_purchase_at.date()) if f.first_purchase_at else NAN),
        last_day=col(lambda f: day_number(f.last_purchase_at.date()) if f.last_purchase_at else NAN),
        frequency=col(lambda f: f.frequency), monetary=col(lambda f: float(f.monetary)),
        first_day_amount=col(lambda f: float(f.first_day_amount)), cost_to_serve=col(lambda f: float(f.cost_to_serve)),
        tenure_days=col(lambda f: today - day_number(f.first_interaction_at.date()) if f.first_interaction_at else 0),
        lapsed=col(lambda f: f.last_lapse_at is not None and (
            f.last_purchase_at is None or f.last_lapse_at > f.last_purchase_at)).astype(bool),
        last_purchase_ts=col(lambda f: f.last_purchase_at.timestamp() if f.last_purchase_at else NAN),
    )


def needs_categories(models: dict[str, Any]) -> list[str]:
    """The categories the stored needs model's vectors have a share for."""
    if "needs" not in models:
        return []
    return [n.split(":", 1)[1] for n in models["needs"]["features"] if n.startswith("category:")]


@dataclass
class ScoreArrays:
    """Scores of many customers as columns, rounded as stored (nan / None = no value):
    floats to 6 digits, churn risk to 4, money as whole cents."""

    r: Array
    f: Array
    m: Array
    rfm_segment: Any            # objects: str or None
    p_alive: Array
    expected_purchases_90d: Array
    aov_cents: Array
    clv_cents: Array
    tier: Any                   # objects, or None before any tier model
    churn: Churn
    needs: NDArray[np.int64] | None  # index into needs_ids, or None without a needs model
    needs_ids: list[str]
    rule_ids: list[str]
    rule_hits: NDArray[np.bool_]  # customers x rules

    def segments(self, i: int, kept: list[str]) -> list[str]:
        """The segments of customer ``i``: those kept from before, its needs segment, matching rules."""
        return kept + ([self.needs_ids[self.needs[i]]] if self.needs is not None else []) + [
            r for r, hit in zip(self.rule_ids, self.rule_hits[i], strict=True) if hit]

    def segment_masks(self) -> Iterator[tuple[str, NDArray[np.bool_]]]:
        """Each needs-based and rule-defined segment these scores put customers in, with who is in it."""
        if self.needs is not None:
            for j, segment_id in enumerate(self.needs_ids):
                yield segment_id, np.asarray(self.needs == j, dtype=bool)
        for j, segment_id in enumerate(self.rule_ids):
            yield segment_id, self.rule_hits[:, j]

    def scores(self, i: int, *, customer_id: str, kept: list[str], now: dt.datetime) -> CustomerScores:
        """Customer ``i`` as a CustomerScores."""
        return CustomerScores(
            customer_id=customer_id, scored_at=now, r=_int(self.r[i]), f=_int(self.f[i]), m=_int(self.m[i]),
            rfm_segment=self.rfm_segment[i], tier=None if self.tier is None else self.tier[i],
            churn_risk=_float(self.churn.risk[i]), p_alive=_float(self.p_alive[i]),
            expected_purchases_90d=_float(self.expected_purchases_90d[i]),
            expected_avg_order_value=money(self.aov_cents[i]), clv_12m=money(self.clv_cents[i]),
            segments=self.segments(i, kept), churn_drivers=self.churn.drivers(i))


def _int(value: float) -> int | None:
    return None if np.isnan(value) else int(value)


def _float(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def money(cents: float) -> Decimal | None:
    """Whole cents as an exact Decimal with two places (None for nan)."""
    return None if np.isnan(cents) else Decimal(int(cents)).scaleb(-2)


def _rounded(values: Array, digits: int) -> Array:
    with np.errstate(invalid="ignore"):
        return np.where(np.isfinite(values), np.round(values, digits), np.nan)


def score_arrays(cols: Columns, *, vectors: Array | None, models: dict[str, Any], rule_segments: list[Any],
                 now: dt.datetime, config: ScoringConfig, clv_scores: dict[str, Array] | None = None) -> ScoreArrays:
    """Scores of these customers under the stored models; ``vectors`` are their needs vectors
    (``needs.matrix``), required when a needs model exists; ``clv_scores``: ``score_clv`` of
    these columns if the caller has them already (the population run needs them for tiers first)."""
    n = len(cols)
    today = day_number(now.date())
    bought = cols.purchase_days > 0
    raw: dict[str, Any] = {}
    if "clv" in models:
        raw.update(clv_scores if clv_scores else score_clv(cols, models["clv"], today=today, config=config))
    nothing = np.full(n, np.nan)
    if "rfm" in models:
        rfm = score_rfm(cols, models["rfm"], today=today)
        r, f, m = (np.where(bought, rfm[k], np.nan).astype(float) for k in ("r", "f", "m"))
        # None as the 0-d object array numpy makes of it (the stubs read a bare None as "y not given")
        segment = np.where(bought, rfm["rfm_segment"], np.asarray(None, dtype=object))
    else:
        r = f = m = nothing
        segment = np.where(cols.frequency == 1, NEW, np.asarray(None, dtype=object)).astype(object)
    net, gap = value_and_potential(cols, raw, config=config)
    tier = score_tiers(net, gap, models["tiers"]) if "tiers" in models else None
    explained = churn(cols, raw, config=config)
    with np.errstate(invalid="ignore"):
        p_alive = _rounded(raw.get("p_alive", nothing), 6)
        expected = _rounded(raw.get("expected_purchases_90d", nothing), 6)
        aov = _rounded(np.rint(raw.get("expected_avg_order_value", nothing) * 100.0), 0)
        value = _rounded(np.rint(raw.get("clv_12m", nothing) * 100.0), 0)
    nearest = None
    if "needs" in models and n:
        if vectors is None:
            raise ValueError("a needs model exists: the needs vectors of the customers are required")
        nearest = needs.nearest(vectors, models["needs"])
    last_ts = cols.last_purchase_ts if cols.last_purchase_ts is not None else cols.last_day * DAY_SECONDS
    with np.errstate(invalid="ignore"):
        recency = np.where(np.isnan(last_ts), np.nan,
                           np.maximum(np.floor((now.timestamp() - last_ts) / DAY_SECONDS), 0.0))
    fields = {"tier": tier if tier is not None else np.full(n, None, dtype=object), "rfm_segment": segment,
              "r": r, "f": f, "m": m, "frequency": cols.frequency, "monetary": cols.monetary,
              "recency_days": recency, "p_alive": p_alive, "expected_purchases_90d": expected,
              "clv_12m": value / 100.0, "churn_risk": explained.risk, "cost_to_serve": cols.cost_to_serve}
    hits = np.zeros((n, len(rule_segments)), dtype=bool)
    for j, rule in enumerate(rule_segments):
        hits[:, j] = rules.matches_many(rule.conditions, fields) if n else hits[:, j]
    return ScoreArrays(r=r, f=f, m=m, rfm_segment=segment, p_alive=p_alive, expected_purchases_90d=expected,
                       aov_cents=aov, clv_cents=value, tier=tier, churn=explained, needs=nearest,
                       needs_ids=list(models["needs"]["ids"]) if "needs" in models else [],
                       rule_ids=[rule.segment_id for rule in rule_segments], rule_hits=hits)


def kept_segments(before: list[str], *, rule_ids: list[str]) -> list[str]:
    """Segments a scoring run leaves alone: neither needs-based nor a current rule's."""
    return [x for x in before if not x.startswith("needs-") and x not in rule_ids]


def score(features: list[CustomerFeatures], *, models: dict[str, Any], rule_segments: list[Any],
          previous: dict[str, CustomerScores], now: dt.datetime, config: ScoringConfig) -> list[CustomerScores]:
    """Scores of these customers under the current models (the per-event path; vectorised over the list)."""
    vectors = needs.matrix(**needs.counts(features, needs_categories(models))) if "needs" in models else None
    arrays = score_arrays(columns(features, now=now), vectors=vectors, models=models, rule_segments=rule_segments,
                          now=now, config=config)
    result = []
    for i, f in enumerate(features):
        before = previous.get(f.customer_id)
        kept = kept_segments(before.segments if before else [], rule_ids=arrays.rule_ids)
        result.append(arrays.scores(i, customer_id=f.customer_id, kept=kept, now=now))
    return result
