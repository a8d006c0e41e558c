"""Outcomes of treatments: answers over the API, conversions by purchases, and expiry.

Every outcome of a treated (not control) decision teaches the action's propensity and is
published as TreatmentOutcomeRecorded in the same transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from idic import ProblemError, get_logger, utcnow
from idic.contracts import InteractionRecorded, TreatmentOutcomeRecorded

from ..adapters.uow import TreatmentUnitOfWork
from ..domain.lifecycle import conversions
from ..domain.next_best_actions import ALL_SEGMENTS
from ..domain.treatments import TreatmentRecord
from .services import UowFactory, _not_found

log = get_logger(__name__)
PURCHASE = "purchase"


def _learned(uow: TreatmentUnitOfWork, before: TreatmentRecord, *, outcome: str, at: dt.datetime,
             amount: Decimal | None = None, currency: str | None = None) -> None:
    """Teach the propensity and publish the outcome (control decisions reached nobody: neither)."""
    if before.control:
        return
    if outcome == "converted" and before.outcome == "accepted":
        pass  # the acceptance was already counted as the success a conversion is
    else:
        counted = "accepted" if outcome == "converted" else outcome
        uow.rules.count_outcome(action_id=before.action_id, segment=before.segment or ALL_SEGMENTS, outcome=counted)
    uow.publish(TreatmentOutcomeRecorded(
        treatment_id=before.treatment_id, customer_id=before.customer_id, outcome=outcome,  # type: ignore[arg-type]
        action_id=before.action_id, kind=before.kind, channel=before.channel, recorded_at=at,
        rule_id=before.rule_id, amount=amount, currency=currency))


def record_outcome(*, treatment_id: str, outcome: str, amount: Decimal | None = None, currency: str | None = None,
                   uow_factory: UowFactory, by: str | None = None) -> TreatmentRecord:
    """Set the customer's answer to a treatment, once (404 unknown, 409 already answered); ``by`` is who
    recorded it (an agent's name, a system's key)."""
    with uow_factory() as uow:
        treatment = uow.treatments.get(treatment_id)
        if treatment is None:
            raise _not_found(f"treatment {treatment_id} not found")
        now = utcnow()
        if treatment.outcome is None and uow.treatments.set_outcome(
                treatment_id=treatment_id, outcome=outcome, at=now, amount=amount, currency=currency, by=by):
            _learned(uow, treatment, outcome=outcome, at=now, amount=amount, currency=currency)
            updated = uow.treatments.get(treatment_id)
            uow.commit()
            assert updated is not None
            return updated
        current = uow.treatments.get(treatment_id)  # a concurrent request may have answered first
        raise ProblemError(409, "Conflict", f"treatment {treatment_id} already has an outcome",
                           outcome=current.outcome if current else None)


def convert_on_purchase(uow: TreatmentUnitOfWork, *, customer_id: str, purchase: InteractionRecorded) -> int:
    """A purchase converts, per rule, the customer's most recent open or accepted treatment
    whose attribution window contains it (control decisions too: that is the baseline)."""
    if purchase.type != PURCHASE:
        return 0
    candidates = uow.treatments.attributable(customer_id, purchased_at=purchase.occurred_at)
    now = utcnow()
    converted = 0
    for chosen in conversions(candidates, purchased_at=purchase.occurred_at):
        before = uow.treatments.get(chosen.treatment_id)
        if before is None or not uow.treatments.convert(treatment_id=chosen.treatment_id, at=now,
                                                        amount=purchase.amount, currency=purchase.currency):
            continue
        _learned(uow, before, outcome="converted", at=now, amount=purchase.amount, currency=purchase.currency)
        converted += 1
    if converted:
        log.info("purchase converted treatments", customer_id=customer_id, converted=converted)
    return converted


def expire_due(*, now: dt.datetime, batch: int, uow_factory: UowFactory) -> int:
    """One round of the expiry sweep: up to ``batch`` unanswered treatments past expires_at
    become ignored (at their expiry time); returns how many."""
    with uow_factory() as uow:
        done = 0
        for t in uow.treatments.expired(now=now, limit=batch):
            at = t.expires_at or now
            if uow.treatments.set_outcome(treatment_id=t.treatment_id, outcome="ignored", at=at):
                _learned(uow, t, outcome="ignored", at=at)
                done += 1
        uow.commit()
    return done
