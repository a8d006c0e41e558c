"""Decisions that can be answered: served actions are treatments, outcomes once, conversions by a
purchase in the attribution window, performance against a control group; bad input as problems."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from test_treatment_rules_api import a_rule, in_segment
from treatment_factories import purchase
from treatment_waits import eventually, new_customer_id

from idic.contracts import CustomerUpdated
from idic.db import utcnow

PROBLEM = "application/problem+json"


def _rule(client: TestClient, segment: str, **overrides: Any) -> str:
    rule_id = f"r-{uuid.uuid4().hex[:8]}"
    created = client.post("/v1/rules", json={**a_rule(segment, **overrides), "rule_id": rule_id})
    assert created.status_code == 201, created.text
    return rule_id


def _served(client: TestClient, customer: str, rule_id: str) -> dict[str, Any] | None:
    actions = client.get(f"/v1/customers/{customer}/next-best-actions").json()
    return next((a for a in actions if a["rule_id"] == rule_id), None)


def test_a_served_action_is_one_treatment_until_answered_then_a_new_one(client: TestClient, publish) -> None:
    segment = f"s-{uuid.uuid4().hex[:6]}"
    rule_id = _rule(client, segment)
    customer = in_segment(client, publish, segment)
    first = _served(client, customer, rule_id)
    assert first is not None and first["treatment_id"] and first["expires_at"]
    assert _served(client, customer, rule_id)["treatment_id"] == first["treatment_id"]  # type: ignore[index]
    page = client.get(f"/v1/customers/{customer}/treatments").json()
    [mine] = [t for t in page["treatments"] if t["treatment_id"] == first["treatment_id"]]
    assert mine["delivered_at"] and mine["outcome"] is None and mine["rule_id"] == rule_id

    answered = client.post(f"/v1/treatments/{first['treatment_id']}/outcome", json={"outcome": "declined"})
    assert answered.status_code == 200 and answered.json()["outcome"] == "declined"
    twice = client.post(f"/v1/treatments/{first['treatment_id']}/outcome", json={"outcome": "accepted"})
    assert twice.status_code == 409 and twice.headers["content-type"] == PROBLEM
    performance = client.get(f"/v1/rules/{rule_id}/performance").json()
    assert performance["presented"] == 1 and performance["declined"] == 1 and performance["acceptance_rate"] == 0


def test_a_purchase_in_the_attribution_window_converts_with_its_revenue(client: TestClient, publish) -> None:
    segment = f"s-{uuid.uuid4().hex[:6]}"
    rule_id = _rule(client, segment)
    customer = in_segment(client, publish, segment)
    served = _served(client, customer, rule_id)
    assert served is not None
    publish(purchase(customer, amount=Decimal("19.90"), occurred_at=utcnow()))

    def converted() -> dict[str, Any] | None:
        page = client.get(f"/v1/customers/{customer}/treatments").json()["treatments"]
        return next((t for t in page if t["treatment_id"] == served["treatment_id"]
                     and t["outcome"] == "converted"), None)

    eventually(converted, what="the purchase converted the treatment")
    performance = client.get(f"/v1/rules/{rule_id}/performance").json()
    assert performance["converted"] == 1 and Decimal(performance["revenue"]) == Decimal("19.90")
    assert performance["conversion_rate"] == 1.0


def test_do_not_contact_leaves_no_contact_action(client: TestClient, publish) -> None:
    segment = f"s-{uuid.uuid4().hex[:6]}"
    rule_id = _rule(client, segment)
    customer = in_segment(client, publish, segment)
    publish(CustomerUpdated(customer_id=customer, consent={"do_not_contact": True}))
    eventually(lambda: client.get(f"/internal/customers/{customer}/context").json()["consent"]
               .get("do_not_contact") is True, what="consent in context")
    actions = client.get(f"/v1/customers/{customer}/next-best-actions").json()
    assert all(a["channel"] is None for a in actions) and rule_id not in [a["rule_id"] for a in actions]


def test_lifecycle_bad_input_is_a_problem(client: TestClient) -> None:
    unknown = client.post(f"/v1/treatments/{uuid.uuid4()}/outcome", json={"outcome": "accepted"})
    assert unknown.status_code == 404 and unknown.headers["content-type"] == PROBLEM
    no_amount = client.post(f"/v1/treatments/{uuid.uuid4()}/outcome", json={"outcome": "converted"})
    assert no_amount.status_code == 422 and no_amount.headers["content-type"] == PROBLEM
    assert "body.amount" in [e["field"] for e in no_amount.json()["errors"]]
    bad_cursor = client.get(f"/v1/customers/{new_customer_id()}/treatments", params={"cursor": "not-a-cursor"})
    assert bad_cursor.status_code == 422 and bad_cursor.json()["errors"][0]["field"] == "query.cursor"
    assert client.get("/v1/rules/no-such-rule/performance").status_code == 404
    now = dt.datetime.now(dt.UTC)
    backwards = client.get("/v1/rules/vip-service-level/performance",
                           params={"since": now.isoformat(), "until": (now - dt.timedelta(days=1)).isoformat()})
    assert backwards.status_code == 422 and backwards.headers["content-type"] == PROBLEM
    too_much = client.post("/v1/rules", json={**a_rule("x"), "control_share": 0.7})
    assert too_much.status_code == 422 and too_much.headers["content-type"] == PROBLEM


def test_a_control_group_is_held_back_and_measured_for_uplift(client: TestClient, publish) -> None:
    segment = f"s-{uuid.uuid4().hex[:6]}"
    rule_id = _rule(client, segment, control_share=0.5)
    customers = [in_segment(client, publish, segment) for _ in range(12)]
    served = {c: _served(client, c, rule_id) for c in customers}
    treated = [c for c, action in served.items() if action is not None]
    held = [c for c, action in served.items() if action is None]
    assert treated and held  # about half each, decided by a hash of customer and rule
    assert all(_served(client, c, rule_id) is None for c in held)  # a customer stays in control
    for customer in [treated[0], held[0]]:
        publish(purchase(customer, amount=Decimal("10.00"), occurred_at=utcnow()))

    def measured() -> dict[str, Any] | None:
        figures = client.get(f"/v1/rules/{rule_id}/performance").json()
        return figures if figures["converted"] == 1 and figures["control"]["converted"] == 1 else None

    figures = eventually(measured, what="conversions of treated and control customers")
    assert figures["presented"] == len(treated) and figures["control"]["presented"] == len(held)
    expected = round(1 / len(treated) - 1 / len(held), 6)
    assert abs(figures["uplift"] - expected) < 1e-4, figures
