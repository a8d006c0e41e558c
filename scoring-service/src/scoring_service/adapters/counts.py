"""Population counts: what the schedule decides on and what /value explains an empty CLV by
(through ``population.PopulationRepository``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .orm import FeatureRow


def population_counts(session: Session) -> tuple[int, int]:
    """(customers with a purchase, customers with two or more purchase days): one scan of the features."""
    row = session.execute(select(
        func.count().filter(FeatureRow.frequency > 0),
        func.count().filter(FeatureRow.purchase_days >= 2))).one()
    return int(row[0] or 0), int(row[1] or 0)


def repeat_buyers_at_least(session: Session, minimum: int) -> bool:
    """Whether at least ``minimum`` customers have two or more purchase days (stops at ``minimum``)."""
    found = select(FeatureRow.customer_id).where(FeatureRow.purchase_days >= 2).limit(minimum).subquery()
    return int(session.scalar(select(func.count()).select_from(found)) or 0) >= minimum

