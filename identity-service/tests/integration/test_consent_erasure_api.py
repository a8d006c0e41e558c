"""Consent, life-event facts, erasure and the GDPR internal endpoints over HTTP."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from .helpers import email, events_for, of_type
from .test_merges_api import identify


def test_consent_is_stored_shown_and_published_whole(client: TestClient, kafka) -> None:
    customer = identify(client, ("email", email()))["customer_id"]
    r = client.put(f"/v1/customers/{customer}/consent", json={"email": True, "sms": False, "profiling": True})
    assert r.status_code == 200 and r.json() == {"customer_id": customer,
                                                 "consent": {"email": True, "sms": False, "profiling": True}}
    r = client.put(f"/v1/customers/{customer}/consent", json={"sms": True})
    assert r.json()["consent"] == {"email": True, "sms": True, "profiling": True}
    assert client.get(f"/v1/customers/{customer}").json()["consent"] == {"email": True, "sms": True, "profiling": True}
    events = events_for(kafka, {customer}, until=lambda evs: len(
        [e for e in of_type(evs, "customer.updated.v1") if e["data"].get("consent")]) >= 2)
    consents = [e["data"]["consent"] for e in of_type(events, "customer.updated.v1") if e["data"].get("consent")]
    assert consents == [{"email": True, "sms": False, "profiling": True},
                        {"email": True, "sms": True, "profiling": True}]


def test_do_not_contact_is_consent_like_any_other_key(client: TestClient, kafka) -> None:
    customer = identify(client, ("email", email()))["customer_id"]
    r = client.put(f"/v1/customers/{customer}/consent", json={"do_not_contact": True})
    assert r.status_code == 200 and r.json()["consent"] == {"do_not_contact": True}
    events = events_for(kafka, {customer}, until=lambda evs: any(
        e["data"].get("consent") for e in of_type(evs, "customer.updated.v1")))
    assert [e["data"]["consent"] for e in of_type(events, "customer.updated.v1")
            if e["data"].get("consent")] == [{"do_not_contact": True}]
    bad = client.put(f"/v1/customers/{customer}/consent", json={"do_not_contact": "yes"})
    assert bad.status_code == 422 and "body.do_not_contact" in [e["field"] for e in bad.json()["errors"]]


def test_move_and_birthday_are_published_as_facts(client: TestClient, kafka) -> None:
    mail = email()
    customer = identify(client, ("email", mail), city="Leeds", postcode="LS1 4AP")["customer_id"]
    identify(client, ("email", mail), date_of_birth="1980-12-24")
    identify(client, ("email", mail), city="York", postcode="YO1 7HH")
    events = events_for(kafka, {customer}, until=lambda evs: len(of_type(evs, "customer.updated.v1")) >= 2)
    updates = [e["data"] for e in of_type(events, "customer.updated.v1")]
    assert updates[0]["birthday_month_day"] == "12-24" and updates[0]["moved"] is False
    assert updates[1]["moved"] is True and updates[1]["changed_attributes"] == ["city", "postcode"]
    assert "York" not in str(updates) and "1980" not in str(updates)


def test_consent_bad_input(client: TestClient) -> None:
    customer = identify(client, ("email", email()))["customer_id"]
    for body, field in [({}, "body"), ({"email": "yes"}, "body.email"), ({"fax": True}, "body.fax"),
                        ({"email": 1}, "body.email")]:
        r = client.put(f"/v1/customers/{customer}/consent", json=body)
        assert r.status_code == 422 and field in [e["field"] for e in r.json()["errors"]], (body, r.json())
    assert client.put(f"/v1/customers/{uuid.uuid4()}/consent", json={"email": True}).status_code == 404
    assert client.get(f"/v1/customers/{customer}").json()["consent"] == {}


def test_erasure_removes_personal_data_and_the_person_can_come_back_new(client: TestClient, kafka) -> None:
    mail, card = email(), f"LC-{uuid.uuid4().hex[:8]}"
    a = identify(client, ("email", mail), first_name="Ann", last_name="Lee", date_of_birth="1980-04-05")["customer_id"]
    b = identify(client, ("loyalty_card", card), first_name="Ann")["customer_id"]
    client.post("/v1/customers/merge", json={"survivor_id": a, "merged_ids": [b]})
    client.put(f"/v1/customers/{a}/consent", json={"email": True})
    assert client.get(f"/internal/erasures/{a}").status_code == 404
    assert client.get(f"/internal/customers/{a}/export").json()["profile"]["attributes"]["first_name"] == "Ann"

    r = client.delete(f"/v1/customers/{b}", headers={"x-request-id": "erase-1"})  # a merged id erases the person
    assert r.status_code == 200 and r.json()["customer_id"] == a
    for customer in (a, b):
        assert client.get(f"/v1/customers/{customer}").status_code == 404
        assert client.get(f"/internal/customers/{customer}/export").status_code == 404
        assert client.get(f"/internal/erasures/{customer}").json()["customer_id"] == customer
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": mail}).status_code == 404
    assert client.delete(f"/v1/customers/{a}").status_code == 404

    again = identify(client, ("email", mail), ("loyalty_card", card), first_name="Ann", last_name="Lee",
                     date_of_birth="1980-04-05")
    assert again["created"] is True and again["customer_id"] not in (a, b)
    events = events_for(kafka, {a}, until=lambda evs: bool(of_type(evs, "customer.erased.v1")))
    erased = of_type(events, "customer.erased.v1")[0]
    assert erased["data"]["customer_id"] == a and erased["data"]["request_id"] == "erase-1"


def test_gdpr_endpoints_answer_404_for_unknown_ids(client: TestClient) -> None:
    unknown = str(uuid.uuid4())
    for path in (f"/internal/customers/{unknown}/export", f"/internal/erasures/{unknown}"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert client.delete(f"/v1/customers/{unknown}").status_code == 404
