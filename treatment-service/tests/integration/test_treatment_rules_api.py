"""Rules over HTTP: CRUD and versioning with actors, bad rules with exact places, rules
driving next-best-actions, simulation traces, outcomes learning, the contact policy."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from treatment_factories import scored
from treatment_waits import new_customer_id, topic_events

from idic.contracts import SegmentChanged
from idic.db import utcnow
from idic_devstack.waiting import eventually
from treatment_service.domain.defaults import DEFAULT_RULES, PLAYBOOK_RULES

PROBLEM = "application/problem+json"


def a_rule(segment: str, **overrides: Any) -> dict[str, Any]:
    """An active offer for customers in ``segment`` (unique per test: rules are shared by the module's app)."""
    return {"name": f"Offer for {segment}", "condition": {"fact": "segments", "op": "contains", "value": segment},
            "action": {"action_id": f"offer-{segment}", "kind": "cross_sell", "channels": ["email", "phone"],
                       "offer_id": "SKU-1", "value": "40.00", "currency": "EUR"},
            "priority": 60, "status": "active", "realtime": False, **overrides}


def in_segment(client: TestClient, publish, segment: str, customer: str | None = None) -> str:  # type: ignore[no-untyped-def]
    customer = customer or new_customer_id()
    publish(SegmentChanged(customer_id=customer, segment_id=segment, entered=True, changed_at=utcnow()))
    eventually(lambda: (r := client.get(f"/internal/customers/{customer}/context")).status_code == 200
               and segment in r.json()["segments"], what="segment in context")
    return customer


def test_seeded_default_rules_are_data(client: TestClient) -> None:
    rules = client.get("/v1/rules", params={"status": "active", "limit": 1000}).json()
    seeded = {r["rule_id"]: r for r in rules if r["created_by"] == "system:seed"}
    assert set(seeded) == set(DEFAULT_RULES) | set(PLAYBOOK_RULES)
    # the generic retention rule gets the playbook's second version: no retention spend on below_zero
    retention = seeded["retention-churn-risk"]
    assert retention["version"] == 2
    assert {"fact": "value.churn_risk", "op": "gte", "value": 0.6} in retention["condition"]["all"]
    for rule_id, doc in PLAYBOOK_RULES.items():
        assert seeded[rule_id]["version"] == 1 and seeded[rule_id]["condition"] == doc["condition"], rule_id


def test_create_read_replace_retire_with_history_and_actors(client: TestClient) -> None:
    rule_id = f"r-{uuid.uuid4().hex[:8]}"
    created = client.post("/v1/rules", json={**a_rule("s1", status="draft"), "rule_id": rule_id},
                          headers={"X-Actor": "alice"})
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["rule_id"], body["version"], body["status"], body["created_by"]) == (rule_id, 1, "draft", "alice")
    assert body["action"]["value"] == "40.00" and body["action"]["offer_id"] == "SKU-1"
    assert client.get(f"/v1/rules/{rule_id}").json()["name"] == "Offer for s1"
    assert client.post("/v1/rules", json={**a_rule("s1"), "rule_id": rule_id}).status_code == 409

    v2 = client.put(f"/v1/rules/{rule_id}", json=a_rule("s1", priority=70), headers={"X-Actor": "bob",
                                                                                       "If-Match": '"1"'})
    assert v2.status_code == 200 and v2.json()["version"] == 2 and v2.json()["updated_by"] == "bob"
    stale = client.put(f"/v1/rules/{rule_id}", json=a_rule("s1"), headers={"If-Match": "1"})
    assert stale.status_code == 412 and stale.json()["version"] == 2
    retired = client.delete(f"/v1/rules/{rule_id}", headers={"X-Actor": "carol"})
    assert retired.status_code == 200 and retired.json()["status"] == "retired" and retired.json()["version"] == 3
    assert client.delete(f"/v1/rules/{rule_id}").json()["version"] == 3  # retiring twice changes nothing

    history = client.get(f"/v1/rules/{rule_id}/versions").json()
    assert [(h["version"], h["change"], h["changed_by"], h["rule"]["status"]) for h in history] == [
        (3, "retired", "carol", "retired"), (2, "updated", "bob", "active"), (1, "created", "alice", "draft")]
    assert history[1]["rule"]["priority"] == 70
    listed = client.get("/v1/rules", params={"status": "retired"}).json()
    assert rule_id in [r["rule_id"] for r in listed]
    page = client.get("/v1/rules", params={"limit": 1, "after": rule_id}).json()
    assert all(r["rule_id"] > rule_id for r in page) and len(page) <= 1
    generated = client.post("/v1/rules", json=a_rule("s1", status="draft")).json()
    assert generated["rule_id"].startswith("rule-") and generated["created_by"] == "anonymous"
    for path in (f"/v1/rules/nope-{rule_id}", f"/v1/rules/nope-{rule_id}/versions"):
        missing = client.get(path)
        assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert client.put(f"/v1/rules/nope-{rule_id}", json=a_rule("s1")).status_code == 404
    assert client.delete(f"/v1/rules/nope-{rule_id}").status_code == 404


