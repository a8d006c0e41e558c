"""From features and the stored population models to the scores of customers: one function
for a single customer after an event and for the whole population after a refit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np

from ..domain import needs, rules
from ..domain.features import CustomerFeatures
from ..domain.scoring import (
    Columns,
    ScoringConfig,
    churn,
    day_number,
    score_clv,
    score_rfm,
    score_tiers,
    value_and_potential,
)
from ..domain.value import CustomerScores, provisional_segment, recency_days

CENT = Decimal("0.01")
NAN = float("nan")


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
    )


def _money(value: float) -> Decimal | None:
    return None if not np.isfinite(value) else Decimal(repr(float(value))).quantize(CENT)


def _float(value: float, digits: int = 6) -> float | None:
    return None if not np.isfinite(value) else round(float(value), digits)


def score(features: list[CustomerFeatures], *, models: dict[str, Any], rule_segments: list[Any],
          previous: dict[str, CustomerScores], now: dt.datetime, config: ScoringConfig) -> list[CustomerScores]:
    """Scores of these customers under the current models (vectorised over the list)."""
    cols = columns(features, now=now)
    today = day_number(now.date())
    out: dict[str, Any] = {}
    if "clv" in models:
        out.update(score_clv(cols, models["clv"], today=today, config=config))
    if "rfm" in models:
        out.update(score_rfm(cols, models["rfm"], today=today))
    net, gap = value_and_potential(cols, out, config=config)
    tiers = score_tiers(net, gap, models["tiers"]) if "tiers" in models else None
    risk, drivers = churn(cols, out, config=config)
    needs_ids: list[str] | None = None
    if "needs" in models and features:
        categories = [n.split(":", 1)[1] for n in models["needs"]["features"] if n.startswith("category:")]
        needs_ids = needs.assign(np.asarray([needs.vector(f, categories) for f in features]), models["needs"])
    result = []
    for i, f in enumerate(features):
        before = previous.get(f.customer_id)
        s = CustomerScores(customer_id=f.customer_id, scored_at=now)
        if "rfm" in models and f.frequency:
            s.r, s.f, s.m, s.rfm_segment = (int(out["r"][i]), int(out["f"][i]), int(out["m"][i]),
                                            str(out["rfm_segment"][i]))
        elif "rfm" not in models:
            s.rfm_segment = provisional_segment(f)
        if "clv" in models and f.frequency:
            s.p_alive, s.expected_purchases_90d = _float(out["p_alive"][i]), _float(out["expected_purchases_90d"][i])
            s.expected_avg_order_value, s.clv_12m = (_money(out["expected_avg_order_value"][i]),
                                                     _money(out["clv_12m"][i]))
        s.tier = str(tiers[i]) if tiers is not None else None
        s.churn_risk, s.churn_drivers = _float(risk[i], 4), drivers[i]
        kept = [x for x in (before.segments if before else []) if not x.startswith("needs-") and
                not any(x == r.segment_id for r in rule_segments)]
        s.segments = kept + ([needs_ids[i]] if needs_ids else []) + [
            r.segment_id for r in rule_segments if rules.matches(r.conditions, value_fields(f, s, now=now))]
        result.append(s)
    return result


def value_fields(f: CustomerFeatures, s: CustomerScores, *, now: dt.datetime) -> dict[str, Any]:
    """The value object's fields that rule segments can test."""
    return {"tier": s.tier, "rfm_segment": s.rfm_segment, "r": s.r, "f": s.f, "m": s.m, "frequency": f.frequency,
            "monetary": float(f.monetary), "recency_days": recency_days(f.last_purchase_at, now),
            "p_alive": s.p_alive, "expected_purchases_90d": s.expected_purchases_90d,
            "clv_12m": None if s.clv_12m is None else float(s.clv_12m), "churn_risk": s.churn_risk,
            "cost_to_serve": float(f.cost_to_serve)}
