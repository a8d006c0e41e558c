"""identity-service over HTTP, on SQLite and PostgreSQL, with a real Kafka broker."""

from __future__ import annotations

import uuid

from cloudevents.core.bindings.kafka import KafkaMessage, from_kafka
from cloudevents.core.formats.json import JSONFormat
from fastapi.testclient import TestClient

from .helpers import messages_for


def email() -> str:
    return f"Ann.{uuid.uuid4().hex[:8]}@Example.com"


def test_same_identifier_in_any_spelling_finds_the_same_customer(client: TestClient) -> None:
    address = email()
    first = client.post("/v1/customers/identify", json={
        "identifiers": [{"type": "email", "value": address}, {"type": "phone", "value": "+1 650 253 0000"}],
        "attributes": {"first_name": "Ann"}, "source": "web"})
    assert first.status_code == 200
    body = first.json()
    assert body["created"] is True and body["matched_by"] == "new"
    again = client.post("/v1/customers/identify", json={"identifiers": [{"type": "email", "value": address.upper()}]})
    assert again.json() == {"customer_id": body["customer_id"], "created": False, "matched_by": "identifier",
                            "confidence": 1.0}
    found = client.get("/v1/customers/lookup", params={"type": "phone", "value": "(650) 253-0000"})
    assert found.json() == {"customer_id": body["customer_id"]}
    profile = client.get(f"/v1/customers/{body['customer_id']}").json()
    assert profile["attributes"] == {"first_name": "Ann"}
    assert {(i["type"], i["value"]) for i in profile["identifiers"]} == {
        ("email", address.lower()), ("phone", "+16502530000")}
    assert profile["merged_ids"] == []


def test_identified_event_reaches_kafka_without_personal_data(client: TestClient, kafka) -> None:
    address = email()
    customer_id = client.post("/v1/customers/identify", json={"identifiers": [{"type": "email", "value": address}]},
                              headers={"x-request-id": "req-42"}).json()["customer_id"]
    [message, *_] = messages_for(kafka, {customer_id}, until=bool)
    event = from_kafka(KafkaMessage(headers=dict(message.headers), key=message.key, value=message.value), JSONFormat())
    assert event.get_type() == "idic.customer.identified.v1" and event.get_subject() == customer_id
    assert event.get_attributes()["requestid"] == "req-42"
    assert address.lower() not in message.value.decode() and address not in message.value.decode()


def test_batch_answers_in_order_and_matches_within_the_batch(client: TestClient) -> None:
    a, b = email(), email()
    response = client.post("/v1/customers/identify:batch", json={"records": [
        {"identifiers": [{"type": "email", "value": a}]},
        {"identifiers": [{"type": "email", "value": b}]},
        {"identifiers": [{"type": "email", "value": a.lower()}]},
    ]})
    results = response.json()["results"]
    assert [r["created"] for r in results] == [True, True, False]
    assert results[0]["customer_id"] == results[2]["customer_id"] != results[1]["customer_id"]


def test_a_batch_refuses_bad_records_in_their_place_and_identifies_the_rest(client: TestClient) -> None:
    good, written_compactly = email(), email()
    r = client.post("/v1/customers/identify:batch", json={"records": [
        {"identifiers": [{"type": "email", "value": good}]},
        {"identifiers": [{"type": "phone", "value": "not a phone"}]},
        {"identifiers": [{"type": "email", "value": written_compactly}],
         "attributes": {"first_name": "Zelda", "date_of_birth": "19560909"}},
        {"identifiers": [{"type": "email", "value": email()}], "attributes": {"date_of_birth": "09/09/1956"}},
        "not a record",
        {"attributes": {"first_name": "  "}},
    ]})
    assert r.status_code == 200, r.text
    body = r.json()
    results = body["results"]
    assert body["errors"] == 4 and len(results) == 6
    assert results[0]["created"] and results[2]["created"]
    refused = {i: results[i]["error"] for i in (1, 3, 4, 5)}
    assert all(p["status"] == 422 and p["title"] == "Unprocessable Content" for p in refused.values())
    assert [e["field"] for e in refused[1]["errors"]] == ["body.records.1.identifiers.0.value"]
    assert [e["field"] for e in refused[3]["errors"]] == ["body.records.3.attributes.date_of_birth"]
    assert [e["field"] for e in refused[4]["errors"]] == ["body.records.4"]
    assert [e["field"] for e in refused[5]["errors"]] == ["body.records.5.identifiers"]
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": good}).status_code == 200
    # YYYYMMDD is kept in its ISO form, so it compares with the dates other sources send
    profile = client.get(f"/v1/customers/{results[2]['customer_id']}").json()
    assert profile["attributes"]["date_of_birth"] == "1956-09-09"
    # only records are refused in place: a batch that does not parse is still refused whole
    assert client.post("/v1/customers/identify:batch", json={"records": "nope"}).status_code == 422


def test_bad_input_is_422_naming_the_field_and_writes_nothing(client: TestClient) -> None:
    cases = [
        ({"identifiers": [{"type": "fax", "value": "1"}]}, "body.identifiers.0.type"),
        ({"identifiers": [{"type": "email", "value": ""}]}, "body.identifiers.0.value"),
        ({"identifiers": [{"type": "email", "value": "x@y.z"}], "attributes": {"shoe_size": "9"}},
         "body.attributes.shoe_size"),
        ({"identifiers": [{"type": "email", "value": "x@y.z"}], "attributes": {"date_of_birth": "12/01/1980"}},
         "body.attributes.date_of_birth"),
        ({"identifiers": "nope"}, "body.identifiers"),
    ]
    for body, field in cases:
        r = client.post("/v1/customers/identify", json=body)
        assert r.status_code == 422, body
        assert field in [e["field"] for e in r.json()["errors"]], (body, r.json())
    assert client.post("/v1/customers/identify:batch", json={"records": []}).status_code == 422
    r = client.get("/v1/customers/lookup", params={"type": "email"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "query.value"
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": "nope"}).status_code == 422


def test_unknown_customer_is_404_problem(client: TestClient) -> None:
    r = client.get(f"/v1/customers/{uuid.uuid4()}")
    assert r.status_code == 404 and r.json()["title"] == "Not Found"
    assert client.get("/v1/customers/lookup", params={"type": "email", "value": email()}).status_code == 404


def test_health_ready_and_metrics(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"database": True, "kafka": True}
    assert "idic_http_requests_total" in client.get("/metrics").text
