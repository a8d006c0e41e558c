"""API keys: 401 without a valid one, 403 without the scope; operations are open."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, READ, SERVICES, WRITE, Upstreams, make_settings

from gateway.config import DEV_ACTOR, DEV_KEY, Settings
from gateway.main import create_app

BODY = {"identifiers": [{"type": "email", "value": "a@b.com"}]}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Basic YTpi"}, {"Authorization": "Bearer"}])
def test_no_key_is_401_with_a_challenge(gateway: TestClient, upstreams: Upstreams, headers: dict[str, str]) -> None:
    response = gateway.get("/v1/customers/c1", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401
    assert all(calls == [] for calls in upstreams.calls.values())


@pytest.mark.parametrize("headers", [{"X-API-Key": "nope"}, {"Authorization": "Bearer reader2"},
                                     {"Authorization": "Bearer READER"}])
def test_unknown_key_is_401(gateway: TestClient, headers: dict[str, str]) -> None:
    response = gateway.get("/v1/rules", headers=headers)
    assert response.status_code == 401 and "www-authenticate" in response.headers


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer reader"}, {"X-API-Key": "reader"}])
def test_bearer_and_x_api_key_both_work(gateway: TestClient, upstreams: Upstreams, headers: dict[str, str]) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[]))
    assert gateway.get("/v1/rules", headers=headers).status_code == 200


@pytest.mark.parametrize(("method", "path", "body", "headers"), [
    ("POST", "/v1/customers/identify", BODY, READ),
    ("PUT", "/v1/customers/c1/consent", {"email": True}, READ),
    ("POST", "/v1/rules", {"name": "x"}, WRITE),
    ("PUT", "/v1/rules/r1", {"name": "x"}, WRITE),
    ("DELETE", "/v1/rules/r1", None, WRITE),
    ("DELETE", "/v1/customers/c1", None, WRITE),
    ("GET", "/v1/customers/c1/export", None, WRITE),
    # webhooks: admin only, reading included (where the platform's events go, and their secrets)
    ("POST", "/v1/webhooks", {"url": "https://h.example.com/x", "events": ["treatment.decided"]}, WRITE),
    ("GET", "/v1/webhooks", None, WRITE),
    ("GET", "/v1/webhooks", None, READ),
    ("GET", "/v1/webhooks/wh1", None, READ),
    ("PATCH", "/v1/webhooks/wh1", {"active": False}, WRITE),
    ("DELETE", "/v1/webhooks/wh1", None, WRITE),
    ("GET", "/v1/webhooks/wh1/deliveries?status=failed", None, READ),
    ("POST", "/v1/webhooks/wh1/deliveries/msg_1:retry", None, WRITE),
])
def test_missing_scope_is_403(gateway: TestClient, upstreams: Upstreams, method: str, path: str, body: object,
                              headers: dict[str, str]) -> None:
    response = gateway.request(method, path, json=body, headers=headers)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert all(calls == [] for calls in upstreams.calls.values())


def test_scopes_are_not_implied(upstreams: Upstreams) -> None:
    app = create_app(make_settings(api_keys={"w": ["write"]}),
                     transports={s: upstreams.transport(s) for s in SERVICES})
    with TestClient(app) as client:
        assert client.get("/v1/rules", headers={"X-API-Key": "w"}).status_code == 403


def test_write_and_admin_keys_pass(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "POST", "/v1/customers/identify", httpx.Response(200, json={"customer_id": "c1"}))
    upstreams.on("treatment", "POST", "/v1/rules", httpx.Response(201, json={"rule_id": "r1"}))
    assert gateway.post("/v1/customers/identify", json=BODY, headers=WRITE).status_code == 200
    rule = {"name": "x", "condition": {"fact": "value.tier", "op": "exists"}, "action": {"action_id": "a", "kind": "offer"}}
    assert gateway.post("/v1/rules", json=rule, headers=ADMIN).status_code == 201
    upstreams.on("treatment", "GET", "/v1/webhooks", httpx.Response(200, json={"webhooks": []}))
    assert gateway.get("/v1/webhooks", headers=ADMIN).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/openapi.json", "/docs"])
def test_operational_routes_need_no_key(gateway: TestClient, path: str) -> None:
    assert gateway.get(path).status_code == 200


def test_metrics_need_the_admin_scope_on_the_public_port(gateway: TestClient) -> None:
    assert gateway.get("/metrics").status_code == 401
    assert gateway.get("/metrics", headers=READ).status_code == 403
    answer = gateway.get("/metrics", headers={"Authorization": f"Bearer {ADMIN['X-API-Key']}"})
    assert answer.status_code == 200 and "idic_http_requests_total" in answer.text  # as Prometheus scrapes


def test_readyz_needs_no_key_and_reports_each_service(gateway: TestClient, upstreams: Upstreams) -> None:
    for service in SERVICES:
        upstreams.on(service, "GET", "/readyz", httpx.Response(200, json={"status": "ready"}))
    response = gateway.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": dict.fromkeys(SERVICES, True)}
    upstreams.on("scoring", "GET", "/readyz", httpx.Response(503, json={"status": "not ready"}))
    response = gateway.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {**dict.fromkeys(SERVICES, True), "scoring": False}


def test_development_mode_uses_the_dev_key(upstreams: Upstreams, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IDIC_API_KEYS", raising=False)
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[]))
    settings = Settings(env="development", log_json=False, view_cache_max_age_s=0)
    app = create_app(settings, transports={s: upstreams.transport(s) for s in SERVICES})
    with TestClient(app) as client:
        assert client.get("/v1/rules", headers={"Authorization": f"Bearer {DEV_KEY}"}).status_code == 200
        assert client.get("/v1/rules").status_code == 401
    # what a developer records on `make run` is shown under a name, not a key digest
    [call] = upstreams.calls["treatment"]
    assert call.headers["x-actor"] == DEV_ACTOR


def test_metrics_count_upstream_calls(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[]))
    gateway.get("/v1/rules", headers=READ)
    text = gateway.get("/metrics", headers=ADMIN).text
    assert 'gateway_upstream_requests_total{outcome="ok",service="treatment"}' in text
    assert "idic_http_requests_total" in text


def test_openapi_documents_schemas_security_and_errors(gateway: TestClient) -> None:
    spec = gateway.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for name in ("IdentifyRequest", "InteractionRequest", "CustomerView", "Problem", "ConsentRequest",
                 "OutcomeRequest", "SimulateRequest", "CustomerValue", "NextBestAction"):
        assert name in schemas
    assert {"HTTPBearer", "APIKeyHeader"} <= set(spec["components"]["securitySchemes"])
    view = spec["paths"]["/v1/customers/{customer_id}"]["get"]
    assert {"200", "401", "403", "404", "422", "502", "503", "504"} <= set(view["responses"])
    assert view["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/CustomerView")
    identify = spec["paths"]["/v1/customers/identify"]["post"]
    assert identify["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/IdentifyRequest")


def test_openapi_names_the_scope_each_operation_needs(gateway: TestClient) -> None:
    spec = gateway.get("/openapi.json").json()

    def scopes(method: str, path: str) -> set[str]:
        return {s for requirement in spec["paths"][path][method]["security"] for v in requirement.values() for s in v}

    assert scopes("get", "/v1/customers/{customer_id}") == {"read"}
    assert scopes("post", "/v1/interactions") == {"write"}
    for method, path in (("delete", "/v1/customers/{customer_id}"), ("get", "/v1/customers/{customer_id}/export"),
                         ("post", "/v1/rules"), ("put", "/v1/rules/{rule_id}"), ("get", "/v1/erasures/{customer_id}"),
                         ("get", "/v1/webhooks"), ("post", "/v1/webhooks"), ("patch", "/v1/webhooks/{webhook_id}"),
                         ("post", "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry")):
        assert scopes(method, path) == {"admin"}, (method, path)
    assert "security" not in spec["paths"]["/healthz"]["get"]
