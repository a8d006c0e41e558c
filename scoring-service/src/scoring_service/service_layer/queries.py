"""Read side of scoring-service: the value object and the raw features of one customer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from idic import ProblemError
from idic.public.common import ErasureResult
from idic.public.scoring import (
    BgNbdParams,
    ChurnDriver,
    Clv,
    ClvModel,
    CustomerValue,
    Features,
    GammaGammaParams,
    ProfilingRefused,
    Rfm,
    Segment,
    SegmentList,
    SegmentMember,
    SegmentMembers,
)

from ..adapters.counts import has_model, repeat_buyers_at_least
from ..adapters.uow import ScoringUnitOfWork
from ..domain.features import CustomerFeatures
from ..domain.value import CustomerScores, recency_days, rescore

UowFactory = Callable[[], ScoringUnitOfWork]


def _load(uow: ScoringUnitOfWork, customer_id: str) -> CustomerFeatures:
    features = uow.features.get(uow.aliases.resolve(customer_id))
    if features is None:
        raise ProblemError(404, "Not Found", f"customer {customer_id!r} has no interactions known to scoring")
    return features


def get_value(*, customer_id: str, uow_factory: UowFactory, now: dt.datetime,
              min_repeat_buyers: int) -> CustomerValue | ProfilingRefused:
    """RFM, CLV, tier, segments and churn risk of a customer, each saying why it is empty if it is
    (404 if scoring never heard of the customer; ``profiling: refused`` if they refused profiling)."""
    with uow_factory() as uow:
        resolved = uow.aliases.resolve(customer_id)
        refused_at = uow.refusals.refused_at(resolved)
        if refused_at is not None:
            return ProfilingRefused(customer_id=resolved, refused_at=refused_at)
        features = _load(uow, customer_id)
        scores = uow.scores.get(features.customer_id)
        fitted = has_model(uow.session, "clv")
        # only asked when it explains an empty CLV; the query stops at the threshold
        enough = fitted or (features.purchase_days >= 2 and repeat_buyers_at_least(uow.session, min_repeat_buyers))
    # scores are saved with every feature change; deriving them keeps a reader safe from a gap anyway
    scores = scores or rescore(features=features, scores=None, now=now)
    return _value(features, scores, now=now, clv_status=_clv_status(scores, features, fitted=fitted, enough=enough))


def _clv_status(scores: CustomerScores, features: CustomerFeatures, *, fitted: bool, enough: bool) -> str:
    if scores.p_alive is not None:
        return "scored"
    if fitted or features.purchase_days < 2 or not enough:
        return "insufficient_history"
    return "not_fitted"


def _value(features: CustomerFeatures, scores: CustomerScores, *, now: dt.datetime, clv_status: str) -> CustomerValue:
    rfm_status = "no_purchases" if features.frequency == 0 else "pending_refresh" if scores.r is None else "scored"
    return CustomerValue(
        customer_id=features.customer_id,
        rfm=Rfm(recency_days=recency_days(features.last_purchase_at, now), frequency=features.frequency,
                monetary=features.monetary, currency=features.currency, r=scores.r, f=scores.f, m=scores.m,
                segment=scores.rfm_segment, status=rfm_status),  # type: ignore[arg-type]
        clv=Clv(status=clv_status, p_alive=scores.p_alive,  # type: ignore[arg-type]
                expected_purchases_90d=scores.expected_purchases_90d,
                expected_avg_order_value=scores.expected_avg_order_value, clv_12m=scores.clv_12m),
        tier=scores.tier, tier_status="pending_refresh" if scores.tier is None else "scored",
        segments=list(scores.segments), churn_risk=scores.churn_risk,
        churn_risk_status="not_fitted" if scores.churn_risk is None else "scored",
        churn_drivers=[ChurnDriver.model_validate(d) for d in scores.churn_drivers], scored_at=scores.scored_at,
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


def get_clv_model(*, uow_factory: UowFactory) -> ClvModel:
    """The last CLV fit (404 before the first)."""
    with uow_factory() as uow:
        params = uow.models.all().get("clv")
    if params is None:
        raise ProblemError(404, "Not Found", "no CLV model has been fitted yet: POST /v1/models/clv:fit")
    return clv_model(params)


def clv_model(params: dict[str, Any]) -> ClvModel:
    """The API shape of stored CLV parameters."""
    return ClvModel(bgnbd=BgNbdParams(r=params["r"], alpha=params["alpha"], a=params["a"], b=params["b"]),
                    gamma_gamma=GammaGammaParams(p=params["p"], q=params["q"], v=params["v"]),
                    customers=params["customers"], fitted_at=params["fitted_at"],
                    calibration_end=params["calibration_end"], time_unit=params["time_unit"],
                    fit_seconds=params["fit_seconds"], rescored=params.get("rescored"))


def list_segments(*, uow_factory: UowFactory) -> SegmentList:
    """Needs-based and rule-defined segments with size and summed CLV."""
    with uow_factory() as uow:
        needs = uow.models.all().get("needs")
        rules = uow.segments.rules()
        sizes = uow.segments.sizes()
    segments = []
    if needs is not None:
        for segment_id, name in zip(needs["ids"], needs["names"], strict=True):
            size, value = sizes.get(segment_id, (0, Decimal(0)))
            segments.append(Segment(id=segment_id, kind="needs", name=name, size=size, value=value,
                                    description=f"k-means cluster (k={needs['k']}, silhouette "
                                    f"{needs['silhouette']:.3f}) most above the population on: {name}"))
    for rule in rules:
        size, value = sizes.get(rule.segment_id, (0, Decimal(0)))
        segments.append(Segment(id=rule.segment_id, kind="rule", name=rule.name, size=size, value=value,
                                description=" and ".join(f"{c['field']} {c['op']} {c['value']}"
                                                         for c in rule.conditions),
                                conditions=rule.conditions))  # type: ignore[arg-type]
    return SegmentList(segments=segments)


def segment_members(*, uow_factory: UowFactory, segment_id: str, after: str | None, limit: int) -> SegmentMembers:
    """One page of a segment's members (404 for an unknown segment)."""
    known = {s.id for s in list_segments(uow_factory=uow_factory).segments}
    if segment_id not in known:
        raise ProblemError(404, "Not Found", f"no segment {segment_id!r}")
    with uow_factory() as uow:
        rows = uow.segments.members(segment_id, after=after, limit=limit + 1)
    page = rows[:limit]
    next_cursor = page[-1][0] if len(rows) > limit else None
    return SegmentMembers(segment_id=segment_id, customers=[SegmentMember(customer_id=c, since=s) for c, s in page],
                          next_cursor=next_cursor, next_after=next_cursor)


