"""Queries on customer contexts (treatments: repository.treatments; merge aliases and erasure tombstones:
idic.Aliases and idic.Erasures on the unit of work)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...domain.context import CustomerContext, Trigger
from ..orm import CustomerContextRow

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
    """Customer contexts."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # What prefetch() found absent, so that lookups of it need no query; every write below keeps it true.
        self._no_context: set[str] = set()
        self._prefetched: list[object] = []  # the session's identity map holds rows weakly: keep them loaded

    def prefetch(self, customer_ids: set[str]) -> None:
        """Load the contexts of these customers (a consumer batch's survivors) in one query."""
        if not customer_ids:
            return
        contexts = list(self.session.scalars(select(CustomerContextRow).where(
            CustomerContextRow.customer_id.in_(customer_ids))))
        self._prefetched.extend(contexts)
        self._no_context |= customer_ids - {row.customer_id for row in contexts}

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

    def consents(self, customer_ids: set[str]) -> dict[str, dict[str, bool]]:
        """The stored consent of each of these ids (survivors; ids without a context are left out), in one query."""
        if not customer_ids:
            return {}
        return {cid: dict(consent or {}) for cid, consent in self.session.execute(
            select(CustomerContextRow.customer_id, CustomerContextRow.consent).where(
                CustomerContextRow.customer_id.in_(customer_ids)))}
