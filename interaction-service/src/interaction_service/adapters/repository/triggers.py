"""Customer activity (running purchase history), detected triggers and birthdays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, case, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ...domain.triggers import COMPLAINT_TYPE, PURCHASE_TYPE, Activity, Detected, StoredTrigger
from ..orm import CustomerActivity, CustomerBirthday, Interaction, Trigger
from .interactions import chunks

_ACTIVITY_FIELDS = ("customer_id", "purchase_count", "first_purchase_at", "last_purchase_at", "amount_currency",
                    "amount_count", "amount_sum", "last_activity_at")


_ACTIVITY_COLUMNS = [CustomerActivity.__table__.c[f] for f in _ACTIVITY_FIELDS]


def _activity(row: CustomerActivity) -> Activity:
    return Activity(**{f: getattr(row, f) for f in _ACTIVITY_FIELDS})


class TriggerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- activity ---------------------------------------------------------------
    def activities(self, customer_ids: list[str], *, lock: bool = False) -> dict[str, Activity]:
        """The stored histories of these customers (locked for update when about to change them)."""
        found: dict[str, Activity] = {}
        for chunk in chunks(sorted(set(customer_ids)), size=5000):
            # plain columns, not ORM objects: a batch may touch 10,000 customers
            stmt = select(*_ACTIVITY_COLUMNS).where(CustomerActivity.customer_id.in_(chunk))
            if lock:
                stmt = stmt.with_for_update()
            found.update({row[0]: Activity(*row) for row in self.session.execute(stmt)})
        return found

    def save_activities(self, changed: list[Activity]) -> None:
        """Write new histories with one multi-row upsert (INSERT .. ON CONFLICT DO UPDATE)."""
        if not changed:
            return
        dialect = self.session.get_bind().dialect.name
        table = cast(Table, CustomerActivity.__table__)  # typed FromClause; a declared model's is a Table
        stmt = (postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table))
        stmt = stmt.on_conflict_do_update(index_elements=[table.c.customer_id], set_={
            f: stmt.excluded[f] for f in _ACTIVITY_FIELDS if f != "customer_id"})
        self.session.execute(stmt, [{f: getattr(a, f) for f in _ACTIVITY_FIELDS} for a in changed])

    def recompute_activity(self, customer_id: str) -> None:
        """Rebuild a history from the interactions (after merges and unmerges)."""
        self.session.execute(delete(CustomerActivity).where(CustomerActivity.customer_id == customer_id))
        is_purchase = Interaction.type == PURCHASE_TYPE
        mine = Interaction.customer_id == customer_id
        total, purchases, first, last, last_any = self.session.execute(select(
            func.count(), func.sum(case((is_purchase, 1), else_=0)),
            func.min(case((is_purchase, Interaction.occurred_at))),
            func.max(case((is_purchase, Interaction.occurred_at))),
            func.max(Interaction.occurred_at)).where(mine)).one()
        if not total:
            return
        by_currency = self.session.execute(
            select(Interaction.currency, func.count(), func.sum(Interaction.amount))
            .where(mine, is_purchase, Interaction.amount.is_not(None), Interaction.currency.is_not(None))
            .group_by(Interaction.currency).order_by(func.count().desc(), Interaction.currency)).first()
        currency, amount_count, amount_sum = by_currency if by_currency else (None, 0, Decimal(0))
        # min/max over a CASE lose the column type on SQLite: read them back through the column's type
        first_at, last_at, last_any_at = (self._as_time(v) for v in (first, last, last_any))
        self.session.add(CustomerActivity(
            customer_id=customer_id, purchase_count=int(purchases or 0), first_purchase_at=first_at,
            last_purchase_at=last_at, amount_currency=currency, amount_count=int(amount_count),
            amount_sum=amount_sum if amount_sum is not None else Decimal(0), last_activity_at=last_any_at))
        self.session.flush()

    @staticmethod
    def _as_time(value: object) -> dt.datetime | None:
        if value is None:
            return None
        when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)

    def drop_activity(self, customer_ids: list[str]) -> None:
        self.session.execute(delete(CustomerActivity).where(CustomerActivity.customer_id.in_(customer_ids)))

    def lapse_candidates(self, *, min_purchases: int, batch: int = 1000) -> Iterator[Activity]:
        """Every history with enough purchases for a usual gap, streamed."""
        stmt = (select(CustomerActivity).where(CustomerActivity.purchase_count >= min_purchases)
                .order_by(CustomerActivity.customer_id).execution_options(yield_per=batch))
        for row in self.session.scalars(stmt):
            yield _activity(row)

    def complaints(self, *, customer_id: str, since: dt.datetime, until: dt.datetime) -> list[tuple[dt.datetime, str]]:
        """(occurred_at, interaction_id) of a customer's complaints in a window."""
        stmt = select(Interaction.occurred_at, Interaction.id).where(
            Interaction.customer_id == customer_id, Interaction.type == COMPLAINT_TYPE,
            Interaction.occurred_at >= since, Interaction.occurred_at <= until)
        return [(at, iid) for at, iid in self.session.execute(stmt)]

    # -- triggers ---------------------------------------------------------------
    def existing_triggers(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunks(sorted(set(ids))):
            found.update(self.session.scalars(select(Trigger.id).where(Trigger.id.in_(chunk))))
        return found

    def add_triggers(self, found: list[Detected], *, at: dt.datetime) -> None:
        if found:
            self.session.execute(insert(Trigger), [
                {"id": d.trigger_id, "customer_id": d.customer_id, "kind": d.kind, "occurred_at": d.occurred_at,
                 "interaction_id": d.interaction_id, "details": d.details, "detected_at": at} for d in found])

    def triggers_of(self, *, customer_id: str, kind: str | None = None, limit: int = 100) -> list[StoredTrigger]:
        """A customer's triggers (of one kind), newest first."""
        stmt = select(Trigger).where(Trigger.customer_id == customer_id)
        if kind is not None:
            stmt = stmt.where(Trigger.kind == kind)
        return [StoredTrigger(trigger_id=t.id, customer_id=t.customer_id, kind=t.kind, occurred_at=t.occurred_at,
                              interaction_id=t.interaction_id, details=dict(t.details or {}),
                              detected_at=t.detected_at)
                for t in self.session.scalars(stmt.order_by(Trigger.occurred_at.desc(), Trigger.id).limit(limit))]

    def rekey_triggers(self, *, merged_ids: list[str], survivor_id: str) -> None:
        self.session.execute(update(Trigger).where(Trigger.customer_id.in_(merged_ids))
                             .values(customer_id=survivor_id).execution_options(synchronize_session=False))

    def drop_triggers(self, customer_id: str) -> None:
        self.session.execute(delete(Trigger).where(Trigger.customer_id == customer_id))

    # -- birthdays --------------------------------------------------------------
    def set_birthday(self, *, customer_id: str, month_day: str) -> None:
        row = self.session.get(CustomerBirthday, customer_id)
        if row is None:
            self.session.add(CustomerBirthday(customer_id=customer_id, month_day=month_day))
        else:
            row.month_day = month_day
        self.session.flush()

    def birthday_of(self, customer_id: str) -> str | None:
        row = self.session.get(CustomerBirthday, customer_id)
        return None if row is None else row.month_day

    def birthdays_on(self, month_days: list[str]) -> list[tuple[str, str]]:
        """(customer_id, MM-DD) of customers whose birthday falls on one of these days."""
        stmt = select(CustomerBirthday.customer_id, CustomerBirthday.month_day).where(
            CustomerBirthday.month_day.in_(month_days)).order_by(CustomerBirthday.customer_id)
        return [(c, md) for c, md in self.session.execute(stmt)]

    def move_birthdays(self, *, merged_ids: list[str], survivor_id: str) -> None:
        """The survivor keeps its own birthday, else takes a merged customer's."""
        if self.session.get(CustomerBirthday, survivor_id) is None:
            row = self.session.scalars(select(CustomerBirthday).where(CustomerBirthday.customer_id.in_(merged_ids))
                                       .order_by(CustomerBirthday.customer_id).limit(1)).first()
            if row is not None:
                self.set_birthday(customer_id=survivor_id, month_day=row.month_day)
        self.session.execute(delete(CustomerBirthday).where(CustomerBirthday.customer_id.in_(merged_ids)))

    def drop_birthday(self, customer_id: str) -> None:
        self.session.execute(delete(CustomerBirthday).where(CustomerBirthday.customer_id == customer_id))


