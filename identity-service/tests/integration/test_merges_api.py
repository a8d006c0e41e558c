"""Merges, unmerges and the golden record over HTTP, with their events on a real broker."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from .helpers import email, events_for, of_type


def identify(client: TestClient, *identifiers: tuple[str, str], source: str = "web", **attributes: str) -> dict:
    r = client.post("/v1/customers/identify", json={
        "identifiers": [{"type": t, "value": v} for t, v in identifiers], "attributes": attributes, "source": source})
    assert r.status_code == 200, r.text
    return r.json()


def test_manual_merge_then_unmerge_restores_what_the_merged_customer_brought(client: TestClient, kafka) -> None:
    a_mail, b_mail = email("a"), email("b")
    a = identify(client, ("email", a_mail), first_name="Ann", last_name="Lee", city="Leeds")["customer_id"]
    b = identify(client, ("email", b_mail), ("loyalty_card", f"LC-{uuid.uuid4().hex[:8]}"), source="store",
                 first_name="Ann", last_name="Lee-Smith", city="York", date_of_birth="1980-04-05")["customer_id"]

    merged = client.post("/v1/customers/merge", json={"survivor_id": a, "merged_ids": [b]})
    assert merged.status_code == 200, merged.text
    profile = merged.json()
    assert profile["customer_id"] == a and profile["merged_ids"] == [b]
    assert profile["attributes"]["last_name"] == "Lee-Smith"  # most recent wins by default
    assert len(profile["identifiers"]) == 3
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": b_mail}).json() == {"customer_id": a}
    assert client.get(f"/v1/customers/{b}").json()["customer_id"] == a  # a merged id answers the survivor
    again = client.post("/v1/customers/merge", json={"survivor_id": a, "merged_ids": [b]})
    assert again.status_code == 200 and again.json()["merged_ids"] == [b]  # idempotent

    undone = client.post(f"/v1/customers/{a}/unmerge", json={"customer_id": b})
    assert undone.status_code == 200, undone.text
    assert undone.json() == {"customer_id": a, "restored_id": b, "restored_merged_ids": []}
    restored = client.get(f"/v1/customers/{b}").json()
    assert restored["customer_id"] == b and restored["merged_ids"] == []
    assert restored["attributes"] == {"first_name": "Ann", "last_name": "Lee-Smith", "city": "York",
                                      "date_of_birth": "1980-04-05"}
    assert {i["type"] for i in restored["identifiers"]} == {"email", "loyalty_card"}
    survivor = client.get(f"/v1/customers/{a}").json()
    assert survivor["attributes"] == {"first_name": "Ann", "last_name": "Lee", "city": "Leeds"}
    assert [i["value"] for i in survivor["identifiers"]] == [a_mail]
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": b_mail}).json() == {"customer_id": b}
    export = client.get(f"/internal/customers/{a}/export").json()
    assert [(m["merged_id"], m["reason"], m["unmerged_at"] is not None) for m in export["merges"]] == [
        (b, "manual", True)]

    def restored_update(events: list[dict]) -> list[dict]:
        return [e for e in of_type(events, "customer.updated.v1") if e["subject"] == b]

    # a's and b's events travel on different partitions: wait for each of them
    events = events_for(kafka, {a, b}, until=lambda evs: bool(
        of_type(evs, "customer.unmerged.v1") and of_type(evs, "customers.merged.v1") and restored_update(evs)))
    assert of_type(events, "customers.merged.v1")[0]["data"]["merged_ids"] == [b]
    assert of_type(events, "customer.unmerged.v1")[0]["data"]["restored_id"] == b
    assert restored_update(events)[-1]["data"]["birthday_month_day"] == "04-05"


def test_nested_merge_unmerge_brings_the_whole_branch_back(client: TestClient) -> None:
    a, b, c = (identify(client, ("email", email()))["customer_id"] for _ in range(3))
    assert client.post("/v1/customers/merge", json={"survivor_id": b, "merged_ids": [c]}).status_code == 200
    assert client.post("/v1/customers/merge", json={"survivor_id": a, "merged_ids": [b]}).json()["merged_ids"] == \
        sorted([b, c])
    undone = client.post(f"/v1/customers/{a}/unmerge", json={"customer_id": b}).json()
    assert undone["restored_merged_ids"] == [c]
    assert client.get(f"/v1/customers/{c}").json()["customer_id"] == b


def test_identifiers_of_several_customers_merge_them(client: TestClient, kafka) -> None:
    a_mail, phone = email(), f"+1650253{uuid.uuid4().int % 10_000:04d}"
    a = identify(client, ("email", a_mail), first_name="Ann")["customer_id"]
    b = identify(client, ("phone", phone), city="Leeds")["customer_id"]
    both = identify(client, ("email", a_mail), ("phone", phone))
    assert both == {"customer_id": a, "created": False, "matched_by": "identifier", "confidence": 1.0}
    profile = client.get(f"/v1/customers/{a}").json()
    assert profile["merged_ids"] == [b] and profile["attributes"] == {"first_name": "Ann", "city": "Leeds"}
    assert client.get("/v1/customers/lookup", params={"type": "phone", "value": phone}).json()["customer_id"] == a
    events = events_for(kafka, {a}, until=lambda evs: bool(of_type(evs, "customers.merged.v1")))
    merged = of_type(events, "customers.merged.v1")[0]["data"]
    assert merged["merged_ids"] == [b] and merged["confidence"] == 1.0


def test_different_national_ids_never_merge_and_go_to_review(client: TestClient) -> None:
    a_mail, b_mail = email(), email()
    a = identify(client, ("email", a_mail), ("national_id", f"N-{uuid.uuid4().hex[:8]}"))["customer_id"]
    b = identify(client, ("email", b_mail), ("national_id", f"N-{uuid.uuid4().hex[:8]}"))["customer_id"]
    answer = identify(client, ("email", a_mail), ("email", b_mail))
    assert answer["customer_id"] == a and answer["matched_by"] == "identifier"
    assert client.get(f"/v1/customers/{a}").json()["merged_ids"] == []
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": b_mail}).json()["customer_id"] == b
    reviews = client.get("/v1/reviews").json()["reviews"]
    review = next(r for r in reviews if {r["customer_id"], r["candidate_id"]} == {a, b})
    assert review["reason"] == "conflicting_identifiers" and review["status"] == "open"
    refused = client.post("/v1/customers/merge", json={"survivor_id": a, "merged_ids": [b]})
    assert refused.status_code == 409 and "national_id" in refused.json()["detail"]
    assert client.post(f"/v1/reviews/{review['review_id']}:reject").json()["status"] == "rejected"
    assert client.post(f"/v1/reviews/{review['review_id']}:reject").status_code == 409


def test_survivorship_rules_come_from_settings(database_url: str, kafka) -> None:
    from identity_service.config import Settings
    from identity_service.main import create_app

    settings = Settings(database_url=database_url, kafka_bootstrap_servers=kafka.bootstrap_servers, log_json=False,
                        run_workers=False, survivorship={"last_name": "source_priority", "city": "most_frequent"},
                        source_priority=["crm", "store"])
    with TestClient(create_app(settings)) as client:
        mail = email()
        identify(client, ("email", mail), source="crm", last_name="Lee", city="Leeds")
        identify(client, ("email", mail), source="web", last_name="Leigh", city="Leeds")
        customer = identify(client, ("email", mail), source="store", last_name="Lea", city="York")["customer_id"]
        assert client.get(f"/v1/customers/{customer}").json()["attributes"] == {"last_name": "Lee", "city": "Leeds"}


def test_merge_and_unmerge_bad_input(client: TestClient) -> None:
    a = identify(client, ("email", email()))["customer_id"]
    b = identify(client, ("email", email()))["customer_id"]
    unknown = str(uuid.uuid4())
    cases = [({"survivor_id": a}, "body.merged_ids"), ({"survivor_id": a, "merged_ids": []}, "body.merged_ids"),
             ({"survivor_id": a, "merged_ids": [a]}, "body"), ({"merged_ids": [b]}, "body.survivor_id"),
             ({"survivor_id": a, "merged_ids": [b], "why": "x"}, "body.why")]
    for body, field in cases:
        r = client.post("/v1/customers/merge", json=body)
        assert r.status_code == 422 and field in [e["field"] for e in r.json()["errors"]], (body, r.json())
    assert client.post("/v1/customers/merge", json={"survivor_id": a, "merged_ids": [unknown]}).status_code == 404
    assert client.post("/v1/customers/merge", json={"survivor_id": unknown, "merged_ids": [a]}).status_code == 404
    r = client.post(f"/v1/customers/{a}/unmerge", json={})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.customer_id"
    assert client.post(f"/v1/customers/{a}/unmerge", json={"customer_id": b}).status_code == 409
    assert client.post(f"/v1/customers/{unknown}/unmerge", json={"customer_id": b}).status_code == 404
    assert client.post(f"/v1/customers/{a}/unmerge", json={"customer_id": unknown}).status_code == 404
    assert client.get(f"/v1/customers/{a}").json()["merged_ids"] == []
