"""POST /v1/interactions and :batch: storage, events on idic.interaction, idempotency, atomicity."""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from idic import CloudEvent, utcnow
from idic.contracts import CustomerErased, TreatmentDelivered
from interaction_service.service_layer.handlers import identity_events_first

PURCHASE = {"channel": "web", "type": "purchase", "amount": "19.90", "currency": "EUR", "cost": "0.25",
            "occurred_at": "2024-03-01T10:00:00+01:00",
            "payload": {"nps": 9, "csat": 4, "treatment_id": "t-1", "life_event": "moved_house", "sku": "A-1",
                        "category": "garden"}}


def test_recorded_interaction_is_stored_and_announced_as_cloudevent(client, customer, topic_reader):
    cid = customer()
    response = client.post("/v1/interactions", json={"customer_id": cid, **PURCHASE})
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["customer_id"] == cid and body["interaction_id"]

    [item] = client.get(f"/v1/customers/{cid}/timeline").json()["items"]
    assert item == {
        "interaction_id": body["interaction_id"], "customer_id": cid, "id": None, "channel": "web",
        "type": "purchase", "direction": "inbound", "occurred_at": "2024-03-01T09:00:00Z",
        "recorded_at": item["recorded_at"], "amount": "19.90", "currency": "EUR", "cost": "0.25",
        "payload": PURCHASE["payload"], "treatment_id": "t-1", "actor": None,
    }

    [(record, envelope)] = topic_reader(cid, 1)
    assert record.key == cid.encode()
    assert ("content-type", b"application/cloudevents+json") in record.headers
    assert envelope["specversion"] == "1.0" and envelope["type"] == "idic.interaction.recorded.v1"
    assert envelope["subject"] == cid and envelope["source"] == "/interaction-service"
    data = envelope["data"]
    assert data["interaction_id"] == body["interaction_id"] and data["customer_id"] == cid
    assert (data["channel"], data["type"], data["direction"]) == ("web", "purchase", "inbound")
    assert dt.datetime.fromisoformat(data["occurred_at"]) == dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
    assert (data["amount"], data["currency"], data["cost"]) == ("19.90", "EUR", "0.25")
    assert (data["nps"], data["csat"], data["treatment_id"], data["life_event"]) == (9, 4, "t-1", "moved_house")
    assert data["category"] == "garden"  # scoring's needs segments read it
    assert data["actor"] is None  # nobody named


def test_who_recorded_an_interaction_is_kept_and_shown(client, customer, topic_reader):
    """The gateway names the caller in X-Actor (its API key's actor name, or a digest of the key): each
    interaction keeps it, one by one and in batches, the timeline shows it and its event carries it;
    without it, null."""
    cid = customer()
    note = {"customer_id": cid, "channel": "phone", "type": "note", "payload": {"note": "prefers calls after 6"}}
    assert client.post("/v1/interactions", json=note, headers={"X-Actor": "agent.anna"}).status_code == 202
    batch = {"interactions": [{**note, "payload": {"note": "called back"}}, {**note, "type": "call"}]}
    assert client.post("/v1/interactions:batch", json=batch,
                       headers={"X-Actor": "key:" + "f" * 200}).status_code == 202  # cut to the column's width
    assert client.post("/v1/interactions", json={**note, "type": "visit"}).status_code == 202
    items = client.get(f"/v1/customers/{cid}/timeline").json()["items"]
    actors = {(i["type"], i["payload"].get("note")): i["actor"] for i in items}
    assert actors == {("note", "prefers calls after 6"): "agent.anna", ("note", "called back"): "key:" + "f" * 124,
                      ("call", "prefers calls after 6"): "key:" + "f" * 124, ("visit", "prefers calls after 6"): None}
    announced = {(e["data"]["type"], e["data"]["interaction_id"]): e["data"]["actor"] for _, e in topic_reader(cid, 4)}
    assert announced == {(i["type"], i["interaction_id"]): i["actor"] for i in items}


def test_occurred_at_defaults_to_now(client, customer):
    cid = customer()
    before = dt.datetime.now(dt.UTC)
    assert client.post("/v1/interactions", json={"customer_id": cid, "channel": "phone", "type": "call",
                                                 "direction": "outbound"}).status_code == 202
    [item] = client.get(f"/v1/customers/{cid}/timeline").json()["items"]
    occurred = dt.datetime.fromisoformat(item["occurred_at"])
    assert before <= occurred <= dt.datetime.now(dt.UTC)
    assert item["direction"] == "outbound" and item["amount"] is None and item["payload"] == {}


