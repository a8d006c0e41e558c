"""HTTP routes of scoring-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from idic import utcnow

from ..service_layer import queries as svc
from .schemas import Features, Value

PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown customer", **PROBLEM},
    422: {"description": "Invalid input", **PROBLEM},
}

router = APIRouter(tags=["differentiate"])
internal = APIRouter(prefix="/internal", tags=["internal"])

CustomerId = Annotated[str, Path(min_length=1, max_length=255, pattern=r"^[^\x00-\x20\x7f]+$",
                                 description="Customer id (opaque; a merged id answers for its survivor).")]


def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]


@router.get("/v1/customers/{customer_id}/value", response_model=Value, responses=ERRORS)
def customer_value(customer_id: CustomerId, uow_factory: UowFactoryDep) -> Value:
    """RFM, CLV, value tier, segments and churn risk of one customer."""
    return svc.get_value(customer_id=customer_id, uow_factory=uow_factory, now=utcnow())


@internal.get("/customers/{customer_id}/features", response_model=Features, responses=ERRORS)
def customer_features(customer_id: CustomerId, uow_factory: UowFactoryDep) -> Features:
    """The raw interaction aggregates behind the value (for the 360 view, export and tests)."""
    return svc.get_features(customer_id=customer_id, uow_factory=uow_factory)
