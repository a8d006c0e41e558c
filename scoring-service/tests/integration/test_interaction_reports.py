"""The channels and feedback reports through a real broker: interactions of known cost, money and
answers, applied by the consumer, read back exactly per period, channel and tier, in JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from idic.contracts import InteractionRecorded
from idic_devstack.waiting import eventually

from .conftest import Bus
from .test_api import assert_problem

_seq = itertools.count(1)


def first_of_next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


_months_used: set[tuple[int, int]] = set()


def a_monday() -> dt.date:
    """A Monday before the 21st of its month in 1990-2009, drawn per test run, in a month no run of this
    process used (nor the next): the apps on SQLite and on PostgreSQL share one broker and each reads
    every event on it, so no two runs may count the same days."""
    while True:
        day = dt.date(1990, 1, 1) + dt.timedelta(weeks=random.randrange(1040))
        months = {(day.year, day.month), (first_of_next_month(day).year, first_of_next_month(day).month)}
        if day.day <= 20 and not months & _months_used:
            _months_used.update(months)
            return day


def at(day: dt.date, hour: int) -> str:
    return f"{day}T{hour:02d}:00:00"


def event(customer: str, kind: str, on: str, channel: str, *, amount: str | None = None, cost: str | None = None,
          **answers: Any) -> InteractionRecorded:
    return InteractionRecorded(
        interaction_id=f"{customer}-r{next(_seq)}", customer_id=customer, channel=channel, type=kind,
        direction="inbound", occurred_at=dt.datetime.fromisoformat(on).replace(tzinfo=dt.UTC),
        amount=None if amount is None else Decimal(amount), currency="EUR" if amount else None,
        cost=None if cost is None else Decimal(cost), **answers)


def test_channels_and_feedback_per_period(client: TestClient, bus: Bus, cid: Any) -> None:
    a, b, c = cid("ra"), cid("rb"), cid("rc")
    monday = a_monday()
    next_month = first_of_next_month(monday)
    m0, m1 = monday.isoformat()[:7], next_month.isoformat()[:7]
    window = {"since": f"{monday.replace(day=1)}T00:00:00Z", "until": f"{first_of_next_month(next_month)}T00:00:00Z"}
    tuesday = monday + dt.timedelta(days=1)
    for e in [event(a, "purchase", at(monday, 10), "web", amount="20.00", cost="0.40"),
              event(a, "visit", at(tuesday, 10), "web", cost="0.10"),
              event(a, "survey", at(tuesday, 11), "email", nps=10),
              event(b, "visit", at(monday, 12), "web", cost="0.10"),
              event(b, "survey", at(monday, 13), "email", nps=10),
              event(c, "survey", at(tuesday, 14), "email", nps=0, csat=2),
              event(c, "purchase", at(next_month, 9), "store", amount="30.00", cost="2.00", csat=5)]:
        bus.publish(e)

    def applied() -> dict[str, Any] | None:
        report = client.get("/v1/reports/channels", params=window).json()
        return report if sum(r["interactions"] for r in report["rows"]) == 7 else None
    report = eventually(applied, timeout=60, what="the seven interactions counted")
    rows = {(r["period_start"][:7], r["channel"]): r for r in report["rows"]}
    assert rows[(m0, "web")] == {
        "period_start": f"{m0}-01T00:00:00Z", "channel": "web", "interactions": 3, "cost": "0.60",
        "cost_per_interaction": "0.20", "purchases": 1, "revenue": {"EUR": "20.00"}, "conversion_rate": 0.333333}
    assert (rows[(m0, "email")]["interactions"], rows[(m0, "email")]["cost"],
            rows[(m0, "email")]["revenue"], rows[(m0, "email")]["conversion_rate"]) == (3, "0.00", {}, 0.0)
    assert (rows[(m1, "store")]["cost_per_interaction"], rows[(m1, "store")]["revenue"]) == (
        "2.00", {"EUR": "30.00"})
    assert set(rows) == {(m0, "web"), (m0, "email"), (m1, "store")}

    feedback = client.get("/v1/reports/feedback", params=window).json()
    periods = {p["period_start"][:7]: p for p in feedback["periods"]}
    # NPS 10, 10, 0: two promoters and a detractor of three answers, +33.33
    assert {k: periods[m0][k] for k in ("nps_responses", "promoters", "passives", "detractors", "nps",
                                                 "csat_responses", "csat_mean")} == {
        "nps_responses": 3, "promoters": 2, "passives": 0, "detractors": 1, "nps": 33.33, "csat_responses": 1,
        "csat_mean": 2.0}
    assert (periods[m1]["nps"], periods[m1]["csat_mean"]) == (None, 5.0)
    assert [(x["period_start"][:7], x["channel"], x["nps"]) for x in feedback["by_channel"]] == [
        (m0, "email", 33.33), (m1, "store", None)]
    # every answer is under the tier its customer held when it arrived: the tiers add up to the period
    assert sum(x["nps_responses"] for x in feedback["by_tier"] if x["period_start"][:7] == m0) == 3

    weekly = client.get("/v1/reports/channels", params={**window, "period": "week"}).json()
    next_week = (next_month - dt.timedelta(days=next_month.weekday())).isoformat()
    assert {(r["period_start"][:10], r["channel"]) for r in weekly["rows"]} == {
        (monday.isoformat(), "web"), (monday.isoformat(), "email"), (next_week, "store")}
    only_email = client.get("/v1/reports/channels", params={**window, "channel": "email"}).json()
    assert [r["channel"] for r in only_email["rows"]] == ["email"]

    table = client.get("/v1/reports/channels", params=window, headers={"Accept": "text/csv"})
    lines = list(csv.DictReader(io.StringIO(table.text)))
    web = next(r for r in lines if r["channel"] == "web")
    assert (web["interactions"], web["cost"], web["revenue_EUR"], web["conversion_rate"]) == ("3", "0.60", "20.00",
                                                                                                "0.333333")
    answers = list(csv.DictReader(io.StringIO(client.get("/v1/reports/feedback", params=window,
                                                         headers={"Accept": "text/csv"}).text)))
    assert [r["table"] for r in answers][:2] == ["periods", "periods"] and "by_channel" in {r["table"] for r in answers}


def test_bad_channel_and_feedback_queries(client: TestClient) -> None:
    for path in ("/v1/reports/channels", "/v1/reports/feedback"):
        for params, field in [({"channel": "fax"}, "query.channel"), ({"tier": "gold"}, "query.tier"),
                              ({"period": "hour"}, "query.period"),
                              ({"since": "2016-02-01T00:00:00Z", "until": "2016-01-01T00:00:00Z"}, "query.until")]:
            answer = client.get(path, params=params)
            assert_problem(answer, 422)
            assert field in [e["field"] for e in answer.json()["errors"]], (path, params)
