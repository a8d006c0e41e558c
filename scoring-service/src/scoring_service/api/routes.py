"""HTTP routes of scoring-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from idic import Jobs, ServiceRouter, job_accepted, job_responses, utcnow
from idic.public.common import Channel, ErasureResult
from idic.public.jobs import ClvFitJob, RfmRefreshJob
from idic.public.reports import (
    ChannelsReport,
    CohortsReport,
    FeedbackReport,
    LinkageReport,
    TiersReport,
    ValueReport,
)
from idic.public.scoring import (
    ClvFitRequest,
    ClvModel,
    CustomerValue,
    Features,
    ProfilingRefused,
    ScoringExport,
    Segment,
    SegmentCreate,
    SegmentList,
    SegmentMembers,
    Tier,
)
from idic.reports import CSV_RESPONSE, PeriodQuery, SegmentQuery, Since, Until, check_window, report_response

from ..config import Settings
from ..service_layer import queries as svc
from ..service_layer import reports as reports_svc
from ..service_layer import segments as segments_svc
from ..service_layer.jobs import CLV_FIT, RFM_REFRESH
from . import bodies

PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown customer", **PROBLEM},
    422: {"description": "Invalid input", **PROBLEM},
}

router = ServiceRouter(tags=["differentiate"])
reports = ServiceRouter(prefix="/v1/reports", tags=["reports"])
internal = ServiceRouter(prefix="/internal", tags=["internal"])

CustomerId = Annotated[str, Path(min_length=1, max_length=255, pattern=r"^[^\x00-\x20\x7f]+$",
                                 description="Customer id (opaque; a merged id answers for its survivor).")]
SegmentId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]


async def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


async def get_read_uow_factory(request: Request) -> svc.UowFactory:
    """Units of work that only read (no write lock on SQLite: a read never waits for a writer)."""
    return request.app.state.runtime.read_uow  # type: ignore[no-any-return]


async def get_jobs(request: Request) -> Jobs:
    return request.app.state.runtime.jobs  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]
ReadUowFactoryDep = Annotated[svc.UowFactory, Depends(get_read_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
JobsDep = Annotated[Jobs, Depends(get_jobs)]


@router.get("/v1/customers/{customer_id}/value", response_model=CustomerValue | ProfilingRefused, responses=ERRORS)
def customer_value(customer_id: CustomerId, uow_factory: ReadUowFactoryDep,
                   settings: SettingsDep) -> CustomerValue | ProfilingRefused:
    """RFM, CLV, value tier, segments and churn risk (with its drivers) of one customer; each block's
    ``status`` says why it is empty; ``{"profiling": "refused"}`` for a customer who refused profiling."""
    return bodies.customer_value(svc.get_value(customer_id=customer_id, uow_factory=uow_factory, now=utcnow(),
                                               min_repeat_buyers=settings.refit_min_repeat_buyers,
                                               config=settings.scoring))


@router.post("/v1/models/clv:fit", status_code=202, response_model=ClvFitJob,
             responses={**job_responses(ClvFitJob), **ERRORS})
async def fit_clv(body: ClvFitRequest, request: Request, jobs: JobsDep) -> JSONResponse:
    """Queue a job that fits BG/NBD + Gamma-Gamma on all purchases up to calibration_end, then
    re-scores everyone (202 + Location; ``Prefer: wait=N`` waits for it). Its result is the fit."""
    job = await run_in_threadpool(lambda: jobs.submit(kind=CLV_FIT, params=body.model_dump(mode="json"),
                                                      created_by="api"))
    return await job_accepted(request, jobs=jobs, job=job)


@router.get("/v1/models/clv", response_model=ClvModel, responses=ERRORS)
def clv_model(uow_factory: UowFactoryDep) -> ClvModel:
    """The last CLV fit (404 before the first)."""
    return bodies.clv_model(svc.get_clv_model(uow_factory=uow_factory))


@router.post("/v1/models/rfm:refresh", status_code=202, response_model=RfmRefreshJob,
             responses=job_responses(RfmRefreshJob))
async def refresh(request: Request, jobs: JobsDep) -> JSONResponse:
    """Queue a refresh of RFM quintiles, tier cut-offs and needs segments with a re-score of everyone
    (also runs on the schedule); its result is what the refresh computed."""
    job = await run_in_threadpool(lambda: jobs.submit(kind=RFM_REFRESH, created_by="api"))
    return await job_accepted(request, jobs=jobs, job=job)


@router.get("/v1/segments", response_model=SegmentList)
def segments(uow_factory: UowFactoryDep) -> SegmentList:
    """Needs-based and rule-defined segments with their sizes and value."""
    return bodies.segment_list(svc.list_segments(uow_factory=uow_factory))


@router.post("/v1/segments", response_model=Segment, status_code=201, responses={409: PROBLEM, 422: PROBLEM})
def create_segment(body: SegmentCreate, uow_factory: UowFactoryDep) -> Segment:
    """Create a rule-defined segment (members are evaluated on each scoring and refresh)."""
    segment_id = segments_svc.create_rule_segment(slug=body.id, name=body.name,
                                                  conditions=[c.model_dump() for c in body.conditions],
                                                  now=utcnow(), uow_factory=uow_factory)
    return bodies.segment(next(s for s in svc.list_segments(uow_factory=uow_factory) if s.segment_id == segment_id))


@router.get("/v1/segments/{segment_id}/customers", response_model=SegmentMembers, responses=ERRORS)
def segment_customers(segment_id: SegmentId, uow_factory: UowFactoryDep,
                      cursor: Annotated[str | None, Query(min_length=1, max_length=255,
                                                          description="next_cursor of the previous page")] = None,
                      after: Annotated[str | None, Query(min_length=1, max_length=255, deprecated=True,
                                                         description="Deprecated name of cursor")] = None,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> SegmentMembers:
    """Members of a segment in id order, a page of ``limit`` at a time."""
    return bodies.segment_members(svc.segment_members(uow_factory=uow_factory, segment_id=segment_id,
                                                      after=cursor or after, limit=limit))


@internal.get("/customers/{customer_id}/features", response_model=Features, responses=ERRORS)
def customer_features(customer_id: CustomerId, uow_factory: UowFactoryDep) -> Features:
    """The raw interaction aggregates behind the value (for the 360 view, export and tests)."""
    return bodies.features(svc.get_features(customer_id=customer_id, uow_factory=uow_factory))


@internal.get("/customers/{customer_id}/export", response_model=ScoringExport, responses=ERRORS)
def customer_export(customer_id: CustomerId, uow_factory: UowFactoryDep) -> ScoringExport:
    """Everything scoring holds about the customer (GDPR export; 404 if nothing)."""
    return bodies.export(svc.export(customer_id=customer_id, uow_factory=uow_factory))


@internal.get("/erasures/{customer_id}", response_model=ErasureResult, responses=ERRORS)
def customer_erasure(customer_id: CustomerId, uow_factory: UowFactoryDep) -> ErasureResult:
    """When this service applied the erasure of the customer (404 if it has not)."""
    return ErasureResult(customer_id=customer_id, erased_at=svc.erased_at(customer_id=customer_id,
                                                                          uow_factory=uow_factory))


@reports.get("/value", response_model=ValueReport, responses={**CSV_RESPONSE, **ERRORS})
def value_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                 tier: Annotated[Tier | None, Query(description="Only the customers of this tier.")] = None,
                 segment: SegmentQuery = None) -> Any:
    """Value concentration (deciles of customers by net value with their share: the Pareto curve) and
    the CLV and churn-risk distributions, as of the latest population run in [since, until)."""
    check_window(since, until)
    body = bodies.value_report(reports_svc.value_report(uow_factory=uow_factory, since=since, until=until, tier=tier,
                                                        segment=segment))
    return report_response(request, body, name="value")


@reports.get("/tiers", response_model=TiersReport, responses={**CSV_RESPONSE, **ERRORS})
def tiers_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                 period: PeriodQuery = "month", segment: SegmentQuery = None) -> Any:
    """Per tier: customers and value share, and the movements between tiers per period, from the
    population runs in [since, until)."""
    check_window(since, until)
    body = bodies.tiers_report(reports_svc.tiers_report(uow_factory=uow_factory, since=since, until=until,
                                                        period=period, segment=segment))
    return report_response(request, body, name="tiers")


@reports.get("/cohorts", response_model=CohortsReport, responses={**CSV_RESPONSE, **ERRORS})
def cohorts_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                   period: Annotated[Literal["month"], Query(description="Cohorts are kept per calendar month.")]
                   = "month") -> Any:
    """Cohorts by month of first purchase: customers, and month by month since, the share still buying
    and their revenue, as of the latest population run."""
    check_window(since, until)
    return report_response(request, bodies.cohorts_report(
        reports_svc.cohorts_report(uow_factory=uow_factory, since=since, until=until)), name="cohorts")


@reports.get("/linkage", response_model=LinkageReport, responses={**CSV_RESPONSE, **ERRORS})
def linkage_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                   tier: Annotated[Tier | None, Query(description="Only the customers of this tier.")] = None,
                   segment: SegmentQuery = None) -> Any:
    """What people say against what they do: retention and value by NPS group, churn after complaints
    against without, as of the latest population run in [since, until)."""
    check_window(since, until)
    return report_response(request, bodies.linkage_report(reports_svc.linkage_report(
        uow_factory=uow_factory, since=since, until=until, tier=tier, segment=segment)), name="linkage")


ChannelFilter = Annotated[Channel | None, Query(description="Only this channel.")]
TierFilter = Annotated[Tier | None, Query(description="Only customers of this tier when the interaction arrived.")]


@reports.get("/channels", response_model=ChannelsReport, responses={**CSV_RESPONSE, **ERRORS})
def channels_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                    period: PeriodQuery = "month", channel: ChannelFilter = None, tier: TierFilter = None) -> Any:
    """Per channel and period: interactions, cost, cost per interaction, purchases, revenue, conversion."""
    check_window(since, until)
    return report_response(request, bodies.channels_report(reports_svc.channels_report(
        uow_factory=uow_factory, since=since, until=until, period=period, channel=channel, tier=tier)),
        name="channels")


@reports.get("/feedback", response_model=FeedbackReport, responses={**CSV_RESPONSE, **ERRORS})
def feedback_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                    period: PeriodQuery = "month", channel: ChannelFilter = None, tier: TierFilter = None) -> Any:
    """NPS and CSAT per period, per period and channel, and per period and value tier."""
    check_window(since, until)
    return report_response(request, bodies.feedback_report(reports_svc.feedback_report(
        uow_factory=uow_factory, since=since, until=until, period=period, channel=channel, tier=tier)),
        name="feedback")

