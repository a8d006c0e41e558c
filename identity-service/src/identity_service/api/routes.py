"""HTTP routes of identity-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from idic import Jobs, ServiceRouter
from idic.context import request_id_var
from idic.jobs_api import job_accepted, job_responses
from idic.public.common import ErasureResult
from idic.public.identity import (
    EXPLAIN_DESCRIPTION,
    SEARCH_NAME_PATTERN,
    ConsentRequest,
    ConsentResult,
    DedupeRequest,
    IdentifyBatchRequest,
    IdentifyBatchResult,
    IdentifyRequest,
    IdentifyResult,
    IdentityExport,
    LookupResult,
    MatchingModel,
    MatchingTrainRequest,
    MergeRequest,
    Profile,
    Review,
    ReviewList,
    SearchResult,
    UnmergeRequest,
    UnmergeResult,
)
from idic.public.jobs import CustomersDedupeJob, MatchingTrainJob

from ..config import Settings
from ..domain.identifiers import IdentifierType
from ..domain.resolver import Record
from ..service_layer import customers as customers_svc
from ..service_layer import dedupe as dedupe_svc
from ..service_layer import identify as svc
from ..service_layer import merges as merges_svc
from ..service_layer import reviews as reviews_svc
from ..service_layer import search as search_svc
from ..service_layer import training as training_svc
from ..service_layer.models import ModelCache
from . import bodies

router = ServiceRouter(prefix="/v1/customers", tags=["identify"])
reviews = ServiceRouter(prefix="/v1/reviews", tags=["reviews"])
models = ServiceRouter(prefix="/v1/models", tags=["matching model"])
internal = ServiceRouter(prefix="/internal", tags=["internal"])
PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown customer", **PROBLEM}, 422: {"description": "Invalid input", **PROBLEM}}
CONFLICT: dict[int | str, dict[str, Any]] = {**ERRORS, 409: {"description": "Conflict", **PROBLEM}}


async def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


async def get_read_uow_factory(request: Request) -> svc.UowFactory:
    """Units of work that only read (no write lock on SQLite: a read never waits for a writer)."""
    return request.app.state.runtime.read_uow  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_models(request: Request) -> ModelCache:
    return request.app.state.models  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]
ReadUowFactoryDep = Annotated[svc.UowFactory, Depends(get_read_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ModelsDep = Annotated[ModelCache, Depends(get_models)]


Explain = Annotated[bool, Query(description=EXPLAIN_DESCRIPTION)]


@router.post("/identify", response_model=IdentifyResult, responses=ERRORS)
def identify(body: IdentifyRequest, uow_factory: UowFactoryDep, settings: SettingsDep,
             models: ModelsDep, explain: Explain = False) -> JSONResponse:
    """Find the one customer these identifiers and attributes belong to, creating or merging as the rules say."""
    record = bodies.record_of(body, settings=settings)
    [result] = svc.identify_records(records=[record], uow_factory=uow_factory, settings=settings, models=models)
    return bodies.answer(bodies.identify_result(result, explain=explain), explain=explain)


@router.post("/identify:batch", response_model=IdentifyBatchResult, responses=ERRORS)
def identify_batch(body: IdentifyBatchRequest, uow_factory: UowFactoryDep, settings: SettingsDep,
                   models: ModelsDep, explain: Explain = False) -> JSONResponse:
    """Identify up to 10,000 records in one transaction; the same results as one call per record, in order.
    A record that fails validation is answered with its error in its place; the others are identified."""
    checked = [bodies.batch_record(r, index=i, settings=settings) for i, r in enumerate(body.records)]
    records = [c for c in checked if isinstance(c, Record)]
    resolved = (svc.identify_records(records=records, uow_factory=uow_factory, settings=settings, models=models)
                if records else [])
    return bodies.answer(bodies.batch_result(checked, resolved, explain=explain), explain=explain)


@router.get("/lookup", response_model=LookupResult, responses=ERRORS)
def lookup(type: Annotated[IdentifierType, Query()], value: Annotated[str, Query(min_length=1, max_length=512)],
           uow_factory: ReadUowFactoryDep, settings: SettingsDep) -> LookupResult:
    """The current customer (after merges) owning an identifier."""
    return LookupResult(customer_id=svc.lookup(kind=type, value=value, uow_factory=uow_factory, settings=settings))


@router.post("/merge", response_model=Profile, responses=CONFLICT)
def merge(body: MergeRequest, uow_factory: UowFactoryDep, settings: SettingsDep) -> Profile:
    """Merge customers into a survivor (by hand); answers the survivor's profile."""
    survivor = merges_svc.merge(survivor_id=body.survivor_id, merged_ids=body.merged_ids, uow_factory=uow_factory,
                                settings=settings)
    return bodies.profile(svc.get_profile(customer_id=survivor, uow_factory=uow_factory))


