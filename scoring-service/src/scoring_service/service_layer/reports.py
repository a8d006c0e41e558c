"""Reports of scoring (API.md "Reports"). Value, tiers, cohorts and linkage are read from what the
population runs kept (``domain.reports``); channels and feedback from the day counts the consumer
keeps, summed into periods in the database: never by scanning customers or interactions on request.
Answers are JSON-ready dicts in the shape of ``idic.public.reports`` (``api/bodies.py`` validates them)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np

from idic import ProblemError, utcnow
from idic.reports import Period, period_start

from ..adapters.repository import reports as reports_repo
from ..adapters.uow import ScoringUnitOfWork
from ..domain import reports

UowFactory = Callable[[], ScoringUnitOfWork]


def _empty_value() -> dict[str, Any]:
    nothing = np.zeros(0)
    return reports.value_snapshot(nothing, tier=None, clv=None, churn=nothing)["all"]


def _check_segment(uow: ScoringUnitOfWork, segment: str | None) -> None:
    """422 naming ``query.segment`` for a segment that is neither a rule's nor the needs model's."""
    if segment is None:
        return
    needs = uow.models.all().get("needs")
    known = {rule.segment_id for rule in uow.segments.rules()} | set(needs["ids"] if needs else ())
    if segment not in known:
        why = f"no segment {segment!r} (GET /v1/segments lists them)"
        raise ProblemError(422, "Unprocessable Content", f"invalid request: query.segment ({why})",
                           errors=[{"field": "query.segment", "message": why}])


def _latest(uow_factory: UowFactory, kind: str, since: dt.datetime | None, until: dt.datetime | None,
            segment: str | None) -> reports_repo.Snapshot | None:
    with uow_factory() as uow:
        _check_segment(uow, segment)
        return uow.reports.latest(kind, since=since, until=until, segment=segment)


def value_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                 tier: str | None, segment: str | None = None) -> dict[str, Any]:
    """Value concentration as of the latest run in [since, until), of everyone or of one tier, of one
    segment or all."""
    snapshot = _latest(uow_factory, "value", since, until, segment)
    if snapshot is None:
        return {"as_of": None, "tier": tier, "segment": segment, "currency": None, **_empty_value()}
    block = snapshot.body["by_tier"].get(tier or "all") or _empty_value()
    return {"as_of": snapshot.taken_at, "tier": tier, "segment": segment, "currency": snapshot.body["currency"],
            **block}


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 6) if whole > 0 else None


def tiers_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                 period: Period, segment: str | None = None) -> dict[str, Any]:
    """Tier sizes and value shares as of the latest run in [since, until), the movements between tiers
    the runs in the window counted, summed per period, and each tier at the last run of every period
    (value over time); of everyone or of one segment's members at each run."""
    with uow_factory() as uow:
        _check_segment(uow, segment)
        runs = uow.reports.between("tiers", since=since, until=until, segment=segment)
    moved: Counter[tuple[dt.datetime, str | None, str]] = Counter()
    last_of_period: dict[dt.datetime, reports_repo.Snapshot] = {}  # runs come oldest first
    for run in runs:
        start = period_start(run.taken_at, period)
        last_of_period[start] = run
        for m in run.body["movements"]:
            moved[(start, m["from_tier"], m["to_tier"])] += m["customers"]
    history = [{"period_start": start, "as_of": run.taken_at, "tier": t["tier"], "customers": t["customers"],
                "value": t["value"]} for start, run in last_of_period.items() for t in run.body["tiers"]]
    movements = [{"period_start": start, "from_tier": before, "to_tier": after, "customers": count}
                 for (start, before, after), count in sorted(moved.items(), key=lambda kv: (
                     kv[0][0], str(kv[0][1]), kv[0][2]))]
    sizes = runs[-1].body["tiers"] if runs else []
    customers = sum(t["customers"] for t in sizes)
    value = float(sum(Decimal(t["value"]) for t in sizes))
    tiers = [{**t, "customer_share": _share(t["customers"], customers), "value_share": _share(float(t["value"]), value)}
             for t in sizes]
    return {"as_of": runs[-1].taken_at if runs else None, "period": period, "since": since, "until": until,
            "segment": segment, "tiers": tiers, "movements": movements, "history": history}


def cohorts_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None) -> dict[str, Any]:
    """Cohorts by month of first purchase, as of the latest population run: the cohorts whose month
    starts in [the month of since, until), each with its customers still buying month by month."""
    with uow_factory() as uow:
        snapshot = uow.reports.latest("cohorts")
    answer: dict[str, Any] = {"as_of": None, "period": "month", "since": since, "until": until, "cohorts": [],
                              "cells": []}
    if snapshot is None:
        return answer
    first = period_start(since, "month").date() if since is not None else None
    end = until.astimezone(dt.UTC).date() if until is not None else None
    answer["cohorts"], answer["cells"] = reports.cohort_table(snapshot.body["cells"], through=snapshot.taken_at.date(),
                                                              since=first, until=end)
    answer["as_of"] = snapshot.taken_at
    return answer


def linkage_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                   tier: str | None, segment: str | None = None) -> dict[str, Any]:
    """What customers say (NPS, complaints) against what they do (still buying, value, churn risk), as of
    the latest run in [since, until), of everyone or of one tier, of one segment or all."""
    snapshot = _latest(uow_factory, "linkage", since, until, segment)
    if snapshot is None:
        return {"as_of": None, "tier": tier, "segment": segment, "active_days": reports.ACTIVE_DAYS,
                "nps_groups": [], "complaints": []}
    return {"as_of": snapshot.taken_at, "tier": tier, "segment": segment, "active_days": snapshot.body["active_days"],
            **snapshot.body["by_tier"].get(tier or "all", {"nps_groups": [], "complaints": []})}


def _days(since: dt.datetime | None, until: dt.datetime | None) -> tuple[dt.date | None, dt.date | None]:
    """The UTC days whose start lies in [since, until)."""
    def first_day_from(at: dt.datetime) -> dt.date:
        day = at.astimezone(dt.UTC)
        return day.date() if day.time() == dt.time() else day.date() + dt.timedelta(days=1)
    return (first_day_from(since) if since else None, first_day_from(until) if until else None)


def _totals(uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None, *, channel: str | None,
            tier: str | None, period: Period, by: tuple[str, ...], answered: bool = False) -> list[tuple[Any, ...]]:
    first, end = _days(since, until)
    with uow_factory() as uow:
        return uow.reports.interaction_totals(since=first, until=end, channel=channel, tier=tier, period=period, by=by,
                                              answered=answered)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def channels_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                    period: Period, channel: str | None, tier: str | None) -> dict[str, Any]:
    """Per period and channel: interactions, cost, cost per interaction, purchases, revenue, conversion,
    from the day counts the consumer keeps (current to the last event applied)."""
    totals = _totals(uow_factory, since, until, channel=channel, tier=tier, period=period, by=("channel", "currency"))
    return {"as_of": utcnow(), "period": period, "since": since, "until": until, "channel": channel, "tier": tier,
            "rows": reports.channel_rows(totals, start=_midnight)}


def feedback_report(*, uow_factory: UowFactory, since: dt.datetime | None, until: dt.datetime | None,
                    period: Period, channel: str | None, tier: str | None) -> dict[str, Any]:
    """NPS and CSAT per period, per period and channel, and per period and value tier."""
    totals = _totals(uow_factory, since, until, channel=channel, tier=tier, period=period, by=("channel", "tier"),
                     answered=True)
    return {"as_of": utcnow(), "period": period, "since": since, "until": until, "channel": channel, "tier": tier,
            **reports.feedback_rows(totals, start=_midnight)}

