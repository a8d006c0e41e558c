"""The treatments report through the HTTP API on SQLite and PostgreSQL: decisions of known outcomes
rolled into periods exactly (JSON and CSV), the channel filter, and bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from typing import Any

from fastapi.testclient import TestClient
from treatment_factories import answer, record

UTC = dt.UTC


def decide(client: TestClient, rule_id: str, rows: list[tuple[str, str | None, bool, str | None, bool]]) -> None:
    """Decisions of ``rule_id`` made and answered through the repository, as the service makes them:
    (decided at, outcome, control, amount of a conversion, accepted first)."""
    with client.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        for n, (at, outcome, control, amount, accepted) in enumerate(rows):
            t = record(rule_id, n, dt.datetime.fromisoformat(at).replace(tzinfo=UTC), control=control,
                       channel="sms" if n == 0 else "email")
            uow.treatments.add(t)
            answer(uow, t, outcome, amount=amount, accepted=accepted)
        uow.commit()


def mine(report: dict[str, Any], rule_id: str) -> list[dict[str, Any]]:
    return [r for r in report["rules"] if r["rule_id"] == rule_id]


def test_decisions_rolled_into_periods_against_their_control_group(client: TestClient) -> None:
    rule = f"rep-{uuid.uuid4().hex[:8]}"
    decide(client, rule, [
        ("2025-01-06T10:00:00", "converted", False, "12.50", True),   # Monday of week 2: accepted, then bought
        ("2025-01-07T23:59:59", "declined", False, None, False),
        ("2025-01-20T08:00:00", "ignored", False, None, False),
        ("2025-01-21T08:00:00", "accepted", False, None, True),
        ("2025-01-08T12:00:00", "converted", True, "30.00", False),   # control: bought anyway
        ("2025-01-09T12:00:00", "ignored", True, None, False),
        ("2025-02-03T00:00:00", "converted", False, "7.50", False),   # February
        ("2025-02-04T00:00:00", None, False, None, False),            # still open
    ])
    window = {"since": "2025-01-01T00:00:00Z", "until": "2025-03-01T00:00:00Z"}
    report = client.get("/v1/reports/treatments", params=window).json()
    assert report["period"] == "month" and report["as_of"]
    january, february = mine(report, rule)
    assert january == {
        "rule_id": rule, "period_start": "2025-01-01T00:00:00Z", "presented": 4, "accepted": 2, "declined": 1,
        "ignored": 1, "converted": 1, "acceptance_rate": 0.5, "conversion_rate": 0.25, "revenue": {"EUR": "12.50"},
        "control_presented": 2, "control_converted": 1, "control_conversion_rate": 0.5, "uplift": -0.25}
    assert (february["period_start"], february["presented"], february["converted"], february["revenue"]) == (
        "2025-02-01T00:00:00Z", 2, 1, {"EUR": "7.50"})
    assert february["control_presented"] == 0 and february["uplift"] is None  # no control decision that month

    weeks = mine(client.get("/v1/reports/treatments", params={**window, "period": "week"}).json(), rule)
    assert [(w["period_start"][:10], w["presented"], w["control_presented"]) for w in weeks] == [
        ("2025-01-06", 2, 2), ("2025-01-20", 2, 0), ("2025-02-03", 2, 0)]
    # the channel filter: the first decision alone was on sms
    [sms] = mine(client.get("/v1/reports/treatments", params={**window, "channel": "sms"}).json(), rule)
    assert (sms["presented"], sms["converted"], sms["control_presented"]) == (1, 1, 0)
    assert mine(client.get("/v1/reports/treatments", params={"since": "2025-03-01T00:00:00Z"}).json(), rule) == []

    answer = client.get("/v1/reports/treatments", params=window, headers={"Accept": "text/csv"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = [r for r in csv.DictReader(io.StringIO(answer.text)) if r["rule_id"] == rule]
    assert [(r["period_start"], r["presented"], r["revenue_EUR"], r["uplift"]) for r in rows] == [
        ("2025-01-01T00:00:00Z", "4", "12.50", "-0.25"), ("2025-02-01T00:00:00Z", "2", "7.50", "")]


def test_bad_report_queries_are_refused_with_the_field(client: TestClient) -> None:
    for params, field in [({"since": "2025-02-01T00:00:00Z", "until": "2025-01-01T00:00:00Z"}, "query.until"),
                          ({"period": "decade"}, "query.period"), ({"channel": "E-Mail!"}, "query.channel"),
                          ({"until": "tomorrow"}, "query.until")]:
        answer = client.get("/v1/reports/treatments", params=params)
        assert answer.status_code == 422 and answer.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in answer.json()["errors"]], answer.json()
