"""Queries of treatment-service: the only place that knows its tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..domain.context import CustomerContext, Trigger
from ..domain.facts import PastTreatment
from ..domain.treatments import TreatmentRecord
from .orm import CustomerAlias, CustomerContextRow, ErasedCustomer, Treatment

# fields copied one to one between the domain object and its row
_PLAIN_FIELDS = (
    "created_at", "updated_at", "tier", "clv_12m", "currency", "p_alive", "churn_risk", "rfm_segment",
    "frequency", "monetary", "scored_at", "interactions_count", "purchases_count", "first_interaction_at",
    "last_interaction_at", "last_interaction_channel", "last_interaction_type", "last_purchase_at",
    "birthday_month_day", "moved_at",
)


def _trigger_to_json(trigger: Trigger) -> dict[str, Any]:
    return {"trigger_id": trigger.trigger_id, "kind": trigger.kind, "occurred_at": trigger.occurred_at.isoformat(),
            "interaction_id": trigger.interaction_id}


def _trigger_from_json(doc: dict[str, Any]) -> Trigger:
    return Trigger(trigger_id=doc["trigger_id"], kind=doc["kind"],
                   occurred_at=dt.datetime.fromisoformat(doc["occurred_at"]), interaction_id=doc.get("interaction_id"))


class ContextRepository:
    """Customer contexts, merge aliases and erasure tombstones."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> CustomerContext | None:
        """The context of exactly this id (no alias resolution)."""
        row = self.session.get(CustomerContextRow, customer_id)
        if row is None:
            return None
        context = CustomerContext(
            customer_id=row.customer_id,
            channel_counts=dict(row.channel_counts or {}),
            type_counts=dict(row.type_counts or {}),
            recent_triggers=[_trigger_from_json(t) for t in row.recent_triggers or []],
            consent=dict(row.consent or {}),
            segments=list(row.segments or []),
            activity={d: dict(c) for d, c in (row.activity or {}).items()},
            **{name: getattr(row, name) for name in _PLAIN_FIELDS},
        )
        return context

    def save(self, context: CustomerContext) -> None:
        """Insert or update; flushed so later handlers in the same transaction see it."""
        row = self.session.get(CustomerContextRow, context.customer_id)
        if row is None:
            row = CustomerContextRow(customer_id=context.customer_id)
            self.session.add(row)
        for name in _PLAIN_FIELDS:
            setattr(row, name, getattr(context, name))
        row.channel_counts = dict(context.channel_counts)
        row.type_counts = dict(context.type_counts)
        row.recent_triggers = [_trigger_to_json(t) for t in context.recent_triggers]
        row.consent = dict(context.consent)
        row.segments = list(context.segments)
        row.activity = {d: dict(c) for d, c in context.activity.items()}
        self.session.flush()

    def delete(self, customer_id: str) -> None:
        """Forget the context of this id."""
        self.session.execute(delete(CustomerContextRow).where(CustomerContextRow.customer_id == customer_id))

    # -- merges -----------------------------------------------------------------------
    def resolve(self, customer_id: str) -> str:
        """The survivor standing for this id (aliases are kept one hop deep)."""
        alias = self.session.get(CustomerAlias, customer_id)
        return alias.survivor_id if alias is not None else customer_id

    def add_alias(self, *, merged_id: str, survivor_id: str, at: dt.datetime) -> None:
        """Point ``merged_id`` and everything that pointed at it to ``survivor_id``."""
        self.session.execute(update(CustomerAlias).where(CustomerAlias.survivor_id == merged_id)
                             .values(survivor_id=survivor_id).execution_options(synchronize_session="fetch"))
        alias = self.session.get(CustomerAlias, merged_id)
        if alias is None:
            self.session.add(CustomerAlias(merged_id=merged_id, survivor_id=survivor_id, merged_at=at))
        else:
            alias.survivor_id, alias.merged_at = survivor_id, at
        self.session.flush()

    def remove_alias(self, *, merged_id: str, survivor_id: str) -> bool:
        """Undo one alias (unmerge); False when it did not point at that survivor."""
        alias = self.session.get(CustomerAlias, merged_id)
        if alias is None or alias.survivor_id != survivor_id:
            return False
        self.session.delete(alias)
        self.session.flush()
        return True

    def merged_ids(self, survivor_id: str) -> list[str]:
        """Ids merged into this customer."""
        return list(self.session.scalars(select(CustomerAlias.merged_id)
                                         .where(CustomerAlias.survivor_id == survivor_id)
                                         .order_by(CustomerAlias.merged_id)))

    # -- erasure ----------------------------------------------------------------------
    def is_erased(self, customer_id: str) -> bool:
        return self.session.get(ErasedCustomer, customer_id) is not None

    def erased_at(self, customer_id: str) -> dt.datetime | None:
        """When the erasure of this id was applied here (None: never)."""
        row = self.session.get(ErasedCustomer, customer_id)
        return row.erased_at if row is not None else None

    def erase(self, *, customer_id: str, at: dt.datetime) -> list[str]:
        """Delete the context and aliases of this id, tombstone it and the ids merged into
        it; returns every id erased."""
        ids = [customer_id, *self.merged_ids(customer_id)]
        self.session.execute(delete(CustomerAlias).where(
            (CustomerAlias.survivor_id == customer_id) | (CustomerAlias.merged_id == customer_id)))
        self.delete(customer_id)
        for erased in ids:
            if self.session.get(ErasedCustomer, erased) is None:
                self.session.add(ErasedCustomer(customer_id=erased, erased_at=at))
        self.session.flush()
        return ids


