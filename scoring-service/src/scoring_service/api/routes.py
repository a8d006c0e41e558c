"""HTTP routes of scoring-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from idic import ProblemError, utcnow

from ..config import Settings
from ..domain.rules import check_condition
from ..service_layer import population
from ..service_layer import queries as svc
from .schemas import (
    ClvFitRequest,
    ClvModel,
    Erasure,
    Features,
    RefreshResult,
    Segment,
    SegmentCreate,
    SegmentList,
    SegmentMembers,
    Value,
)

PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown customer", **PROBLEM},
    422: {"description": "Invalid input", **PROBLEM},
}

router = APIRouter(tags=["differentiate"])
internal = APIRouter(prefix="/internal", tags=["internal"])

CustomerId = Annotated[str, Path(min_length=1, max_length=255, pattern=r"^[^\x00-\x20\x7f]+$",
                                 description="Customer id (opaque; a merged id answers for its survivor).")]
SegmentId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]


def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@router.get("/v1/customers/{customer_id}/value", response_model=Value, responses=ERRORS)
def customer_value(customer_id: CustomerId, uow_factory: UowFactoryDep) -> Value:
    """RFM, CLV, value tier, segments and churn risk (with its drivers) of one customer."""
    return svc.get_value(customer_id=customer_id, uow_factory=uow_factory, now=utcnow())


@router.post("/v1/models/clv:fit", response_model=ClvModel, responses=ERRORS)
async def fit_clv(body: ClvFitRequest, uow_factory: UowFactoryDep, settings: SettingsDep) -> ClvModel:
    """Fit BG/NBD + Gamma-Gamma on all customers' purchases up to calibration_end, then re-score everyone."""
    params = await run_in_threadpool(lambda: population.fit_clv(
        uow_factory=uow_factory, calibration_end=body.calibration_end, time_unit=body.time_unit, now=utcnow(),
        config=settings.scoring))
    return svc.clv_model(params)


@router.get("/v1/models/clv", response_model=ClvModel, responses=ERRORS)
def clv_model(uow_factory: UowFactoryDep) -> ClvModel:
    """The last CLV fit (404 before the first)."""
    return svc.get_clv_model(uow_factory=uow_factory)


@router.post("/v1/models/rfm:refresh", response_model=RefreshResult, responses=ERRORS)
async def refresh(uow_factory: UowFactoryDep, settings: SettingsDep) -> RefreshResult:
    """Refresh RFM quintiles, tier cut-offs and needs segments now, and re-score everyone (also runs on a schedule)."""
    result = await run_in_threadpool(lambda: population.refresh(
        uow_factory=uow_factory, now=utcnow(), config=settings.scoring, k_max=settings.needs_k_max))
    return RefreshResult.model_validate(result)


@router.get("/v1/segments", response_model=SegmentList)
def segments(uow_factory: UowFactoryDep) -> SegmentList:
    """Needs-based and rule-defined segments with their sizes and value."""
    return svc.list_segments(uow_factory=uow_factory)


@router.post("/v1/segments", response_model=Segment, status_code=201, responses={409: PROBLEM, 422: PROBLEM})
def create_segment(body: SegmentCreate, uow_factory: UowFactoryDep) -> Segment:
    """Create a rule-defined segment (members are evaluated on each scoring and refresh)."""
    errors = [{"field": f"body.conditions.{i}", "message": why} for i, c in enumerate(body.conditions)
              if (why := check_condition(c.model_dump())) is not None]
    if errors:
        raise ProblemError(422, "Invalid segment", errors[0]["message"], errors=errors)
    segment_id = f"rule-{body.id}"
    with uow_factory() as uow:
        if not uow.segments.add_rule(segment_id=segment_id, name=body.name,
                                     conditions=[c.model_dump() for c in body.conditions], now=utcnow()):
            raise ProblemError(409, "Conflict", f"segment {segment_id!r} exists")
        uow.commit()
    return next(s for s in svc.list_segments(uow_factory=uow_factory).segments if s.id == segment_id)


@router.get("/v1/segments/{segment_id}/customers", response_model=SegmentMembers, responses=ERRORS)
def segment_customers(segment_id: SegmentId, uow_factory: UowFactoryDep,
                      after: Annotated[str | None, Query(min_length=1, max_length=255)] = None,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> SegmentMembers:
    """Members of a segment in id order, paginated by ``after`` (the last id of the previous page)."""
    return svc.segment_members(uow_factory=uow_factory, segment_id=segment_id, after=after, limit=limit)


@internal.get("/customers/{customer_id}/features", response_model=Features, responses=ERRORS)
def customer_features(customer_id: CustomerId, uow_factory: UowFactoryDep) -> Features:
    """The raw interaction aggregates behind the value (for the 360 view, export and tests)."""
    return svc.get_features(customer_id=customer_id, uow_factory=uow_factory)


@internal.get("/customers/{customer_id}/export", responses=ERRORS)
def customer_export(customer_id: CustomerId, uow_factory: UowFactoryDep) -> dict[str, Any]:
    """Everything scoring holds about the customer (GDPR export; 404 if nothing)."""
    return svc.export(customer_id=customer_id, uow_factory=uow_factory)


@internal.get("/erasures/{customer_id}", response_model=Erasure, responses=ERRORS)
def customer_erasure(customer_id: CustomerId, uow_factory: UowFactoryDep) -> Erasure:
    """When this service applied the erasure of the customer (404 if it has not)."""
    return svc.erasure(customer_id=customer_id, uow_factory=uow_factory)
