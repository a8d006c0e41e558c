"""Reports (API.md "Reports", analytical CRM): each proxied to the service that owns its data. The
gateway asks the service for JSON, checks it against the report's body, and answers it as CSV itself
when the caller asks for ``Accept: text/csv`` (``idic.reports``: the same table the service gives)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ValidationError

from idic.public.common import Channel
from idic.public.reports import (
    ChannelsReport,
    CohortsReport,
    FeedbackReport,
    LinkageReport,
    TiersReport,
    TreatmentsReport,
    ValueReport,
)
from idic.public.scoring import Tier
from idic.reports import (
    CSV_RESPONSE,
    PeriodQuery,
    SegmentQuery,
    Since,
    Until,
    check_window,
    report_response,
    wants_csv,
)

from ...adapters.clients import ServiceClient, UpstreamFailure
from ..proxy import ClientsDep, errors, forward
from ..security import Authorized

router = APIRouter(prefix="/v1/reports", tags=["reports"], dependencies=[Authorized])
RESPONSES = {**CSV_RESPONSE, **errors(422)}


async def _report(client: ServiceClient, request: Request, path: str, params: dict[str, Any],
                  body: type[BaseModel], *, name: str) -> Any:
    # the window is checked here too, so a bad one is refused before any service is asked
    check_window(params.pop("_since"), params.pop("_until"))
    answer = await forward(client, request, "GET", path, params={
        **params, "since": request.query_params.get("since"), "until": request.query_params.get("until")})
    if answer.status_code != 200 or not wants_csv(request):
        return answer
    try:
        report = body.model_validate_json(bytes(answer.body))
    except ValidationError as exc:
        raise UpstreamFailure(client.name, 502) from exc
    return report_response(request, report, name=name)


@router.get("/value", response_model=ValueReport, responses=RESPONSES)
async def value_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                       tier: Annotated[Tier | None, Query(description="Only the customers of this tier.")] = None,
                       segment: SegmentQuery = None) -> Response:
    """Value concentration (deciles of customers by net value with their share: the Pareto curve) and
    the CLV and churn-risk distributions, as of the latest population run in [since, until)."""
    return await _report(clients.scoring, request, "/v1/reports/value",
                         {"_since": since, "_until": until, "tier": tier, "segment": segment}, ValueReport,
                         name="value")


@router.get("/tiers", response_model=TiersReport, responses=RESPONSES)
async def tiers_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                       period: PeriodQuery = "month", segment: SegmentQuery = None) -> Response:
    """Per tier: customers and value share, and the movements between tiers per period, from the
    population runs in [since, until)."""
    return await _report(clients.scoring, request, "/v1/reports/tiers",
                         {"_since": since, "_until": until, "period": period, "segment": segment}, TiersReport,
                         name="tiers")


@router.get("/cohorts", response_model=CohortsReport, responses=RESPONSES)
async def cohorts_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                         period: Annotated[Literal["month"], Query(
                             description="Cohorts are kept per calendar month.")] = "month") -> Response:
    """Cohorts by month of first purchase: customers, and month by month since, the share still buying
    and their revenue, as of the latest population run."""
    return await _report(clients.scoring, request, "/v1/reports/cohorts",
                         {"_since": since, "_until": until, "period": period}, CohortsReport, name="cohorts")


@router.get("/linkage", response_model=LinkageReport, responses=RESPONSES)
async def linkage_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                         tier: Annotated[Tier | None, Query(description="Only the customers of this tier.")] = None,
                         segment: SegmentQuery = None) -> Response:
    """What people say against what they do: retention and value by NPS group, churn after complaints
    against without, as of the latest population run in [since, until)."""
    return await _report(clients.scoring, request, "/v1/reports/linkage",
                         {"_since": since, "_until": until, "tier": tier, "segment": segment}, LinkageReport,
                         name="linkage")


@router.get("/treatments", response_model=TreatmentsReport, responses=RESPONSES)
async def treatments_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                            period: PeriodQuery = "month",
                            channel: Annotated[str | None, Query(min_length=1, max_length=32,
                                                                 pattern=r"^[a-z][a-z0-9_]{0,31}$",
                                                                 description="Only decisions on this channel.")]
                            = None) -> Response:
    """Per rule and period of decision: presented, accepted, declined, ignored, converted, rates,
    revenue, the control group's conversion and the uplift against it."""
    return await _report(clients.treatment, request, "/v1/reports/treatments",
                         {"_since": since, "_until": until, "period": period, "channel": channel}, TreatmentsReport,
                         name="treatments")


GatewayChannel = Annotated[Channel | None, Query(description="Only this channel.")]
GatewayTier = Annotated[Tier | None, Query(description="Only customers of this tier when the interaction arrived.")]


@router.get("/channels", response_model=ChannelsReport, responses=RESPONSES)
async def channels_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                          period: PeriodQuery = "month", channel: GatewayChannel = None,
                          tier: GatewayTier = None) -> Response:
    """Per channel and period: interactions, cost, cost per interaction, purchases, revenue, conversion."""
    return await _report(clients.scoring, request, "/v1/reports/channels",
                         {"_since": since, "_until": until, "period": period, "channel": channel, "tier": tier},
                         ChannelsReport, name="channels")


@router.get("/feedback", response_model=FeedbackReport, responses=RESPONSES)
async def feedback_report(request: Request, clients: ClientsDep, since: Since = None, until: Until = None,
                          period: PeriodQuery = "month", channel: GatewayChannel = None,
                          tier: GatewayTier = None) -> Response:
    """NPS and CSAT per period, per period and channel, and per period and value tier."""
    return await _report(clients.scoring, request, "/v1/reports/feedback",
                         {"_since": since, "_until": until, "period": period, "channel": channel, "tier": tier},
                         FeedbackReport, name="feedback")

