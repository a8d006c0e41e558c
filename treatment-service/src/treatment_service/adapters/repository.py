"""Queries on customer contexts, merge aliases and erasure tombstones (treatments: treatments_repository)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..domain.context import CustomerContext, Trigger
from .orm import CustomerAlias, CustomerContextRow, ErasedCustomer

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
        # What prefetch() found absent, so that lookups of it need no query; every write below keeps them true.
        self._no_alias: set[str] = set()
        self._not_erased: set[str] = set()
        self._no_context: set[str] = set()
        self._prefetched: list[object] = []  # the session's identity map holds rows weakly: keep them loaded

    def prefetch(self, customer_ids: set[str]) -> None:
        """Load what a consumer batch about these customers will read (their aliases, then their survivors'
        tombstones and contexts) in three queries instead of several per event."""
        ids = {c for c in customer_ids if c}
        if not ids:
            return
        aliases = list(self.session.scalars(select(CustomerAlias).where(CustomerAlias.merged_id.in_(ids))))
        survivors = {a.merged_id: a.survivor_id for a in aliases}
        targets = {survivors.get(c, c) for c in ids}
        erased = set(self.session.scalars(select(ErasedCustomer.customer_id).where(
            ErasedCustomer.customer_id.in_(targets))))
        contexts = list(self.session.scalars(select(CustomerContextRow).where(
            CustomerContextRow.customer_id.in_(targets))))
        self._prefetched.extend([*aliases, *contexts])
        self._no_alias |= ids - survivors.keys()
        self._not_erased |= targets - erased
        self._no_context |= targets - {row.customer_id for row in contexts}

    def _forget_loaded(self, model: type, customer_id: str) -> None:
        """A row deleted by a bulk statement must not be served from the identity map afterwards."""
        stale = self.session.identity_map.get(self.session.identity_key(model, customer_id))
        if stale is not None:
            self.session.expunge(stale)

    def get(self, customer_id: str) -> CustomerContext | None:
        """The context of exactly this id (no alias resolution)."""
        if customer_id in self._no_context:
            return None
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
        row = None if context.customer_id in self._no_context else self.session.get(CustomerContextRow,
                                                                                    context.customer_id)
        if row is None:
            row = CustomerContextRow(customer_id=context.customer_id)
            self.session.add(row)
            self._no_context.discard(context.customer_id)
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
        self._forget_loaded(CustomerContextRow, customer_id)
        self._no_context.add(customer_id)

    # -- merges -----------------------------------------------------------------------
    def resolve(self, customer_id: str) -> str:
        """The survivor standing for this id (aliases are kept one hop deep)."""
        if customer_id in self._no_alias:
            return customer_id
        alias = self.session.get(CustomerAlias, customer_id)
        return alias.survivor_id if alias is not None else customer_id

    def add_alias(self, *, merged_id: str, survivor_id: str, at: dt.datetime) -> None:
        """Point ``merged_id`` and everything that pointed at it to ``survivor_id``."""
        self.session.execute(update(CustomerAlias).where(CustomerAlias.survivor_id == merged_id)
                             .values(survivor_id=survivor_id).execution_options(synchronize_session="fetch"))
        alias = None if merged_id in self._no_alias else self.session.get(CustomerAlias, merged_id)
        self._no_alias.discard(merged_id)
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

    def consents(self, customer_ids: set[str]) -> dict[str, dict[str, bool]]:
        """The stored consent of each id's survivor (ids without a context are left out), in two queries."""
        if not customer_ids:
            return {}
        aliases = select(CustomerAlias.merged_id, CustomerAlias.survivor_id).where(
            CustomerAlias.merged_id.in_(customer_ids))
        survivor: dict[str, str] = {merged: kept for merged, kept in self.session.execute(aliases)}
        wanted = {survivor.get(c, c) for c in customer_ids}
        stored: dict[str, dict[str, bool] | None] = {cid: consent for cid, consent in self.session.execute(
            select(CustomerContextRow.customer_id, CustomerContextRow.consent).where(
                CustomerContextRow.customer_id.in_(wanted)))}
        return {c: dict(stored[survivor.get(c, c)] or {}) for c in customer_ids if survivor.get(c, c) in stored}

    # -- erasure ----------------------------------------------------------------------
    def erased_among(self, customer_ids: set[str]) -> set[str]:
        """Which of these ids have an erasure tombstone (one query)."""
        if not customer_ids:
            return set()
        return set(self.session.scalars(select(ErasedCustomer.customer_id).where(
            ErasedCustomer.customer_id.in_(customer_ids))))

    def is_erased(self, customer_id: str) -> bool:
        if customer_id in self._not_erased:
            return False
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
        for gone in ids:
            self._forget_loaded(CustomerAlias, gone)
        self.delete(customer_id)
        for erased in ids:
            self._not_erased.discard(erased)
            if self.session.get(ErasedCustomer, erased) is None:
                self.session.add(ErasedCustomer(customer_id=erased, erased_at=at))
        self.session.flush()
        return ids
