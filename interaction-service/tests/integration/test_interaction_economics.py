"""Channel economics (costs, stats over a period, channel mix) and feedback (NPS, CSAT)."""

from __future__ import annotations

from decimal import Decimal

import pytest


def _stats(client, **params) -> dict[str, dict]:
    response = client.get("/v1/channels/stats", params=params)
    assert response.status_code == 200, response.text
    return {c["channel"]: c for c in response.json()["channels"]}


@pytest.fixture
def database_url(pg_url: str) -> str:
    """PostgreSQL only: SQLite is covered by the recording, query and linking tests; the time budget is short."""
    return pg_url


def test_configured_channel_costs_apply_unless_overridden(make_client, customer):
    client = make_client(channel_costs={"phone": Decimal("4.50"), "mail": Decimal("0.80")})
    cid = customer()
    items = [
        {"customer_id": cid, "channel": "phone", "type": "call", "occurred_at": "2024-01-01T10:00:00Z"},
        {"customer_id": cid, "channel": "phone", "type": "call", "cost": "2", "occurred_at": "2024-01-02T10:00:00Z"},
        {"customer_id": cid, "channel": "phone", "type": "purchase", "amount": "100", "currency": "EUR",
         "occurred_at": "2024-02-01T10:00:00Z"},
        {"customer_id": cid, "channel": "web", "type": "purchase", "amount": "10", "currency": "EUR",
         "occurred_at": "2024-02-02T10:00:00Z"},
        {"customer_id": cid, "channel": "mail", "type": "mailing", "direction": "outbound",
         "occurred_at": "2024-03-01T10:00:00Z"},
    ]
    assert client.post("/v1/interactions:batch", json={"interactions": items}).status_code == 202
    costs = {i["occurred_at"]: i["cost"] for i in client.get(f"/v1/customers/{cid}/timeline").json()["items"]}
    assert costs == {"2024-01-01T10:00:00Z": "4.50", "2024-01-02T10:00:00Z": "2.00",
                     "2024-02-01T10:00:00Z": "4.50", "2024-02-02T10:00:00Z": None, "2024-03-01T10:00:00Z": "0.80"}

    stats = _stats(client)
    assert stats["phone"] == {"channel": "phone", "count": 3, "customers": 1, "total_cost": "11.00",
                              "cost_per_interaction": "3.6667", "purchases": 1, "revenue": {"EUR": "100.00"},
                              "conversion_rate": 0.333333}
    assert stats["web"]["total_cost"] == "0.00" and stats["web"]["conversion_rate"] == 1.0
    january = _stats(client, since="2024-01-01T00:00:00Z", until="2024-02-01T10:00:00Z")
    assert set(january) == {"phone"} and january["phone"]["count"] == 2 and january["phone"]["purchases"] == 0
    body = client.get("/v1/channels/stats", params={"since": "2024-02-01T00:00:00+00:00"}).json()
    assert body["until"] is None and {c["channel"] for c in body["channels"]} == {"phone", "web", "mail"}

    mix = client.get(f"/v1/customers/{cid}/channels").json()
    assert mix == {"customer_id": cid, "count": 5, "cost_to_serve": "11.80", "channels": [  # what serving them cost
        {"channel": "phone", "count": 3, "share": 0.6, "cost": "11.00"},
        {"channel": "mail", "count": 1, "share": 0.2, "cost": "0.80"},
        {"channel": "web", "count": 1, "share": 0.2, "cost": "0.00"}]}


def test_stats_and_mix_bad_input_is_422(client, customer):
    cases = [({"since": "yesterday"}, "query.since"), ({"since": "2024-01-01T00:00:00"}, "query.since"),
             ({"until": "2024-13-01T00:00:00Z"}, "query.until"),
             ({"since": "2024-02-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"}, "query.until")]
    for path in ("/v1/channels/stats", "/v1/feedback/nps"):
        for params, field in cases:
            response = client.get(path, params=params)
            assert response.status_code == 422, (path, params)
            assert response.headers["content-type"].startswith("application/problem+json")
            assert field in [e["field"] for e in response.json()["errors"]]
    for path in ("channels", "feedback", "triggers"):
        assert client.get(f"/v1/customers/{'x' * 65}/{path}").status_code == 422


def test_nps_and_csat_overall_per_channel_and_per_customer(client, customer):
    a, b = customer(), customer()

    def survey(cid: str, channel: str, day: int, **answer: int) -> dict:
        return {"customer_id": cid, "channel": channel, "type": "survey", "payload": answer,
                "occurred_at": f"2024-04-{day:02d}T09:00:00Z"}

    items = [survey(a, "web", 1, nps=3), survey(a, "web", 2, nps=5, csat=2), survey(a, "email", 3, nps=9, csat=5),
             survey(b, "email", 4, nps=10), survey(b, "phone", 5, nps=7, csat=4), survey(b, "phone", 6, csat=3),
             {"customer_id": b, "channel": "web", "type": "visit", "occurred_at": "2024-04-07T09:00:00Z"}]
    assert client.post("/v1/interactions:batch", json={"interactions": items}).status_code == 202

    overview = client.get("/v1/feedback/nps").json()
    assert overview["nps"] == {"responses": 5, "promoters": 2, "passives": 1, "detractors": 2, "nps": 0.0}
    assert overview["csat_responses"] == 4 and overview["csat_average"] == 3.5
    by_channel = {c["channel"]: c for c in overview["channels"]}
    assert set(by_channel) == {"web", "email", "phone"}
    assert by_channel["email"]["nps"] == {"responses": 2, "promoters": 2, "passives": 0, "detractors": 0,
                                          "nps": 100.0}
    assert by_channel["web"]["nps"]["nps"] == -100.0 and by_channel["web"]["csat_average"] == 2.0
    assert by_channel["phone"]["nps"]["responses"] == 1 and by_channel["phone"]["csat_responses"] == 2
    later = client.get("/v1/feedback/nps", params={"since": "2024-04-04T00:00:00Z"}).json()
    assert later["nps"]["responses"] == 2 and later["nps"]["nps"] == 50.0
    assert client.get("/v1/feedback/nps", params={"since": "2030-01-01T00:00:00Z"}).json()["nps"]["nps"] is None

    mine = client.get(f"/v1/customers/{a}/feedback").json()
    assert mine["nps"] == {"latest": 9, "latest_at": "2024-04-03T09:00:00Z", "average": round(17 / 3, 4),
                           "responses": 3, "trend": 5.0, "direction": "up"}
    assert mine["csat"]["latest"] == 5 and mine["csat"]["trend"] == 3.0 and mine["csat"]["direction"] == "up"
    assert [h["channel"] for h in mine["history"]] == ["email", "web", "web"]
    theirs = client.get(f"/v1/customers/{b}/feedback").json()
    assert theirs["nps"]["latest"] == 7 and theirs["nps"]["direction"] == "down"
    assert theirs["csat"]["latest"] == 3 and theirs["csat"]["direction"] == "down"
    nobody = client.get(f"/v1/customers/{customer()}/feedback").json()
    assert nobody["nps"]["latest"] is None and nobody["history"] == []
