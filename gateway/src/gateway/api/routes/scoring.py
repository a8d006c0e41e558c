"""Differentiate: routes owned by scoring-service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from idic.public.jobs import ClvFitJob, RfmRefreshJob
from idic.public.scoring import (
    SEGMENT_ID,
    ClvFitRequest,
    ClvModel,
    CustomerValue,
    ProfilingRefused,
    Segment,
    SegmentCreate,
    SegmentList,
    SegmentMembers,
)

from ...adapters.clients.services import segment
from ...service_layer import customers as svc
from ..proxy import ClientsDep, errors, forward
from ..security import Authorized
from .customers import CustomerRef
from .jobs import PreferHeader, start_job, started

router = APIRouter(tags=["differentiate"], dependencies=[Authorized])
SegmentId = Annotated[str, Path(min_length=1, max_length=64, pattern=SEGMENT_ID)]


@router.get("/v1/customers/{customer_id}/value", response_model=CustomerValue | ProfilingRefused,
            responses=errors(404))
async def customer_value(customer_id: CustomerRef, request: Request, clients: ClientsDep) -> Response:
    """RFM, CLV, value tier, segments, churn risk and its drivers of one customer, each block saying why it is
    empty when it is (404 until scored; ``customer_id`` is the survivor when asked for a merged id);
    ``{"profiling": "refused"}`` when the customer refused profiling."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.scoring, request, "GET", f"/v1/customers/{segment(resolved)}/value")


@router.post("/v1/models/clv:fit", status_code=202, response_model=ClvFitJob, responses=started(ClvFitJob))
async def fit_clv(body: ClvFitRequest, request: Request, clients: ClientsDep, prefer: PreferHeader = None) -> Response:
    """Fit the BG/NBD and Gamma-Gamma models on the purchases up to ``calibration_end`` and re-score everyone, as a
    job (kind ``clv_fit``; its result is the fit). Also runs on scoring's own schedule."""
    return await start_job(clients.scoring, request, "/v1/models/clv:fit", prefer=prefer, with_body=True)


@router.get("/v1/models/clv", response_model=ClvModel, responses=errors(404))
async def last_clv_fit(request: Request, clients: ClientsDep) -> Response:
    """The last CLV model fit."""
    return await forward(clients.scoring, request, "GET", "/v1/models/clv")


@router.post("/v1/models/rfm:refresh", status_code=202, response_model=RfmRefreshJob,
             responses=started(RfmRefreshJob))
async def refresh_rfm(request: Request, clients: ClientsDep, prefer: PreferHeader = None) -> Response:
    """Refresh RFM quintiles, tier cut-offs and needs segments and re-score everyone, as a job (kind
    ``rfm_refresh``; admin; also runs on scoring's own schedule)."""
    return await start_job(clients.scoring, request, "/v1/models/rfm:refresh", prefer=prefer)


@router.get("/v1/segments", response_model=SegmentList, responses=errors())
async def segments(request: Request, clients: ClientsDep) -> Response:
    """Needs-based and rule-defined segments with their sizes and value."""
    return await forward(clients.scoring, request, "GET", "/v1/segments")


@router.post("/v1/segments", status_code=201, response_model=Segment, responses=errors(409))
async def create_segment(body: SegmentCreate, request: Request, clients: ClientsDep) -> Response:
    """Create a rule-defined segment ``rule-<id>`` (admin); members are evaluated on each scoring and refresh."""
    return await forward(clients.scoring, request, "POST", "/v1/segments", with_body=True)


@router.get("/v1/segments/{segment_id}/customers", response_model=SegmentMembers, responses=errors(404))
async def segment_customers(segment_id: SegmentId, request: Request, clients: ClientsDep,
                            limit: Annotated[int | None, Query(ge=1, le=1000)] = None,
                            cursor: Annotated[str | None, Query(min_length=1, max_length=255,
                                                                description="next_cursor of the previous page")] = None,
                            after: Annotated[str | None, Query(min_length=1, max_length=255, deprecated=True,
                                                               description="Deprecated name of cursor")] = None,
                            ) -> Response:
    """The members of one segment in id order, a page of ``limit`` at a time."""
    return await forward(clients.scoring, request, "GET", f"/v1/segments/{segment(segment_id)}/customers",
                         params={"limit": limit, "cursor": cursor, "after": after})
