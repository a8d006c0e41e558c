"""Response bodies of scoring-service's HTTP API (value object names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from idic.types import Rfc3339


class Rfm(BaseModel):
    """Recency/frequency/monetary. r, f, m (quintiles 1-5) and most segments need the
    population scoring run; ``segment`` is ``new`` after a first purchase until then."""

    recency_days: int | None = Field(description="Whole days since the last purchase; null before any.")
    frequency: int = Field(description="Number of purchases.")
    monetary: Decimal = Field(description="Total spent, in `currency` (decimal string).")
    currency: str | None = Field(description="ISO 4217 currency of `monetary`; null before a priced purchase.")
    r: int | None
    f: int | None
    m: int | None
    segment: str | None
    status: Literal["scored", "pending_refresh", "no_purchases"] = Field(
        description="scored: r/f/m graded against the population; pending_refresh: purchases known, quintiles "
        "not computed yet (the schedule refreshes soon); no_purchases: nothing to grade.")


class Clv(BaseModel):
    """Customer lifetime value; its fields are null unless ``status`` is ``scored``."""

    status: Literal["scored", "not_fitted", "insufficient_history"] = Field(
        description="scored: from the stored BG/NBD + Gamma-Gamma fit; not_fitted: enough repeat buyers exist "
        "but no model yet (the schedule fits soon); insufficient_history: the customer has fewer than two "
        "purchase days, or too few repeat buyers exist to fit (SCORING_REFIT_MIN_REPEAT_BUYERS).")
    p_alive: float | None
    expected_purchases_90d: float | None
    expected_avg_order_value: Decimal | None
    clv_12m: Decimal | None


class Value(BaseModel):
    """The value object of API.md."""

    customer_id: str = Field(description="The customer scored (the survivor when asked for a merged id).")
    rfm: Rfm
    clv: Clv
    tier: str | None
    tier_status: Literal["scored", "pending_refresh"] = Field(
        description="pending_refresh: tier cut-offs not computed yet (the schedule refreshes soon).")
    segments: list[str]
    churn_risk: float | None
    churn_risk_status: Literal["scored", "not_fitted"] = Field(
        description="not_fitted: no CLV model (p_alive) and no lapse to judge churn by.")
    churn_drivers: list[ChurnDriver] = Field(default_factory=list,
                                             description="Why churn_risk is what it is (inputs and what each adds).")
    scored_at: dt.datetime


class ProfilingRefused(BaseModel):
    """The customer refused profiling (consent): scoring holds no scores or segments for them."""

    customer_id: str
    profiling: Literal["refused"] = "refused"
    refused_at: dt.datetime


class Features(BaseModel):
    """The raw interaction aggregates of one customer (internal: tests, 360 view, export)."""

    customer_id: str
    merged_ids: list[str] = Field(description="Customers folded into this one.")
    interactions: int
    frequency: int
    monetary: Decimal
    currency: str | None
    monetary_other: dict[str, Decimal] = Field(description="Purchases in currencies other than `currency`.")
    first_purchase_at: dt.datetime | None
    first_purchase_amount: Decimal | None
    last_purchase_at: dt.datetime | None
    first_interaction_at: dt.datetime | None
    last_interaction_at: dt.datetime | None
    cost_to_serve: Decimal
    channel_counts: dict[str, int]
    nps: int | None
    nps_at: dt.datetime | None
    csat: int | None
    csat_at: dt.datetime | None
    purchase_days: int = Field(description="Distinct UTC days with a purchase (CLV transactions).")
    first_day_amount: Decimal = Field(description="Spend on the first purchase day.")
    daypart_counts: dict[str, int]
    category_counts: dict[str, int]
    offer_responses: int
    trigger_counts: dict[str, int]
    last_lapse_at: dt.datetime | None
    updated_at: dt.datetime


class ChurnDriver(BaseModel):
    """One input of churn risk, its value, and the risk it adds."""

    input: str
    value: float | bool
    adds: float


class ClvFitRequest(BaseModel):
    """Fit BG/NBD + Gamma-Gamma on purchases up to ``calibration_end``, in ``time_unit``."""

    model_config = ConfigDict(extra="forbid")

    calibration_end: Rfc3339
    time_unit: Literal["days", "weeks"] = "weeks"


class BgNbdParams(BaseModel):
    r: float
    alpha: float
    a: float
    b: float


class GammaGammaParams(BaseModel):
    p: float
    q: float
    v: float


class ClvModel(BaseModel):
    """A fitted CLV model (API.md fields plus the fit's inputs)."""

    bgnbd: BgNbdParams
    gamma_gamma: GammaGammaParams
    customers: int = Field(description="Customers with a purchase up to calibration_end (the fit's sample).")
    fitted_at: dt.datetime
    calibration_end: dt.datetime
    time_unit: str
    fit_seconds: float
    rescored: dict[str, Any] | None = Field(default=None, description="The re-score after the fit (in a job's result).")


class RefreshResult(BaseModel):
    """What a population refresh computed."""

    customers: int
    refreshed_at: dt.datetime
    rfm: dict[str, list[float]] = Field(description="Quintile edges of recency days, frequency, monetary.")
    tiers: dict[str, float | None] = Field(description="Cut-offs of net value (most_valuable) and growth gap.")
    needs: dict[str, Any] | None = Field(description="k, silhouette and segment ids of the needs clustering.")
    announced: int = Field(description="CustomerScored events published (material changes).")
    seconds: float


class Condition(BaseModel):
    """``field op value`` over the value object."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(max_length=64)
    op: Literal["eq", "ne", "lt", "lte", "gt", "gte", "in"]
    value: float | int | str | list[float | int | str]


class SegmentCreate(BaseModel):
    """A rule-defined segment: customers for whom all conditions hold."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=58, pattern=r"^[a-z0-9][a-z0-9-]*$",
                    description="Slug; stored as rule-<id>.")
    name: str = Field(min_length=1, max_length=200)
    conditions: list[Condition] = Field(min_length=1, max_length=20)


class Segment(BaseModel):
    """A segment with its size and value."""

    id: str
    kind: Literal["needs", "rule"]
    name: str
    description: str
    size: int
    value: Decimal = Field(description="Summed clv_12m of the members (decimal string).")
    conditions: list[Condition] | None = None


class SegmentList(BaseModel):
    segments: list[Segment]


class SegmentMember(BaseModel):
    customer_id: str
    since: dt.datetime


class SegmentMembers(BaseModel):
    """One page of members in id order; pass ``next_after`` as ``after`` for the next page."""

    segment_id: str
    customers: list[SegmentMember]
    next_after: str | None


class Erasure(BaseModel):
    customer_id: str
    erased_at: dt.datetime


Value.model_rebuild()