def assert_invalid(response, field: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert field in [e["field"] for e in response.json()["errors"]], response.json()


@pytest.mark.parametrize(("change", "field"), [
    ({"condition": {"all": [{"fact": "segments", "op": "contains", "value": "x"},
                            {"fact": "value.churn_risk", "op": "contains", "value": 1}]}}, "body.condition.all.1.op"),
    ({"condition": {"any": [{"fact": "value.clv", "op": "gt", "value": 1}]}}, "body.condition.any.0.fact"),
    ({"condition": {"fact": "value.p_alive", "op": "lt", "value": "low"}}, "body.condition.value"),
    ({"condition": "tier == 'vip'"}, "body.condition"),
    ({"priority": 1001}, "body.priority"),
    ({"status": "live"}, "body.status"),
    ({"name": ""}, "body.name"),
    ({"rule_id": "Bad Id"}, "body.rule_id"),
    ({"repeat": "always"}, "body.repeat"),
    ({"valid_from": "2026-02-01T00:00:00Z", "valid_until": "2026-01-01T00:00:00Z"}, "body"),
    ({"valid_from": "2026-02-01T00:00:00"}, "body.valid_from"),
    ({"action": {"action_id": "a", "kind": "offer", "channels": ["fax"]}}, "body.action.channels.0"),
    ({"action": {"action_id": "a", "kind": "offer", "value": "5"}}, "body.action"),
    ({"action": {"action_id": "a", "kind": "offer", "channels": ["email", "email"]}}, "body.action"),
    ({"action": {"action_id": "a", "kind": "offer", "value": "-1", "currency": "EUR"}}, "body.action.value"),
    ({"extra": 1}, "body.extra"),
])
def test_bad_rules_are_rejected_at_write_time_with_the_place(client: TestClient, change: dict, field: str) -> None:
    assert_invalid(client.post("/v1/rules", json={**a_rule("bad"), **change}), field)


def test_bad_input_on_rule_endpoints(client: TestClient) -> None:
    assert_invalid(client.get("/v1/rules", params={"limit": 0}), "query.limit")
    assert_invalid(client.get("/v1/rules", params={"status": "gone"}), "query.status")
    assert_invalid(client.get("/v1/rules/Not%20A%20Slug"), "path.rule_id")
    assert_invalid(client.post("/v1/rules", json=a_rule("x"), headers={"X-Actor": "x" * 201}), "header.X-Actor")
    rule_id = client.post("/v1/rules", json=a_rule("hdr", status="draft")).json()["rule_id"]
    assert_invalid(client.put(f"/v1/rules/{rule_id}", json=a_rule("hdr"), headers={"If-Match": "v1"}),
                   "header.If-Match")
    assert_invalid(client.put(f"/v1/rules/{rule_id}", json={**a_rule("hdr"), "rule_id": "other"}), "body.rule_id")
    assert_invalid(client.put(f"/v1/rules/{rule_id}", json={**a_rule("hdr"), "condition": {"not": []}}),
                   "body.condition.not")
    assert_invalid(client.post("/v1/rules:simulate", json={"customer_id": "c"}), "body")
    assert_invalid(client.post("/v1/rules:simulate", json={"rule_id": "x", "customer_id": ""}), "body.customer_id")
    assert_invalid(client.post("/v1/rules:simulate", json={"rule": {**a_rule("x"), "condition": {
        "fact": "segments", "op": "eq", "value": "x"}}, "customer_id": "c"}), "body.rule.condition.op")
    assert_invalid(client.put("/v1/contact-policy", json={"max_contacts_per_channel": -1, "period_days": 7,
                                                          "decline_cooldown_days": 0, "exclusive_kinds": [],
                                                          "open_offer_days": 0}), "body.max_contacts_per_channel")


def test_active_rules_drive_next_best_actions_drafts_and_retired_do_not(client: TestClient, publish) -> None:
    segment = f"seg-{uuid.uuid4().hex[:8]}"
    customer = in_segment(client, publish, segment)
    rule_id = client.post("/v1/rules", json=a_rule(segment, status="draft")).json()["rule_id"]
    assert client.get(f"/v1/customers/{customer}/next-best-actions").json() == []
    client.put(f"/v1/rules/{rule_id}", json=a_rule(segment))
    [action] = client.get(f"/v1/customers/{customer}/next-best-actions").json()
    assert (action["rule_id"], action["action_id"], action["kind"], action["channel"], action["score"]) == (
        rule_id, f"offer-{segment}", "cross_sell", "email", 20.0)
    assert action["reasons"][0] == f"segments contains {segment}"
    assert "expected value 20.0 = 0.50 x 40.00 EUR" in action["reasons"]
    assert client.get(f"/v1/customers/{customer}/next-best-actions", params={"channel": "web"}).json() == []
    client.delete(f"/v1/rules/{rule_id}")
    assert client.get(f"/v1/customers/{customer}/next-best-actions").json() == []


def test_simulate_stored_and_draft_rules(client: TestClient, publish) -> None:
    segment = f"seg-{uuid.uuid4().hex[:8]}"
    customer = in_segment(client, publish, segment)
    publish(scored(customer, churn_risk=0.8, tier="maintain"))
    eventually(lambda: client.get(f"/internal/customers/{customer}/context").json()["value"]["churn_risk"],
               what="score")
    rule_id = client.post("/v1/rules", json=a_rule(segment, priority=95)).json()["rule_id"]
    result = client.post("/v1/rules:simulate", json={"rule_id": rule_id, "customer_id": customer})
    assert result.status_code == 200, result.text
    sim = result.json()
    assert (sim["fires"], sim["condition_holds"], sim["in_validity_window"], sim["rank"]) == (True, True, True, 1)
    assert sim["competing_actions"] == 2  # this and the seeded retention offer
    assert sim["conditions"] == [{"path": "condition", "fact": "segments", "op": "contains", "value": segment,
                                  "actual": [segment], "result": True}]
    assert sim["suppression"] is None and sim["action"]["channel"] == "email"

    draft = {**a_rule(segment, priority=10, status="draft"),
             "condition": {"all": [{"fact": "segments", "op": "contains", "value": segment},
                                   {"fact": "value.churn_risk", "op": "lt", "value": 0.5}]}}
    sim = client.post("/v1/rules:simulate", json={"rule": draft, "customer_id": customer}).json()
    assert (sim["fires"], sim["condition_holds"], sim["rank"], sim["status"]) == (False, False, None, "draft")
    assert [c["result"] for c in sim["conditions"]] == [True, False] and sim["conditions"][1]["actual"] == 0.8

    # suppressed: the customer refused e-mail and phone
    refused = {**a_rule(segment, priority=10), "action": {**a_rule(segment)["action"], "channels": ["mail"]}}
    client.put("/v1/contact-policy", json={"max_contacts_per_channel": 0, "period_days": 7,
                                           "decline_cooldown_days": 30, "exclusive_kinds": ["offer"],
                                           "open_offer_days": 14})
    try:
        sim = client.post("/v1/rules:simulate", json={"rule": refused, "customer_id": customer}).json()
        assert sim["condition_holds"] and not sim["fires"]
        assert sim["suppression"]["code"] == "contact_cap" and "max 0" in sim["suppression"]["reason"]
    finally:
        client.put("/v1/contact-policy", json={"max_contacts_per_channel": 3, "period_days": 7,
                                               "decline_cooldown_days": 30, "open_offer_days": 14,
                                               "exclusive_kinds": ["offer", "retention", "cross_sell", "upsell",
                                                                   "winback"]})
    client.delete(f"/v1/rules/{rule_id}")
    missing = client.post("/v1/rules:simulate", json={"rule_id": rule_id, "customer_id": new_customer_id()})
    assert missing.status_code == 404
    assert client.post("/v1/rules:simulate", json={"rule_id": "no-such-rule", "customer_id": customer}
                       ).status_code == 404


def test_contact_policy_round_trip(client: TestClient) -> None:
    policy = client.get("/v1/contact-policy").json()
    assert policy == {"max_contacts_per_channel": 3, "period_days": 7, "decline_cooldown_days": 30,
                      "exclusive_kinds": ["offer", "retention", "cross_sell", "upsell", "winback"],
                      "open_offer_days": 14}
    assert client.put("/v1/contact-policy", json=policy, headers={"X-Actor": "ops"}).json() == policy


def test_outcome_teaches_propensity_and_is_published(client: TestClient, publish, kafka) -> None:
    segment = f"seg-{uuid.uuid4().hex[:8]}"
    rule_id = client.post("/v1/rules", json=a_rule(segment, realtime=True, repeat="once")).json()["rule_id"]
    customer = in_segment(client, publish, segment)
    [treatment] = eventually(lambda: [t for t in client.get(f"/internal/customers/{customer}/treatments").json()
                                      if t["rule_id"] == rule_id], what="treatment")
    assert treatment["rule_version"] == 1 and treatment["channel"] == "email"
    response = client.post(f"/v1/treatments/{treatment['treatment_id']}/outcome", json={"outcome": "declined"})
    assert response.status_code == 200
    outcome_events = [e for e in topic_events(kafka.bootstrap_servers, "idic.treatment", subject=customer,
                                              expect_at_least=2) if e.type == "idic.treatment.outcome_recorded.v1"]
    [recorded] = outcome_events
    assert recorded.data["treatment_id"] == treatment["treatment_id"] and recorded.data["outcome"] == "declined"
    # the decline teaches the segment "all" (no RFM segment) and blocks the same action for a while
    other = in_segment(client, publish, segment)
    [action] = [a for a in client.get(f"/v1/customers/{other}/next-best-actions").json() if a["rule_id"] == rule_id]
    assert action["score"] == round(1 / 3 * 40, 4) and "0 of 1 accepted in segment all" in action["reasons"][2]
    assert [a for a in client.get(f"/v1/customers/{customer}/next-best-actions").json()
            if a["rule_id"] == rule_id] == []  # cool-down after the decline
    sim = client.post("/v1/rules:simulate", json={"rule_id": rule_id, "customer_id": customer}).json()
    assert sim["suppression"]["code"] == "decline_cooldown"
    client.delete(f"/v1/rules/{rule_id}")