def test_retry_with_same_idempotency_key_records_once(client, customer, topic_reader):
    cid = customer()
    request = {"id": f"order-{cid}", "customer_id": cid, **PURCHASE}
    first = client.post("/v1/interactions", json=request)
    second = client.post("/v1/interactions", json=request)
    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    summary = client.get(f"/internal/customers/{cid}/interactions/summary").json()
    assert summary["count"] == 1 and summary["recent"][0]["id"] == request["id"]
    # a later interaction of the same customer lands behind any duplicate on the same partition
    marker = client.post("/v1/interactions", json={"customer_id": cid, "channel": "web", "type": "visit"}).json()
    events = topic_reader(cid, 2)
    ids = [e["data"]["interaction_id"] for _, e in events]
    assert ids == [first.json()["interaction_id"], marker["interaction_id"]]


def test_batch_answers_in_order_and_records_duplicate_keys_once(client, customer):
    a, b = customer(), customer()
    items = [
        {"customer_id": a, "channel": "store", "type": "visit", "occurred_at": "2024-01-01T00:00:00Z"},
        {"customer_id": b, "channel": "email", "type": "email_open", "direction": "outbound"},
        {"id": f"k-{a}", "customer_id": a, **PURCHASE},
        {"id": f"k-{a}", "customer_id": a, **PURCHASE},
        {"customer_id": a, "channel": "chat", "type": "complaint", "occurred_at": "2024-02-01T00:00:00Z"},
    ]
    response = client.post("/v1/interactions:batch", json={"interactions": items})
    assert response.status_code == 202, response.text
    results = response.json()["results"]
    assert [r["customer_id"] for r in results] == [a, b, a, a, a]
    assert results[2] == results[3]
    assert len({r["interaction_id"] for r in results}) == 4
    timeline = client.get(f"/v1/customers/{a}/timeline").json()["items"]
    by_id = {i["interaction_id"]: i for i in timeline}
    assert len(timeline) == 3
    assert by_id[results[0]["interaction_id"]]["type"] == "visit"
    assert by_id[results[2]["interaction_id"]]["type"] == "purchase"
    assert by_id[results[4]["interaction_id"]]["type"] == "complaint"
    # a retried batch answers the same ids for the keyed item and records nothing twice for it
    again = client.post("/v1/interactions:batch", json={"interactions": [items[2]]}).json()["results"]
    assert again == [results[2]]


def test_batch_with_one_bad_item_writes_nothing(client, customer):
    cid = customer()
    items = [{"customer_id": cid, "channel": "web", "type": "visit"} for _ in range(3)]
    items[2] = {"customer_id": cid, "channel": "web", "type": "purchase", "currency": "EUR"}
    items.append({"customer_id": cid, "channel": "web", "type": "visit",
                  "occurred_at": (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).isoformat()})
    response = client.post("/v1/interactions:batch", json={"interactions": items})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == ["body.interactions.2.amount"]
    # the future time is found in the second pass, still before anything is written
    items[2]["amount"] = "5"
    response = client.post("/v1/interactions:batch", json={"interactions": items})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.interactions.3.occurred_at"]
    assert client.get(f"/internal/customers/{cid}/interactions/summary").json() == {"recent": [], "count": 0}


def test_batch_of_ten_thousand_is_one_fast_transaction(client, customer, topic_reader):
    cids = [customer() for _ in range(100)]
    items = [{"customer_id": cids[i % 100], "channel": "web", "type": "purchase", "amount": f"{i}.5",
              "currency": "USD", "occurred_at": f"2024-01-01T00:{i % 60:02d}:00Z"} for i in range(10_000)]
    started = time.perf_counter()
    response = client.post("/v1/interactions:batch", json={"interactions": items})
    elapsed = time.perf_counter() - started
    assert response.status_code == 202, response.text
    assert len(response.json()["results"]) == 10_000
    assert elapsed < 10, f"10,000 interactions took {elapsed:.1f} s"
    assert client.get(f"/internal/customers/{cids[7]}/interactions/summary").json()["count"] == 100
    assert len(topic_reader(cids[-1], 100)) == 100  # every event reached Kafka via the outbox


