"""Rule-defined segments and the members of every segment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...domain.rules import RuleSegment
from ..orm import ScoreRow, SegmentMemberRow, SegmentRuleRow


class SegmentRepository:
    """Rule-defined segments and the members of every segment."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rules(self) -> list[RuleSegment]:
        """Every rule-defined segment."""
        return [RuleSegment(segment_id=r.segment_id, name=r.name, conditions=list(r.conditions))
                for r in self.session.scalars(select(SegmentRuleRow).order_by(SegmentRuleRow.segment_id))]

    def add_rule(self, *, segment_id: str, name: str, conditions: list[dict[str, Any]], now: dt.datetime) -> bool:
        """Create a rule segment; False if the id exists."""
        if self.session.get(SegmentRuleRow, segment_id) is not None:
            return False
        self.session.add(SegmentRuleRow(segment_id=segment_id, name=name, conditions=conditions, created_at=now))
        self.session.flush()
        return True

    def set_membership(self, customer_id: str, *, entered: list[str], left: list[str], now: dt.datetime) -> None:
        """Record a customer entering and leaving segments."""
        if left:
            self.session.execute(delete(SegmentMemberRow).where(
                SegmentMemberRow.customer_id == customer_id, SegmentMemberRow.segment_id.in_(left)))
        for segment_id in entered:
            self.session.add(SegmentMemberRow(segment_id=segment_id, customer_id=customer_id, since=now))
        self.session.flush()

    def bulk_membership(self, *, entered: list[tuple[str, str]], left: list[tuple[str, str]],
                        now: dt.datetime) -> None:
        """Many (segment, customer) entries and exits at once (population runs)."""
        for segment_id, customer_id in left:
            self.session.execute(delete(SegmentMemberRow).where(
                SegmentMemberRow.customer_id == customer_id, SegmentMemberRow.segment_id == segment_id))
        if entered:
            self.session.bulk_insert_mappings(SegmentMemberRow, [  # type: ignore[arg-type]
                {"segment_id": s, "customer_id": c, "since": now} for s, c in entered])
        self.session.flush()

    def sizes(self) -> dict[str, tuple[int, Decimal]]:
        """segment -> (members, summed 12-month CLV)."""
        query = (select(SegmentMemberRow.segment_id, func.count(), func.sum(ScoreRow.clv_12m))
                 .join(ScoreRow, ScoreRow.customer_id == SegmentMemberRow.customer_id, isouter=True)
                 .group_by(SegmentMemberRow.segment_id))
        return {s: (n, Decimal(total or 0)) for s, n, total in self.session.execute(query)}

    def members(self, segment_id: str, *, after: str | None, limit: int) -> list[tuple[str, dt.datetime]]:
        """Members in id order, from after ``after`` (keyset pagination)."""
        query = select(SegmentMemberRow.customer_id, SegmentMemberRow.since).where(
            SegmentMemberRow.segment_id == segment_id)
        if after is not None:
            query = query.where(SegmentMemberRow.customer_id > after)
        return [(c, s) for c, s in self.session.execute(query.order_by(SegmentMemberRow.customer_id).limit(limit))]

    def forget(self, customer_id: str) -> None:
        """Drop a customer from every segment."""
        self.session.execute(delete(SegmentMemberRow).where(SegmentMemberRow.customer_id == customer_id))
        self.session.flush()
