"""The 360 view: identity first, then value, interactions and next-best-actions concurrently."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import httpx
import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, READ, SERVICES, Upstreams, down, make_settings, problem, slow

from gateway.main import create_app

PROFILE = {"attributes": {"first_name": "Ann"}, "identifiers": [{"type": "email", "value": "a@b.com",
                                                                   "source": "web"}],
           "merged_ids": [], "consent": {"email": True}, "created_at": "2024-01-01T00:00:00Z",
           "updated_at": "2024-01-02T00:00:00Z"}
# the parts in the shapes the services answer (idic.public): the view passes them through
VALUE = {"customer_id": "c1", "rfm": {"status": "scored", "recency_days": 3, "frequency": 5, "monetary": "250.00",
                                      "currency": "EUR", "r": 5, "f": 4, "m": 4, "segment": "champions"},
         "clv": {"status": "scored", "p_alive": 0.9, "expected_purchases_90d": 1.2,
                 "expected_avg_order_value": "50.00", "clv_12m": "300.00"},
         "tier": "most_valuable", "tier_status": "scored", "segments": ["champions"], "churn_risk": 0.1,
         "churn_risk_status": "scored", "churn_drivers": [], "scored_at": "2024-01-02T00:00:00Z",
         "worth": {"cost_to_serve": "3.00", "net_value": "296.40", "potential_value": "329.00", "growth_gap": "32.60",
                   "currency": "EUR"}}
SUMMARY = {"recent": [{"interaction_id": "i1", "customer_id": "c1", "id": None, "channel": "web", "type": "visit",
                       "direction": "inbound", "occurred_at": "2024-01-01T00:00:00Z",
                       "recorded_at": "2024-01-01T00:00:01Z", "amount": None, "currency": None, "cost": None,
                       "payload": {}, "treatment_id": None, "actor": "agent.anna"}], "count": 7}
ACTIONS = [{"action_id": "a1", "kind": "offer", "channel": "email", "score": 0.9, "reasons": ["vip"],
            "rule_id": "r1", "treatment_id": "t1", "expires_at": "2024-01-09T00:00:00Z"}]


def serve_customer(upstreams: Upstreams, customer_id: str = "c1", *, asked: str | None = None) -> None:
    """Fake services that all know ``customer_id``; identity answers it when asked for ``asked``."""
    upstreams.on("identity", "GET", f"/v1/customers/{asked or customer_id}",
                 httpx.Response(200, json={"customer_id": customer_id, **PROFILE}))
    upstreams.on("scoring", "GET", f"/v1/customers/{customer_id}/value", httpx.Response(200, json=VALUE))
    upstreams.on("interaction", "GET", f"/internal/customers/{customer_id}/interactions/summary",
                 httpx.Response(200, json=SUMMARY))
    upstreams.on("treatment", "GET", f"/v1/customers/{customer_id}/next-best-actions",
                 httpx.Response(200, json=ACTIONS))


def test_full_view(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams)
    response = gateway.get("/v1/customers/c1", headers=READ)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "customer_id": "c1",
        "profile": {"attributes": {"first_name": "Ann"}, "identifiers": PROFILE["identifiers"],
                    "merged_ids": [], "consent": {"email": True}},
        "value": VALUE, "interactions": SUMMARY, "next_best_actions": ACTIONS, "degraded": [],
    }
    assert upstreams.calls["identity"][0].url.path == "/v1/customers/c1"


@pytest.mark.parametrize(("ref", "kind", "value"), [
    ("email:a@b.com", "email", "a@b.com"),
    ("external_id:crm:42", "external_id", "crm:42"),
    ("phone:+4915112345678", "phone", "+4915112345678"),
])
def test_identifier_is_looked_up_first(gateway: TestClient, upstreams: Upstreams, ref: str, kind: str,
                                       value: str) -> None:
    serve_customer(upstreams)
    upstreams.on("identity", "GET", "/v1/customers/lookup", httpx.Response(200, json={"customer_id": "c1"}))
    response = gateway.get(f"/v1/customers/{ref}", headers=READ)
    assert response.status_code == 200 and response.json()["customer_id"] == "c1"
    lookup, profile = upstreams.calls["identity"]
    assert dict(lookup.url.params) == {"type": kind, "value": value}
    assert profile.url.path == "/v1/customers/c1"


def test_unknown_customer_is_404(gateway: TestClient, upstreams: Upstreams) -> None:
    response = gateway.get("/v1/customers/nobody", headers=READ)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert upstreams.calls["scoring"] == upstreams.calls["treatment"] == upstreams.calls["interaction"] == []


def test_unknown_identifier_is_404(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("identity", "GET", "/v1/customers/lookup", problem(404, "no customer has it"))
    response = gateway.get("/v1/customers/email:nobody@x.com", headers=READ)
    assert response.status_code == 404
    assert len(upstreams.calls["identity"]) == 1


def test_merge_follow_other_parts_use_the_survivor(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams, "survivor", asked="merged-away")
    response = gateway.get("/v1/customers/merged-away", headers=READ)
    body = response.json()
    assert response.status_code == 200 and body["customer_id"] == "survivor"
    assert body["degraded"] == [] and body["value"] == VALUE
    assert upstreams.paths("scoring") == ["GET /v1/customers/survivor/value"]
    assert upstreams.paths("interaction") == ["GET /internal/customers/survivor/interactions/summary"]
    assert upstreams.paths("treatment") == ["GET /v1/customers/survivor/next-best-actions"]


def test_not_yet_scored_is_null_value_not_degraded(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams)
    upstreams.on("scoring", "GET", "/v1/customers/c1/value", problem(404, "not scored"))
    body = gateway.get("/v1/customers/c1", headers=READ).json()
    assert body["value"] is None and body["degraded"] == []


def test_slow_part_is_degraded_within_the_bound(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams)  # part_timeout_s is 0.5 in these tests
    upstreams.on("treatment", "GET", "/v1/customers/c1/next-best-actions", slow(5, httpx.Response(200, json=ACTIONS)))
    started = time.monotonic()
    response = gateway.get("/v1/customers/c1", headers=READ)
    elapsed = time.monotonic() - started
    body = response.json()
    assert response.status_code == 200
    assert body["degraded"] == ["treatment"] and body["next_best_actions"] == []
    assert body["value"] == VALUE and body["interactions"] == SUMMARY
    assert 0.45 < elapsed < 3.0  # the slow part would take 5 s; a busy machine may add a second or two


@pytest.mark.parametrize("failure", [down, httpx.Response(500, text="boom"), httpx.Response(200, text="not json")])
def test_failing_part_is_degraded(gateway: TestClient, upstreams: Upstreams, failure: object) -> None:
    serve_customer(upstreams)
    upstreams.all("scoring", failure)  # type: ignore[arg-type]
    upstreams.on("scoring", "GET", "/v1/customers/c1/value", failure)  # type: ignore[arg-type]
    body = gateway.get("/v1/customers/c1", headers=READ).json()
    assert body["degraded"] == ["scoring"] and body["value"] is None
    assert body["interactions"] == SUMMARY and body["next_best_actions"] == ACTIONS


def test_every_part_down_still_answers_the_profile(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams)
    for service in ("scoring", "interaction", "treatment"):
        upstreams.routes[service].clear()
        upstreams.all(service, down)
    body = gateway.get("/v1/customers/c1", headers=READ).json()
    assert sorted(body["degraded"]) == ["interaction", "scoring", "treatment"]
    assert body["value"] is None and body["interactions"] is None and body["next_best_actions"] == []
    assert body["profile"]["attributes"] == {"first_name": "Ann"}


def test_parts_are_fetched_concurrently(upstreams: Upstreams) -> None:
    """The three parts after the profile are in flight together, proven by a rendezvous, not a stopwatch.

    Each part's fake answers only once all three have been asked. Asked one after another, the first would wait
    for the others until the part budget ran out and the view would come back degraded. A busy CI machine can
    slow this test down but cannot make it pass or fail wrongly.
    """
    serve_customer(upstreams)
    all_asked = asyncio.Event()
    asked: list[str] = []

    def after_all_three(name: str, response: httpx.Response) -> Callable[[httpx.Request], Awaitable[httpx.Response]]:
        async def handler(_: httpx.Request) -> httpx.Response:
            asked.append(name)
            if len(asked) == 3:
                all_asked.set()
            await all_asked.wait()
            return response
        return handler

    upstreams.on("scoring", "GET", "/v1/customers/c1/value", after_all_three("scoring", httpx.Response(200, json=VALUE)))
    upstreams.on("interaction", "GET", "/internal/customers/c1/interactions/summary",
                 after_all_three("interaction", httpx.Response(200, json=SUMMARY)))
    upstreams.on("treatment", "GET", "/v1/customers/c1/next-best-actions",
                 after_all_three("treatment", httpx.Response(200, json=ACTIONS)))
    app = create_app(make_settings(part_timeout_s=3.0), transports={s: upstreams.transport(s) for s in SERVICES})
    with TestClient(app) as client:
        body = client.get("/v1/customers/c1", headers=READ).json()
    assert sorted(asked) == ["interaction", "scoring", "treatment"]
    assert body["degraded"] == []
    assert body["value"] == VALUE and body["interactions"] == SUMMARY and body["next_best_actions"] == ACTIONS


@pytest.mark.parametrize(("failure", "status"), [(down, 503), (httpx.Response(500, text="db at 10.0.0.7"), 502),
                                                 (slow(5, httpx.Response(200, json={})), 504)])
def test_identity_failing_fails_the_view(upstreams: Upstreams, failure: object, status: int) -> None:
    serve_customer(upstreams)
    upstreams.routes["identity"].clear()
    upstreams.all("identity", failure)  # type: ignore[arg-type]
    app = create_app(make_settings(timeout_s=0.3), transports={s: upstreams.transport(s) for s in SERVICES})
    with TestClient(app) as client:
        response = client.get("/v1/customers/c1", headers=READ)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert "identity" in response.json()["detail"] and "10.0.0.7" not in response.text
    assert upstreams.calls["scoring"] == []


def test_export_gathers_every_service(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams)
    upstreams.on("interaction", "GET", "/internal/customers/c1/export", httpx.Response(200, json={"items": []}))
    upstreams.on("scoring", "GET", "/internal/customers/c1/export", httpx.Response(200, json={"rfm": {}}))
    body = gateway.get("/v1/customers/c1/export", headers=ADMIN).json()
    assert body["customer_id"] == "c1" and body["identity"]["attributes"] == {"first_name": "Ann"}
    assert body["interaction"] == {"items": []} and body["scoring"] == {"rfm": {}}
    assert body["treatment"] is None  # the fake treatment holds nothing about c1 (404)


def test_export_is_all_or_nothing(gateway: TestClient, upstreams: Upstreams) -> None:
    serve_customer(upstreams)
    upstreams.on("scoring", "GET", "/internal/customers/c1/export", down)
    response = gateway.get("/v1/customers/c1/export", headers=ADMIN)
    assert response.status_code == 503


def test_identity_refusing_the_identifier_passes_its_422(gateway: TestClient, upstreams: Upstreams) -> None:
    refusal = {"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "not a phone number",
               "errors": [{"field": "query.value", "message": "not a phone number"}]}
    upstreams.on("identity", "GET", "/v1/customers/lookup", httpx.Response(422, json=refusal))
    response = gateway.get("/v1/customers/phone:banana", headers=READ)
    assert response.status_code == 422 and response.json() == refusal
    assert response.headers["content-type"] == "application/problem+json"
