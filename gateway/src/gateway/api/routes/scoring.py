"""Differentiate: routes owned by scoring-service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from ...adapters.clients.services import segment
from ...service_layer import customers as svc
from ..proxy import ClientsDep, errors, forward
from ..schemas import ClvFit, ClvFitRequest, CustomerValue
from ..security import Authorized
from .customers import CustomerRef

router = APIRouter(tags=["differentiate"], dependencies=[Authorized])
SegmentId = Annotated[str, Path(min_length=1, max_length=256, pattern=r"^[^.][^/]*$")]


@router.get("/v1/customers/{customer_id}/value", response_model=CustomerValue, responses=errors(404))
async def customer_value(customer_id: CustomerRef, request: Request, clients: ClientsDep) -> Response:
    """RFM, CLV, value tier, segments and churn risk of one customer (404 until scored)."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.scoring, request, "GET", f"/v1/customers/{segment(resolved)}/value")


@router.post("/v1/models/clv:fit", response_model=ClvFit, responses=errors())
async def fit_clv(body: ClvFitRequest, request: Request, clients: ClientsDep) -> Response:
    """Fit the BG/NBD and Gamma-Gamma models on the purchases up to ``calibration_end``."""
    return await forward(clients.scoring, request, "POST", "/v1/models/clv:fit", with_body=True)


@router.get("/v1/models/clv", response_model=ClvFit, responses=errors(404))
async def last_clv_fit(request: Request, clients: ClientsDep) -> Response:
    """The last CLV model fit."""
    return await forward(clients.scoring, request, "GET", "/v1/models/clv")


@router.get("/v1/segments", responses=errors())
async def segments(request: Request, clients: ClientsDep) -> Response:
    """The customer segments."""
    return await forward(clients.scoring, request, "GET", "/v1/segments")


@router.get("/v1/segments/{segment_id}/customers", responses=errors(404))
async def segment_customers(segment_id: SegmentId, request: Request, clients: ClientsDep,
                            limit: Annotated[int | None, Query(ge=1, le=10_000)] = None) -> Response:
    """The customers in one segment."""
    return await forward(clients.scoring, request, "GET", f"/v1/segments/{segment(segment_id)}/customers",
                         params={"limit": limit})
