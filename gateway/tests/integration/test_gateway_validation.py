"""Bad input is answered 422 at the edge, naming the field, and never reaches a service."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, Upstreams

GOOD_INTERACTION = {"customer_id": "c1", "channel": "web", "type": "visit"}

# (method, path, body, a field the problem must name)
BAD = [
    ("POST", "/v1/customers/identify", {"identifiers": [{"type": "fax", "value": "1"}]}, "body.identifiers.0.type"),
    ("POST", "/v1/customers/identify", {"identifiers": [], "colour": "red"}, "body.colour"),
    ("POST", "/v1/customers/identify", {"attributes": {"date_of_birth": "1.2.1990"}}, "body.attributes.date_of_birth"),
    ("POST", "/v1/customers/identify:batch", {"records": []}, "body.records"),
    ("GET", "/v1/customers/lookup?type=fax&value=1", None, "query.type"),
    ("GET", "/v1/customers/lookup?type=email", None, "query.value"),
    ("POST", "/v1/customers/merge", {"survivor_id": "c1", "merged_ids": []}, "body.merged_ids"),
    ("POST", "/v1/customers/c1/unmerge", {}, "body.customer_id"),
    ("PUT", "/v1/customers/c1/consent", {"email": "maybe"}, "body.email"),
    ("PUT", "/v1/customers/c1/consent", {}, "body"),
    ("PUT", "/v1/customers/c1/consent", {"push": "yes"}, "body.push"),
    ("DELETE", "/v1/customers/%2E%2E", None, "path.customer_id"),
    ("GET", "/v1/customers/email:", None, "path.customer_id"),
    ("GET", "/v1/customers/" + "x" * 601, None, "path.customer_id"),
    ("POST", "/v1/interactions", {**GOOD_INTERACTION, "channel": "pigeon"}, "body.channel"),
    ("POST", "/v1/interactions", {"channel": "web", "type": "visit"}, "body"),
    ("POST", "/v1/interactions", {**GOOD_INTERACTION, "type": "purchase"}, "body"),
    ("POST", "/v1/interactions", {**GOOD_INTERACTION, "amount": "1.00", "currency": "euro"}, "body.currency"),
    ("POST", "/v1/interactions", {**GOOD_INTERACTION, "occurred_at": "2024-01-01T00:00:00"}, "body.occurred_at"),
    ("POST", "/v1/interactions:batch", {"interactions": [{**GOOD_INTERACTION, "direction": "sideways"}]},
     "body.interactions.0.direction"),
    ("GET", "/v1/customers/c1/timeline?limit=0", None, "query.limit"),
    ("GET", "/v1/customers/c1/timeline?channel=pigeon", None, "query.channel"),
    ("GET", "/v1/channels/stats?since=yesterday", None, "query.since"),
    ("GET", "/v1/channels/stats?until=2024-01-01T00:00:00", None, "query.until"),
    ("GET", "/v1/channels/stats?since=2024-02-01T00:00:00Z&until=2024-01-01T00:00:00Z", None, "query.until"),
    ("GET", "/v1/feedback/nps?since=2024-01-01", None, "query.since"),
    ("GET", "/v1/feedback/nps?since=2024-01-01T00:00:00Z&until=2024-01-01T00:00:00Z", None, "query.until"),
    ("GET", "/v1/customers/email:/channels", None, "path.customer_id"),
    ("GET", "/v1/customers/%2E%2E/feedback", None, "path.customer_id"),
    ("GET", "/v1/customers/c1/triggers?kind=wedding", None, "query.kind"),
    ("GET", "/v1/customers/c1/triggers?limit=501", None, "query.limit"),
    ("POST", "/v1/models/clv:fit", {"time_unit": "weeks"}, "body.calibration_end"),
    ("POST", "/v1/segments", {"id": "Big Spenders", "name": "x", "conditions": [{"field": "tier", "op": "eq",
                                                                                 "value": "x"}]}, "body.id"),
    ("POST", "/v1/segments", {"id": "big", "name": "x", "conditions": []}, "body.conditions"),
    ("POST", "/v1/segments", {"id": "big", "name": "x", "conditions": [{"field": "tier", "op": "like",
                                                                        "value": "x"}]}, "body.conditions.0.op"),
    ("POST", "/v1/segments", {"id": "big", "name": "x", "size": 3,
                              "conditions": [{"field": "tier", "op": "eq", "value": "x"}]}, "body.size"),
    ("GET", "/v1/segments/Champions/customers", None, "path.segment_id"),
    ("GET", "/v1/segments/champions/customers?limit=1001", None, "query.limit"),
    ("GET", "/v1/segments/champions/customers?after=", None, "query.after"),
    ("GET", "/v1/reviews?status=pending", None, "query.status"),
    ("GET", "/v1/reviews?limit=0", None, "query.limit"),
    ("POST", "/v1/reviews/.x:accept", None, "path.review_id"),
    ("POST", "/v1/reviews/a:b:reject", None, "path.review_id"),
    ("POST", "/v1/models/matching:train", {"random_pairs": 10}, "body.random_pairs"),
    ("POST", "/v1/models/matching:train", {"epochs": 3}, "body.epochs"),
    ("POST", "/v1/customers:dedupe", {"threshold": 0.5}, "body.threshold"),
    ("POST", "/v1/models/clv:fit", {"time_unit": "years"}, "body.time_unit"),
    ("GET", "/v1/segments/.hidden/customers", None, "path.segment_id"),
    ("GET", "/v1/segments/champions/customers?limit=-1", None, "query.limit"),
    ("GET", "/v1/customers/c1/next-best-actions?limit=51", None, "query.limit"),
    ("POST", "/v1/rules", {"priority": "high"}, "body.priority"),
    ("POST", "/v1/rules:simulate", {"customer_id": "c1"}, "body"),
    ("POST", "/v1/rules:simulate", {"rule_id": "r1", "customer_id": "c1", "dry": True}, "body.dry"),
    ("PUT", "/v1/rules/r1", {"valid_from": "not a time"}, "body.valid_from"),
    ("GET", "/v1/rules/%2Ex", None, "path.rule_id"),
    ("DELETE", "/v1/rules/.x", None, "path.rule_id"),
    ("POST", "/v1/treatments/t1/outcome", {"outcome": "maybe"}, "body.outcome"),
]


@pytest.mark.parametrize(("method", "path", "body", "field"), BAD,
                         ids=[f"{b[0]} {b[1][:40]} {b[3]}" for b in BAD])
def test_bad_input_is_422_naming_the_field(gateway: TestClient, upstreams: Upstreams, method: str, path: str,
                                           body: object, field: str) -> None:
    response = gateway.request(method, path, json=body, headers=ADMIN)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert any(e["field"] == field or e["field"].startswith(field + ".") for e in problem["errors"]), problem
    assert all(calls == [] for calls in upstreams.calls.values())


@pytest.mark.parametrize("path", ["/v1/customers/identify", "/v1/interactions", "/v1/rules:simulate"])
def test_invalid_json_is_422(gateway: TestClient, upstreams: Upstreams, path: str) -> None:
    response = gateway.post(path, content=b"{not json", headers={**ADMIN, "content-type": "application/json"})
    assert response.status_code == 422
    assert all(calls == [] for calls in upstreams.calls.values())


def test_nul_in_body_is_422(gateway: TestClient, upstreams: Upstreams) -> None:
    response = gateway.post("/v1/customers/identify", content=b'{"source": "a\\u0000b"}',
                            headers={**ADMIN, "content-type": "application/json"})
    assert response.status_code == 422
    assert upstreams.calls["identity"] == []


def test_authentication_comes_before_validation(gateway: TestClient) -> None:
    response = gateway.post("/v1/customers/identify", json={"identifiers": "nope"})
    assert response.status_code == 401
