"""Read side of scoring-service: the value object, the raw features, the CLV model, segments and
their members, the export and the erasure tombstone of a customer, as domain values (``api/bodies.py``
maps them to the public bodies)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import numpy as np

from idic import ProblemError

from ..adapters.uow import ScoringUnitOfWork
from ..domain.clv import BgNbd, ClvFit, GammaGamma
from ..domain.features import CustomerFeatures
from ..domain.scoring import ScoringConfig, value_and_potential
from ..domain.value import CustomerScores, recency_days, rescore
from .scorer import columns

UowFactory = Callable[[], ScoringUnitOfWork]
RfmStatus = Literal["scored", "pending_refresh", "no_purchases"]
ClvStatus = Literal["scored", "not_fitted", "insufficient_history"]


@dataclass(frozen=True)
class Worth:
    """What tiers are cut on, for one customer as last scored: value net of the cost to serve over
    the CLV horizon, and the value they would bring if they stayed active (never below net)."""

    cost_to_serve: Decimal
    net_value: Decimal
    potential_value: Decimal
    growth_gap: Decimal


@dataclass(frozen=True)
class ValueReport:
    """What a customer is worth: their features and scores, and why each empty block is empty."""

    features: CustomerFeatures
    scores: CustomerScores
    worth: Worth
    recency_days: int | None
    rfm_status: RfmStatus
    clv_status: ClvStatus
    tier_status: Literal["scored", "pending_refresh"]
    churn_risk_status: Literal["scored", "not_fitted"]


@dataclass(frozen=True)
class ProfilingRefusal:
    """The customer refused profiling (consent): nothing is scored for them."""

    customer_id: str
    refused_at: dt.datetime


@dataclass(frozen=True)
class FeaturesReport:
    """A customer's raw aggregates, the ids merged into them and when they last changed."""

    features: CustomerFeatures
    merged_ids: tuple[str, ...]
    updated_at: dt.datetime


@dataclass(frozen=True)
class SegmentSummary:
    """A needs-based or rule-defined segment with its size and summed 12-month CLV."""

    segment_id: str
    kind: Literal["needs", "rule"]
    name: str
    description: str
    size: int
    value: Decimal
    conditions: tuple[dict[str, Any], ...] | None = None  # a rule segment's


@dataclass(frozen=True)
class MembersPage:
    """One page of a segment's members (customer id, member since), in id order."""

    segment_id: str
    members: tuple[tuple[str, dt.datetime], ...]
    next_cursor: str | None


@dataclass(frozen=True)
class Holdings:
    """Everything scoring holds about one customer (the GDPR export)."""

    customer_id: str
    refused_at: dt.datetime | None
    features: FeaturesReport
    scores: CustomerScores | None
    purchase_days: tuple[dict[str, str], ...]


def _load(uow: ScoringUnitOfWork, customer_id: str) -> CustomerFeatures:
    features = uow.features.get(uow.aliases.resolve(customer_id))
    if features is None:
        raise ProblemError(404, "Not Found", f"customer {customer_id!r} has no interactions known to scoring")
    return features


def worth_of(features: CustomerFeatures, scores: CustomerScores, *, config: ScoringConfig) -> Worth:
    """Net and potential value by the very function the population run cuts tiers with, on the
    stored CLV and p(alive) and the features as at ``scored_at`` (so they explain the tier shown)."""
    cols = columns([features], now=scores.scored_at)
    scored: dict[str, Any] = {}
    if scores.clv_12m is not None:
        alive = np.nan if scores.p_alive is None else scores.p_alive
        scored = {"clv_12m": np.array([float(scores.clv_12m)]), "p_alive": np.array([alive])}
    net, gap = value_and_potential(cols, scored, config=config)
    cents = Decimal("0.01")
    net_value = Decimal(repr(float(net[0]))).quantize(cents)
    growth_gap = Decimal(repr(float(gap[0]))).quantize(cents)
    return Worth(cost_to_serve=features.cost_to_serve, net_value=net_value, growth_gap=growth_gap,
                 potential_value=net_value + growth_gap)


def get_value(*, customer_id: str, uow_factory: UowFactory, now: dt.datetime, min_repeat_buyers: int,
              config: ScoringConfig) -> ValueReport | ProfilingRefusal:
    """RFM, CLV, tier, segments and churn risk of a customer, each saying why it is empty if it is
    (404 if scoring never heard of the customer; a refusal if they refused profiling)."""
    with uow_factory() as uow:
        resolved = uow.aliases.resolve(customer_id)
        refused_at = uow.refusals.refused_at(resolved)
        if refused_at is not None:
            return ProfilingRefusal(customer_id=resolved, refused_at=refused_at)
        features = _load(uow, customer_id)
        scores = uow.scores.get(features.customer_id)
        fitted = uow.models.has("clv")
        # only asked when it explains an empty CLV; the query stops at the threshold
        enough = fitted or (features.purchase_days >= 2 and uow.population.repeat_buyers_at_least(min_repeat_buyers))
    # scores are saved with every feature change; deriving them keeps a reader safe from a gap anyway
    scores = scores or rescore(features=features, scores=None, now=now)
    return ValueReport(
        features=features, scores=scores, worth=worth_of(features, scores, config=config),
        recency_days=recency_days(features.last_purchase_at, now),
        rfm_status="no_purchases" if features.frequency == 0 else "pending_refresh" if scores.r is None else "scored",
        clv_status=_clv_status(scores, features, fitted=fitted, enough=enough),
        tier_status="pending_refresh" if scores.tier is None else "scored",
        churn_risk_status="not_fitted" if scores.churn_risk is None else "scored")


