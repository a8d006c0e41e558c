"""Scores per customer."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...domain.value import CustomerScores
from ..orm import ScoreRow

_SCORE_FIELDS = [f.name for f in fields(CustomerScores) if f.name not in {"customer_id", "segments", "churn_drivers"}]


class ScoreRepository:
    """Scores per customer."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> CustomerScores | None:
        """A customer's scores, if ever scored."""
        row = self.session.get(ScoreRow, customer_id)
        if row is None:
            return None
        return _scores_of(row)

    def get_many(self, customer_ids: list[str]) -> dict[str, CustomerScores]:
        """These customers' scores, for those ever scored."""
        rows = self.session.scalars(select(ScoreRow).where(ScoreRow.customer_id.in_(customer_ids))
                                    .execution_options(populate_existing=True))
        return {row.customer_id: _scores_of(row) for row in rows}

    def all(self) -> dict[str, CustomerScores]:
        """Every customer's scores (population runs)."""
        columns = [getattr(ScoreRow, c.key) for c in ScoreRow.__table__.columns]
        return {row.customer_id: _scores_of(row) for row in self.session.execute(select(*columns))}

    def save_many(self, scores: list[CustomerScores], *, new_ids: set[str]) -> None:
        """Write many customers' scores at once (bulk insert of new rows, bulk update of the rest)."""
        rows = [{"customer_id": s.customer_id, "segments": list(s.segments), "churn_drivers": list(s.churn_drivers),
                 **{n: getattr(s, n) for n in _SCORE_FIELDS}} for s in scores]
        inserts = [r for r in rows if r["customer_id"] in new_ids]
        updates = [r for r in rows if r["customer_id"] not in new_ids]
        if inserts:
            self.session.bulk_insert_mappings(ScoreRow, inserts)  # type: ignore[arg-type]
        if updates:
            self.session.bulk_update_mappings(ScoreRow, updates)  # type: ignore[arg-type]
        self.session.flush()

    def save(self, scores: CustomerScores) -> None:
        """Insert or update a customer's scores."""
        row = self.session.get(ScoreRow, scores.customer_id)
        if row is None:
            row = ScoreRow(customer_id=scores.customer_id)
            self.session.add(row)
        for name in _SCORE_FIELDS:
            setattr(row, name, getattr(scores, name))
        row.segments = list(scores.segments)
        row.churn_drivers = list(scores.churn_drivers)
        self.session.flush()

    def delete(self, customer_id: str) -> None:
        """Forget a customer's scores."""
        self.session.execute(delete(ScoreRow).where(ScoreRow.customer_id == customer_id))
        self.session.flush()


def _scores_of(row: Any) -> CustomerScores:
    scores = CustomerScores(customer_id=row.customer_id, **{n: getattr(row, n) for n in _SCORE_FIELDS})
    scores.segments = list(row.segments or [])
    scores.churn_drivers = list(row.churn_drivers or [])
    return scores
