"""Test data: contract payloads with sensible defaults."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from idic.contracts import CustomerScored, InteractionRecorded, TriggerDetected

# recent: an interaction or trigger more than a day old is history, which decides nothing (handlers.HISTORY_AFTER)
T0 = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0) - dt.timedelta(hours=2)


def scored(customer_id: str, **overrides: Any) -> CustomerScored:
    fields: dict[str, Any] = {"customer_id": customer_id, "scored_at": T0, "frequency": 0,
                              "monetary": Decimal("0"), "currency": "EUR"}
    return CustomerScored(**{**fields, **overrides})


def interaction(customer_id: str, **overrides: Any) -> InteractionRecorded:
    fields: dict[str, Any] = {"interaction_id": str(uuid.uuid4()), "customer_id": customer_id, "channel": "web",
                              "type": "visit", "direction": "inbound", "occurred_at": T0}
    return InteractionRecorded(**{**fields, **overrides})


def purchase(customer_id: str, **overrides: Any) -> InteractionRecorded:
    fields: dict[str, Any] = {"type": "purchase", "channel": "store", "amount": Decimal("42.50"), "currency": "EUR"}
    return interaction(customer_id, **{**fields, **overrides})


def trigger(customer_id: str, **overrides: Any) -> TriggerDetected:
    fields: dict[str, Any] = {"trigger_id": str(uuid.uuid4()), "customer_id": customer_id, "kind": "lapse",
                              "occurred_at": T0}
    return TriggerDetected(**{**fields, **overrides})
