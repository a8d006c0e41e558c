"""Queries on treatments: decisions, their delivery, outcomes, expiry, attribution and the
figures of a rule's performance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import case, delete, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from ...domain.facts import PastTreatment
from ...domain.lifecycle import Attributable, GroupCounts
from ...domain.report_counts import COUNTS, OPEN, Answer, change
from ...domain.treatments import LIVE, TreatmentRecord
from ..orm import ReportChangeRow, Treatment


def _record(t: Treatment) -> TreatmentRecord:
    return TreatmentRecord(
        treatment_id=t.id, customer_id=t.customer_id, rule_id=t.rule_id, rule_version=t.rule_version,
        occurrence=t.occurrence, action_id=t.action_id, kind=t.kind, channel=t.channel, score=t.score,
        reasons=list(t.reasons or []), cause_event_id=t.cause_event_id, decided_at=t.decided_at,
        outcome=t.outcome, outcome_at=t.outcome_at, segment=t.segment,  # type: ignore[arg-type]
        expires_at=t.expires_at, delivered_at=t.delivered_at, control=bool(t.control), amount=t.amount,
        currency=t.currency, accepted_at=t.accepted_at, attribution_until=t.attribution_until,
        outcome_by=t.outcome_by)


BeforeCommit = Callable[[str, Callable[[], None]], None]  # UnitOfWork.before_commit
# what a decision's row in the report is keyed by (day of decided_at, rule, channel, group)
_REPORT_KEY = (Treatment.decided_at, Treatment.rule_id, Treatment.channel, Treatment.control)


def _changed(result: Any) -> bool:
    return bool(getattr(result, "rowcount", 0))


class TreatmentRepository:
    """Treatments decided for customers (read as TreatmentRecord values)."""

    def __init__(self, session: Session, *, before_commit: BeforeCommit | None = None) -> None:
        self.session = session
        # the report's changes of this transaction, written in one statement just before it commits
        # (``UnitOfWork.before_commit``): a decision of five actions costs one insert more, not five
        self._before_commit = before_commit
        self._changes: list[dict[str, Any]] = []

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
        self._count(t.decided_at, t.rule_id, t.channel, t.control, before=None, after=Answer(
            outcome=t.outcome, accepted=t.accepted_at is not None, amount=t.amount, currency=t.currency))

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
        row = self.session.execute(
            update(Treatment).where(Treatment.id == treatment_id, Treatment.outcome.is_(None))
            .values(**values).returning(*_REPORT_KEY).execution_options(synchronize_session="fetch")).first()
        if row is None:
            return False
        self._count(*row, before=OPEN, after=Answer(outcome=outcome, accepted=outcome == "accepted", amount=amount,
                                                    currency=currency))
        return True

    def convert(self, *, treatment_id: str, at: dt.datetime, amount: Decimal | None, currency: str | None) -> bool:
        """Open or accepted -> converted (an acceptance stays recorded in accepted_at)."""
        # accepted_at is what tells, after the update, whether the treatment had been accepted before it:
        # an acceptance recorded before accepted_at existed (migration 0003) gets the conversion's time
        row = self.session.execute(
            update(Treatment).where(Treatment.id == treatment_id,
                                    or_(Treatment.outcome.is_(None), Treatment.outcome == "accepted"))
            .values(outcome="converted", outcome_at=at, amount=amount, currency=currency,
                    accepted_at=func.coalesce(Treatment.accepted_at,
                                              case((Treatment.outcome == "accepted", at), else_=None)))
            .returning(*_REPORT_KEY, Treatment.accepted_at).execution_options(synchronize_session="fetch")).first()
        if row is None:
            return False
        decided_at, rule_id, channel, control, accepted_at = row
        was_accepted = accepted_at is not None
        self._count(decided_at, rule_id, channel, control,
                    before=Answer(outcome="accepted" if was_accepted else None, accepted=was_accepted),
                    after=Answer(outcome="converted", accepted=was_accepted, amount=amount, currency=currency))
        return True

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

    # -- the treatments report's counts ---------------------------------------------------
    def _count(self, decided_at: dt.datetime, rule_id: str, channel: str | None, control: bool, *,
               before: Answer | None, after: Answer | None) -> None:
        """Append what this change of one decision adds to the report (an insert: no counter row is
        locked by a decision's transaction)."""
        added = change(before, after)
        if not added:
            return
        day = decided_at.astimezone(dt.UTC).date()
        self._changes += [{"day": day, "rule_id": rule_id, "channel": channel or "", "control": bool(control),
                           "currency": currency, **dict(zip(COUNTS, counts, strict=True))}
                          for currency, counts in added]
        if self._before_commit is None:
            self.write_report_changes()
        else:
            self._before_commit("treatment-report-changes", self.write_report_changes)

    def write_report_changes(self) -> None:
        """Insert the report's changes gathered in this transaction (one statement)."""
        changes, self._changes = self._changes, []
        if changes:
            self.session.execute(insert(ReportChangeRow), changes)

    def forget_report_changes(self) -> None:
        """The transaction rolled back: its changes never happened."""
        self._changes = []

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
        """Erase the customers' decisions, and take them out of the treatments report."""
        for row in self.session.execute(
                delete(Treatment).where(Treatment.customer_id.in_(customer_ids))
                .returning(*_REPORT_KEY, Treatment.outcome, Treatment.accepted_at, Treatment.amount,
                           Treatment.currency).execution_options(synchronize_session=False)):
            *key, outcome, accepted_at, amount, currency = row
            self._count(*key, before=Answer(outcome=outcome, accepted=accepted_at is not None, amount=amount,
                                            currency=currency), after=None)
