"""Use cases: the review queue of possible duplicates (list, accept, reject)."""

from __future__ import annotations

from collections.abc import Callable

from idic import ProblemError, utcnow

from ..adapters.uow import IdentityUnitOfWork
from ..config import Settings
from ..domain.customer import DuplicateReview
from .merges import merge_in

UowFactory = Callable[[], IdentityUnitOfWork]


def list_reviews(*, status: str | None, limit: int, after: str | None,
                 uow_factory: UowFactory) -> list[DuplicateReview]:
    """Reviews, oldest first."""
    with uow_factory() as uow:
        return uow.reviews.page(status=status, limit=limit, after=after)


def decide(*, review_id: str, accept: bool, uow_factory: UowFactory, settings: Settings) -> DuplicateReview:
    """Accept (merge the two customers, the older survives) or reject a pending review."""
    with uow_factory() as uow:
        review = uow.reviews.get(review_id)
        if review is None:
            raise ProblemError(404, "Not Found", f"review {review_id} not found")
        if review.status != "open":
            raise ProblemError(409, "Conflict", f"review {review_id} was already {review.status}")
        if accept:
            if review.customer_id == review.candidate_id:
                raise ProblemError(409, "Conflict", "this review is about one customer's identifiers: "
                                   "correct them, there is nothing to merge")
            pair = [uow.customers.get(c) for c in (review.customer_id, review.candidate_id)]
            older, newer = sorted((c for c in pair if c is not None), key=lambda c: (c.created_at, c.id))
            merge_in(uow, survivor_id=older.id, merged_ids=[newer.id], settings=settings, reason="review",
                     confidence=review.probability)
        decided = uow.reviews.close(review_id, status="accepted" if accept else "rejected", at=utcnow())
        uow.commit()
        return decided
