"""The value snapshot of a customer, and the rule for when a change is worth announcing.

Population-relative parts (RFM quintiles r/f/m, CLV from a fitted model, tiers) need a
population run (a CLV fit or an RFM refresh); until the first one they stay None and only
the provisional segment below is computed per customer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .features import ZERO, CustomerFeatures

NEW = "new"


@dataclass
class CustomerScores:
    """Model-derived scores of one customer (RFM quintiles, CLV, tier, churn risk)."""

    customer_id: str
    scored_at: dt.datetime
    r: int | None = None
    f: int | None = None
    m: int | None = None
    rfm_segment: str | None = None
    tier: str | None = None
    churn_risk: float | None = None
    p_alive: float | None = None
    expected_purchases_90d: float | None = None
    expected_avg_order_value: Decimal | None = None
    clv_12m: Decimal | None = None
    segments: list[str] = field(default_factory=list)
    churn_drivers: list[dict[str, object]] = field(default_factory=list)


# A change of CLV by less than this share, or of churn risk within the same tenth, is noise
# (both drift with time alone); tier, segment, frequency and money changes always count.
CLV_MATERIAL_SHARE = Decimal("0.10")


@dataclass(frozen=True)
class ValueSnapshot:
    """What consumers of CustomerScored know about a customer's value; a change in any
    field is material. ``p_alive`` is deliberately absent: it drifts with time alone."""

    frequency: int = 0
    monetary: Decimal = ZERO
    currency: str | None = None
    rfm_segment: str | None = None
    tier: str | None = None
    clv_12m: Decimal | None = None
    churn_risk: float | None = None


# A customer nobody announced yet is known to have no value: a first purchase is material,
# a first page visit is not.
UNSCORED = ValueSnapshot()


def provisional_segment(features: CustomerFeatures) -> str | None:
    """Segment available without population quintiles: ``new`` after exactly one purchase."""
    return NEW if features.frequency == 1 else None


def rescore(*, features: CustomerFeatures, scores: CustomerScores | None, now: dt.datetime) -> CustomerScores:
    """Recompute the per-customer part of the scores after the features changed."""
    current = scores or CustomerScores(customer_id=features.customer_id, scored_at=now)
    population_scored = current.r is not None
    segment = current.rfm_segment if population_scored else provisional_segment(features)
    return replace(current, customer_id=features.customer_id, scored_at=now, rfm_segment=segment)


def snapshot(features: CustomerFeatures | None, scores: CustomerScores | None) -> ValueSnapshot:
    """The announced-value view of features and scores (UNSCORED when there are none)."""
    if features is None:
        return UNSCORED
    return ValueSnapshot(
        frequency=features.frequency, monetary=features.monetary, currency=features.currency,
        rfm_segment=scores.rfm_segment if scores else None, tier=scores.tier if scores else None,
        clv_12m=scores.clv_12m if scores else None, churn_risk=scores.churn_risk if scores else None,
    )


def _clv_moved(before: Decimal | None, after: Decimal | None) -> bool:
    if before is None or after is None:
        return before is not after
    return abs(after - before) > CLV_MATERIAL_SHARE * max(abs(before), Decimal("1"))


def _band(risk: float | None) -> int | None:
    return None if risk is None else min(int(risk * 10), 9)


def is_material_change(before: ValueSnapshot, after: ValueSnapshot) -> bool:
    """True when CustomerScored should be published: first value, frequency, money, segment or
    tier changed, CLV moved by more than 10 %, or churn risk entered another tenth (0.1 band).
    Decimal equality ignores trailing zeros (1.0 == 1.00)."""
    same = (before.frequency, before.monetary, before.currency, before.rfm_segment, before.tier) == (
        after.frequency, after.monetary, after.currency, after.rfm_segment, after.tier)
    return not same or _clv_moved(before.clv_12m, after.clv_12m) or _band(before.churn_risk) != _band(after.churn_risk)


def recency_days(last_purchase_at: dt.datetime | None, now: dt.datetime) -> int | None:
    """Whole days since the last purchase (0 for purchases dated in the future)."""
    if last_purchase_at is None:
        return None
    return max((now - last_purchase_at).days, 0)
