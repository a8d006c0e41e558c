"""Customers who refused profiling (consent): the only place that knows their table."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from ..orm import ProfilingRefusalRow

# built once: a statement keeps its cache key (every value read asks this; issue 19)
_REFUSED_AT = select(ProfilingRefusalRow.refused_at).where(ProfilingRefusalRow.customer_id == bindparam("customer_id"))


class RefusalRepository:
    """Customers who refused profiling."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def refused_at(self, customer_id: str) -> dt.datetime | None:
        """When the customer refused profiling, or None."""
        return self.session.scalar(_REFUSED_AT, {"customer_id": customer_id})

    def among(self, customer_ids: list[str]) -> set[str]:
        """Which of these customers refused profiling (one query per 1,000)."""
        found: set[str] = set()
        for start in range(0, len(customer_ids), 1000):
            found.update(self.session.scalars(select(ProfilingRefusalRow.customer_id).where(
                ProfilingRefusalRow.customer_id.in_(customer_ids[start:start + 1000]))))
        return found

    def add(self, customer_id: str, *, now: dt.datetime) -> bool:
        """Record a refusal; False when it was already recorded."""
        if self.refused_at(customer_id) is not None:
            return False
        self.session.add(ProfilingRefusalRow(customer_id=customer_id, refused_at=now))
        self.session.flush()
        return True

    def remove(self, customer_id: str) -> bool:
        """Withdraw a refusal; False when there was none."""
        if self.refused_at(customer_id) is None:
            return False
        self.session.execute(delete(ProfilingRefusalRow).where(ProfilingRefusalRow.customer_id == customer_id))
        self.session.flush()
        return True