def _clv_status(scores: CustomerScores, features: CustomerFeatures, *, fitted: bool, enough: bool) -> ClvStatus:
    if scores.p_alive is not None:
        return "scored"
    if fitted or features.purchase_days < 2 or not enough:
        return "insufficient_history"
    return "not_fitted"


def get_features(*, customer_id: str, uow_factory: UowFactory) -> FeaturesReport:
    """The raw aggregates of a customer (404 if unknown)."""
    with uow_factory() as uow:
        features = _load(uow, customer_id)
        merged_ids = uow.aliases.merged_into(features.customer_id)
        updated_at = uow.features.updated_at(features.customer_id)
    if updated_at is None:  # erased between the two reads of this transaction (it cannot be, on one snapshot)
        raise ProblemError(404, "Not Found", f"customer {customer_id!r} has no interactions known to scoring")
    return FeaturesReport(features=features, merged_ids=tuple(merged_ids), updated_at=updated_at)


def get_clv_model(*, uow_factory: UowFactory) -> ClvFit:
    """The last CLV fit (404 before the first)."""
    with uow_factory() as uow:
        params = uow.models.all().get("clv")
    if params is None:
        raise ProblemError(404, "Not Found", "no CLV model has been fitted yet: POST /v1/models/clv:fit")
    return clv_fit(params)


def clv_fit(params: dict[str, Any]) -> ClvFit:
    """Stored CLV parameters as a fit (``calibration_end`` is stored as ISO text)."""
    return ClvFit(bgnbd=BgNbd(r=params["r"], alpha=params["alpha"], a=params["a"], b=params["b"]),
                  gamma_gamma=GammaGamma(p=params["p"], q=params["q"], v=params["v"]),
                  customers=params["customers"], fitted_at=params["fitted_at"],
                  calibration_end=dt.datetime.fromisoformat(params["calibration_end"]),
                  time_unit=params["time_unit"], fit_seconds=params["fit_seconds"], rescored=params.get("rescored"))


def list_segments(*, uow_factory: UowFactory) -> list[SegmentSummary]:
    """Needs-based and rule-defined segments with size and summed CLV."""
    with uow_factory() as uow:
        needs = uow.models.all().get("needs")
        rules = uow.segments.rules()
        sizes = uow.segments.sizes()
    segments = []
    if needs is not None:
        for segment_id, name in zip(needs["ids"], needs["names"], strict=True):
            size, value = sizes.get(segment_id, (0, Decimal(0)))
            segments.append(SegmentSummary(segment_id=segment_id, kind="needs", name=name, size=size, value=value,
                                           description=f"k-means cluster (k={needs['k']}, silhouette "
                                           f"{needs['silhouette']:.3f}) most above the population on: {name}"))
    for rule in rules:
        size, value = sizes.get(rule.segment_id, (0, Decimal(0)))
        segments.append(SegmentSummary(segment_id=rule.segment_id, kind="rule", name=rule.name, size=size,
                                       value=value, description=" and ".join(f"{c['field']} {c['op']} {c['value']}"
                                                                           for c in rule.conditions),
                                       conditions=tuple(rule.conditions)))
    return segments


def segment_members(*, uow_factory: UowFactory, segment_id: str, after: str | None, limit: int) -> MembersPage:
    """One page of a segment's members (404 for an unknown segment)."""
    known = {s.segment_id for s in list_segments(uow_factory=uow_factory)}
    if segment_id not in known:
        raise ProblemError(404, "Not Found", f"no segment {segment_id!r}")
    with uow_factory() as uow:
        rows = uow.segments.members(segment_id, after=after, limit=limit + 1)
    page = rows[:limit]
    return MembersPage(segment_id=segment_id, members=tuple(page),
                       next_cursor=page[-1][0] if len(rows) > limit else None)


def export(*, customer_id: str, uow_factory: UowFactory) -> Holdings:
    """Everything scoring holds about a customer (GDPR art. 15/20; 404 if nothing)."""
    with uow_factory() as uow:
        features = uow.features.get(customer_id)
        updated_at = uow.features.updated_at(customer_id)
        if features is None or updated_at is None:
            raise ProblemError(404, "Not Found", f"scoring holds nothing about {customer_id!r}")
        scores = uow.scores.get(customer_id)
        days = uow.days.of(customer_id)
        merged = uow.aliases.merged_into(customer_id)
        refused_at = uow.refusals.refused_at(customer_id)
    return Holdings(customer_id=customer_id, refused_at=refused_at, scores=scores, purchase_days=tuple(days),
                    features=FeaturesReport(features=features, merged_ids=tuple(merged), updated_at=updated_at))


def erased_at(*, customer_id: str, uow_factory: UowFactory) -> dt.datetime:
    """When the erasure of the customer was applied here: its tombstone (404 if none was applied)."""
    with uow_factory() as uow:
        at = uow.erasures.erased_at(customer_id)
    if at is None:
        raise ProblemError(404, "Not Found", f"no erasure of {customer_id!r} has been applied here")
    return at