@router.post("/{customer_id}/unmerge", response_model=UnmergeResult, responses=CONFLICT)
def unmerge(customer_id: str, body: UnmergeRequest, uow_factory: UowFactoryDep,
            settings: SettingsDep) -> UnmergeResult:
    """Split a customer that was merged in back out, with the identifiers and attributes it brought."""
    back = merges_svc.unmerge(customer_id=customer_id, restored_id=body.customer_id, uow_factory=uow_factory,
                              settings=settings)
    return UnmergeResult(customer_id=customer_id, restored_id=body.customer_id, restored_merged_ids=back)


@router.put("/{customer_id}/consent", response_model=ConsentResult, responses=ERRORS)
def put_consent(customer_id: str, body: ConsentRequest, uow_factory: UowFactoryDep) -> ConsentResult:
    """Record consent per channel and for profiling (keys not given keep their value)."""
    return bodies.consent(customers_svc.set_consent(customer_id=customer_id, consent=body.model_dump(exclude_none=True),
                                                    uow_factory=uow_factory))


@router.delete("/{customer_id}", response_model=ErasureResult, responses=ERRORS)
def erase(customer_id: str, uow_factory: UowFactoryDep) -> ErasureResult:
    """Erase the person (GDPR art. 17): identifiers and personal data go, a tombstone id stays."""
    return bodies.erasure(customers_svc.erase(customer_id=customer_id, uow_factory=uow_factory,
                                              request_id=request_id_var.get()))


@router.get("/{customer_id}", response_model=Profile, responses=ERRORS, operation_id="getCustomerProfile")
def profile(customer_id: str, uow_factory: ReadUowFactoryDep) -> Profile:
    """Profile, identifiers, merged ids and consent of one customer."""
    return bodies.profile(svc.get_profile(customer_id=customer_id, uow_factory=uow_factory))


@reviews.get("", response_model=ReviewList, responses=ERRORS)
def list_reviews(uow_factory: UowFactoryDep,
                 status: Annotated[Literal["open", "accepted", "rejected"] | None, Query()] = "open",
                 limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 cursor: Annotated[str | None, Query(min_length=1, max_length=64,
                                                     description="next_cursor of the previous page")] = None,
                 after: Annotated[str | None, Query(min_length=1, max_length=64, deprecated=True,
                                                    description="Deprecated name of cursor")] = None,
                 ) -> ReviewList:
    """Possible duplicates waiting for a person (oldest first), a page of ``limit`` at a time."""
    found = reviews_svc.list_reviews(status=status, limit=limit, after=cursor or after, uow_factory=uow_factory)
    next_cursor = found[-1].review_id if len(found) == limit else None
    return ReviewList(reviews=[bodies.review(r) for r in found], next_cursor=next_cursor, next_after=next_cursor)


@reviews.post("/{review_id}:accept", response_model=Review, responses=CONFLICT)
def accept_review(review_id: str, uow_factory: UowFactoryDep, settings: SettingsDep) -> Review:
    """They are one person: merge them (the older customer survives)."""
    return bodies.review(reviews_svc.decide(review_id=review_id, accept=True, uow_factory=uow_factory,
                                            settings=settings))


