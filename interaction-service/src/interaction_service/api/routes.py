"""HTTP routes of interaction-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from idic import Jobs, ProblemError, ServiceRouter
from idic.contracts.interaction import Channel
from idic.jobs_api import job_accepted, job_responses
from idic.public.common import ErasureResult
from idic.public.interaction import (
    ChannelStatistics,
    CustomerChannels,
    CustomerFeedback,
    CustomerTriggers,
    FeedbackOverview,
    InteractionAccepted,
    InteractionBatchAccepted,
    InteractionBatchRequest,
    InteractionExport,
    InteractionRequest,
    InteractionSummary,
    Timeline,
)
from idic.public.jobs import TriggersScanJob
from idic.types import Rfc3339

from ..config import Settings
from ..domain.cursor import InvalidCursor
from ..domain.interactions import ACTOR_MAX, CUSTOMER_ID_PATTERN, TYPE_PATTERN, InvalidInteractions
from ..domain.triggers import KINDS
from ..service_layer import insights, queries, scanning
from ..service_layer import record as svc
from . import bodies

router = ServiceRouter(tags=["interact"])
internal = ServiceRouter(prefix="/internal", tags=["internal"])
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "Invalid input", "content": {"application/problem+json": {}}}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **ERRORS, 404: {"description": "Nothing held", "content": {"application/problem+json": {}}}}
Since = Annotated[Rfc3339 | None, Query(description="RFC 3339 with offset; inclusive")]
Until = Annotated[Rfc3339 | None, Query(description="RFC 3339 with offset; exclusive")]


def _period(since: dt.datetime | None, until: dt.datetime | None) -> None:
    if since is not None and until is not None and until <= since:
        raise ProblemError(422, "Unprocessable Content", "query.until: until must lie after since",
                           errors=[{"field": "query.until", "message": "until must lie after since"}])


async def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


async def get_read_uow_factory(request: Request) -> svc.UowFactory:
    """Units of work that only read (no write lock on SQLite: a read never waits for a writer)."""
    return request.app.state.runtime.read_uow  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]
ReadUowFactoryDep = Annotated[svc.UowFactory, Depends(get_read_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CustomerIdPath = Annotated[str, Path(pattern=CUSTOMER_ID_PATTERN)]


async def get_actor(request: Request) -> str | None:
    """Who is recording: the gateway's X-Actor (an API key's actor name or digest), cut to the column's width.
    Read here, not declared as a header parameter: it is the gateway's to set, not a client's."""
    actor = (request.headers.get("x-actor") or "").strip()
    return actor[:ACTOR_MAX] or None


ActorDep = Annotated[str | None, Depends(get_actor)]


@router.post("/v1/interactions", status_code=202, response_model=InteractionAccepted, responses=ERRORS)
def record_interaction(body: InteractionRequest, uow_factory: UowFactoryDep, settings: SettingsDep,
                       actor: ActorDep) -> InteractionAccepted:
    """Record one interaction; a retry with the same ``id`` answers the first one's ids."""
    try:
        [accepted] = svc.record(items=[bodies.new_interaction(body, actor=actor)], uow_factory=uow_factory,
                                policy=svc.record_policy(settings))
    except InvalidInteractions as exc:
        raise bodies.refused(exc, item="body") from exc
    return bodies.accepted(accepted)


@router.post("/v1/interactions:batch", status_code=202, response_model=InteractionBatchAccepted, responses=ERRORS)
def record_batch(body: InteractionBatchRequest, uow_factory: UowFactoryDep, settings: SettingsDep,
                 actor: ActorDep) -> InteractionBatchAccepted:
    """Record up to 10,000 interactions all-or-nothing; results in the order given."""
    try:
        results = svc.record(items=[bodies.new_interaction(i, actor=actor) for i in body.interactions],
                             uow_factory=uow_factory,
                             policy=svc.record_policy(settings))
    except InvalidInteractions as exc:
        raise bodies.refused(exc, item="body.interactions.{index}") from exc
    return InteractionBatchAccepted(results=[bodies.accepted(a) for a in results])


@router.get("/v1/customers/{customer_id}/timeline", response_model=Timeline, responses=ERRORS)
def timeline(customer_id: CustomerIdPath, uow_factory: ReadUowFactoryDep,
             limit: Annotated[int, Query(ge=1, le=200)] = 50,
             cursor: Annotated[str | None, Query(min_length=1, max_length=512, description="next_cursor of the "
                                                 "previous page")] = None,
             before: Annotated[str | None, Query(min_length=1, max_length=512, deprecated=True,
                                                 description="Deprecated name of cursor")] = None,
             channel: Annotated[Channel | None, Query()] = None,
             type: Annotated[str | None, Query(pattern=TYPE_PATTERN)] = None) -> Timeline:
    """A customer's interactions, newest first, optionally of one channel and/or type."""
    try:
        page = queries.timeline(customer_id=customer_id, limit=limit, cursor=cursor or before, channel=channel,
                                type_=type, uow_factory=uow_factory)
    except InvalidCursor as exc:
        field = "query.cursor" if cursor else "query.before"
        raise ProblemError(422, "Unprocessable Content", f"{field}: {exc}",
                           errors=[{"field": field, "message": str(exc)}]) from exc
    return bodies.timeline(page)


