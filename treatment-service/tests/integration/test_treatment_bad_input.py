"""Bad input on every endpoint: 422 problem+json naming the field (404 where the thing is unknown)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from treatment_waits import new_customer_id

PROBLEM = "application/problem+json"
LONG_ID = "x" * 129


def assert_invalid(response, field: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 422 and body["title"] == "Unprocessable Content"
    assert field in [e["field"] for e in body["errors"]], body


@pytest.mark.parametrize(("params", "field"), [
    ({"limit": 0}, "query.limit"),
    ({"limit": 51}, "query.limit"),
    ({"limit": "ten"}, "query.limit"),
    ({"channel": "fax"}, "query.channel"),
])
def test_next_best_actions_bad_query(client: TestClient, params: dict, field: str) -> None:
    assert_invalid(client.get(f"/v1/customers/{new_customer_id()}/next-best-actions", params=params), field)


def test_next_best_actions_bad_customer_id(client: TestClient) -> None:
    assert_invalid(client.get(f"/v1/customers/{LONG_ID}/next-best-actions"), "path.customer_id")
    nul = client.get("/v1/customers/a%00b/next-best-actions")
    assert nul.status_code == 422 and nul.headers["content-type"] == PROBLEM


def test_context_bad_customer_id(client: TestClient) -> None:
    assert_invalid(client.get(f"/internal/customers/{LONG_ID}/context"), "path.customer_id")


@pytest.mark.parametrize(("params", "field"), [({"limit": 0}, "query.limit"), ({"limit": 201}, "query.limit")])
def test_treatments_bad_query(client: TestClient, params: dict, field: str) -> None:
    assert_invalid(client.get(f"/internal/customers/{new_customer_id()}/treatments", params=params), field)
    assert_invalid(client.get(f"/internal/customers/{LONG_ID}/treatments"), "path.customer_id")


@pytest.mark.parametrize(("body", "field"), [
    ({"outcome": "maybe"}, "body.outcome"),
    ({}, "body.outcome"),
    ({"outcome": None}, "body.outcome"),
    ({"outcome": "accepted", "note": "extra"}, "body.note"),
    ([], "body"),
])
def test_outcome_bad_body(client: TestClient, body: object, field: str) -> None:
    assert_invalid(client.post("/v1/treatments/some-treatment/outcome", json=body), field)


def test_outcome_bad_treatment_id_and_non_json(client: TestClient) -> None:
    assert_invalid(client.post(f"/v1/treatments/{'t' * 37}/outcome", json={"outcome": "accepted"}),
                   "path.treatment_id")
    response = client.post("/v1/treatments/t1/outcome", content=b"not json",
                           headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.headers["content-type"] == PROBLEM


def test_outcome_body_too_large(client: TestClient) -> None:
    big = b'{"outcome": "' + b"a" * (6 * 1024 * 1024) + b'"}'
    response = client.post("/v1/treatments/t1/outcome", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM


def test_health(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"database": True, "kafka": True}
