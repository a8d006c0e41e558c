"""Webhooks' public HTTP bodies (API.md "Webhooks"), declared once: treatment-service serves
them, the gateway proxies them. Also the public event names a subscription chooses from."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from fastapi import Path
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, model_validator

from ..contracts import EVENT_TYPES

# API.md spells the merge event in the singular, as every other customer event
_RENAMED = {"customers.merged": "customer.merged"}
_VERSIONED = re.compile(r"^idic\.(?P<name>.+)\.v\d+$")


def event_name(event_type: str) -> str:
    """The public name of a CloudEvents type: ``idic.treatment.decided.v1`` -> ``treatment.decided``."""
    match = _VERSIONED.match(event_type)
    name = match.group("name") if match else event_type
    return _RENAMED.get(name, name)


EVENT_NAMES: dict[str, str] = {event_name(t): t for t in EVENT_TYPES}
"""public name -> CloudEvents type, for every event in ``idic.contracts`` (a test keeps
``WebhookEvent`` equal to its keys)."""

WebhookEvent = Literal[
    "treatment.decided",
    "treatment.delivered",
    "treatment.outcome_recorded",
    "trigger.detected",
    "customer.identified",
    "customer.updated",
    "customer.merged",
    "customer.unmerged",
    "customer.erased",
    "customer.scored",
    "segment.changed",
    "interaction.recorded",
]
DeliveryStatus = Literal["pending", "succeeded", "failed"]
# http(s) with a host; no whitespace or control characters anywhere
URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://[^\s\x00-\x1f\x7f/?#@]+(?:[/?#][^\s\x00-\x1f\x7f]*)?$"
_URL = re.compile(URL_PATTERN)


def _http_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("must be an http:// or https:// URL with a host, without spaces or control characters")
    return value


Url = Annotated[str, AfterValidator(_http_url)]
ID_PATTERN = r"^[A-Za-z0-9_-]+$"
WebhookId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=40,
        pattern=ID_PATTERN,
        description="Id of the subscription.",
        examples=["wh_01JD6ZK3V1"],
    ),
]
DeliveryId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=40,
        pattern=ID_PATTERN,
        description="Id of the delivery (its webhook-id header).",
        examples=["msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"],
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WebhookCreate(_Strict):
    """``POST /v1/webhooks``: where to POST which events."""

    url: Url = Field(
        min_length=1,
        max_length=2048,
        json_schema_extra={"pattern": URL_PATTERN},
        description="http(s) URL the deliveries are POSTed to",
    )
    events: list[WebhookEvent] = Field(min_length=1, max_length=20, description="Public event names to deliver")
    description: str | None = Field(
        default=None,
        max_length=500,
        pattern=r"^[^\x00]*$",
        description="What the subscription is for (shown to people).",
    )


class WebhookUpdate(_Strict):
    """``PATCH /v1/webhooks/{id}``: any of url, events, description, active (null: unchanged)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    url: Url | None = Field(
        default=None,
        min_length=1,
        max_length=2048,
        json_schema_extra={"pattern": URL_PATTERN},
        description="New http(s) URL.",
    )
    events: list[WebhookEvent] | None = Field(
        default=None, min_length=1, max_length=20, description="New list of public event names."
    )
    description: str | None = Field(
        default=None, max_length=500, pattern=r"^[^\x00]*$", description="New description (null clears it)."
    )
    # JSON true/false only: 0 and "yes" are refused, as the schema says
    active: StrictBool | None = Field(default=None, description="false pauses deliveries; true resumes them.")

    @model_validator(mode="after")
    def _something(self) -> WebhookUpdate:
        if not self.model_fields_set:
            raise ValueError("give at least one of url, events, description, active")
        return self

    def changes(self) -> dict[str, object]:
        """What to change: the fields given; null leaves url, events and active as they are
        (and clears the description)."""
        return {
            name: getattr(self, name)
            for name in self.model_fields_set
            if getattr(self, name) is not None or name == "description"
        }


class Webhook(BaseModel):
    """A subscription (its secret is shown only when it is created)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "webhook_id": "wh_01JD6ZK3V1",
                    "url": "https://hooks.example.com/idic",
                    "events": ["treatment.decided"],
                    "description": "CRM sync",
                    "active": True,
                    "created_at": "2026-11-23T10:00:00Z",
                    "updated_at": "2026-11-23T10:00:00Z",
                }
            ]
        }
    )

    webhook_id: str = Field(description="Id of the subscription.")
    url: str = Field(description="Where deliveries are POSTed.")
    events: list[str] = Field(description="Public event names delivered.")
    description: str | None = Field(default=None, description="What it is for.")
    active: bool = Field(default=True, description="false: paused, nothing is sent.")
    created_at: dt.datetime = Field(description="When it was created.")
    updated_at: dt.datetime = Field(description="Last change.")


class WebhookCreated(Webhook):
    """``201`` of ``POST /v1/webhooks``."""

    secret: str = Field(description="whsec_<base64>: shown only in this answer; verifies webhook-signature")


class WebhookList(BaseModel):
    """``GET /v1/webhooks``: every subscription, oldest first."""

    webhooks: list[Webhook] = Field(description="Oldest first.")


class Delivery(BaseModel):
    """One event for one subscription; ``delivery_id`` is the ``webhook-id`` header, the same on every retry."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "delivery_id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
                    "webhook_id": "wh_01JD6ZK3V1",
                    "event_id": "e-1",
                    "event_type": "idic.treatment.decided.v1",
                    "status": "pending",
                    "attempts": 2,
                    "next_attempt_at": "2026-11-23T10:00:00Z",
                    "give_up_at": "2026-11-25T10:00:00Z",
                    "last_status_code": 503,
                    "last_error": "HTTP 503",
                    "created_at": "2026-11-23T10:00:00Z",
                    "delivered_at": None,
                }
            ]
        }
    )

    delivery_id: str = Field(description="The webhook-id header, the same on every retry")
    webhook_id: str = Field(description="The subscription.")
    event_id: str = Field(description="The CloudEvent's id")
    event_type: str = Field(description="The CloudEvent's type, e.g. idic.treatment.decided.v1")
    status: DeliveryStatus = Field(description="pending (will be tried), succeeded, or failed (gave up).")
    attempts: int = Field(description="Attempts so far.")
    next_attempt_at: dt.datetime | None = Field(description="When it is tried next (pending only)")
    give_up_at: dt.datetime | None = Field(description="Still failing then, the delivery becomes failed")
    last_status_code: int | None = Field(description="The receiver's last HTTP status (null: no answer)")
    last_error: str | None = Field(description="What went wrong last (timeout, HTTP status, ...).")
    created_at: dt.datetime = Field(description="When the event was queued for the subscription.")
    delivered_at: dt.datetime | None = Field(description="When the receiver answered 2xx.")


class DeliveryPage(BaseModel):
    """``GET /v1/webhooks/{id}/deliveries``: newest first, a page at a time."""

    deliveries: list[Delivery] = Field(description="Newest first.")
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` for the next page; null at the end.")
