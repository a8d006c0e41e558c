"""Webhook deliveries as values, and the retry schedule (pure: no I/O, clock and randomness injected)."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

DeliveryStatus = Literal["pending", "succeeded", "failed"]
SECRET_PREFIX = "whsec_"


def new_webhook_id() -> str:
    return f"wh_{uuid.uuid4().hex}"


def new_delivery_id() -> str:
    """The Standard Webhooks ``webhook-id`` (msg_ prefix as in the specification's examples)."""
    return f"msg_{uuid.uuid4().hex}"


def new_secret() -> str:
    """A signing secret: 24 random bytes, ``whsec_<base64>`` as Standard Webhooks writes them."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


@dataclass(frozen=True)
class WebhookRecord:
    webhook_id: str
    url: str
    events: list[str]
    secret: str
    description: str | None
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class DeliveryRecord:
    delivery_id: str
    webhook_id: str
    event_id: str
    event_type: str
    customer_id: str | None
    status: DeliveryStatus
    attempts: int
    next_attempt_at: dt.datetime | None
    give_up_at: dt.datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None
    erased: bool  # the body was deleted (GDPR): it can no longer be sent


@dataclass(frozen=True)
class DueDelivery:
    """What the sender needs to POST one delivery (claimed for it by a lease)."""

    delivery_id: str
    webhook_id: str
    url: str
    secret: str
    body: str
    attempts: int
    give_up_at: dt.datetime
    created_at: dt.datetime


@dataclass(frozen=True)
class SendResult:
    delivery_id: str
    ok: bool
    status_code: int | None
    error: str | None


def backoff_s(attempts: int, *, base_s: float, cap_s: float, rand: Callable[[], float]) -> float:
    """Delay before the next try after ``attempts`` failed ones: base·2^(attempts-1), capped,
    with equal jitter (half fixed, half random) so that receivers coming back are not stampeded."""
    delay = min(cap_s, base_s * 2 ** max(0, min(attempts - 1, 40)))
    return delay / 2 + rand() * delay / 2


@dataclass(frozen=True)
class AfterFailure:
    status: DeliveryStatus
    next_attempt_at: dt.datetime | None


def after_failure(*, attempts: int, now: dt.datetime, give_up_at: dt.datetime, base_s: float, cap_s: float,
                  rand: Callable[[], float]) -> AfterFailure:
    """Pending again after a backoff, the last try exactly at ``give_up_at``; failed once that has passed."""
    if now >= give_up_at:
        return AfterFailure("failed", None)
    delay = dt.timedelta(seconds=backoff_s(attempts, base_s=base_s, cap_s=cap_s, rand=rand))
    return AfterFailure("pending", min(now + delay, give_up_at))
