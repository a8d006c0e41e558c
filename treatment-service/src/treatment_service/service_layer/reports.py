"""The treatments report (API.md "Reports"): per rule and period, what its decisions led to against
its control group. Computed on request from the decisions' day counts (two grouped queries on the
``(rule_id, decided_at)`` index), rolled into periods here; answers are JSON-ready dicts in the shape
of ``idic.public.reports.TreatmentsReport`` (``api/bodies.py`` validates them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from idic import utcnow
from idic.reports import Period, period_start

from ..domain.lifecycle import GroupCounts, uplift
from .services import UowFactory


def _add(into: GroupCounts, more: GroupCounts) -> None:
    for name in ("presented", "accepted", "declined", "ignored", "converted"):
        setattr(into, name, getattr(into, name) + getattr(more, name))
    for currency, amount in more.revenue.items():
        into.revenue[currency] = into.revenue.get(currency, Decimal(0)) + amount


def treatments_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                      period: Period, channel: str | None) -> dict[str, Any]:
    """Per rule and period of decision: presented, accepted, declined, ignored, converted, their
    rates and revenue, the control group's presented, converted and conversion rate, and the uplift
    (treated minus control conversion rate)."""
    as_of = utcnow()
    with uow_factory() as uow:
        days = uow.treatments.performance_by_day(since=since, until=until, channel=channel)
    groups: dict[tuple[str, dt.datetime], tuple[GroupCounts, GroupCounts]] = {}
    for (rule_id, day, control), counts in days.items():
        start = period_start(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), period)
        treated, held_out = groups.setdefault((rule_id, start), (GroupCounts(), GroupCounts()))
        _add(held_out if control else treated, counts)
    rows = []
    for (rule_id, start), (treated, control) in sorted(groups.items()):
        rows.append({
            "rule_id": rule_id, "period_start": start, "presented": treated.presented, "accepted": treated.accepted,
            "declined": treated.declined, "ignored": treated.ignored, "converted": treated.converted,
            "acceptance_rate": treated.acceptance_rate, "conversion_rate": treated.conversion_rate,
            "revenue": {c or "XXX": f"{a:.2f}" for c, a in sorted(treated.revenue.items())},
            "control_presented": control.presented, "control_converted": control.converted,
            "control_conversion_rate": control.conversion_rate, "uplift": uplift(treated, control)})
    return {"as_of": as_of, "period": period, "since": since, "until": until, "channel": channel, "rules": rows}
