"""A decided treatment as the rest of the service sees it (a plain value, no ORM state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Outcome = Literal["accepted", "declined", "ignored", "converted"]
OUTCOMES: tuple[Outcome, ...] = ("accepted", "declined", "ignored", "converted")
LIVE = "live"
"""Occurrence of the one open treatment per (customer, rule) served through next-best-actions:
the unique (customer, rule, occurrence) key makes two concurrent readers share it."""
CONTROL_LIVE = "live:control"
"""The same for the control decision of a customer held back from the rule."""


@dataclass(frozen=True)
class TreatmentRecord:
    """One treatment: what was decided, why, for whom, and the customer's answer if any."""

    treatment_id: str
    customer_id: str
    rule_id: str
    rule_version: int
    occurrence: str
    action_id: str
    kind: str
    channel: str | None
    score: float
    reasons: list[str]
    cause_event_id: str | None
    decided_at: dt.datetime
    outcome: Outcome | None
    outcome_at: dt.datetime | None
    segment: str | None = None
    expires_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    control: bool = False
    amount: Decimal | None = None
    currency: str | None = None
    accepted_at: dt.datetime | None = None
    attribution_until: dt.datetime | None = None
    outcome_by: str | None = None  # who recorded the outcome (the gateway's X-Actor); None: the service itself
