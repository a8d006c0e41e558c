"""Test data: contract payloads with sensible defaults."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from idic.contracts import CustomerScored, InteractionRecorded, TriggerDetected
from treatment_service.domain.treatments import TreatmentRecord

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


# -- treatments as the service records them (the report's tests) --------------------------------
def record(rule_id: str, n: int, decided: dt.datetime, *, control: bool, channel: str | None = "email",
           customer_id: str | None = None) -> TreatmentRecord:
    """Decision ``n`` of ``rule_id``, unanswered."""
    return TreatmentRecord(
        treatment_id=str(uuid.uuid4()), customer_id=customer_id or f"{rule_id}-c{n}", rule_id=rule_id, rule_version=1,
        occurrence=f"o{n}", action_id="act", kind="offer", channel=channel, score=0.5, reasons=[],
        cause_event_id=None, decided_at=decided, outcome=None, outcome_at=None, control=control)


def answer(uow: Any, t: TreatmentRecord, outcome: str | None, *, amount: str | None, accepted: bool) -> None:
    """Answer a decision as the service does: accepted first (if), then the final outcome."""
    later = t.decided_at + dt.timedelta(hours=1)
    if accepted:
        assert uow.treatments.set_outcome(treatment_id=t.treatment_id, outcome="accepted", at=later)
    if outcome == "converted":
        assert uow.treatments.convert(treatment_id=t.treatment_id, at=later, amount=Decimal(amount) if amount else None,
                                      currency="EUR" if amount else None)
    elif outcome in ("declined", "ignored"):
        assert uow.treatments.set_outcome(treatment_id=t.treatment_id, outcome=outcome, at=later)
