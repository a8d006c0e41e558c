"""OWASP API Security Top 10 (2023), item by item, against the gateway with fake services."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, KEYS, READ, SERVICES, WRITE, Upstreams, make_settings, problem
from pydantic import ValidationError

from gateway.config import Settings
from gateway.main import create_app

PROFILE = {"customer_id": "c1", "attributes": {"first_name": "Ann"}, "identifiers": [], "merged_ids": [],
           "consent": {}}


def gateway_with(upstreams: Upstreams, **overrides: object) -> TestClient:
    return TestClient(create_app(make_settings(**overrides), transports={s: upstreams.transport(s) for s in SERVICES}),
                      raise_server_exceptions=False)


@pytest.fixture
def limited(upstreams: Upstreams) -> Iterator[TestClient]:
    with gateway_with(upstreams, rate_limit_rps=0.5, rate_limit_burst=3, auth_failures_per_minute=3) as client:
        yield client


# ---- API1 broken object level authorization ----

def test_api1_customer_ids_cannot_climb_out_of_their_path_segment(gateway: TestClient, upstreams: Upstreams) -> None:
    # an encoded '/' is decoded before routing, so such an id matches no public route at all
    response = gateway.get("/v1/customers/a%2F..%2F..%2Finternal%2Ferasures%2Fc9/value", headers=READ)
    assert response.status_code == 404
    assert gateway.get("/v1/customers/%2E%2E/value", headers=READ).status_code == 422
    upstreams.all("scoring", problem(404, "unknown"))
    gateway.get("/v1/customers/a?b#c/value", headers=READ)  # '?' starts the query: /v1/customers/a
    gateway.get("/v1/customers/a%3Fx=1%23/value", headers=READ)
    [call] = upstreams.calls["scoring"]
    assert call.url.raw_path == b"/v1/customers/a%3Fx%3D1%23/value"  # one segment, nothing leaks into the query


def test_api1_internal_paths_of_the_services_are_not_public(gateway: TestClient, upstreams: Upstreams) -> None:
    for path in ("/internal/customers/c1/export", "/internal/erasures/c1",
                 "/internal/customers/c1/interactions/summary"):
        assert gateway.get(path, headers=ADMIN).status_code == 404
    assert all(calls == [] for calls in upstreams.calls.values())


def test_api1_unknown_and_known_customers_look_alike_without_a_key(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/v1/customers/c1", httpx.Response(200, json=PROFILE))
    known, unknown = gateway.get("/v1/customers/c1"), gateway.get("/v1/customers/nobody")
    assert known.status_code == unknown.status_code == 401
    assert known.json() == unknown.json()
    assert all(calls == [] for calls in upstreams.calls.values())


# ---- API2 broken authentication ----

def test_api2_short_keys_are_refused_in_production() -> None:
    with pytest.raises(ValidationError, match="shorter than 12"):
        Settings(api_keys={"admin": ["admin"]}, env="production")
    assert Settings(api_keys={"a" * 32: ["admin"]}, env="production").api_keys


def test_api2_key_guessing_is_throttled_per_address(limited: TestClient) -> None:
    statuses = [limited.get("/v1/rules", headers={"X-API-Key": f"guess-{i}"}).status_code for i in range(4)]
    assert statuses == [401, 401, 401, 429]
    blocked = limited.get("/v1/rules", headers={"X-API-Key": "guess-5"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    assert blocked.headers["content-type"] == "application/problem+json"


def test_api2_keys_in_the_query_string_are_not_accepted(gateway: TestClient) -> None:
    for query in ("api_key=admin", "key=admin", "access_token=admin"):
        assert gateway.get(f"/v1/rules?{query}").status_code == 401


def test_api2_the_key_is_never_echoed(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.all("treatment", lambda r: httpx.Response(400, json={"detail": str(dict(r.headers))}))
    response = gateway.get("/v1/rules", headers=READ)
    assert "reader" not in response.text
    [call] = upstreams.calls["treatment"]
    assert "reader" not in str(call.headers) and "reader" not in str(call.url)


# ---- API3 broken object property level authorization (mass assignment) ----

@pytest.mark.parametrize(("method", "path", "body", "field"), [
    ("POST", "/v1/customers/identify", {"identifiers": [], "customer_id": "c9"}, "body.customer_id"),
    ("PUT", "/v1/customers/c1/consent", {"email": True, "updated_at": "2024-01-01T00:00:00Z"}, "body.updated_at"),
    ("POST", "/v1/interactions", {"customer_id": "c1", "channel": "web", "type": "visit", "interaction_id": "i9"},
     "body.interaction_id"),
    ("POST", "/v1/rules", {"name": "x", "created_by": "someone-else"}, "body"),
    ("PUT", "/v1/rules/r1", {"name": "x", "updated_by": "someone-else", "version": 9}, "body"),
    ("POST", "/v1/treatments/t1/outcome", {"outcome": "accepted", "customer_id": "c2"}, "body.customer_id"),
])
def test_api3_server_side_fields_cannot_be_assigned(gateway: TestClient, upstreams: Upstreams, method: str,
                                                    path: str, body: object, field: str) -> None:
    response = gateway.request(method, path, json=body, headers=ADMIN)
    assert response.status_code == 422, response.text
    assert any(e["field"].startswith(field) for e in response.json()["errors"])
    assert all(calls == [] for calls in upstreams.calls.values())


def test_api3_the_view_exposes_only_the_profile_fields_of_the_contract(gateway: TestClient,
                                                                        upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/v1/customers/c1",
                 httpx.Response(200, json={**PROFILE, "match_debug": {"score": 0.3}, "password_hash": "x"}))
    body = gateway.get("/v1/customers/c1", headers=READ).json()
    assert set(body["profile"]) == {"attributes", "identifiers", "merged_ids", "consent"}
    assert "password_hash" not in json.dumps(body) and "match_debug" not in json.dumps(body)


# ---- API4 unrestricted resource consumption ----

def test_api4_each_key_has_its_own_rate_limit(limited: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[]))
    statuses = [limited.get("/v1/rules", headers=READ).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = limited.get("/v1/rules", headers=READ)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 2  # 0.5 tokens/s: the next one in about 2 s
    assert refused.json()["status"] == 429
    assert limited.get("/v1/rules", headers=WRITE).status_code == 200  # another key is not slowed down
    assert len(upstreams.calls["treatment"]) == 4


def test_api4_rate_limits_can_be_turned_off(upstreams: Upstreams) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[]))
    with gateway_with(upstreams, rate_limit_rps=0, rate_limit_burst=1) as client:
        assert {client.get("/v1/rules", headers=READ).status_code for _ in range(10)} == {200}


def test_api4_bodies_over_the_limit_are_413_declared_or_streamed(upstreams: Upstreams) -> None:
    big = json.dumps({"identifiers": [], "source": "x" * 5000}).encode()
    with gateway_with(upstreams, max_body_bytes=4096) as client:
        declared = client.post("/v1/customers/identify", content=big,
                               headers={**WRITE, "content-type": "application/json"})
        streamed = client.post("/v1/customers/identify", content=iter([big[:3000], big[3000:]]),
                               headers={**WRITE, "content-type": "application/json"})
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["x-content-type-options"] == "nosniff"
    assert upstreams.calls["identity"] == []


@pytest.mark.parametrize("path", ["/v1/customers/c1/timeline?limit=201", "/v1/segments/s/customers?limit=10001",
                                  "/v1/customers/c1/next-best-actions?limit=51", "/v1/customers:search?name=an&limit=51"])
def test_api4_page_sizes_are_bounded(gateway: TestClient, upstreams: Upstreams, path: str) -> None:
    assert gateway.get(path, headers=READ).status_code == 422
    assert all(calls == [] for calls in upstreams.calls.values())


def test_api4_batches_are_bounded(gateway: TestClient, upstreams: Upstreams) -> None:
    records = [{"identifiers": [{"type": "cookie", "value": str(i)}]} for i in range(10_001)]
    response = gateway.post("/v1/customers/identify:batch", json={"records": records}, headers=WRITE)
    assert response.status_code == 422
    assert upstreams.calls["identity"] == []


def test_api4_oversized_upstream_answers_are_refused(upstreams: Upstreams) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[{"x": "y" * 5000}]))
    with gateway_with(upstreams, max_upstream_bytes=4096) as client:
        response = client.get("/v1/rules", headers=READ)
    assert response.status_code == 502
    assert response.json()["detail"] == "the treatment service failed to answer the request"


# ---- API5 broken function level authorization ----

@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/v1/erasures/c1"), ("GET", "/v1/customers/c1/export"), ("DELETE", "/v1/customers/c1"),
    ("DELETE", "/v1/rules/r1"),
])
def test_api5_admin_functions_need_the_admin_scope(gateway: TestClient, upstreams: Upstreams, method: str,
                                                   path: str) -> None:
    for headers in (READ, WRITE):
        assert gateway.request(method, path, headers=headers).status_code == 403
    assert all(calls == [] for calls in upstreams.calls.values())


# ---- API7 server side request forgery ----

@pytest.mark.parametrize("ref", ["http:169.254.169.254:80", "@evil.example", "external_id:http:@evil.example:80",
                                 "email:a@169.254.169.254"])
def test_api7_no_caller_input_chooses_where_the_gateway_connects(gateway: TestClient, upstreams: Upstreams,
                                                                 ref: str) -> None:
    upstreams.all("identity", problem(404, "unknown"))
    gateway.get(f"/v1/customers/{ref}", headers=READ)
    assert upstreams.calls["identity"], "the identity service was asked"
    for call in upstreams.calls["identity"]:
        assert call.url.host == "127.0.0.1" and call.url.port == 8001  # identity's configured URL, always
        assert call.url.path.startswith("/v1/customers/")
    assert all(upstreams.calls[s] == [] for s in SERVICES if s != "identity")


# ---- API8 security misconfiguration ----

@pytest.mark.parametrize(("path", "headers", "status"), [
    ("/v1/rules", READ, 200), ("/v1/rules", {}, 401), ("/v1/nothing-here", READ, 404), ("/healthz", {}, 200),
])
def test_api8_security_headers_on_every_api_answer(gateway: TestClient, upstreams: Upstreams, path: str,
                                                   headers: dict[str, str], status: int) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, json=[]))
    response = gateway.get(path, headers=headers)
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_api8_cors_is_off_unless_configured(gateway: TestClient, upstreams: Upstreams) -> None:
    preflight = {"Origin": "https://shop.example", "Access-Control-Request-Method": "GET",
                 "Access-Control-Request-Headers": "authorization"}
    assert "access-control-allow-origin" not in gateway.options("/v1/rules", headers=preflight).headers
    with gateway_with(upstreams, cors_origins=["https://shop.example"]) as client:
        allowed = client.options("/v1/rules", headers=preflight)
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://shop.example"
        other = client.options("/v1/rules", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    with pytest.raises(ValidationError):
        make_settings(cors_origins=["*"])


def test_api8_unexpected_errors_tell_nothing(upstreams: Upstreams) -> None:
    def explode(_: httpx.Request) -> httpx.Response:
        raise RuntimeError("db password is hunter2 at /srv/app.py line 3")
    upstreams.all("treatment", explode)
    with gateway_with(upstreams) as client:
        response = client.get("/v1/rules", headers=READ)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "hunter2" not in response.text and "Traceback" not in response.text and ".py" not in response.text


def test_api8_unsupported_methods_are_problem_json(gateway: TestClient) -> None:
    response = gateway.request("TRACE", "/v1/rules", headers=READ)
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


# ---- API9 improper inventory management ----

PUBLIC = {
    "/healthz", "/readyz", "/metrics",
    "/v1/customers/identify", "/v1/customers/identify:batch", "/v1/customers/lookup", "/v1/customers/merge",
    "/v1/customers/{customer_id}/unmerge", "/v1/customers/{customer_id}/consent", "/v1/customers/{customer_id}",
    "/v1/customers/{customer_id}/export", "/v1/customers:search", "/v1/erasures/{customer_id}",
    "/v1/interactions", "/v1/interactions:batch", "/v1/customers/{customer_id}/timeline", "/v1/channels/stats",
    "/v1/customers/{customer_id}/value", "/v1/models/clv:fit", "/v1/models/clv", "/v1/segments",
    "/v1/segments/{segment_id}/customers", "/v1/customers/{customer_id}/next-best-actions", "/v1/rules",
    "/v1/rules:simulate", "/v1/rules/{rule_id}", "/v1/treatments/{treatment_id}/outcome",
    "/v1/rules/{rule_id}/versions", "/v1/contact-policy",
    "/v1/customers/{customer_id}/channels", "/v1/feedback/nps", "/v1/customers/{customer_id}/feedback",
    "/v1/customers/{customer_id}/triggers", "/v1/triggers:scan", "/v1/models/rfm:refresh",
    "/v1/reviews", "/v1/reviews/{review_id}:accept", "/v1/reviews/{review_id}:reject", "/v1/models/matching",
    "/v1/models/matching:train", "/v1/customers:dedupe",
    "/v1/customers/{customer_id}/treatments", "/v1/rules/{rule_id}/performance", "/v1/webhooks",
    "/v1/webhooks/{webhook_id}", "/v1/webhooks/{webhook_id}/deliveries",
    "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry", "/v1/jobs", "/v1/jobs/{job_id}",
    "/v1/reports/value", "/v1/reports/tiers", "/v1/reports/cohorts", "/v1/reports/linkage",
    "/v1/reports/treatments", "/v1/reports/channels", "/v1/reports/feedback",
}


def test_api9_openapi_lists_exactly_the_public_paths(gateway: TestClient) -> None:
    spec = gateway.get("/openapi.json").json()
    assert set(spec["paths"]) == PUBLIC
    assert spec["info"]["version"] == "1.0.0"


def test_api9_every_v1_operation_declares_its_security(gateway: TestClient) -> None:
    spec = gateway.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if path.startswith("/v1/"):
                assert operation.get("security"), f"{method.upper()} {path}"


# ---- API10 unsafe consumption of APIs ----

def test_api10_upstream_problems_are_reduced_to_the_contract(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("treatment", "GET", "/v1/rules/r1", httpx.Response(404, json={
        "type": "about:blank", "title": "Not Found", "status": 404, "detail": "see http://10.0.0.7:8004/admin",
        "instance": "/srv/treatment/rules.py", "traceback": "File x.py", "errors": [{"field": "f", "message": "m"}]}))
    response = gateway.get("/v1/rules/r1", headers=READ)
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail", "errors"}
    assert "10.0.0.7" not in response.text and "rules.py" not in response.text
    assert body["detail"] == "see [url]"


def test_api10_a_service_answering_non_json_is_a_502(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("treatment", "GET", "/v1/rules", httpx.Response(200, text="<html>pwned</html>",
                                                                  headers={"content-type": "text/html"}))
    response = gateway.get("/v1/rules", headers=READ)
    assert response.status_code == 502 and "pwned" not in response.text


def test_api10_garbled_parts_degrade_and_a_garbled_profile_is_502(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/v1/customers/c1", httpx.Response(200, json=PROFILE))
    upstreams.on("interaction", "GET", "/internal/customers/c1/interactions/summary",
                 httpx.Response(200, json={"recent": ["not an object"], "count": 1}))
    upstreams.on("treatment", "GET", "/v1/customers/c1/next-best-actions", httpx.Response(200, json=[1, 2]))
    upstreams.on("scoring", "GET", "/v1/customers/c1/value", httpx.Response(404, json={}))
    body = gateway.get("/v1/customers/c1", headers=READ).json()
    assert sorted(body["degraded"]) == ["interaction", "treatment"]
    upstreams.on("identity", "GET", "/v1/customers/c2",
                 httpx.Response(200, json={**PROFILE, "customer_id": "c2", "identifiers": [{"nope": 1}]}))
    response = gateway.get("/v1/customers/c2", headers=READ)
    assert response.status_code == 502
    assert response.headers["content-type"] == "application/problem+json"


def test_actor_is_a_digest_and_differs_per_key() -> None:
    from gateway.domain.access import actor_of
    actors = {actor_of(key) for key in KEYS}
    assert len(actors) == len(KEYS)
    assert all(a.startswith("key:") and len(a) == 20 and not any(k in a for k in KEYS) for a in actors)
