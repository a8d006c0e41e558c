"""Reports through the gateway: JSON as the service gives it, CSV made from the checked body, bad
windows refused before any service is asked, a service's broken report never passed on."""

from __future__ import annotations

import csv
import io

import httpx
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, Upstreams

TIERS = {"as_of": "2026-12-06T03:00:00Z", "period": "month", "since": None, "until": None,
         "tiers": [{"tier": "most_valuable", "customers": 2, "customer_share": 0.2, "value": "190.00",
                    "value_share": 0.345455},
                   {"tier": "maintain", "customers": 8, "customer_share": 0.8, "value": "360.00",
                    "value_share": 0.654545}],
         "movements": [{"period_start": "2026-12-01T00:00:00Z", "from_tier": None, "to_tier": "maintain",
                        "customers": 8}]}


def test_a_report_as_csv_is_the_table_of_the_service_json(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("scoring", "GET", "/v1/reports/tiers", httpx.Response(200, json=TIERS))
    answer = gateway.get("/v1/reports/tiers", headers={**ADMIN, "Accept": "text/csv"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == 'attachment; filename="tiers.csv"'
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [(r["table"], r["tier"], r["customers"], r["value_share"]) for r in rows[:2]] == [
        ("tiers", "most_valuable", "2", "0.345455"), ("tiers", "maintain", "8", "0.654545")]
    assert (rows[2]["table"], rows[2]["from_tier"], rows[2]["to_tier"], rows[2]["customers"]) == (
        "movements", "", "maintain", "8")  # null is an empty cell
    [call] = upstreams.calls["scoring"]
    assert call.headers["accept"] == "application/json"  # the service is asked for JSON, always
    assert dict(call.url.params) == {"period": "month"}
    assert gateway.get("/v1/reports/tiers", headers=ADMIN).json() == TIERS  # JSON as the service gave it


def test_the_segment_filter_reaches_the_service(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("scoring", "GET", "/v1/reports/tiers", httpx.Response(200, json={**TIERS, "segment": "rule-vip"}))
    answer = gateway.get("/v1/reports/tiers", params={"segment": "rule-vip", "period": "week"}, headers=ADMIN)
    assert answer.status_code == 200 and answer.json()["segment"] == "rule-vip"
    [call] = upstreams.calls["scoring"]
    assert dict(call.url.params) == {"period": "week", "segment": "rule-vip"}


def test_bad_report_queries_never_reach_the_service(gateway: TestClient, upstreams: Upstreams) -> None:
    for params, field in [({"since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}, "query.until"),
                          ({"tier": "gold"}, "query.tier"), ({"since": "last week"}, "query.since"),
                          ({"segment": "VIP customers"}, "query.segment"), ({"segment": "x" * 65}, "query.segment")]:
        answer = gateway.get("/v1/reports/value", params=params, headers=ADMIN)
        assert answer.status_code == 422 and answer.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in answer.json()["errors"]], answer.json()
    answer = gateway.get("/v1/reports/tiers", params={"period": "fortnight"}, headers=ADMIN)
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "query.period"
    assert upstreams.calls["scoring"] == []


def test_a_broken_report_from_the_service_is_not_passed_on(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("scoring", "GET", "/v1/reports/tiers", httpx.Response(200, json={**TIERS, "tiers": "many"}))
    answer = gateway.get("/v1/reports/tiers", headers={**ADMIN, "Accept": "text/csv"})
    assert answer.status_code == 502 and "scoring" in answer.json()["detail"]
