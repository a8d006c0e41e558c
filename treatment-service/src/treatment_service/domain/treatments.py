"""A decided treatment as the rest of the service sees it (a plain value, no ORM state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Outcome = Literal["accepted", "declined", "ignored"]
OUTCOMES: tuple[Outcome, ...] = ("accepted", "declined", "ignored")


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
