"""CloudEvents 1.0 envelopes in structured JSON mode, and their typed payloads."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from .contracts import EVENT_TYPES, EventPayload

CONTENT_TYPE = "application/cloudevents+json"
# Structured content mode on Kafka: the content-type header and no ce_* headers.
STRUCTURED_HEADERS = [("content-type", CONTENT_TYPE.encode())]


class MalformedEvent(ValueError):
    """The bytes on the topic are not a CloudEvent of a known, valid shape."""


class CloudEvent(BaseModel):
    """A CloudEvents 1.0 envelope. ``requestid`` is an extension attribute carrying the
    HTTP request id that caused the event, so logs can be followed across services."""

    model_config = ConfigDict(frozen=True, extra="allow")

    specversion: str = Field(default="1.0", pattern=r"^1\.0$")
    id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    type: str = Field(min_length=1)
    time: AwareDatetime
    subject: str | None = None
    datacontenttype: str = "application/json"
    data: dict[str, Any]
    requestid: str | None = None

    @classmethod
    def wrap(cls, payload: EventPayload, *, source: str, request_id: str | None = None,
             event_id: str | None = None) -> CloudEvent:
        """Envelope for a payload; ``subject`` is the customer id the event is keyed by."""
        return cls(
            id=event_id or str(uuid.uuid4()),
            source=source,
            type=payload.event_type,
            time=dt.datetime.now(dt.UTC),
            subject=payload.subject(),
            data=payload.model_dump(mode="json"),
            requestid=request_id,
        )

    def to_json_bytes(self) -> bytes:
        """Structured-mode body: the whole envelope as one JSON document."""
        return self.model_dump_json(exclude_none=True).encode()

    def payload(self) -> EventPayload:
        """The typed payload of a known event type; MalformedEvent if it does not fit."""
        model = EVENT_TYPES.get(self.type)
        if model is None:
            raise MalformedEvent(f"unknown event type {self.type!r}")
        try:
            return model.model_validate(self.data)
        except ValidationError as exc:
            raise MalformedEvent(f"{self.type} payload invalid: {exc.errors(include_url=False)}") from exc


def parse_event(raw: bytes | None) -> CloudEvent:
    """Decode a structured-mode CloudEvent from Kafka; MalformedEvent when it is not one."""
    if raw is None:
        raise MalformedEvent("empty message (tombstone)")
    try:
        doc = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedEvent(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise MalformedEvent("not a JSON object")
    try:
        return CloudEvent.model_validate(doc)
    except ValidationError as exc:
        raise MalformedEvent(f"not a CloudEvent: {exc.errors(include_url=False)}") from exc

