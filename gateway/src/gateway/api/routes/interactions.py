"""Interact: routes owned by interaction-service."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from idic import ProblemError
from idic.problems import PROBLEM_JSON
from idic.public.common import Channel, Time
from idic.public.interaction import (
    ChannelStatistics,
    CustomerChannels,
    CustomerFeedback,
    CustomerTriggers,
    FeedbackOverview,
    InteractionAccepted,
    InteractionBatchAccepted,
    InteractionBatchRequest,
    InteractionRequest,
    Timeline,
    TriggerKind,
)
from idic.public.jobs import TriggersScanJob

from ...adapters.clients import UpstreamFailure
from ...adapters.clients.base import json_or_none
from ...adapters.clients.services import segment
from ...service_layer import customers as svc
from ...service_layer.interactions import IdentityRefused, link_interactions
from ..proxy import ClientsDep, errors, forward, public_answer, safe_problem
from ..security import Authorized
from ..view_freshness import changed_per_answer
from .customers import CustomerRef
from .jobs import PreferHeader, start_job, started

router = APIRouter(tags=["interact"], dependencies=[Authorized])


async def _record(request: Request, clients: ClientsDep, path: str, *, batch: bool) -> Response:
    """Identify what only names identifiers, then hand the interactions on with their customer ids."""
    body = json.loads(await request.body())  # already validated by the route's model
    items = body["interactions"] if batch else [body]
    try:
        await link_interactions(items=items, identity=clients.identity, batch=batch)
    except IdentityRefused as refused:
        status = refused.response.status_code
        if status not in (404, 409, 422):  # anything else from identity is its failure, not the caller's
            raise UpstreamFailure(clients.identity.name, 502) from refused
        problem = refused.renamed(safe_problem(status, json_or_none(refused.response)))
        return Response(json.dumps(problem), status_code=status, media_type=PROBLEM_JSON)
    response = await clients.interaction.request("POST", path, content=json.dumps(body).encode())
    return public_answer(request, response, clients.interaction.name)


@router.post("/v1/interactions", status_code=202, response_model=InteractionAccepted, responses=errors(413))
async def record_interaction(body: InteractionRequest, request: Request, clients: ClientsDep) -> Response:
    """Record one interaction on any channel (202: accepted, applied asynchronously). Identifiers no customer
    holds yet are identified on the way in (a new, possibly anonymous customer), so the answer always carries
    the ``customer_id``."""
    return changed_per_answer(request, await _record(request, clients, "/v1/interactions", batch=False),
                              "customer_id")


@router.post("/v1/interactions:batch", status_code=202, response_model=InteractionBatchAccepted,
             responses=errors(413))
async def record_interactions(body: InteractionBatchRequest, request: Request, clients: ClientsDep) -> Response:
    """Record up to 10,000 interactions; those naming only identifiers are identified on the way in, in one call."""
    return await _record(request, clients, "/v1/interactions:batch", batch=True)


@router.get("/v1/customers/{customer_id}/timeline", response_model=Timeline, responses=errors(404))
async def timeline(customer_id: CustomerRef, request: Request, clients: ClientsDep,
                   limit: Annotated[int | None, Query(ge=1, le=200)] = None,
                   cursor: Annotated[str | None, Query(min_length=1, max_length=512,
                                                       description="next_cursor of the previous page")] = None,
                   before: Annotated[str | None, Query(min_length=1, max_length=512, deprecated=True,
                                                       description="Deprecated name of cursor")] = None,
                   channel: Annotated[Channel | None, Query()] = None,
                   type: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,63}$")] = None) -> Response:
    """The customer's interactions, newest first."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    params = {"limit": limit, "cursor": cursor, "before": before, "channel": channel, "type": type}
    return await forward(clients.interaction, request, "GET", f"/v1/customers/{segment(resolved)}/timeline",
                         params=params)


Since = Annotated[Time | None, Query(description="RFC 3339 with offset; inclusive")]
Until = Annotated[Time | None, Query(description="RFC 3339 with offset; exclusive (after since)")]


def _period(request: Request, since: dt.datetime | None, until: dt.datetime | None) -> dict[str, str | None]:
    """The validated period, forwarded as the caller wrote it (422 when it is empty)."""
    if since is not None and until is not None and until <= since:
        raise ProblemError(422, "Unprocessable Content", "invalid request: query.until (must lie after since)",
                           errors=[{"field": "query.until", "message": "until must lie after since"}])
    return {"since": request.query_params.get("since"), "until": request.query_params.get("until")}


@router.get("/v1/channels/stats", response_model=ChannelStatistics, responses=errors())
async def channel_stats(request: Request, clients: ClientsDep, since: Since = None, until: Until = None) -> Response:
    """Per channel over [since, until): count, customers, total cost, cost per interaction, purchases, revenue,
    conversion rate."""
    return await forward(clients.interaction, request, "GET", "/v1/channels/stats",
                         params=_period(request, since, until))


@router.get("/v1/feedback/nps", response_model=FeedbackOverview, responses=errors())
async def feedback_nps(request: Request, clients: ClientsDep, since: Since = None, until: Until = None) -> Response:
    """NPS (promoters, passives, detractors) and CSAT over [since, until), overall and per channel."""
    return await forward(clients.interaction, request, "GET", "/v1/feedback/nps",
                         params=_period(request, since, until))


@router.get("/v1/customers/{customer_id}/channels", response_model=CustomerChannels, responses=errors(404))
async def customer_channels(customer_id: CustomerRef, request: Request, clients: ClientsDep) -> Response:
    """The customer's channel mix: interactions and share per channel."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.interaction, request, "GET", f"/v1/customers/{segment(resolved)}/channels")


@router.get("/v1/customers/{customer_id}/feedback", response_model=CustomerFeedback, responses=errors(404))
async def customer_feedback(customer_id: CustomerRef, request: Request, clients: ClientsDep) -> Response:
    """The customer's NPS and CSAT: latest, average, trend, and the answers (newest first)."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.interaction, request, "GET", f"/v1/customers/{segment(resolved)}/feedback")


@router.get("/v1/customers/{customer_id}/triggers", response_model=CustomerTriggers, responses=errors(404))
async def customer_triggers(customer_id: CustomerRef, request: Request, clients: ClientsDep,
                            kind: Annotated[TriggerKind | None, Query()] = None,
                            limit: Annotated[int | None, Query(ge=1, le=500)] = None) -> Response:
    """The triggers and life events detected for the customer, newest first."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.interaction, request, "GET", f"/v1/customers/{segment(resolved)}/triggers",
                         params={"kind": kind, "limit": limit})


@router.post("/v1/triggers:scan", status_code=202, response_model=TriggersScanJob,
             responses=started(TriggersScanJob))
async def scan_triggers(request: Request, clients: ClientsDep, prefer: PreferHeader = None) -> Response:
    """Run the periodic lapse and birthday scan now, as a job (kind ``triggers_scan``; its result says how many
    new triggers fired; admin). Also runs on interaction-service's own schedule."""
    return await start_job(clients.interaction, request, "/v1/triggers:scan", prefer=prefer)
