"""Triggers and life events: each detector, each occurrence once, announced as TriggerDetected."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from idic.contracts import CustomerUpdated
from idic_devstack.waiting import eventually

TRIGGER = "idic.trigger.detected.v1"


def _kinds(client, cid: str) -> list[str]:
    return sorted(t["kind"] for t in client.get(f"/v1/customers/{cid}/triggers").json()["items"])


def _post(client, *items: dict) -> list[dict]:
    response = client.post("/v1/interactions:batch", json={"interactions": list(items)})
    assert response.status_code == 202, response.text
    return response.json()["results"]


def _scan(client) -> dict:
    """Run the scan job and wait for it; its result (fired per kind, scanned_at)."""
    response = client.post("/v1/triggers:scan", headers={"Prefer": "wait=30"})
    assert response.status_code == 200 and response.json()["status"] == "succeeded", response.text
    return response.json()["result"]  # type: ignore[no-any-return]


def _purchase(cid: str, day: str, amount: str = "20") -> dict:
    return {"customer_id": cid, "channel": "web", "type": "purchase", "amount": amount, "currency": "EUR",
            "occurred_at": f"{day}T12:00:00Z"}


@pytest.fixture
def database_url(pg_url: str) -> str:
    """PostgreSQL only: SQLite is covered by the recording, query and linking tests; the time budget is short."""
    return pg_url


def test_first_and_large_purchase_relative_to_history(client, customer, topic_reader):
    cid = customer()
    first = _post(client, _purchase(cid, "2024-01-10"), _purchase(cid, "2024-01-01"))  # out of order
    assert _kinds(client, cid) == ["first_purchase"]
    [trigger] = client.get(f"/v1/customers/{cid}/triggers").json()["items"]
    assert trigger["trigger_id"] == f"first_purchase:{cid}"
    assert trigger["interaction_id"] == first[1]["interaction_id"]  # the earliest of the batch
    [(_, envelope)] = topic_reader(cid, 1, TRIGGER)
    assert envelope["data"]["kind"] == "first_purchase" and envelope["data"]["trigger_id"] == trigger["trigger_id"]

    _post(client, _purchase(cid, "2024-01-20", "61"))  # 3 earlier purchases needed before "large" means anything
    assert _kinds(client, cid) == ["first_purchase"]
    big = _post(client, _purchase(cid, "2024-02-01", "34"), _purchase(cid, "2024-02-10", "102"))  # mean 33.75
    large = client.get(f"/v1/customers/{cid}/triggers", params={"kind": "large_purchase"}).json()["items"]
    assert [t["interaction_id"] for t in large] == [big[1]["interaction_id"]]
    assert large[0]["details"] == {"amount": "102", "currency": "EUR", "usual_amount": "33.7500", "factor": "3"}


def test_complaints_repeated_complaints_detractor_and_life_events(client, customer):
    cid = customer()

    def complaint(day: int) -> dict:
        return {"customer_id": cid, "channel": "chat", "type": "complaint", "occurred_at": f"2024-03-{day:02d}T08:00:00Z"}

    _post(client, complaint(1), complaint(10))
    assert _kinds(client, cid) == ["complaint", "complaint"]
    _post(client, complaint(20))  # the third within 30 days
    _post(client, complaint(25))  # still the same run: no second "repeated" occurrence
    assert _kinds(client, cid) == ["complaint"] * 4 + ["repeated_complaints"]
    [repeated] = client.get(f"/v1/customers/{cid}/triggers", params={"kind": "repeated_complaints"}).json()["items"]
    assert repeated["details"]["complaints"] == 3

    other = customer()
    _post(client, {"customer_id": other, "channel": "email", "type": "survey", "payload": {"nps": 6}},
          {"customer_id": other, "channel": "email", "type": "survey", "payload": {"nps": 7}},
          {"customer_id": other, "channel": "store", "type": "visit", "payload": {"life_event": "new_baby"}},
          {"customer_id": other, "channel": "store", "type": "visit", "payload": {"life_event": "new_car"}})
    triggers = client.get(f"/v1/customers/{other}/triggers").json()["items"]
    assert sorted((t["kind"], str(t["details"])) for t in triggers) == [
        ("detractor", "{'nps': 6}"), ("life_event", "{'life_event': 'new_baby'}")]


def test_detectors_are_configurable(make_client, customer):
    client = make_client(triggers_enabled=["life_event"], life_events=["new_car"])
    cid = customer()
    _post(client, _purchase(cid, "2024-01-01"),
          {"customer_id": cid, "channel": "chat", "type": "complaint"},
          {"customer_id": cid, "channel": "store", "type": "visit", "payload": {"life_event": "new_car"}},
          {"customer_id": cid, "channel": "store", "type": "visit", "payload": {"life_event": "new_baby"}})
    assert _kinds(client, cid) == ["life_event"]


def test_move_from_identity_fires_once_per_event(client, customer, publish):
    cid = customer()
    update = CustomerUpdated(customer_id=cid, moved=True, changed_attributes=["city"])
    event = publish(update)
    publish(update, event_id=event.id)  # a redelivery: same event, same occurrence
    eventually(lambda: _kinds(client, cid) == ["moved"])
    publish(CustomerUpdated(customer_id=cid, changed_attributes=["first_name"]))  # no move
    publish(update)  # a later move is a new occurrence
    eventually(lambda: _kinds(client, cid) == ["moved", "moved"])
    ids = {t["trigger_id"] for t in client.get(f"/v1/customers/{cid}/triggers").json()["items"]}
    assert f"moved:{event.id}" in ids


def test_scan_finds_lapses_against_the_customers_own_gap_and_upcoming_birthdays(client, customer, publish,
                                                                                  topic_reader):
    lapsed, regular, weekly = customer(), customer(), customer()
    today = dt.datetime.now(dt.UTC).date()
    recent = [(today - dt.timedelta(days=d)).isoformat() for d in (60, 30, 1)]  # usual gap ~30 days: not lapsed
    weekly_days = [(today - dt.timedelta(days=d)).isoformat() for d in (40, 33, 26, 19)]  # gap 7, silent 19 days
    _post(client, *[_purchase(lapsed, d) for d in ("2024-01-01", "2024-01-11", "2024-01-21")],
          *[_purchase(regular, d) for d in recent], *[_purchase(weekly, d) for d in weekly_days])
    soon, later = customer(), customer()
    publish(CustomerUpdated(customer_id=soon, birthday_month_day=(today + dt.timedelta(days=3)).strftime("%m-%d")))
    publish(CustomerUpdated(customer_id=later, birthday_month_day=(today + dt.timedelta(days=30)).strftime("%m-%d")))
    eventually(lambda: client.get(f"/internal/customers/{later}/export").status_code == 200)

    # (birthdays of other tests' customers reach this database too: the topic is shared, so count only ours)
    first = _scan(client)
    assert first["fired"]["lapse"] == 2 and first["fired"]["birthday"] >= 1
    assert _scan(client)["fired"]["lapse"] == 0  # once per occurrence
    [lapse] = client.get(f"/v1/customers/{lapsed}/triggers", params={"kind": "lapse"}).json()["items"]
    assert lapse["details"]["usual_gap_days"] == 10.0 and lapse["occurred_at"] == "2024-02-05T12:00:00Z"
    assert _kinds(client, weekly) == ["first_purchase", "lapse"]
    assert "lapse" not in _kinds(client, regular)
    [birthday] = client.get(f"/v1/customers/{soon}/triggers").json()["items"]
    assert birthday["kind"] == "birthday" and birthday["details"]["days_until"] == 3
    assert _kinds(client, later) == [] and _kinds(client, soon) == ["birthday"]
    assert topic_reader(soon, 1, TRIGGER)[0][1]["data"]["kind"] == "birthday"
    # buying again ends the lapse; lapsing after that purchase is a new occurrence
    _post(client, _purchase(lapsed, "2024-03-01"))
    assert _scan(client)["fired"]["lapse"] == 1


def test_periodic_scan_runs_in_the_background(make_client, customer):
    client = make_client(trigger_scan_interval_s=0.2)
    cid = customer()
    _post(client, *[_purchase(cid, d) for d in ("2024-01-01", "2024-01-08", "2024-01-15")])
    eventually(lambda: "lapse" in _kinds(client, cid))
    assert _kinds(client, cid) == ["first_purchase", "lapse"]


def test_triggers_bad_query_is_422(client, customer):
    for params, field in (({"kind": "earthquake"}, "query.kind"), ({"limit": 0}, "query.limit"),
                          ({"limit": 501}, "query.limit")):
        response = client.get(f"/v1/customers/{customer()}/triggers", params=params)
        assert response.status_code == 422 and field in [e["field"] for e in response.json()["errors"]]
    assert client.post("/v1/triggers:scan", json={"unexpected": uuid.uuid4().hex}).status_code in (202, 409)
    unknown = client.get("/v1/jobs/interaction_" + "0" * 32)
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"


def test_the_scan_is_a_job_one_at_a_time_and_survives_in_the_table(client):
    started = client.post("/v1/triggers:scan")
    assert started.status_code in (200, 202), started.text
    job = started.json()
    assert started.headers["location"] == f"/v1/jobs/{job['job_id']}" and job["kind"] == "triggers_scan"
    assert job["job_id"].startswith("interaction_")
    again = client.post("/v1/triggers:scan")  # while the first is queued or running: 409 naming it
    if again.status_code == 409:
        assert again.json()["job_id"] == job["job_id"]
    done = client.get(f"/v1/jobs/{job['job_id']}")
    assert done.status_code == 200 and done.json()["kind"] == "triggers_scan"
    listed = client.get("/v1/jobs", params={"kind": "triggers_scan"}).json()["jobs"]
    assert job["job_id"] in [j["job_id"] for j in listed]
