"""Timeline (pagination, filters), the 360-view summary and channel statistics."""

from __future__ import annotations

import datetime as dt

T0 = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)


def _at(hours: int) -> str:
    return (T0 + dt.timedelta(hours=hours)).isoformat()


def test_timeline_pages_newest_first_with_filters(client, customer):
    cid, other = customer(), customer()
    channels = ["web", "store", "web", "phone", "web", "email", "store", "web"]
    items = [{"customer_id": cid, "channel": ch, "type": "visit" if i % 2 else "call", "occurred_at": _at(i)}
             for i, ch in enumerate(channels)]
    items += [{"customer_id": cid, "channel": "chat", "type": "complaint", "occurred_at": _at(3)} for _ in range(3)]
    items.append({"customer_id": other, "channel": "web", "type": "visit", "occurred_at": _at(100)})
    assert client.post("/v1/interactions:batch", json={"interactions": items}).status_code == 202

    pages, cursor = [], None
    while True:
        params = {"limit": 3} | ({"before": cursor} if cursor else {})
        page = client.get(f"/v1/customers/{cid}/timeline", params=params).json()
        assert page["customer_id"] == cid and len(page["items"]) <= 3
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    seen = [i for page in pages for i in page]
    assert [len(p) for p in pages] == [3, 3, 3, 2]
    assert len({i["interaction_id"] for i in seen}) == 11  # nothing twice, nothing lost (ties at hour 3)
    keys = [(dt.datetime.fromisoformat(i["occurred_at"]), i["interaction_id"]) for i in seen]
    assert keys == sorted(keys, reverse=True)
    assert all(i["customer_id"] == cid for i in seen)

    web = client.get(f"/v1/customers/{cid}/timeline", params={"channel": "web"}).json()["items"]
    assert [i["occurred_at"] for i in web] == [_at(7).replace("+00:00", "Z"), _at(4).replace("+00:00", "Z"),
                                               _at(2).replace("+00:00", "Z"), _at(0).replace("+00:00", "Z")]
    calls = client.get(f"/v1/customers/{cid}/timeline", params={"type": "call", "channel": "web"}).json()
    assert {i["type"] for i in calls["items"]} == {"call"} and len(calls["items"]) == 3  # hours 0, 2, 4
    first = client.get(f"/v1/customers/{cid}/timeline", params={"type": "complaint", "limit": 2}).json()
    rest = client.get(f"/v1/customers/{cid}/timeline",
                      params={"type": "complaint", "limit": 2, "before": first["next_cursor"]}).json()
    assert len(first["items"]) == 2 and len(rest["items"]) == 1 and rest["next_cursor"] is None
    unknown = customer()
    assert client.get(f"/v1/customers/{unknown}/timeline").json() == {
        "customer_id": unknown, "items": [], "next_cursor": None}


def test_timeline_bad_query_is_422_naming_the_field(client, customer):
    cases = [
        ({"limit": 0}, "query.limit"), ({"limit": 201}, "query.limit"), ({"limit": "ten"}, "query.limit"),
        ({"channel": "fax"}, "query.channel"), ({"type": "Not A Type"}, "query.type"),
        ({"before": "not-a-cursor"}, "query.before"), ({"before": ""}, "query.before"),
    ]
    for params, field in cases:
        response = client.get(f"/v1/customers/{customer()}/timeline", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in response.json()["errors"]], params


def test_bad_customer_id_in_path_is_422(client):
    for path in ("/v1/customers/bad%20id/timeline", "/internal/customers/bad%20id/interactions/summary"):
        response = client.get(path)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "path.customer_id"


def test_summary_has_ten_newest_and_the_count(client, customer):
    cid = customer()
    items = [{"customer_id": cid, "channel": "web", "type": "visit", "occurred_at": _at(i)} for i in range(12)]
    ids = [r["interaction_id"] for r in
           client.post("/v1/interactions:batch", json={"interactions": items}).json()["results"]]
    summary = client.get(f"/internal/customers/{cid}/interactions/summary").json()
    assert summary["count"] == 12
    assert [i["interaction_id"] for i in summary["recent"]] == ids[::-1][:10]
    assert client.get(f"/internal/customers/{customer()}/interactions/summary").json() == {"recent": [], "count": 0}


def test_channel_stats_numbers(client, customer):
    a, b, c = customer(), customer(), customer()
    items = [
        {"customer_id": a, "channel": "web", "type": "visit", "cost": "0.10", "occurred_at": _at(0)},
        {"customer_id": a, "channel": "web", "type": "purchase", "amount": "100.00", "currency": "EUR",
         "cost": "0.20", "occurred_at": _at(1)},
        {"customer_id": b, "channel": "web", "type": "purchase", "amount": "50.5", "currency": "EUR",
         "occurred_at": _at(2)},
        {"customer_id": b, "channel": "web", "type": "purchase", "amount": "10", "currency": "USD",
         "occurred_at": _at(3)},
        {"customer_id": c, "channel": "phone", "type": "call", "cost": "4.5", "occurred_at": _at(4)},
        {"customer_id": c, "channel": "phone", "type": "complaint", "cost": "3", "occurred_at": _at(5)},
        {"customer_id": c, "channel": "phone", "type": "call", "cost": "1", "occurred_at": _at(-48)},
        {"customer_id": c, "channel": "mail", "type": "refund", "amount": "-5", "currency": "EUR",
         "occurred_at": _at(-48)},
    ]
    assert client.post("/v1/interactions:batch", json={"interactions": items}).status_code == 202

    stats = client.get("/v1/channels/stats", params={"since": T0.isoformat()}).json()
    assert stats["since"] == "2024-06-01T12:00:00Z"
    assert stats["channels"] == [
        {"channel": "phone", "count": 2, "customers": 1, "total_cost": "7.50", "cost_per_interaction": "3.7500",
         "purchases": 0, "revenue": {}, "conversion_rate": 0.0},
        {"channel": "web", "count": 4, "customers": 2, "total_cost": "0.30", "cost_per_interaction": "0.0750",
         "purchases": 3, "revenue": {"EUR": "150.50", "USD": "10.00"}, "conversion_rate": 0.75},
    ]
    everything = {c["channel"]: c for c in client.get("/v1/channels/stats").json()["channels"]}
    assert everything["phone"]["count"] == 3 and everything["phone"]["total_cost"] == "8.50"
    assert everything["mail"] == {"channel": "mail", "count": 1, "customers": 1, "total_cost": "0.00",
                                  "cost_per_interaction": "0.0000", "purchases": 0, "revenue": {},
                                  "conversion_rate": 0.0}


def test_channel_stats_bad_since_is_422(client):
    for since in ("2024-06-01T12:00:00", "yesterday"):
        response = client.get("/v1/channels/stats", params={"since": since})
        assert response.status_code == 422, since
        assert response.json()["errors"][0]["field"] == "query.since"
