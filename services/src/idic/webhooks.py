"""Webhooks' public HTTP bodies (API.md "Webhooks"), declared once: treatment-service serves
them, the gateway proxies them. Also the public event names a subscription chooses from."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, model_validator

from .contracts import EVENT_TYPES

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

WebhookEvent = Literal["treatment.decided", "treatment.delivered", "treatment.outcome_recorded", "trigger.detected",
                       "customer.identified", "customer.updated", "customer.merged", "customer.unmerged",
                       "customer.erased", "customer.scored", "segment.changed", "interaction.recorded"]
DeliveryStatus = Literal["pending", "succeeded", "failed"]
# http(s) with a host; no whitespace or control characters anywhere
URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://[^\s\x00-\x1f\x7f/?#@]+(?:[/?#][^\s\x00-\x1f\x7f]*)?$"
_URL = re.compile(URL_PATTERN)


def _http_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("must be an http:// or https:// URL with a host, without spaces or control characters")
    return value


Url = Annotated[str, AfterValidator(_http_url)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WebhookCreate(_Strict):
    """``POST /v1/webhooks``: where to POST which events."""

    url: Url = Field(min_length=1, max_length=2048, json_schema_extra={"pattern": URL_PATTERN},
                     description="http(s) URL the deliveries are POSTed to")
    events: list[WebhookEvent] = Field(min_length=1, max_length=20, description="Public event names to deliver")
    description: str | None = Field(default=None, max_length=500, pattern=r"^[^\x00]*$")


class WebhookUpdate(_Strict):
    """``PATCH /v1/webhooks/{id}``: any of url, events, description, active (null: unchanged)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    url: Url | None = Field(default=None, min_length=1, max_length=2048, json_schema_extra={"pattern": URL_PATTERN})
    events: list[WebhookEvent] | None = Field(default=None, min_length=1, max_length=20)
    description: str | None = Field(default=None, max_length=500, pattern=r"^[^\x00]*$")
    active: StrictBool | None = None  # JSON true/false only: 0 and "yes" are refused, as the schema says

    @model_validator(mode="after")
    def _something(self) -> WebhookUpdate:
        if not self.model_fields_set:
            raise ValueError("give at least one of url, events, description, active")
        return self

    def changes(self) -> dict[str, object]:
        """What to change: the fields given; null leaves url, events and active as they are
        (and clears the description)."""
        return {name: getattr(self, name) for name in self.model_fields_set
                if getattr(self, name) is not None or name == "description"}


class Webhook(BaseModel):
    """A subscription (its secret is shown only when it is created)."""

    webhook_id: str
    url: str
    events: list[str]
    description: str | None = None
    active: bool = True
    created_at: dt.datetime
    updated_at: dt.datetime


class WebhookCreated(Webhook):
    """``201`` of ``POST /v1/webhooks``."""

    secret: str = Field(description="whsec_<base64>: shown only in this answer; verifies webhook-signature")


class WebhookList(BaseModel):
    """``GET /v1/webhooks``: every subscription, oldest first."""

    webhooks: list[Webhook]


class Delivery(BaseModel):
    """One event for one subscription; ``delivery_id`` is the ``webhook-id`` header, the same on every retry."""

    delivery_id: str = Field(description="The webhook-id header, the same on every retry")
    webhook_id: str
    event_id: str = Field(description="The CloudEvent's id")
    event_type: str = Field(description="The CloudEvent's type, e.g. idic.treatment.decided.v1")
    status: DeliveryStatus
    attempts: int
    next_attempt_at: dt.datetime | None = Field(description="When it is tried next (pending only)")
    give_up_at: dt.datetime | None = Field(description="Still failing then, the delivery becomes failed")
    last_status_code: int | None = Field(description="The receiver's last HTTP status (null: no answer)")
    last_error: str | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None


class DeliveryPage(BaseModel):
    """``GET /v1/webhooks/{id}/deliveries``: newest first, a page at a time."""

    deliveries: list[Delivery]
    next_cursor: str | None = None
