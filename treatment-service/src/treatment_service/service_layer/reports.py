"""The treatments report (API.md "Reports"): per rule and period, what its decisions led to against
its control group. Read from the counts every decision, outcome and erasure adds
(``domain.report_counts``, ``adapters.repository.reports``), summed into periods in the database, never
by counting decisions on request; answers are JSON-ready dicts in the shape of
``idic.public.reports.TreatmentsReport`` (``api/bodies.py`` validates them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from idic import utcnow
from idic.reports import Period

from ..domain.lifecycle import GroupCounts, uplift
from ..domain.report_counts import ZERO
from .services import UowFactory

FOLD_BATCH = 50_000  # changes folded per transaction


def fold_report_changes(*, uow_factory: UowFactory, batch: int = FOLD_BATCH) -> int:
    """Fold every pending change into the report's day rows, ``batch`` a transaction; how many."""
    folded = 0
    while True:
        with uow_factory() as uow:
            moved = uow.reports.fold(limit=batch)
            uow.commit()
        folded += moved
        if moved < batch:
            return folded


def _days(since: dt.datetime | None, until: dt.datetime | None) -> tuple[dt.date | None, dt.date | None]:
    """The UTC days whose start lies in [since, until): the report counts decisions per day."""
    def first_day_from(at: dt.datetime) -> dt.date:
        day = at.astimezone(dt.UTC)
        return day.date() if day.time() == dt.time() else day.date() + dt.timedelta(days=1)
    return (first_day_from(since) if since else None, first_day_from(until) if until else None)


def treatments_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                      period: Period, channel: str | None) -> dict[str, Any]:
    """Per rule and period of decision (the decisions made on the UTC days that start in [since,
    until)): presented, accepted, declined, ignored, converted, their rates and revenue, the control
    group's presented, converted and conversion rate, and the uplift (treated minus control conversion
    rate). Current to the last committed decision and outcome."""
    as_of = utcnow()
    first, end = _days(since, until)
    with uow_factory() as uow:
        totals = uow.reports.totals(since=first, until=end, channel=channel, period=period)
    groups: dict[tuple[str, dt.datetime], tuple[GroupCounts, GroupCounts]] = {}
    for day, rule_id, control, currency, presented, accepted, declined, ignored, converted, revenue in totals:
        start = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        treated, held_out = groups.setdefault((rule_id, start), (GroupCounts(), GroupCounts()))
        into = held_out if control else treated
        into.presented += presented
        into.accepted += accepted
        into.declined += declined
        into.ignored += ignored
        into.converted += converted
        # a currency's row holds the conversions that brought money in it (none left: erased since); money
        # without a currency is reported under XXX
        if (currency and converted) or (not currency and revenue):
            into.revenue[currency] = into.revenue.get(currency, ZERO) + revenue
    rows = []
    for (rule_id, start), (treated, control) in sorted(groups.items()):
        if not treated.presented and not control.presented:
            continue  # every decision of the period was erased since
        rows.append({
            "rule_id": rule_id, "period_start": start, "presented": treated.presented, "accepted": treated.accepted,
            "declined": treated.declined, "ignored": treated.ignored, "converted": treated.converted,
            "acceptance_rate": treated.acceptance_rate, "conversion_rate": treated.conversion_rate,
            "revenue": {c or "XXX": f"{a:.2f}" for c, a in sorted(treated.revenue.items())},
            "control_presented": control.presented, "control_converted": control.converted,
            "control_conversion_rate": control.conversion_rate, "uplift": uplift(treated, control)})
    return {"as_of": as_of, "period": period, "since": since, "until": until, "channel": channel, "rules": rows}
