"""Interactions naming identifiers nobody holds yet are identified on the way in: identity is
asked first (one call, also for a batch) and interaction-service gets the customer id."""

from __future__ import annotations

import json

import httpx
from fastapi.testclient import TestClient
from gateway_fakes import WRITE, Upstreams, problem

COOKIE = [{"type": "cookie", "value": "ck-1"}]


def _accepting(upstreams: Upstreams, path: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        items = body["interactions"] if "interactions" in body else [body]
        results = [{"interaction_id": f"i{n}", "customer_id": item["customer_id"], "status": "recorded"}
                   for n, item in enumerate(items)]
        return httpx.Response(202, json={"results": results} if "interactions" in body else results[0])
    upstreams.on("interaction", "POST", path, answer)


def test_an_unknown_identifier_gets_a_customer_before_the_interaction_is_recorded(
        gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "POST", "/v1/customers/identify", httpx.Response(200, json={
        "customer_id": "anon-7", "created": True, "matched_by": "new", "confidence": 1.0}))
    _accepting(upstreams, "/v1/interactions")
    response = gateway.post("/v1/interactions", headers=WRITE,
                            json={"identifiers": COOKIE, "channel": "web", "type": "visit"})
    assert response.status_code == 202, response.text
    assert response.json() == {"interaction_id": "i0", "customer_id": "anon-7", "status": "recorded"}
    sent_to_identity = json.loads(upstreams.calls["identity"][0].content)
    assert sent_to_identity == {"identifiers": COOKIE, "source": "web"}
    assert json.loads(upstreams.calls["interaction"][0].content)["customer_id"] == "anon-7"


def test_an_interaction_with_a_customer_id_does_not_ask_identity(gateway: TestClient, upstreams: Upstreams) -> None:
    _accepting(upstreams, "/v1/interactions")
    response = gateway.post("/v1/interactions", headers=WRITE, json={"customer_id": "c1", "channel": "web",
                                                                     "type": "visit"})
    assert response.status_code == 202 and response.json()["customer_id"] == "c1"
    assert upstreams.calls["identity"] == []


def test_a_batch_identifies_only_what_names_identifiers_in_one_call_in_order(
        gateway: TestClient, upstreams: Upstreams) -> None:
    def identify_batch(request: httpx.Request) -> httpx.Response:
        records = json.loads(request.content)["records"]
        return httpx.Response(200, json={"results": [
            {"customer_id": f"new-{r['identifiers'][0]['value']}", "created": True, "matched_by": "new",
             "confidence": 1.0} for r in records]})
    upstreams.on("identity", "POST", "/v1/customers/identify:batch", identify_batch)
    _accepting(upstreams, "/v1/interactions:batch")
    batch = [{"identifiers": [{"type": "email", "value": "a@x.com"}], "channel": "web", "type": "visit"},
             {"customer_id": "c1", "channel": "store", "type": "visit"},
             {"identifiers": [{"type": "device", "value": "d-9"}], "channel": "mobile_app", "type": "visit"}]
    response = gateway.post("/v1/interactions:batch", headers=WRITE, json={"interactions": batch})
    assert response.status_code == 202, response.text
    assert [r["customer_id"] for r in response.json()["results"]] == ["new-a@x.com", "c1", "new-d-9"]
    assert len(upstreams.calls["identity"]) == 1
    assert [r["source"] for r in json.loads(upstreams.calls["identity"][0].content)["records"]] == [
        "web", "mobile_app"]


def test_identity_refusing_an_identifier_names_its_place_in_the_batch(gateway: TestClient,
                                                                      upstreams: Upstreams) -> None:
    refusal = problem(422, "invalid request: body.records.1.identifiers.0.value (not a phone number)")
    refusal_body = {**json.loads(refusal.content), "errors": [
        {"field": "body.records.1.identifiers.0.value", "message": "not a phone number"}]}
    upstreams.on("identity", "POST", "/v1/customers/identify:batch", httpx.Response(422, json=refusal_body))
    batch = [{"identifiers": COOKIE, "channel": "web", "type": "visit"},
             {"customer_id": "c1", "channel": "web", "type": "visit"},
             {"identifiers": [{"type": "phone", "value": "12"}], "channel": "phone", "type": "call"}]
    response = gateway.post("/v1/interactions:batch", headers=WRITE, json={"interactions": batch})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [{"field": "body.interactions.2.identifiers.0.value",
                                          "message": "not a phone number"}]
    assert "body.interactions.2" in response.json()["detail"]
    assert upstreams.calls["interaction"] == []  # nothing recorded when the batch is refused


def test_identity_down_fails_the_write_instead_of_storing_it_unlinked(gateway: TestClient,
                                                                      upstreams: Upstreams) -> None:
    upstreams.all("identity", httpx.Response(503))
    response = gateway.post("/v1/interactions", headers=WRITE,
                            json={"identifiers": COOKIE, "channel": "web", "type": "visit"})
    assert response.status_code in (502, 503), response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert upstreams.calls["interaction"] == []


def test_a_record_identity_refuses_in_its_place_refuses_the_interactions_batch_naming_it(
        gateway: TestClient, upstreams: Upstreams) -> None:
    # identity's batch answers 200 with each refused record's error in its place; an interactions batch is
    # recorded whole or not at all, so the caller gets a 422 naming the interaction, and nothing is recorded
    refusal = {"error": {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
                         "detail": "body.records.1.identifiers.0.value: not a phone number",
                         "errors": [{"field": "body.records.1.identifiers.0.value", "message": "not a phone number"}]}}
    upstreams.on("identity", "POST", "/v1/customers/identify:batch", httpx.Response(200, json={
        "results": [{"customer_id": "new-1", "created": True, "matched_by": "new", "confidence": 1.0}, refusal],
        "errors": 1}))
    _accepting(upstreams, "/v1/interactions:batch")
    batch = [{"identifiers": COOKIE, "channel": "web", "type": "visit"},
             {"customer_id": "c1", "channel": "web", "type": "visit"},
             {"identifiers": [{"type": "phone", "value": "12"}], "channel": "phone", "type": "call"}]
    response = gateway.post("/v1/interactions:batch", headers=WRITE, json={"interactions": batch})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [{"field": "body.interactions.2.identifiers.0.value",
                                          "message": "not a phone number"}]
    assert upstreams.calls["interaction"] == []