def export(*, customer_id: str, uow_factory: UowFactory) -> dict[str, Any]:
    """Everything scoring holds about a customer (GDPR art. 15/20; 404 if nothing)."""
    with uow_factory() as uow:
        features = uow.features.get(customer_id)
        if features is None:
            raise ProblemError(404, "Not Found", f"scoring holds nothing about {customer_id!r}")
        scores = uow.scores.get(customer_id)
        days = uow.days.of(customer_id)
        merged = uow.aliases.merged_into(customer_id)
        updated_at = uow.features.updated_at(customer_id)
        refused_at = uow.refusals.refused_at(customer_id)
    return {"customer_id": customer_id, "service": "scoring-service",
            "profiling_refused_at": None if refused_at is None else refused_at.isoformat(),
            "features": Features(merged_ids=merged, updated_at=updated_at, **vars(features)).model_dump(mode="json"),
            "scores": None if scores is None else {k: (str(v) if isinstance(v, Decimal) else v)
                                                   for k, v in vars(scores).items() if k != "scored_at"}
            | {"scored_at": scores.scored_at.isoformat()},
            "purchase_days": days}


def erasure(*, customer_id: str, uow_factory: UowFactory) -> ErasureResult:
    """The tombstone of an applied erasure (404 if none was applied)."""
    with uow_factory() as uow:
        erased_at = uow.erasures.erased_at(customer_id)
    if erased_at is None:
        raise ProblemError(404, "Not Found", f"no erasure of {customer_id!r} has been applied here")
    return ErasureResult(customer_id=customer_id, erased_at=erased_at)