def test_bad_single_input_is_422_naming_the_field(client, customer):
    cid = customer()
    cases = [
        ({"customer_id": cid, "channel": "fax", "type": "visit"}, "body.channel"),
        ({"channel": "web", "type": "visit"}, "body.customer_id"),
        ({"identifiers": [{"type": "phone", "value": "not a phone"}], "channel": "web", "type": "visit"},
         "body.identifiers.0.value"),
        ({"identifiers": [], "channel": "web", "type": "visit"}, "body.identifiers"),
        ({"customer_id": cid, "channel": "web", "type": "purchase", "amount": "5"}, "body.currency"),
        ({"customer_id": cid, "channel": "web", "type": "purchase"}, "body.amount"),
        ({"customer_id": cid, "channel": "web", "type": "purchase", "amount": "1", "currency": "euro"},
         "body.currency"),
        ({"customer_id": cid, "channel": "web", "type": "survey", "payload": {"nps": 11}}, "body.payload.nps"),
        ({"customer_id": cid, "channel": "web", "type": "survey", "payload": {"csat": 0}}, "body.payload.csat"),
        ({"customer_id": cid, "channel": "web", "type": "visit", "occurred_at": "2024-01-01T00:00:00"},
         "body.occurred_at"),
        ({"customer_id": cid, "channel": "web", "type": "visit", "occurred_at": "2999-01-01T00:00:00Z"},
         "body.occurred_at"),
        ({"customer_id": cid, "channel": "web", "type": "visit", "extra": 1}, "body.extra"),
    ]
    for body, field in cases:
        response = client.post("/v1/interactions", json=body)
        assert response.status_code == 422, body
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert field in [e["field"] for e in problem["errors"]], problem
        assert field in problem["detail"]
    missing = client.post("/v1/interactions", json=cases[1][0]).json()
    assert "customer_id or identifiers is required" in missing["errors"][0]["message"]
    too_many = [{"customer_id": cid, "channel": "web", "type": "visit"}] * 10_001
    response = client.post("/v1/interactions:batch", json={"interactions": too_many})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "body.interactions"
    assert client.post("/v1/interactions:batch", json={"interactions": []}).json()["errors"][0]["field"] == \
        "body.interactions"
    assert client.post("/v1/interactions", content=b"{not json",
                       headers={"content-type": "application/json"}).status_code == 422
    assert client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"] == 0


def test_concurrent_retries_with_one_key_record_once(client, customer):
    cid = customer()
    request = {"id": f"race-{cid}", "customer_id": cid, "channel": "web", "type": "visit"}
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: client.post("/v1/interactions", json=request), range(16)))
    assert {a.status_code for a in answers} == {202}
    assert len({a.json()["interaction_id"] for a in answers}) == 1
    assert client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"] == 1


def test_a_batch_of_treatment_events_does_not_hold_recording_requests_back(client, customer, settings):
    """PostgreSQL (SQLite has one writer anyway): a consumer batch of treatment events takes the identity-events
    lock shared, so a recording request goes through while the batch is open; a batch with an identity event
    takes it exclusive, and the request waits for that batch to commit."""
    if not settings.database_url.startswith("postgresql"):
        pytest.skip("the identity-events lock exists on PostgreSQL only")
    runtime = client.app.state.runtime
    treatment_only = [(CloudEvent.wrap(TreatmentDelivered(
        treatment_id="t-1", customer_id="c-x", action_id="a", kind="offer", channel="email", rule_id="r",
        via="api", delivered_at=utcnow()), source="/test"), None)]
    identity = [(CloudEvent.wrap(CustomerErased(customer_id="c-y", erased_at=utcnow()), source="/test"), None)]
    for batch, waits in ((treatment_only, False), (identity, True)):
        cid = customer()
        with runtime.uow() as uow, ThreadPoolExecutor(1) as pool:
            identity_events_first(uow, batch)  # what the consumer does first with a polled batch
            answer = pool.submit(client.post, "/v1/interactions", json={"customer_id": cid, "channel": "web",
                                                                        "type": "visit"})
            time.sleep(1.0)
            assert answer.done() is not waits, "treatment events held the request back" if not waits else \
                "an identity event let the request through"
            uow.rollback()
        assert answer.result(timeout=30).status_code == 202
