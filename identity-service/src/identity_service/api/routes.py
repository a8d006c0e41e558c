"""HTTP routes of identity-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from ..config import Settings
from ..domain.identifiers import IdentifierType
from ..service_layer import identify as svc
from .schemas import IdentifyBatchRequest, IdentifyBatchResult, IdentifyRequest, IdentifyResult, LookupResult, Profile

router = APIRouter(prefix="/v1/customers", tags=["identify"])
PROBLEM = {"content": {"application/problem+json": {}}}
ERRORS = {404: {"description": "Unknown customer", **PROBLEM}, 422: {"description": "Invalid input", **PROBLEM}}


def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@router.post("/identify", response_model=IdentifyResult, responses=ERRORS)
def identify(body: IdentifyRequest, uow_factory: UowFactoryDep, settings: SettingsDep) -> IdentifyResult:
    """Find the one customer these identifiers and attributes belong to, creating it if new."""
    return svc.identify(request=body, uow_factory=uow_factory, default_region=settings.default_phone_region)


@router.post("/identify:batch", response_model=IdentifyBatchResult, responses=ERRORS)
def identify_batch(body: IdentifyBatchRequest, uow_factory: UowFactoryDep,
                   settings: SettingsDep) -> IdentifyBatchResult:
    """Identify up to 10,000 records, in order; results in the same order."""
    for index, record in enumerate(body.records):  # validate all before writing any
        svc.normalised_pairs(record, default_region=settings.default_phone_region, field_prefix=f"body.records.{index}")
    return IdentifyBatchResult(results=[
        svc.identify(request=r, uow_factory=uow_factory, default_region=settings.default_phone_region)
        for r in body.records
    ])


@router.get("/lookup", response_model=LookupResult, responses=ERRORS)
def lookup(type: Annotated[IdentifierType, Query()], value: Annotated[str, Query(min_length=1, max_length=512)],
           uow_factory: UowFactoryDep, settings: SettingsDep) -> LookupResult:
    """The current customer (after merges) owning an identifier."""
    return LookupResult(customer_id=svc.lookup(kind=type, value=value, uow_factory=uow_factory,
                                               default_region=settings.default_phone_region))


@router.get("/{customer_id}", response_model=Profile, responses=ERRORS)
def profile(customer_id: str, uow_factory: UowFactoryDep) -> Profile:
    """Profile, identifiers, merged ids and consent of one customer."""
    return svc.get_profile(customer_id=customer_id, uow_factory=uow_factory)
