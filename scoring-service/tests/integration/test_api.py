"""HTTP edge: unknown customers, bad ids, health, and the problem+json shape of every error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

ENDPOINTS = ["/v1/customers/{id}/value", "/internal/customers/{id}/features"]


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.mark.parametrize("path", ENDPOINTS)
def test_unknown_customer_is_404(client: TestClient, path: str, cid: Callable[..., str]) -> None:
    body = assert_problem(client.get(path.format(id=cid("nobody"))), 404)
    assert "nobody" in body["detail"]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("bad_id", ["x" * 256, "has%20space", "tab%09id", "del%7Fid", "new%0Aline"])
def test_bad_customer_id_is_422_naming_the_field(client: TestClient, path: str, bad_id: str) -> None:
    body = assert_problem(client.get(path.format(id=bad_id)), 422)
    assert [e["field"] for e in body["errors"]] == ["path.customer_id"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_nul_in_the_id_is_422_not_a_database_error(client: TestClient, path: str) -> None:
    assert_problem(client.get(path.format(id="nul%00id")), 422)  # idic's edge guard answers before routing


@pytest.mark.parametrize("path", ENDPOINTS)
def test_only_get_is_allowed(client: TestClient, path: str) -> None:
    assert_problem(client.post(path.format(id="someone"), json={}), 405)


def test_longest_valid_id_is_accepted_as_an_id(client: TestClient) -> None:
    assert_problem(client.get("/v1/customers/" + "x" * 255 + "/value"), 404)


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text


def test_openapi_documents_the_value_object(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert set(schemas["CustomerValue"]["properties"]) >= {"rfm", "clv", "tier", "segments", "churn_risk", "scored_at"}
    assert set(schemas["Rfm"]["properties"]) >= {"recency_days", "frequency", "monetary", "r", "f", "m", "segment"}
    assert set(schemas["Clv"]["properties"]) == {"p_alive", "expected_purchases_90d", "expected_avg_order_value",
                                                 "clv_12m", "status"}
