"""Events produced by scoring-service on topic ``idic.scoring``."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from .base import EventPayload

TOPIC = "idic.scoring"

Tier = Literal["most_valuable", "most_growable", "maintain", "below_zero"]


class CustomerScored(EventPayload):
    """The value of a customer changed materially (tier, CLV, churn risk, RFM segment)."""

    event_type: ClassVar[str] = "idic.customer.scored.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str
    scored_at: AwareDatetime
    frequency: int = Field(ge=0)
    monetary: Decimal = Decimal("0")
    currency: str | None = None
    tier: Tier | None = None
    rfm_segment: str | None = None
    clv_12m: Decimal | None = None
    p_alive: float | None = Field(default=None, ge=0, le=1)
    churn_risk: float | None = Field(default=None, ge=0, le=1)


class SegmentChanged(EventPayload):
    """A customer entered or left a segment."""

    event_type: ClassVar[str] = "idic.segment.changed.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str
    segment_id: str
    entered: bool
    changed_at: AwareDatetime
