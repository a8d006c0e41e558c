"""Response bodies of scoring-service's HTTP API (value object names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, Field


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


class Clv(BaseModel):
    """Customer lifetime value; null until a CLV model has been fitted."""

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
    segments: list[str]
    churn_risk: float | None
    scored_at: dt.datetime


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
    updated_at: dt.datetime
