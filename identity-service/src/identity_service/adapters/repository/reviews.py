"""Duplicate reviews: pairs the engine was unsure of, for a person to accept or reject."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from ...domain.customer import DuplicateReview
from ..orm import Review


class ReviewRepository:
    """Duplicate reviews (the engine files them with the world it flushes, an erasure deletes them:
    see ``CustomerRepository.flush`` and ``erase_cluster``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def page(self, *, status: str | None, limit: int, after: str | None) -> list[DuplicateReview]:
        """Reviews oldest first; ``after`` is the id of the last review of the previous page."""
        query = select(Review).order_by(Review.created_at, Review.id).limit(limit)
        if status:
            query = query.where(Review.status == status)
        if after:
            cursor = self.session.get(Review, after)
            if cursor is not None:
                query = query.where(tuple_(Review.created_at, Review.id) > (cursor.created_at, cursor.id))
        return [_review(r) for r in self.session.scalars(query)]

    def get(self, review_id: str) -> DuplicateReview | None:
        row = self.session.get(Review, review_id)
        return _review(row) if row is not None else None

    def close(self, review_id: str, *, status: str, at: dt.datetime) -> DuplicateReview:
        """Record a person's decision (``accepted`` or ``rejected``) on a review."""
        row = self.session.get(Review, review_id)
        assert row is not None
        row.status, row.decided_at = status, at
        return _review(row)

    def of(self, customer_ids: Iterable[str]) -> list[DuplicateReview]:
        """Reviews about any of these customers, oldest first."""
        ids = list(customer_ids)
        return [_review(r) for r in self.session.scalars(select(Review).where(
            Review.customer_id.in_(ids) | Review.candidate_id.in_(ids)).order_by(Review.created_at))]


    def pairs_among(self, customer_ids: Iterable[str]) -> set[frozenset[str]]:
        """Pairs with an open or rejected review involving these customers: a person decides or decided."""
        ids = list(customer_ids)
        rows = self.session.execute(select(Review.customer_id, Review.candidate_id).where(
            Review.status.in_(("open", "rejected")),
            Review.customer_id.in_(ids) | Review.candidate_id.in_(ids)))
        return {frozenset(row) for row in rows}


def _review(r: Review) -> DuplicateReview:
    return DuplicateReview(review_id=r.id, customer_id=r.customer_id, candidate_id=r.candidate_id,
                           probability=r.probability, reason=r.reason, status=r.status, created_at=r.created_at,
                           decided_at=r.decided_at, details=dict(r.details or {}))
