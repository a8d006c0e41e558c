"""The treatments report (API.md "Reports"): JSON, or CSV with ``Accept: text/csv``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request

from idic import ServiceRouter
from idic.public.reports import TreatmentsReport
from idic.reports import CSV_RESPONSE, PeriodQuery, Since, Until, check_window, report_response

from ...service_layer import reports as reports_svc
from .. import bodies
from ..dependencies import INVALID, UowFactoryDep

reports_router = ServiceRouter(prefix="/v1/reports", tags=["reports"])
ChannelFilter = Annotated[str | None, Query(min_length=1, max_length=32, pattern=r"^[a-z][a-z0-9_]{0,31}$",
                                            description="Only decisions on this channel.")]


@reports_router.get("/treatments", response_model=TreatmentsReport, responses={**CSV_RESPONSE, **INVALID})
def treatments_report(request: Request, uow_factory: UowFactoryDep, since: Since = None, until: Until = None,
                      period: PeriodQuery = "month", channel: ChannelFilter = None) -> Any:
    """Per rule and period of decision: presented, accepted, declined, ignored, converted, rates,
    revenue, the control group's conversion and the uplift against it."""
    check_window(since, until)
    return report_response(request, bodies.treatments_report(reports_svc.treatments_report(
        uow_factory=uow_factory, since=since, until=until, period=period, channel=channel)), name="treatments")
