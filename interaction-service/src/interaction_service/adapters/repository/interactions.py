"""Queries on interactions: recording (COPY or executemany), idempotency keys, timelines, per-channel figures and
survey answers; also the helpers the other repositories share (``chunks``, ``stored``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, case, delete, distinct, func, or_, select, update
from sqlalchemy.orm import Session

from ...domain.channels import ChannelTotals
from ...domain.feedback import FeedbackAnswer, FeedbackCounts
from ...domain.interactions import StoredInteraction
from ...domain.money import to_units
from ..orm import Interaction

_IN_CHUNK = 500  # bound parameters per IN (): SQLite allows 32,766, PostgreSQL 65,535


_COPY_FROM = 50  # rows from which COPY beats an executemany
_COPY_COLUMNS = ("id", "client_key", "customer_id", "original_customer_id", "channel", "type", "direction",
                 "occurred_at", "recorded_at", "amount", "currency", "cost", "payload", "nps", "csat", "actor")


def _copy_value(column: str, value: Any) -> Any:
    """A row value as the column stores it (what the column types do for INSERTs)."""
    if value is None:
        return None
    if column in ("amount", "cost"):
        return to_units(value)
    if column == "payload":
        return json.dumps(value, separators=(",", ":"))
    return value


def _window(since: dt.datetime | None, until: dt.datetime | None) -> list[Any]:
    return ([] if since is None else [Interaction.occurred_at >= since]) + (
        [] if until is None else [Interaction.occurred_at < until])


def chunks(values: list[str], size: int = _IN_CHUNK) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def stored(row: Interaction) -> StoredInteraction:
    """A loaded row as the domain knows it (plain values: they outlive the session)."""
    return StoredInteraction(
        interaction_id=row.id, customer_id=row.customer_id, original_customer_id=row.original_customer_id,
        client_key=row.client_key, channel=row.channel, type=row.type, direction=row.direction,
        occurred_at=row.occurred_at, recorded_at=row.recorded_at, amount=row.amount, currency=row.currency,
        cost=row.cost, payload=dict(row.payload or {}), actor=row.actor)


def _row(i: StoredInteraction) -> dict[str, Any]:
    """The table row of a new interaction; survey answers are copied out of the payload into columns of their
    own, so that the feedback aggregates need no JSON functions."""
    return {"id": i.interaction_id, "client_key": i.client_key, "customer_id": i.customer_id,
            "original_customer_id": i.original_customer_id, "channel": i.channel, "type": i.type,
            "direction": i.direction, "occurred_at": i.occurred_at, "recorded_at": i.recorded_at,
            "amount": i.amount, "currency": i.currency, "cost": i.cost, "payload": dict(i.payload),
            "nps": i.payload.get("nps"), "csat": i.payload.get("csat"), "actor": i.actor}

# built once: a statement keeps its cache key (every summary asks this; issue 19)
_COUNT_OF_CUSTOMER = (select(func.count()).select_from(Interaction)
                      .where(Interaction.customer_id == bindparam("customer_id")))


class InteractionRepository:
    """Interactions (merge aliases and erasure tombstones: idic.Aliases and idic.Erasures on the unit of work)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writes -----------------------------------------------------------------
    def add_many(self, interactions: list[StoredInteraction]) -> None:
        """Bulk insert: COPY on PostgreSQL (several times an executemany's rate), else a Core executemany
        (the ORM's bulk path costs ~65 us a row in bookkeeping)."""
        if not interactions:
            return
        rows = [_row(i) for i in interactions]
        if len(rows) >= _COPY_FROM and self.session.get_bind().dialect.name == "postgresql":
            self._copy(rows)
        else:
            # a mapped class's __table__ is typed FromClause; a declared model's is a Table
            self.session.execute(cast(Table, Interaction.__table__).insert(), rows)

    def _copy(self, rows: list[dict[str, Any]]) -> None:
        # the session's own connection: the rows are part of its transaction (and of its outbox commit)
        cursor = self.session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        columns = ", ".join(_COPY_COLUMNS)
        with cursor.copy(f"COPY interactions ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(_copy_value(c, row[c]) for c in _COPY_COLUMNS))

    def rekey(self, *, merged_ids: list[str], survivor_id: str) -> int:
        """Move interactions of merged customers to the survivor; returns rows moved."""
        result = self.session.execute(
            update(Interaction).where(Interaction.customer_id.in_(merged_ids))
            .values(customer_id=survivor_id).execution_options(synchronize_session=False))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def restore(self, *, restored_id: str, from_id: str) -> int:
        """Give an unmerged customer back the interactions first recorded for it."""
        result = self.session.execute(
            update(Interaction)
            .where(Interaction.original_customer_id == restored_id, Interaction.customer_id == from_id)
            .values(customer_id=restored_id).execution_options(synchronize_session=False))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def delete_customer(self, customer_id: str) -> int:
        """Delete every interaction of a customer, including those recorded under an id later merged away."""
        result = self.session.execute(
            delete(Interaction)
            .where(or_(Interaction.customer_id == customer_id, Interaction.original_customer_id == customer_id))
            .execution_options(synchronize_session=False))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # -- idempotency keys ------------------------------------------------------
    def by_client_keys(self, keys: list[str]) -> dict[str, tuple[str, str | None]]:
        """client key -> (interaction_id, customer_id: None while pending) of interactions already recorded."""
        found: dict[str, tuple[str, str | None]] = {}
        for chunk in chunks(sorted(set(keys))):
            stmt = select(Interaction.client_key, Interaction.id, Interaction.customer_id).where(
                Interaction.client_key.in_(chunk))
            found.update({key: (iid, cid) for key, iid, cid in self.session.execute(stmt) if key is not None})
        return found

    # -- reads ------------------------------------------------------------------
    def timeline(self, *, customer_id: str, limit: int, before: tuple[dt.datetime, str] | None = None,
                 channel: str | None = None, type_: str | None = None) -> list[StoredInteraction]:
        """A customer's interactions newest first, strictly after the ``before`` position."""
        stmt = select(Interaction).where(Interaction.customer_id == customer_id)
        if before is not None:
            at, last_id = before
            stmt = stmt.where(or_(Interaction.occurred_at < at,
                                  and_(Interaction.occurred_at == at, Interaction.id < last_id)))
        if channel is not None:
            stmt = stmt.where(Interaction.channel == channel)
        if type_ is not None:
            stmt = stmt.where(Interaction.type == type_)
        stmt = stmt.order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit)
        return [stored(r) for r in self.session.scalars(stmt)]

    def count(self, customer_id: str) -> int:
        """How many interactions a customer has."""
        return int(self.session.scalar(_COUNT_OF_CUSTOMER, {"customer_id": customer_id}) or 0)

    def channel_stats(self, *, since: dt.datetime | None, until: dt.datetime | None = None
                      ) -> list[ChannelTotals]:
        """Per channel: volume, reach, cost, purchases and revenue in [since, until)."""
        window = _window(since, until)
        is_purchase = Interaction.type == "purchase"
        totals = self.session.execute(
            select(Interaction.channel, func.count(), func.count(distinct(Interaction.customer_id)),
                   func.sum(Interaction.cost), func.sum(case((is_purchase, 1), else_=0)))
            .where(*window).group_by(Interaction.channel).order_by(Interaction.channel)).all()
        revenue: dict[str, dict[str, Decimal]] = {}
        for channel, currency, total in self.session.execute(
                select(Interaction.channel, Interaction.currency, func.sum(Interaction.amount))
                .where(*window, is_purchase, Interaction.amount.is_not(None))
                .group_by(Interaction.channel, Interaction.currency)):
            if currency is not None and total is not None:  # the API never stores an amount without currency
                revenue.setdefault(channel, {})[currency] = total
        zero = Decimal("0.00")
        return [ChannelTotals(channel=ch, count=int(n), customers=int(c),
                              total_cost=cost if cost is not None else zero, purchases=int(p or 0),
                              revenue=dict(sorted(revenue.get(ch, {}).items())))
                for ch, n, c, cost, p in totals]

    def channel_counts(self, customer_id: str) -> list[tuple[str, int, Decimal]]:
        """(channel, interactions, their total cost) of one customer, most used first."""
        stmt = (select(Interaction.channel, func.count(), func.sum(Interaction.cost))
                .where(Interaction.customer_id == customer_id)
                .group_by(Interaction.channel).order_by(func.count().desc(), Interaction.channel))
        return [(ch, int(n), cost if cost is not None else Decimal("0.00"))
                for ch, n, cost in self.session.execute(stmt)]

    def feedback_by_channel(self, *, since: dt.datetime | None, until: dt.datetime | None
                            ) -> list[FeedbackCounts]:
        """The survey answers of linked interactions in [since, until), counted per channel."""
        nps, csat = Interaction.nps, Interaction.csat
        stmt = (select(Interaction.channel, func.count(nps), func.sum(case((nps >= 9, 1), else_=0)),
                       func.sum(case((nps <= 6, 1), else_=0)), func.count(csat), func.sum(csat))
                .where(*_window(since, until), or_(nps.is_not(None), csat.is_not(None)),
                       Interaction.customer_id.is_not(None))
                .group_by(Interaction.channel).order_by(Interaction.channel))
        return [FeedbackCounts(channel=ch, nps_responses=int(n or 0), promoters=int(p or 0), detractors=int(d or 0),
                               csat_responses=int(c or 0), csat_sum=int(cs or 0))
                for ch, n, p, d, c, cs in self.session.execute(stmt)]

    def feedback_of(self, customer_id: str, *, limit: int) -> list[FeedbackAnswer]:
        """A customer's survey answers (NPS or CSAT), newest first."""
        stmt = (select(Interaction).where(Interaction.customer_id == customer_id,
                                          or_(Interaction.nps.is_not(None), Interaction.csat.is_not(None)))
                .order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit))
        return [FeedbackAnswer(interaction_id=r.id, occurred_at=r.occurred_at, channel=r.channel, nps=r.nps,
                               csat=r.csat) for r in self.session.scalars(stmt)]

    def all_of(self, customer_id: str) -> list[StoredInteraction]:
        """Every interaction of a customer or first recorded for them (GDPR export)."""
        stmt = (select(Interaction).where(or_(Interaction.customer_id == customer_id,
                                              Interaction.original_customer_id == customer_id))
                .order_by(Interaction.occurred_at.desc(), Interaction.id.desc()))
        return [stored(r) for r in self.session.scalars(stmt)]
