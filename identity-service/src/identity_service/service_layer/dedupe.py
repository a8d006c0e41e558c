"""Use case: re-cluster the customers already stored (``POST /v1/customers:dedupe``, a job).

A business that loads its existing base brings its duplicates along; identify links what
arrives afterwards, and this cleans what was there: every root customer, in id order, is compared
with the customers sharing one of its blocking keys under the current model, exactly as a record
is. Merges go through the engine, so they are reversible, carry their explanation and send
CustomersMerged to every service; reviews open between the thresholds.

Safe to re-run and to resume: each chunk commits on its own, a merged customer is no longer a
root, and a pair a person rejected, unmerged or still has to decide is left alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from idic import utcnow
from idic.jobs import JobFn, Progress

from ..adapters.uow import IdentityUnitOfWork
from ..config import Settings
from ..domain.resolver import CandidateChanged, Resolver
from .identify import policy_of
from .models import ModelCache

UowFactory = Callable[[], IdentityUnitOfWork]
DEDUPE = "customers_dedupe"
CHUNK = 500  # root customers per transaction: a crash loses at most this much work


@dataclass(frozen=True)
class DedupeResult:
    customers_scanned: int
    merged: int
    reviews: int

    def to_json(self) -> dict[str, int]:
        return {"customers_scanned": self.customers_scanned, "merged": self.merged, "reviews": self.reviews}


def dedupe(*, uow_factory: UowFactory, settings: Settings, models: ModelCache,
           progress: Progress | None = None, chunk: int = CHUNK) -> DedupeResult:
    """Compare every root customer with its blocking candidates; merge and review as identify does."""
    with uow_factory() as uow:
        total = uow.customers.count_roots()
    scanned = merged = reviews = 0
    after = ""
    while True:
        done = _chunk(after=after, chunk=chunk, uow_factory=uow_factory, settings=settings, models=models)
        if done is None:
            break
        last, count, folded, opened = done
        scanned, merged, reviews, after = scanned + count, merged + folded, reviews + opened, last
        if progress is not None:
            progress(scanned, max(total, scanned))
    return DedupeResult(customers_scanned=scanned, merged=merged, reviews=reviews)


def _chunk(*, after: str, chunk: int, uow_factory: UowFactory, settings: Settings,
           models: ModelCache) -> tuple[str, int, int, int] | None:
    """One chunk in one transaction: (last id, customers scanned, merged, reviews), None past the end."""
    for attempt in range(3):
        try:
            with uow_factory() as uow:
                ids = uow.customers.root_ids_after(after, limit=chunk)
                if not ids:
                    return None
                kept_apart = uow.reviews.pairs_among(ids) | uow.customers.unmerged_pairs(ids)
                world = uow.customers.load_world(owners={}, keys=uow.customers.keys_of(ids), customer_ids=ids,
                                                  strong_types=settings.strong_identifier_types,
                                                  max_block=settings.max_candidates)
                resolver = Resolver(world, model=models.get(uow), policy=policy_of(settings), now=utcnow())
                merged = reviews = 0
                for customer_id in ids:
                    done = resolver.dedupe(customer_id, kept_apart=kept_apart)
                    merged += len(done.merged)
                    if done.review_candidate is not None:
                        reviews += 1  # and not again when the candidate's turn comes in this chunk
                        kept_apart.add(frozenset((customer_id, done.review_candidate)))
                uow.customers.flush(world)
                for event in world.events:
                    uow.publish(event)
                uow.commit()
                return ids[-1], len(ids), merged, reviews
        except (IntegrityError, CandidateChanged):
            # identify merged or erased a candidate meanwhile: read this chunk again
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def job_kinds(*, uow_factory: UowFactory, settings: Settings, models: ModelCache) -> dict[str, JobFn]:
    """The dedupe job (no parameters; result: ``DedupeResult``)."""
    def run_dedupe(_params: dict[str, Any], progress: Progress) -> dict[str, Any]:
        return dedupe(uow_factory=uow_factory, settings=settings, models=models, progress=progress).to_json()
    return {DEDUPE: run_dedupe}
