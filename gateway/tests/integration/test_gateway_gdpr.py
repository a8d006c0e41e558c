"""GDPR through the gateway: erase, watch the erasure reach every service, name search."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, READ, SERVICES, Upstreams, down, problem, slow

ERASED = "2026-01-02T03:04:05+00:00"


def erased(service: str, upstreams: Upstreams, customer_id: str = "c1") -> None:
    upstreams.on(service, "GET", f"/internal/erasures/{customer_id}",
                 httpx.Response(200, json={"customer_id": customer_id, "erased_at": ERASED}))


def test_erase_goes_to_identity_and_points_at_its_status(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "DELETE", "/v1/customers/c1", httpx.Response(204))
    response = gateway.delete("/v1/customers/c1", headers=ADMIN)
    assert response.status_code == 202
    assert response.headers["location"] == "/v1/erasures/c1"
    assert gateway.get(response.json()["status_url"], headers=ADMIN).status_code == 200
    assert upstreams.paths("identity")[0] == "DELETE /v1/customers/c1"


def test_erase_of_an_identifier_erases_its_customer(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/v1/customers/lookup", httpx.Response(200, json={"customer_id": "c7"}))
    upstreams.on("identity", "DELETE", "/v1/customers/c7", httpx.Response(202, json={"customer_id": "c7"}))
    response = gateway.delete("/v1/customers/email:a@b.com", headers=ADMIN)
    assert response.status_code == 202 and response.json()["customer_id"] == "c7"


def test_erase_of_an_unknown_customer_is_404(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "DELETE", "/v1/customers/nobody", problem(404, "unknown customer"))
    response = gateway.delete("/v1/customers/nobody", headers=ADMIN)
    assert response.status_code == 404 and "location" not in response.headers


def test_erasure_is_complete_when_every_service_applied_it(gateway: TestClient, upstreams: Upstreams) -> None:
    for service in SERVICES:
        erased(service, upstreams)
    body = gateway.get("/v1/erasures/c1", headers=ADMIN).json()
    assert body["complete"] is True and body["degraded"] == []
    assert set(body["services"]) == set(SERVICES)
    assert all(v is not None and v.startswith("2026-01-02T03:04:05") for v in body["services"].values())


def test_erasure_in_progress_names_who_has_not_yet(gateway: TestClient, upstreams: Upstreams) -> None:
    erased("identity", upstreams)
    erased("interaction", upstreams)
    # scoring and treatment answer 404: not applied yet
    body = gateway.get("/v1/erasures/c1", headers=ADMIN).json()
    assert body["complete"] is False
    assert body["services"]["scoring"] is None and body["services"]["treatment"] is None
    assert body["services"]["identity"] is not None and body["degraded"] == []


@pytest.mark.parametrize("failure", [down, slow(2, httpx.Response(200, json={"erased_at": ERASED})),
                                     httpx.Response(500, text="boom"),
                                     httpx.Response(200, json={"erased_at": "yesterday"}),
                                     httpx.Response(200, json={"erased_at": "2026-01-02T03:04:05"})])
def test_a_service_not_answering_is_unknown_not_complete(gateway: TestClient, upstreams: Upstreams,
                                                         failure: object) -> None:
    for service in ("identity", "interaction", "treatment"):
        erased(service, upstreams)
    upstreams.all("scoring", failure)  # type: ignore[arg-type]
    response = gateway.get("/v1/erasures/c1", headers=ADMIN)
    assert response.status_code == 200
    body = response.json()
    assert body["complete"] is False and body["degraded"] == ["scoring"] and body["services"]["scoring"] is None


@pytest.mark.parametrize("ref", ["email:a@b.com", ".x", "a:b"])
def test_erasure_status_takes_a_customer_id(gateway: TestClient, upstreams: Upstreams, ref: str) -> None:
    response = gateway.get(f"/v1/erasures/{ref}", headers=ADMIN)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "path.customer_id"
    assert all(calls == [] for calls in upstreams.calls.values())


def test_export_is_one_document_of_every_service(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/v1/customers/c1", httpx.Response(200, json={
        "customer_id": "c1", "attributes": {}, "identifiers": [], "merged_ids": [], "consent": {}}))
    upstreams.on("interaction", "GET", "/internal/customers/c1/export", httpx.Response(200, json={"items": [1]}))
    upstreams.on("scoring", "GET", "/internal/customers/c1/export", httpx.Response(200, json={"rfm": {}}))
    response = gateway.get("/v1/customers/c1/export", headers=ADMIN)
    assert response.status_code == 200
    body = response.json()
    assert body["interaction"] == {"items": [1]} and body["scoring"] == {"rfm": {}} and body["treatment"] is None
    assert response.headers["cache-control"] == "no-store"


# ---- name search (identity's GET /internal/customers/search) ----

def test_name_search_returns_ids_and_attributes_only(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/internal/customers/search", httpx.Response(200, json={"results": [
        {"customer_id": "c1", "attributes": {"first_name": "Ann"}, "score": 0.9, "internal": "x"},
        {"no_id": True}]}))
    response = gateway.get("/v1/customers:search?name=Ann%20Lee&limit=5", headers=READ)
    assert response.status_code == 200
    assert response.json() == {"results": [{"customer_id": "c1", "attributes": {"first_name": "Ann"}}]}
    [call] = upstreams.calls["identity"]
    assert dict(call.url.params) == {"name": "Ann Lee", "limit": "5"}


def test_name_search_passes_on_identitys_need_for_a_full_name(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/internal/customers/search", httpx.Response(422, json={
        "type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "internal words"}))
    response = gateway.get("/v1/customers:search?name=Ann", headers=READ)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "query.name"
    assert "internal" not in response.text


def test_name_search_is_501_while_identity_has_none(gateway: TestClient, upstreams: Upstreams) -> None:
    response = gateway.get("/v1/customers:search?name=Ann%20Lee", headers=READ)
    assert response.status_code == 501
    assert "identifier" in response.json()["detail"]


@pytest.mark.parametrize("query", ["", "?name=A", "?name=Ann&limit=0", "?name=" + "x" * 201])
def test_name_search_bad_input(gateway: TestClient, upstreams: Upstreams, query: str) -> None:
    assert gateway.get(f"/v1/customers:search{query}", headers=READ).status_code == 422
    assert upstreams.calls["identity"] == []


def test_name_search_garbage_is_502(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/internal/customers/search", httpx.Response(200, json={"results": "x"}))
    assert gateway.get("/v1/customers:search?name=Ann%20Lee", headers=READ).status_code == 502
