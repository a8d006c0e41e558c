"""Read side of scoring-service: the value object and the raw features of one customer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from idic import ProblemError

from ..adapters.uow import ScoringUnitOfWork
from ..api.schemas import Clv, Features, Rfm, Value
from ..domain.features import CustomerFeatures
from ..domain.value import CustomerScores, recency_days, rescore

UowFactory = Callable[[], ScoringUnitOfWork]


def _load(uow: ScoringUnitOfWork, customer_id: str) -> CustomerFeatures:
    features = uow.features.get(uow.aliases.resolve(customer_id))
    if features is None:
        raise ProblemError(404, "Not Found", f"customer {customer_id!r} has no interactions known to scoring")
    return features


def get_value(*, customer_id: str, uow_factory: UowFactory, now: dt.datetime) -> Value:
    """RFM, CLV, tier, segments and churn risk of a customer (404 if scoring never heard of it)."""
    with uow_factory() as uow:
        features = _load(uow, customer_id)
        scores = uow.scores.get(features.customer_id)
    # scores are saved with every feature change; deriving them keeps a reader safe from a gap anyway
    scores = scores or rescore(features=features, scores=None, now=now)
    return _value(features, scores, now=now)


def _value(features: CustomerFeatures, scores: CustomerScores, *, now: dt.datetime) -> Value:
    return Value(
        customer_id=features.customer_id,
        rfm=Rfm(recency_days=recency_days(features.last_purchase_at, now), frequency=features.frequency,
                monetary=features.monetary, currency=features.currency, r=scores.r, f=scores.f, m=scores.m,
                segment=scores.rfm_segment),
        clv=Clv(p_alive=scores.p_alive, expected_purchases_90d=scores.expected_purchases_90d,
                expected_avg_order_value=scores.expected_avg_order_value, clv_12m=scores.clv_12m),
        tier=scores.tier, segments=list(scores.segments), churn_risk=scores.churn_risk, scored_at=scores.scored_at,
    )


def get_features(*, customer_id: str, uow_factory: UowFactory) -> Features:
    """The raw aggregates of a customer (404 if unknown)."""
    with uow_factory() as uow:
        features = _load(uow, customer_id)
        merged_ids = uow.aliases.merged_into(features.customer_id)
        updated_at = uow.features.updated_at(features.customer_id)
    if updated_at is None:  # erased between the two reads of this transaction (it cannot be, on one snapshot)
        raise ProblemError(404, "Not Found", f"customer {customer_id!r} has no interactions known to scoring")
    return Features(merged_ids=merged_ids, updated_at=updated_at, **vars(features))