@router.get("/v1/channels/stats", response_model=ChannelStatistics, responses=ERRORS)
def channel_stats(uow_factory: UowFactoryDep, since: Since = None, until: Until = None) -> ChannelStatistics:
    """Per channel over [since, until): count, customers, cost, purchases, revenue, conversion rate."""
    _period(since, until)
    return bodies.channel_statistics(queries.channel_stats(since=since, until=until, uow_factory=uow_factory))


@router.get("/v1/customers/{customer_id}/channels", response_model=CustomerChannels, responses=ERRORS)
def customer_channels(customer_id: CustomerIdPath, uow_factory: ReadUowFactoryDep) -> CustomerChannels:
    """The customer's channel mix: interactions and share per channel."""
    return bodies.customer_channels(queries.customer_channels(customer_id=customer_id, uow_factory=uow_factory))


@router.get("/v1/feedback/nps", response_model=FeedbackOverview, responses=ERRORS)
def feedback_nps(uow_factory: UowFactoryDep, since: Since = None, until: Until = None) -> FeedbackOverview:
    """NPS (promoters, passives, detractors) and CSAT over a period, overall and per channel."""
    _period(since, until)
    return bodies.feedback_overview(insights.feedback_overview(since=since, until=until, uow_factory=uow_factory))


@router.get("/v1/customers/{customer_id}/feedback", response_model=CustomerFeedback, responses=ERRORS)
def customer_feedback(customer_id: CustomerIdPath, uow_factory: ReadUowFactoryDep) -> CustomerFeedback:
    """A customer's NPS and CSAT: latest, average, trend, and the answers."""
    return bodies.customer_feedback(insights.customer_feedback(customer_id=customer_id, uow_factory=uow_factory))


@router.get("/v1/customers/{customer_id}/triggers", response_model=CustomerTriggers, responses=ERRORS)
def customer_triggers(customer_id: CustomerIdPath, uow_factory: UowFactoryDep,
                      kind: Annotated[Literal[KINDS] | None, Query()] = None,  # type: ignore[valid-type]
                      limit: Annotated[int, Query(ge=1, le=500)] = 100) -> CustomerTriggers:
    """The triggers and life events detected for a customer, newest first."""
    return bodies.customer_triggers(insights.customer_triggers(customer_id=customer_id, kind=kind, limit=limit,
                                                               uow_factory=uow_factory))


@router.post("/v1/triggers:scan", status_code=202, response_model=TriggersScanJob,
             responses={**ERRORS, **job_responses(TriggersScanJob)})
async def scan_triggers(request: Request) -> JSONResponse:
    """Run the lapse and birthday scan now, as a job (kind ``triggers_scan``; its result: new triggers per kind,
    ``scanned_at``); 202 + Location, or 200 under ``Prefer: wait=N``; 409 while one is queued or running."""
    jobs: Jobs = request.app.state.runtime.jobs
    job = await run_in_threadpool(lambda: jobs.submit(kind=scanning.SCAN, created_by=request.headers.get("x-actor")))
    return await job_accepted(request, jobs=jobs, job=job)


@internal.get("/customers/{customer_id}/interactions/summary", response_model=InteractionSummary,
              responses=ERRORS)
def interactions_summary(customer_id: CustomerIdPath, uow_factory: ReadUowFactoryDep) -> InteractionSummary:
    """For the gateway's 360 view: the 10 newest interactions and the count."""
    return bodies.summary(queries.summary(customer_id=customer_id, uow_factory=uow_factory))


@internal.get("/customers/{customer_id}/export", response_model=InteractionExport, responses=NOT_FOUND)
def export_customer(customer_id: CustomerIdPath, uow_factory: UowFactoryDep) -> InteractionExport:
    """GDPR art. 15: everything this service holds about the customer (404 if nothing)."""
    return bodies.export(insights.export(customer_id=customer_id, uow_factory=uow_factory))


@internal.get("/erasures/{customer_id}", response_model=ErasureResult, responses=NOT_FOUND)
def erasure_status(customer_id: CustomerIdPath, uow_factory: UowFactoryDep) -> ErasureResult:
    """200 once this service applied the customer's erasure, 404 before."""
    return bodies.erasure(customer_id, insights.erased_at(customer_id=customer_id, uow_factory=uow_factory))
