"""Interact: routes owned by interaction-service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from ...adapters.clients.services import segment
from ...service_layer import customers as svc
from ..proxy import ClientsDep, errors, forward
from ..schemas import (
    Channel,
    ChannelStatsPage,
    InteractionAccepted,
    InteractionBatchAccepted,
    InteractionBatchRequest,
    InteractionRequest,
    Time,
    Timeline,
)
from ..security import Authorized
from .customers import CustomerRef

router = APIRouter(tags=["interact"], dependencies=[Authorized])


@router.post("/v1/interactions", status_code=202, response_model=InteractionAccepted, responses=errors(413))
async def record_interaction(body: InteractionRequest, request: Request, clients: ClientsDep) -> Response:
    """Record one interaction on any channel (202: accepted, applied asynchronously)."""
    return await forward(clients.interaction, request, "POST", "/v1/interactions", with_body=True)


@router.post("/v1/interactions:batch", status_code=202, response_model=InteractionBatchAccepted,
             responses=errors(413))
async def record_interactions(body: InteractionBatchRequest, request: Request, clients: ClientsDep) -> Response:
    """Record up to 10,000 interactions."""
    return await forward(clients.interaction, request, "POST", "/v1/interactions:batch", with_body=True)


@router.get("/v1/customers/{customer_id}/timeline", response_model=Timeline, responses=errors(404))
async def timeline(customer_id: CustomerRef, request: Request, clients: ClientsDep,
                   limit: Annotated[int | None, Query(ge=1, le=200)] = None,
                   before: Annotated[str | None, Query(min_length=1, max_length=512,
                                                       description="next_cursor of the previous page")] = None,
                   channel: Annotated[Channel | None, Query()] = None,
                   type: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,63}$")] = None) -> Response:
    """The customer's interactions, newest first."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    params = {"limit": limit, "before": before, "channel": channel, "type": type}
    return await forward(clients.interaction, request, "GET", f"/v1/customers/{segment(resolved)}/timeline",
                         params=params)


@router.get("/v1/channels/stats", response_model=ChannelStatsPage, responses=errors())
async def channel_stats(request: Request, clients: ClientsDep,
                        since: Annotated[Time | None, Query()] = None) -> Response:
    """Per channel: count, customers, total cost, cost per interaction, purchases, revenue, conversion rate."""
    return await forward(clients.interaction, request, "GET", "/v1/channels/stats",
                         params={"since": request.query_params.get("since")})  # as sent, once validated
