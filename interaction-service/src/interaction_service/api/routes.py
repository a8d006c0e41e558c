"""HTTP routes of interaction-service: translate HTTP to service-layer calls and back."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import AwareDatetime

from idic.contracts.interaction import Channel

from ..config import Settings
from ..domain.interactions import CUSTOMER_ID_PATTERN, TYPE_PATTERN
from ..service_layer import queries
from ..service_layer import record as svc
from .schemas import (
    BatchIn,
    BatchRecorded,
    ChannelStatsOut,
    InteractionIn,
    InteractionSummary,
    Recorded,
    Timeline,
)

router = APIRouter(tags=["interact"])
internal = APIRouter(prefix="/internal", tags=["internal"])
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "Invalid input", "content": {"application/problem+json": {}}}}


def get_uow_factory(request: Request) -> svc.UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


UowFactoryDep = Annotated[svc.UowFactory, Depends(get_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CustomerIdPath = Annotated[str, Path(pattern=CUSTOMER_ID_PATTERN)]


@router.post("/v1/interactions", status_code=202, response_model=Recorded, responses=ERRORS)
def record_interaction(body: InteractionIn, uow_factory: UowFactoryDep, settings: SettingsDep) -> Recorded:
    """Record one interaction; a retry with the same ``id`` answers the first one's ids."""
    return svc.record(items=[body], uow_factory=uow_factory,
                      max_future_skew=dt.timedelta(seconds=settings.max_future_skew_s))[0]


@router.post("/v1/interactions:batch", status_code=202, response_model=BatchRecorded, responses=ERRORS)
def record_batch(body: BatchIn, uow_factory: UowFactoryDep, settings: SettingsDep) -> BatchRecorded:
    """Record up to 10,000 interactions all-or-nothing; results in the order given."""
    return BatchRecorded(results=svc.record(
        items=body.interactions, uow_factory=uow_factory, field_prefix="body.interactions.{index}",
        max_future_skew=dt.timedelta(seconds=settings.max_future_skew_s)))


@router.get("/v1/customers/{customer_id}/timeline", response_model=Timeline, responses=ERRORS)
def timeline(customer_id: CustomerIdPath, uow_factory: UowFactoryDep,
             limit: Annotated[int, Query(ge=1, le=200)] = 50,
             before: Annotated[str | None, Query(min_length=1, max_length=512, description="next_cursor of the "
                                                 "previous page")] = None,
             channel: Annotated[Channel | None, Query()] = None,
             type: Annotated[str | None, Query(pattern=TYPE_PATTERN)] = None) -> Timeline:
    """A customer's interactions, newest first, optionally of one channel and/or type."""
    return queries.timeline(customer_id=customer_id, limit=limit, before=before, channel=channel, type_=type,
                            uow_factory=uow_factory)


@router.get("/v1/channels/stats", response_model=ChannelStatsOut, responses=ERRORS)
def channel_stats(uow_factory: UowFactoryDep,
                  since: Annotated[AwareDatetime | None, Query(description="RFC 3339 with offset")] = None
                  ) -> ChannelStatsOut:
    """Per channel since a time: count, customers, cost, purchases, revenue, conversion rate."""
    return queries.channel_stats(since=since, uow_factory=uow_factory)


@internal.get("/customers/{customer_id}/interactions/summary", response_model=InteractionSummary,
              responses=ERRORS)
def interactions_summary(customer_id: CustomerIdPath, uow_factory: UowFactoryDep) -> InteractionSummary:
    """For the gateway's 360 view: the 10 newest interactions and the count."""
    return queries.summary(customer_id=customer_id, uow_factory=uow_factory)
