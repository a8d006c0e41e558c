"""The routes added for the services' newer endpoints: scopes, type:value ids, 404s passed
through, and answers of the newer shapes (pending ingests, churn drivers) accepted."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, READ, WRITE, Upstreams, problem

SEGMENT = {"id": "big-spenders", "name": "Big spenders", "conditions": [{"field": "tier", "op": "eq",
                                                                          "value": "most_valuable"}]}

# (method, path, body, a key with every scope but the needed one)
NEEDS_MORE = [
    ("GET", "/v1/customers/c1/channels", None, {"X-API-Key": "writer-only"}),
    ("POST", "/v1/triggers:scan", None, WRITE),
    ("POST", "/v1/models/rfm:refresh", None, WRITE),
    ("POST", "/v1/segments", SEGMENT, WRITE),
    ("POST", "/v1/models/matching:train", None, WRITE),
    ("POST", "/v1/customers:dedupe", None, WRITE),
    ("POST", "/v1/reviews/rv1:accept", None, READ),
    ("POST", "/v1/reviews/rv1:reject", None, READ),
    ("GET", "/v1/reviews", None, {"X-API-Key": "writer-only"}),
]


@pytest.fixture
def keys_gateway(upstreams: Upstreams) -> TestClient:
    from gateway_fakes import KEYS, SERVICES, make_settings

    from gateway.main import create_app
    app = create_app(make_settings(api_keys={**KEYS, "writer-only": ["write"]}),
                     transports={s: upstreams.transport(s) for s in SERVICES})
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(("method", "path", "body", "headers"), NEEDS_MORE, ids=[f"{r[0]} {r[1]}" for r in NEEDS_MORE])
def test_a_key_without_the_scope_is_403_and_no_service_is_called(keys_gateway: TestClient, upstreams: Upstreams,
                                                                method: str, path: str, body: object,
                                                                headers: dict[str, str]) -> None:
    with keys_gateway as client:
        response = client.request(method, path, json=body, headers=headers)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert all(calls == [] for calls in upstreams.calls.values())


# (public path, owning service, upstream path): the service's 404 reaches the caller as a problem
NOT_FOUND = [
    ("GET", "/v1/customers/c9/channels", "interaction", "/v1/customers/c9/channels"),
    ("GET", "/v1/customers/c9/feedback", "interaction", "/v1/customers/c9/feedback"),
    ("GET", "/v1/customers/c9/triggers", "interaction", "/v1/customers/c9/triggers"),
    ("GET", "/v1/segments/gone/customers?after=c1", "scoring", "/v1/segments/gone/customers"),
    ("POST", "/v1/reviews/rv9:accept", "identity", "/v1/reviews/rv9:accept"),
    ("POST", "/v1/reviews/rv9:reject", "identity", "/v1/reviews/rv9:reject"),
    ("GET", "/v1/models/matching", "identity", "/v1/models/matching"),
]


@pytest.mark.parametrize(("method", "path", "service", "upstream_path"), NOT_FOUND, ids=[r[1] for r in NOT_FOUND])
def test_the_services_404_passes_through(gateway: TestClient, upstreams: Upstreams, method: str, path: str,
                                         service: str, upstream_path: str) -> None:
    upstreams.on(service, method, upstream_path, problem(404, "nothing here at http://10.0.0.7:8002/x"))
    response = gateway.request(method, path, headers=ADMIN)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "nothing here at [url]"
    assert [f"{c.method} {c.url.path}" for c in upstreams.calls[service]] == [f"{method} {upstream_path}"]


@pytest.mark.parametrize("status", [409, 422])
def test_conflicts_and_refusals_of_the_owner_pass_through(gateway: TestClient, upstreams: Upstreams,
                                                          status: int) -> None:
    upstreams.on("scoring", "POST", "/v1/segments", problem(status, "segment 'rule-big-spenders' exists"))
    upstreams.on("identity", "POST", "/v1/reviews/rv1:accept", problem(status, "review rv1 was already accepted"))
    assert gateway.post("/v1/segments", json=SEGMENT, headers=ADMIN).status_code == status
    assert gateway.post("/v1/reviews/rv1:accept", headers=ADMIN).status_code == status


@pytest.mark.parametrize("tail", ["channels", "feedback", "triggers?kind=lapse"])
def test_identifiers_name_the_customer_on_the_new_paths(gateway: TestClient, upstreams: Upstreams,
                                                        tail: str) -> None:
    def lookup(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("value") == "crm:42":
            return httpx.Response(200, json={"customer_id": "c7"})
        return problem(404, "no customer has this identifier")

    upstreams.on("identity", "GET", "/v1/customers/lookup", lookup)
    upstreams.all("interaction", httpx.Response(200, json={"customer_id": "c7"}))
    response = gateway.get(f"/v1/customers/external_id:crm:42/{tail}", headers=READ)
    assert response.status_code == 200, response.text
    [lookup_call] = upstreams.calls["identity"]
    assert dict(lookup_call.url.params) == {"type": "external_id", "value": "crm:42"}
    [call] = upstreams.calls["interaction"]
    assert call.url.path == f"/v1/customers/c7/{tail.split('?')[0]}"
    unknown = gateway.get(f"/v1/customers/email:nobody@x.com/{tail}", headers=READ)
    assert unknown.status_code == 404 and len(upstreams.calls["interaction"]) == 1


@pytest.mark.parametrize("answer", [
    {"interaction_id": None, "customer_id": None, "status": "pending"},
    {"interaction_id": None, "customer_id": None, "status": "discarded"},
    {"interaction_id": "i1", "customer_id": "c1", "status": "recorded"},
])
def test_ingest_answers_may_be_pending_or_discarded(gateway: TestClient, upstreams: Upstreams,
                                                    answer: dict[str, object]) -> None:
    upstreams.on("interaction", "POST", "/v1/interactions", httpx.Response(202, json=answer))
    body = {"customer_id": "c1", "channel": "web", "type": "visit"}
    response = gateway.post("/v1/interactions", json=body, headers=WRITE)
    assert response.status_code == 202 and response.json() == answer


def test_the_documented_answers_carry_the_services_newer_fields(gateway: TestClient) -> None:
    schemas = gateway.get("/openapi.json").json()["components"]["schemas"]
    accepted = schemas["InteractionAccepted"]
    assert {"status"} <= set(accepted["properties"]) and "status" not in accepted.get("required", [])
    assert {"anyOf": [{"type": "string"}, {"type": "null"}]}.items() <= accepted["properties"]["customer_id"].items()
    assert {"churn_drivers", "customer_id"} <= set(schemas["CustomerValue"]["properties"])
    assert {"calibration_end", "time_unit", "fit_seconds"} <= set(schemas["ClvModel"]["properties"])
    assert "until" in schemas["ChannelStatistics"]["properties"]
    assert {"mail", "push"} <= set(schemas["ConsentRequest"]["properties"])
