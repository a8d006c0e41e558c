"""Events produced by interaction-service on topic ``idic.interaction``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import AwareDatetime, Field

from .base import EventPayload

TOPIC = "idic.interaction"

Channel = Literal["web", "store", "phone", "email", "chat", "mobile_app", "social", "mail"]
Direction = Literal["inbound", "outbound"]


class InteractionRecorded(EventPayload):
    """One interaction with a customer on one channel (purchase, visit, survey, ...)."""

    event_type: ClassVar[str] = "idic.interaction.recorded.v1"
    topic: ClassVar[str] = TOPIC

    interaction_id: str
    customer_id: str
    channel: Channel
    type: str
    direction: Direction
    occurred_at: AwareDatetime
    amount: Decimal | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    cost: Decimal | None = None
    treatment_id: str | None = Field(default=None, description="The treatment this answers (offer responses).")
    nps: int | None = Field(default=None, ge=0, le=10)
    csat: int | None = Field(default=None, ge=1, le=5)
    life_event: str | None = None
    category: str | None = Field(default=None, max_length=64, description="payload.category of the interaction.")
    actor: str | None = Field(default=None, max_length=128,
                              description="Who recorded it (the API key's actor name the gateway sent as X-Actor).")


class TriggerDetected(EventPayload):
    """A trigger or life event worth acting on (lapse, first purchase, complaint, ...)."""

    event_type: ClassVar[str] = "idic.trigger.detected.v1"
    topic: ClassVar[str] = TOPIC

    trigger_id: str
    customer_id: str
    kind: str
    occurred_at: AwareDatetime
    interaction_id: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
