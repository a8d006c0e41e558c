"""Events produced by treatment-service on topic ``idic.treatment``."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from .base import EventPayload

TOPIC = "idic.treatment"


class TreatmentDecided(EventPayload):
    """An outbound action was decided for a customer (offer, message, retention, ...)."""

    event_type: ClassVar[str] = "idic.treatment.decided.v1"
    topic: ClassVar[str] = TOPIC

    treatment_id: str
    customer_id: str
    action_id: str
    kind: str
    channel: str | None = None
    rule_id: str | None = None
    rule_version: int | None = None
    score: float | None = None
    value: Decimal | None = None
    reasons: list[str] = Field(default_factory=list)
    decided_at: AwareDatetime
    cause_event_id: str | None = Field(default=None, description="The event that led to this decision.")


class TreatmentOutcomeRecorded(EventPayload):
    """The customer answered a treatment (offer accepted, declined or ignored); the
    interaction timeline records it as an ``offer_response``."""

    event_type: ClassVar[str] = "idic.treatment.outcome_recorded.v1"
    topic: ClassVar[str] = TOPIC

    treatment_id: str
    customer_id: str
    outcome: Literal["accepted", "declined", "ignored"]
    action_id: str
    kind: str
    channel: str | None = None
    recorded_at: AwareDatetime
