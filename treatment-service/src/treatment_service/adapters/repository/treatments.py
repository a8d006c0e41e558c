"""Queries on treatments: decisions, their delivery, outcomes, expiry, attribution and the
figures of a rule's performance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, literal, or_, select, update
from sqlalchemy.orm import Session

from ...domain.facts import PastTreatment
from ...domain.lifecycle import Attributable, GroupCounts
from ...domain.treatments import LIVE, TreatmentRecord
from ..orm import Treatment


def _record(t: Treatment) -> TreatmentRecord:
    return TreatmentRecord(
        treatment_id=t.id, customer_id=t.customer_id, rule_id=t.rule_id, rule_version=t.rule_version,
        occurrence=t.occurrence, action_id=t.action_id, kind=t.kind, channel=t.channel, score=t.score,
        reasons=list(t.reasons or []), cause_event_id=t.cause_event_id, decided_at=t.decided_at,
        outcome=t.outcome, outcome_at=t.outcome_at, segment=t.segment,  # type: ignore[arg-type]
        expires_at=t.expires_at, delivered_at=t.delivered_at, control=bool(t.control), amount=t.amount,
        currency=t.currency, accepted_at=t.accepted_at, attribution_until=t.attribution_until,
        outcome_by=t.outcome_by)


def _changed(result: Any) -> bool:
    return bool(getattr(result, "rowcount", 0))


class TreatmentRepository:
    """Treatments decided for customers (read as TreatmentRecord values)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, treatment_id: str) -> TreatmentRecord | None:
        """The treatment as stored now (fresh from the database)."""
        row = self.session.get(Treatment, treatment_id, populate_existing=True)
        return _record(row) if row is not None else None

    def add(self, treatment: TreatmentRecord) -> None:
        """Insert and flush (a duplicate (customer, rule, occurrence) raises IntegrityError here)."""
        t = treatment
        self.session.add(Treatment(
            id=t.treatment_id, customer_id=t.customer_id, rule_id=t.rule_id, rule_version=t.rule_version,
            occurrence=t.occurrence, action_id=t.action_id, kind=t.kind, channel=t.channel, score=t.score,
            reasons=list(t.reasons), cause_event_id=t.cause_event_id, decided_at=t.decided_at, outcome=t.outcome,
            outcome_at=t.outcome_at, segment=t.segment, expires_at=t.expires_at, delivered_at=t.delivered_at,
            control=t.control, amount=t.amount, currency=t.currency, accepted_at=t.accepted_at,
            attribution_until=t.attribution_until))
        self.session.flush()

    def exists(self, *, customer_id: str, rule_id: str, occurrence: str) -> bool:
        """True when this firing of the rule was already decided for the customer."""
        return self.session.execute(select(Treatment.id).where(
            Treatment.customer_id == customer_id, Treatment.rule_id == rule_id,
            Treatment.occurrence == occurrence)).first() is not None

    def for_customer(self, customer_id: str, *, limit: int) -> list[TreatmentRecord]:
        """Newest first."""
        return [_record(t) for t in self.session.scalars(
            select(Treatment).where(Treatment.customer_id == customer_id)
            .order_by(Treatment.decided_at.desc(), Treatment.id.desc()).limit(limit))]

    def page(self, customer_id: str, *, limit: int, before: tuple[dt.datetime, str] | None) -> list[TreatmentRecord]:
        """Newest first, strictly after the keyset ``before`` = (decided_at, id) of the last row seen."""
        query = select(Treatment).where(Treatment.customer_id == customer_id)
        if before is not None:
            at, tid = before
            query = query.where(or_(Treatment.decided_at < at, (Treatment.decided_at == at) & (Treatment.id < tid)))
        return [_record(t) for t in self.session.scalars(
            query.order_by(Treatment.decided_at.desc(), Treatment.id.desc()).limit(limit))]

    def history(self, customer_id: str, *, since: dt.datetime, limit: int = 200) -> list[PastTreatment]:
        """Treatments decided since ``since``, newest first (what contact policy looks at);
        control decisions contacted nobody, so they are left out."""
        rows = self.session.execute(
            select(Treatment.rule_id, Treatment.action_id, Treatment.kind, Treatment.channel, Treatment.decided_at,
                   Treatment.outcome, Treatment.outcome_at)
            .where(Treatment.customer_id == customer_id, Treatment.decided_at >= since, Treatment.control.is_(False))
            .order_by(Treatment.decided_at.desc()).limit(limit))
        return [PastTreatment(rule_id=r[0], action_id=r[1], kind=r[2], channel=r[3], decided_at=r[4], outcome=r[5],
                              outcome_at=r[6]) for r in rows]

    # -- serving ------------------------------------------------------------------------
    def open_by_rule(self, customer_id: str, *, rule_ids: list[str], now: dt.datetime) -> dict[str, TreatmentRecord]:
        """Per rule, the newest treatment still valid and unanswered (control ones included)."""
        found: dict[str, TreatmentRecord] = {}
        if not rule_ids:
            return found
        for t in self.session.scalars(
                select(Treatment).where(Treatment.customer_id == customer_id, Treatment.rule_id.in_(rule_ids),
                                        Treatment.outcome.is_(None), Treatment.expires_at > now)
                .order_by(Treatment.decided_at.desc()).execution_options(populate_existing=True)):
            found.setdefault(t.rule_id, _record(t))
        return found

    def close_live(self, customer_id: str, *, rule_id: str, now: dt.datetime, occurrence: str = LIVE) -> None:
        """Free the rule's live slot when its treatment was answered or expired (its key becomes its own)."""
        self.session.execute(
            update(Treatment).where(
                Treatment.customer_id == customer_id, Treatment.rule_id == rule_id, Treatment.occurrence == occurrence,
                or_(Treatment.outcome.is_not(None), Treatment.expires_at <= now))
            .values(occurrence=literal("api:") + Treatment.id).execution_options(synchronize_session=False))

    def mark_delivered(self, treatment_id: str, *, at: dt.datetime) -> bool:
        """Set delivered_at once; True for the caller that set it (it publishes TreatmentDelivered)."""
        return _changed(self.session.execute(
            update(Treatment).where(Treatment.id == treatment_id, Treatment.delivered_at.is_(None))
            .values(delivered_at=at).execution_options(synchronize_session=False)))

    # -- outcomes ---------------------------------------------------------------------
    def set_outcome(self, *, treatment_id: str, outcome: str, at: dt.datetime, amount: Decimal | None = None,
                    currency: str | None = None, by: str | None = None) -> bool:
        """Record the outcome (and who recorded it) unless one is there already (atomic: concurrent calls get
        one winner)."""
        values: dict[str, Any] = {"outcome": outcome, "outcome_at": at, "amount": amount, "currency": currency,
                                  "outcome_by": by}
        if outcome == "accepted":
            values["accepted_at"] = at
        return _changed(self.session.execute(
            update(Treatment).where(Treatment.id == treatment_id, Treatment.outcome.is_(None))
            .values(**values).execution_options(synchronize_session="fetch")))

    def convert(self, *, treatment_id: str, at: dt.datetime, amount: Decimal | None, currency: str | None) -> bool:
        """Open or accepted -> converted (an acceptance stays recorded in accepted_at)."""
        return _changed(self.session.execute(
            update(Treatment).where(Treatment.id == treatment_id,
                                    or_(Treatment.outcome.is_(None), Treatment.outcome == "accepted"))
            .values(outcome="converted", outcome_at=at, amount=amount, currency=currency)
            .execution_options(synchronize_session="fetch")))

    def expired(self, *, now: dt.datetime, limit: int) -> list[TreatmentRecord]:
        """Unanswered treatments past their expiry, oldest first (rows locked; others skip them)."""
        return [_record(t) for t in self.session.scalars(
            select(Treatment).where(Treatment.outcome.is_(None), Treatment.expires_at <= now)
            .order_by(Treatment.expires_at).limit(limit).with_for_update(skip_locked=True))]

    def attributable(self, customer_id: str, *, purchased_at: dt.datetime) -> list[Attributable]:
        """Treatments whose attribution window contains a purchase at ``purchased_at``."""
        rows = self.session.execute(
            select(Treatment.id, Treatment.rule_id, Treatment.decided_at, Treatment.attribution_until,
                   Treatment.outcome)
            .where(Treatment.customer_id == customer_id, Treatment.decided_at <= purchased_at,
                   Treatment.attribution_until > purchased_at,
                   or_(Treatment.outcome.is_(None), Treatment.outcome == "accepted")))
        return [Attributable(treatment_id=r[0], rule_id=r[1], decided_at=r[2], attribution_until=r[3], outcome=r[4])
                for r in rows]

    # -- performance ------------------------------------------------------------------
    def performance(self, rule_id: str, *, since: dt.datetime, until: dt.datetime) -> tuple[GroupCounts, GroupCounts]:
        """Counts of the rule's treated and control decisions made in [since, until)."""
        groups = {False: GroupCounts(), True: GroupCounts()}
        window = (Treatment.rule_id == rule_id, Treatment.decided_at >= since, Treatment.decided_at < until)
        accepted = Treatment.accepted_at.is_not(None)
        for control, outcome, was_accepted, n in self.session.execute(
                select(Treatment.control, Treatment.outcome, accepted, func.count())
                .where(*window).group_by(Treatment.control, Treatment.outcome, accepted)):
            g = groups[bool(control)]
            g.presented += n
            if outcome in ("declined", "ignored", "converted"):
                setattr(g, outcome, getattr(g, outcome) + n)
            if outcome == "accepted" or was_accepted:
                g.accepted += n
        # money is summed here: SQLite keeps it as text, and a SQL sum would go through floats
        for control, amount, currency in self.session.execute(
                select(Treatment.control, Treatment.amount, Treatment.currency)
                .where(*window, Treatment.outcome == "converted", Treatment.amount.is_not(None))):
            revenue = groups[bool(control)].revenue
            key = currency or ""
            revenue[key] = revenue.get(key, Decimal(0)) + (amount or Decimal(0))
        return groups[False], groups[True]

    def performance_by_day(self, *, since: dt.datetime | None, until: dt.datetime | None,
                           channel: str | None) -> dict[tuple[str, dt.date, bool], GroupCounts]:
        """Outcome counts of every rule's decisions made in [since, until) (on one channel), per rule,
        UTC day of the decision and group (control or treated): two grouped queries, the days rolled
        into periods by the caller."""
        pg = self.session.get_bind().dialect.name == "postgresql"
        # the UTC day of the decision (SQLite keeps naive UTC text, "YYYY-MM-DD HH:MM:SS...")
        day = func.date(func.timezone("UTC", Treatment.decided_at)) if pg else func.substr(Treatment.decided_at, 1, 10)
        where = [Treatment.decided_at >= since] if since is not None else []
        where += [Treatment.decided_at < until] if until is not None else []
        where += [Treatment.channel == channel] if channel is not None else []
        out: dict[tuple[str, dt.date, bool], GroupCounts] = {}

        def group(rule_id: str, on: Any, control: Any) -> GroupCounts:
            key = (rule_id, on if isinstance(on, dt.date) else dt.date.fromisoformat(on), bool(control))
            return out.setdefault(key, GroupCounts())

        accepted = Treatment.accepted_at.is_not(None)
        for rule_id, on, control, outcome, was_accepted, n in self.session.execute(
                select(Treatment.rule_id, day, Treatment.control, Treatment.outcome, accepted, func.count())
                .where(*where).group_by(Treatment.rule_id, day, Treatment.control, Treatment.outcome, accepted)):
            g = group(rule_id, on, control)
            g.presented += n
            if outcome in ("declined", "ignored", "converted"):
                setattr(g, outcome, getattr(g, outcome) + n)
            if outcome == "accepted" or was_accepted:
                g.accepted += n
        # money summed here, as in performance(): SQLite keeps it as text
        for rule_id, on, control, amount, currency in self.session.execute(
                select(Treatment.rule_id, day, Treatment.control, Treatment.amount, Treatment.currency)
                .where(*where, Treatment.outcome == "converted", Treatment.amount.is_not(None))):
            revenue = group(rule_id, on, control).revenue
            revenue[currency or ""] = revenue.get(currency or "", Decimal(0)) + (amount or Decimal(0))
        return out

    # -- merges and erasure -----------------------------------------------------------
    def rekey(self, *, from_id: str, to_id: str) -> int:
        """Move a merged customer's treatments to the survivor. A firing both already had
        keeps its history under a distinct occurrence, so the pair stays unique."""
        moved = list(self.session.scalars(select(Treatment).where(Treatment.customer_id == from_id)))
        for treatment in moved:
            if self.exists(customer_id=to_id, rule_id=treatment.rule_id, occurrence=treatment.occurrence):
                treatment.occurrence = f"{treatment.occurrence}|merged:{from_id}"[:255]
            treatment.customer_id = to_id
            self.session.flush()
        return len(moved)

    def delete_for(self, customer_ids: list[str]) -> None:
        self.session.execute(delete(Treatment).where(Treatment.customer_id.in_(customer_ids)))
