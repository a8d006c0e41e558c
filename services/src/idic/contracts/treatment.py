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
    expires_at: AwareDatetime | None = Field(
        default=None, description="Unanswered by then, the treatment counts as ignored.")


class TreatmentOutcomeRecorded(EventPayload):
    """The customer answered a treatment (accepted, declined, ignored - also at expiry - or
    converted by a purchase); the interaction timeline records it as an ``offer_response``."""

    event_type: ClassVar[str] = "idic.treatment.outcome_recorded.v1"
    topic: ClassVar[str] = TOPIC

    treatment_id: str
    customer_id: str
    outcome: Literal["accepted", "declined", "ignored", "converted"]
    action_id: str
    kind: str
    channel: str | None = None
    recorded_at: AwareDatetime
    rule_id: str | None = None
    amount: Decimal | None = Field(default=None, description="Revenue of a conversion.")
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class TreatmentDelivered(EventPayload):
    """A decided treatment left the system: served to a caller of next-best-actions
    (``via: api``) or received by a webhook subscriber (``via: webhook``). Published once per
    treatment and way; the interaction timeline shows it as an outbound interaction."""

    event_type: ClassVar[str] = "idic.treatment.delivered.v1"
    topic: ClassVar[str] = TOPIC

    treatment_id: str
    customer_id: str
    action_id: str
    kind: str
    channel: str | None = None
    rule_id: str | None = None
    via: Literal["api", "webhook"]
    delivered_at: AwareDatetime
