"""Base of every event payload: frozen, strict about unknown fields, typed by class."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class EventPayload(BaseModel):
    """The ``data`` of one CloudEvent. Subclasses name their CloudEvents ``type`` (past
    tense, versioned) and the topic of the service that produces them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_type: ClassVar[str]
    topic: ClassVar[str]

    def subject(self) -> str:
        """The customer this event is about: CloudEvents ``subject`` and Kafka key."""
        return str(self.__dict__["customer_id"])  # every payload declares one; mypy cannot see it
