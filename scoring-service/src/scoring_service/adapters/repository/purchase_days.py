"""Distinct purchase days per customer with each day's spend (CLV fits and merges)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..orm import PurchaseDayRow


class PurchaseDayRepository:
    """Distinct purchase days per customer with each day's spend."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, customer_id: str, day: dt.date, amount: Decimal) -> bool:
        """Count a purchase on ``day``; True when it is the customer's first purchase that day."""
        row = self.session.get(PurchaseDayRow, (customer_id, day))
        if row is None:
            self.session.add(PurchaseDayRow(customer_id=customer_id, day=day, amount=amount))
            self.session.flush()
            return True
        row.amount = row.amount + amount
        self.session.flush()
        return False

    def move(self, *, from_id: str, to_id: str) -> tuple[int, Decimal]:
        """Fold one customer's days into another's; the survivor's day count and first-day spend after."""
        for row in list(self.session.scalars(select(PurchaseDayRow).where(PurchaseDayRow.customer_id == from_id))):
            self.add(to_id, row.day, row.amount)
            self.session.delete(row)
        self.session.flush()
        count = self.session.scalar(select(func.count()).where(PurchaseDayRow.customer_id == to_id)) or 0
        first = self.session.scalar(select(PurchaseDayRow.amount).where(PurchaseDayRow.customer_id == to_id)
                                    .order_by(PurchaseDayRow.day).limit(1))
        return count, first if first is not None else Decimal(0)

    def until(self, day: dt.date) -> Iterator[tuple[str, dt.date, Decimal]]:
        """Every (customer, day, spend) up to ``day`` inclusive, by customer then day (CLV fits)."""
        query = (select(PurchaseDayRow.customer_id, PurchaseDayRow.day, PurchaseDayRow.amount)
                 .where(PurchaseDayRow.day <= day).order_by(PurchaseDayRow.customer_id, PurchaseDayRow.day))
        for row in self.session.execute(query.execution_options(yield_per=10000)):
            yield row.customer_id, row.day, row.amount

    def of(self, customer_id: str) -> list[dict[str, str]]:
        """A customer's purchase days (export)."""
        return [{"day": r.day.isoformat(), "amount": str(r.amount)} for r in self.session.scalars(
            select(PurchaseDayRow).where(PurchaseDayRow.customer_id == customer_id).order_by(PurchaseDayRow.day))]

    def delete(self, customer_id: str) -> None:
        """Forget a customer's days."""
        self.session.execute(delete(PurchaseDayRow).where(PurchaseDayRow.customer_id == customer_id))
        self.session.flush()