def _record(t: Treatment) -> TreatmentRecord:
    return TreatmentRecord(
        treatment_id=t.id, customer_id=t.customer_id, rule_id=t.rule_id, rule_version=t.rule_version,
        occurrence=t.occurrence, action_id=t.action_id, kind=t.kind, channel=t.channel, score=t.score,
        reasons=list(t.reasons or []), cause_event_id=t.cause_event_id, decided_at=t.decided_at,
        outcome=t.outcome, outcome_at=t.outcome_at, segment=t.segment)  # type: ignore[arg-type]


class TreatmentRepository:
    """Treatments decided for customers (read as TreatmentRecord values)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, treatment_id: str) -> TreatmentRecord | None:
        """The treatment as stored now (fresh from the database)."""
        row = self.session.get(Treatment, treatment_id, populate_existing=True)
        return _record(row) if row is not None else None

    def add(self, treatment: Treatment) -> None:
        self.session.add(treatment)
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
            .order_by(Treatment.decided_at.desc(), Treatment.id).limit(limit))]

    def history(self, customer_id: str, *, since: dt.datetime, limit: int = 200) -> list[PastTreatment]:
        """Treatments decided since ``since``, newest first (what contact policy looks at)."""
        rows = self.session.execute(
            select(Treatment.rule_id, Treatment.action_id, Treatment.kind, Treatment.channel, Treatment.decided_at,
                   Treatment.outcome, Treatment.outcome_at)
            .where(Treatment.customer_id == customer_id, Treatment.decided_at >= since)
            .order_by(Treatment.decided_at.desc()).limit(limit))
        return [PastTreatment(rule_id=r[0], action_id=r[1], kind=r[2], channel=r[3], decided_at=r[4], outcome=r[5],
                              outcome_at=r[6]) for r in rows]

    def set_outcome(self, *, treatment_id: str, outcome: str, at: dt.datetime) -> bool:
        """Record the outcome unless one is there already (atomic: concurrent calls get one winner)."""
        result = self.session.execute(
            update(Treatment).where(Treatment.id == treatment_id, Treatment.outcome.is_(None))
            .values(outcome=outcome, outcome_at=at).execution_options(synchronize_session="fetch"))
        return bool(getattr(result, "rowcount", 0))

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