@reviews.post("/{review_id}:reject", response_model=Review, responses=CONFLICT)
def reject_review(review_id: str, uow_factory: UowFactoryDep, settings: SettingsDep) -> Review:
    """They are two people: close the review and keep both."""
    return bodies.review(reviews_svc.decide(review_id=review_id, accept=False, uow_factory=uow_factory,
                                            settings=settings))


@models.post("/matching:train", status_code=202, response_model=MatchingTrainJob,
             responses={**CONFLICT, **job_responses(MatchingTrainJob)})
async def train(request: Request, body: MatchingTrainRequest | None = None) -> JSONResponse:
    """Re-estimate the match model (u from random pairs, m and prior by EM) on the stored customers, as a job
    (kind ``matching_train``; its result is the model): 202 + Location, or 200 under ``Prefer: wait=N``; 409
    while one is queued or running. A store too small to train on fails the job with a 409 problem."""
    jobs: Jobs = request.app.state.runtime.jobs
    params = (body or MatchingTrainRequest()).model_dump()
    job = await run_in_threadpool(lambda: jobs.submit(kind=training_svc.TRAIN, params=params,
                                                      created_by=request.headers.get("x-actor")))
    return await job_accepted(request, jobs=jobs, job=job)


@router.post(":dedupe", status_code=202, response_model=CustomersDedupeJob,
             responses={**CONFLICT, **job_responses(CustomersDedupeJob)})
async def dedupe_customers(request: Request, body: DedupeRequest | None = None) -> JSONResponse:
    """Re-cluster the stored customers with the match model in use, as a job (kind ``customers_dedupe``; its
    result is a ``DedupeResult``): each root customer is compared with the customers sharing a blocking key;
    matches at or above the match threshold are merged (reversibly, explained, announced to every service),
    possible duplicates open reviews. Pairs a person rejected, split or still has to decide are left alone,
    so a re-run is safe. 202 + Location, or 200 under ``Prefer: wait=N``; 409 while one is queued or running."""
    jobs: Jobs = request.app.state.runtime.jobs
    job = await run_in_threadpool(lambda: jobs.submit(kind=dedupe_svc.DEDUPE, params={},
                                                      created_by=request.headers.get("x-actor")))
    return await job_accepted(request, jobs=jobs, job=job)


@models.get("/matching", response_model=MatchingModel, responses=ERRORS)
def get_model(uow_factory: UowFactoryDep) -> MatchingModel:
    """The match model in use (404 while none was trained: generic starting values apply)."""
    return bodies.matching_model(training_svc.current_model(uow_factory=uow_factory))


@internal.get("/customers/search", response_model=SearchResult, responses=ERRORS)
def search(name: Annotated[str, Query(min_length=3, max_length=200, pattern=SEARCH_NAME_PATTERN,
                                       description="A first and a last name")], uow_factory: UowFactoryDep,
           limit: Annotated[int, Query(ge=1, le=50)] = 20) -> SearchResult:
    """Customers whose name sounds like ``name`` (first and last), for the agent console."""
    hits = search_svc.search_by_name(name=name, limit=limit, uow_factory=uow_factory)
    return SearchResult(results=[bodies.name_match(hit) for hit in hits])


@internal.get("/customers/{customer_id}/export", response_model=IdentityExport, responses=ERRORS)
def export(customer_id: str, uow_factory: UowFactoryDep) -> IdentityExport:
    """Everything identity holds about the person (GDPR art. 15/20)."""
    return bodies.export(customers_svc.export(customer_id=customer_id, uow_factory=uow_factory))


@internal.get("/erasures/{customer_id}", response_model=ErasureResult, responses=ERRORS)
def erasure(customer_id: str, uow_factory: UowFactoryDep) -> ErasureResult:
    """When identity erased this customer; 404 if it did not."""
    return bodies.erasure(customers_svc.erasure_status(customer_id=customer_id, uow_factory=uow_factory))
