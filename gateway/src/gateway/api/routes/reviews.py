"""Identity's review queue (possible duplicates a person decides on) and its matching model."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Request, Response

from idic.public.identity import (
    DedupeRequest,
    MatchingModel,
    MatchingTrainRequest,
    Review,
    ReviewList,
    ReviewStatus,
)
from idic.public.jobs import CustomersDedupeJob, MatchingTrainJob

from ...adapters.clients.services import segment
from ..proxy import ClientsDep, errors, forward
from ..security import Authorized
from .jobs import PreferHeader, start_job, started

router = APIRouter(tags=["identify"], dependencies=[Authorized])
# one path segment without ':' (the action follows it) and not '.'-led (no dot segments upstream)
ReviewId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[^.:/][^:/]*$")]


@router.get("/v1/reviews", response_model=ReviewList, responses=errors())
async def list_reviews(request: Request, clients: ClientsDep,
                       status: Annotated[ReviewStatus | None, Query()] = None,
                       limit: Annotated[int | None, Query(ge=1, le=500)] = None,
                       cursor: Annotated[str | None, Query(min_length=1, max_length=64,
                                                           description="next_cursor of the previous page")] = None,
                       after: Annotated[str | None, Query(min_length=1, max_length=64, deprecated=True,
                                                          description="Deprecated name of cursor")] = None,
                       ) -> Response:
    """Possible duplicates waiting for a person (``status`` open by default), oldest first, a page of
    ``limit`` at a time."""
    return await forward(clients.identity, request, "GET", "/v1/reviews",
                         params={"status": status, "limit": limit, "cursor": cursor, "after": after})


@router.post("/v1/reviews/{review_id}:accept", response_model=Review, responses=errors(404, 409))
async def accept_review(review_id: ReviewId, request: Request, clients: ClientsDep) -> Response:
    """They are one person: merge them (the older customer survives)."""
    return await forward(clients.identity, request, "POST", f"/v1/reviews/{segment(review_id)}:accept")


@router.post("/v1/reviews/{review_id}:reject", response_model=Review, responses=errors(404, 409))
async def reject_review(review_id: ReviewId, request: Request, clients: ClientsDep) -> Response:
    """They are two people: close the review and keep both."""
    return await forward(clients.identity, request, "POST", f"/v1/reviews/{segment(review_id)}:reject")


@router.get("/v1/models/matching", response_model=MatchingModel, responses=errors(404))
async def matching_model(request: Request, clients: ClientsDep) -> Response:
    """The match model identity uses (404 while none was trained: generic starting values apply)."""
    return await forward(clients.identity, request, "GET", "/v1/models/matching")


@router.post("/v1/models/matching:train", status_code=202, response_model=MatchingTrainJob,
             responses=started(MatchingTrainJob))
async def train_matching_model(request: Request, clients: ClientsDep, prefer: PreferHeader = None,
                               body: Annotated[MatchingTrainRequest | None, Body()] = None) -> Response:
    """Re-estimate the match model on the stored customers, as a job (kind ``matching_train``; its result is the
    model; admin)."""
    return await start_job(clients.identity, request, "/v1/models/matching:train", prefer=prefer,
                           with_body=body is not None)


@router.post("/v1/customers:dedupe", status_code=202, response_model=CustomersDedupeJob,
             responses=started(CustomersDedupeJob))
async def dedupe_customers(request: Request, clients: ClientsDep, prefer: PreferHeader = None,
                           body: Annotated[DedupeRequest | None, Body()] = None) -> Response:
    """Re-cluster the stored customers with the match model in use, as a job (kind ``customers_dedupe``; its
    result is a ``DedupeResult``: customers scanned, merged, reviews opened; admin). Merges are reversible and
    explained; pairs a person rejected, split or still has to decide are left alone, so a re-run is safe."""
    return await start_job(clients.identity, request, "/v1/customers:dedupe", prefer=prefer,
                           with_body=body is not None)
