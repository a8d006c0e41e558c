"""Treatment lifecycle through the HTTP API on SQLite and PostgreSQL: served actions are
recorded decisions, outcomes, conversion by purchases, expiry, performance with a control
group, the treatments page, consent, and the playbook's rules."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from test_treatment_rules_api import in_segment
from treatment_factories import interaction, purchase, scored
from treatment_waits import new_customer_id, topic_events

from idic import utcnow
from idic.contracts import CustomerUpdated, TriggerDetected
from idic_devstack.waiting import eventually
from treatment_service.domain.lifecycle import in_control

PROBLEM = "application/problem+json"


def own_rule(client: TestClient, tag: str, **overrides: object) -> str:
    """An active non-realtime rule that fires only for customers in segment ``tag``."""
    rule_id = f"lc-{tag}"
    action = {"action_id": f"act-{tag}", "kind": "offer", "channels": ["email", "web"], "value": "10", "currency": "EUR",
              **overrides.pop("action", {})}  # type: ignore[dict-item]
    body = {"rule_id": rule_id, "name": f"Offer {tag}", "status": "active", "realtime": False, "priority": 500,
            "condition": {"fact": "segments", "op": "contains", "value": tag}, "action": action, **overrides}
    response = client.post("/v1/rules", json=body)
    assert response.status_code == 201, response.text
    return rule_id


def served(client: TestClient, customer: str, rule_id: str) -> dict | None:
    return next((a for a in client.get(f"/v1/customers/{customer}/next-best-actions").json()
                 if a["rule_id"] == rule_id), None)


def test_served_action_is_one_recorded_treatment_until_answered(client: TestClient, publish, kafka) -> None:
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag)
    customer = in_segment(client, publish, tag)
    first = served(client, customer, rule_id)
    assert first is not None and first["treatment_id"] and first["expires_at"]
    again = served(client, customer, rule_id)
    assert again is not None and again["treatment_id"] == first["treatment_id"]
    page = client.get(f"/v1/customers/{customer}/treatments").json()
    [row] = [t for t in page["treatments"] if t["rule_id"] == rule_id]
    assert row["delivered_at"] and row["outcome"] is None and row["control"] is False
    events = topic_events(kafka.bootstrap_servers, "idic.treatment", subject=customer, expect_at_least=2)
    mine = [e for e in events if e.data.get("treatment_id") == first["treatment_id"]]
    assert sorted(e.type for e in mine) == ["idic.treatment.decided.v1", "idic.treatment.delivered.v1"]
    assert next(e for e in mine if e.type.endswith("decided.v1")).data["expires_at"]
    assert next(e for e in mine if e.type.endswith("delivered.v1")).data["via"] == "api"
    # answered: 200 with the treatment, a second answer 409, and the next read decides anew
    url = f"/v1/treatments/{first['treatment_id']}/outcome"
    response = client.post(url, json={"outcome": "accepted"}, headers={"X-Actor": "agent.anna"})
    assert response.status_code == 200 and response.json()["outcome"] == "accepted"
    assert response.json()["outcome_by"] == "agent.anna"  # who recorded it, kept with it
    conflict = client.post(url, json={"outcome": "declined"}, headers={"X-Actor": "agent.bob"})
    assert conflict.status_code == 409 and conflict.headers["content-type"] == PROBLEM
    [row] = [t for t in client.get(f"/v1/customers/{customer}/treatments").json()["treatments"]
             if t["treatment_id"] == first["treatment_id"]]
    assert (row["outcome"], row["outcome_by"]) == ("accepted", "agent.anna")  # the loser changed nothing
    assert (nxt := served(client, customer, rule_id)) is not None and nxt["treatment_id"] != first["treatment_id"]
    client.delete(f"/v1/rules/{rule_id}")


def test_concurrent_reads_share_one_treatment(client: TestClient, publish) -> None:
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag)
    customer = in_segment(client, publish, tag)
    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(lambda _: served(client, customer, rule_id)["treatment_id"], range(4)))  # type: ignore[index]
    assert len(set(ids)) == 1
    page = client.get(f"/v1/customers/{customer}/treatments").json()["treatments"]
    assert [t["treatment_id"] for t in page if t["rule_id"] == rule_id] == ids[:1]
    client.delete(f"/v1/rules/{rule_id}")


def test_expiry_makes_it_ignored_and_a_new_one_is_decided(client: TestClient, publish) -> None:
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag, action={"valid_for_days": 2 / 86400})  # two seconds
    customer = in_segment(client, publish, tag)
    first = served(client, customer, rule_id)
    assert first is not None

    def ignored() -> dict | None:
        rows = client.get(f"/v1/customers/{customer}/treatments").json()["treatments"]
        return next((t for t in rows if t["treatment_id"] == first["treatment_id"] and t["outcome"] == "ignored"),
                    None)
    row = eventually(ignored, what="expiry sweep")
    assert row["outcome_at"] == row["expires_at"] and row["outcome_by"] is None  # the service, nobody's action
    assert served(client, customer, rule_id)["treatment_id"] != first["treatment_id"]  # type: ignore[index]
    client.delete(f"/v1/rules/{rule_id}")


def test_purchase_in_the_window_converts_and_after_it_does_not(client: TestClient, publish) -> None:
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag, action={"attribution_days": 3})
    inside, outside = in_segment(client, publish, tag), in_segment(client, publish, tag)
    treatment = {c: served(client, c, rule_id)["treatment_id"] for c in (inside, outside)}  # type: ignore[index]
    client.post(f"/v1/treatments/{treatment[inside]}/outcome", json={"outcome": "accepted"})
    publish(purchase(inside, amount=Decimal("80.00"), occurred_at=utcnow()))
    publish(purchase(outside, amount=Decimal("80.00"), occurred_at=utcnow() + dt.timedelta(days=4)))
    for c in (inside, outside):
        publish(interaction(c))  # same partition: applied after the purchase
        eventually(lambda c=c: client.get(f"/internal/customers/{c}/context").json()["interactions"]["count"] == 2,
                   what="purchase applied")

    def row(c: str) -> dict:
        return next(t for t in client.get(f"/v1/customers/{c}/treatments").json()["treatments"]
                    if t["treatment_id"] == treatment[c])
    converted = row(inside)
    assert (converted["outcome"], converted["amount"], converted["currency"]) == ("converted", "80.000000", "EUR")
    assert converted["accepted_at"]  # accepted, then converted: counts in both
    assert row(outside)["outcome"] is None
    perf = client.get(f"/v1/rules/{rule_id}/performance").json()
    assert (perf["presented"], perf["accepted"], perf["converted"], perf["revenue"], perf["currency"]) == (
        2, 1, 1, "80.000000", "EUR")
    assert perf["acceptance_rate"] == 0.5 and perf["conversion_rate"] == 0.5 and perf["uplift"] is None
    client.delete(f"/v1/rules/{rule_id}")


def test_control_group_is_held_back_and_uplift_measured(client: TestClient, publish) -> None:
    tag = uuid.uuid4().hex[:8]
    rule_id = f"lc-{tag}"
    candidates = [new_customer_id() for _ in range(40)]
    control = [c for c in candidates if in_control(c, rule_id, 0.5)][:2]
    treated = [c for c in candidates if not in_control(c, rule_id, 0.5)][:2]
    own_rule(client, tag, control_share=0.5)
    for c in [*control, *treated]:
        in_segment(client, publish, tag, customer=c)
    assert all(served(client, c, rule_id) is None for c in control)
    assert all(served(client, c, rule_id) is not None for c in treated)
    # purchases: both control customers and one treated customer buy
    for c in [*control, treated[0]]:
        publish(purchase(c, amount=Decimal("10"), occurred_at=utcnow()))
        publish(interaction(c))
    for c in [*control, treated[0]]:
        eventually(lambda c=c: client.get(f"/internal/customers/{c}/context").json()["interactions"]["count"] == 2,
                   what="purchase applied")
    held = client.get(f"/v1/customers/{control[0]}/treatments").json()["treatments"]
    assert [(t["control"], t["outcome"]) for t in held if t["rule_id"] == rule_id] == [(True, "converted")]
    perf = client.get(f"/v1/rules/{rule_id}/performance").json()
    assert (perf["presented"], perf["converted"], perf["conversion_rate"]) == (2, 1, 0.5)
    assert (perf["control"]["presented"], perf["control"]["converted"], perf["control"]["conversion_rate"]) == (
        2, 2, 1.0)
    assert perf["uplift"] == -0.5
    # the treatments report tells the same of the rule's decisions this month
    [row] = [r for r in client.get("/v1/reports/treatments").json()["rules"] if r["rule_id"] == rule_id]
    assert (row["presented"], row["converted"], row["control_presented"], row["control_converted"], row["uplift"]) == (
        2, 1, 2, 2, -0.5)
    client.delete(f"/v1/rules/{rule_id}")


def test_consent_do_not_contact_and_profiling(client: TestClient, publish) -> None:
    tag = uuid.uuid4().hex[:8]
    offer = own_rule(client, tag)
    service = own_rule(client, f"{tag}-s", condition={"fact": "segments", "op": "contains", "value": tag},
                       action={"kind": "service_level", "channels": None, "value": None, "currency": None})
    quiet, private = new_customer_id(), new_customer_id()
    publish(CustomerUpdated(customer_id=quiet, consent={"do_not_contact": True}))
    publish(CustomerUpdated(customer_id=private, consent={"profiling": False}))
    for c in (quiet, private):
        in_segment(client, publish, tag, customer=c)
        rules = {a["rule_id"] for a in client.get(f"/v1/customers/{c}/next-best-actions").json()}
        assert offer not in rules and service in rules
    client.delete(f"/v1/rules/{offer}")
    client.delete(f"/v1/rules/{service}")


def test_playbook_rule_fires_on_its_example_and_not_on_a_near_miss(client: TestClient, publish) -> None:
    hit, miss = new_customer_id(), new_customer_id()
    publish(scored(hit, tier="most_valuable", scored_at=utcnow()))
    publish(scored(miss, tier="most_valuable", scored_at=utcnow()))
    publish(TriggerDetected(trigger_id=str(uuid.uuid4()), customer_id=hit, kind="complaint", occurred_at=utcnow()))
    publish(TriggerDetected(trigger_id=str(uuid.uuid4()), customer_id=miss, kind="complaint",
                            occurred_at=utcnow() - dt.timedelta(days=8)))  # too old: outside the 7 days
    for c in (hit, miss):
        eventually(lambda c=c: (r := client.get(f"/internal/customers/{c}/context")).status_code == 200
                   and r.json()["recent_triggers"] and r.json()["value"]["tier"], what="context")
    fires = {c: client.post("/v1/rules:simulate", json={"rule_id": "service-recovery-top", "customer_id": c}).json()
             for c in (hit, miss)}
    assert fires[hit]["fires"] is True and fires[miss]["fires"] is False


def test_bad_input_on_lifecycle_endpoints(client: TestClient) -> None:
    def invalid(response, field: str) -> None:  # type: ignore[no-untyped-def]
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == PROBLEM
        assert field in [e["field"] for e in response.json()["errors"]]
    missing = client.post("/v1/treatments/no-such/outcome", json={"outcome": "accepted"})
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    invalid(client.post("/v1/treatments/no-such/outcome", json={"outcome": "converted", "currency": "EUR"}),
            "body.amount")
    invalid(client.post("/v1/treatments/no-such/outcome", json={"outcome": "converted", "amount": "1"}),
            "body.currency")
    invalid(client.get(f"/v1/customers/{new_customer_id()}/treatments", params={"cursor": "not-a-cursor"}),
            "query.cursor")
    unknown = client.get("/v1/rules/no-such-rule/performance")
    assert unknown.status_code == 404 and unknown.headers["content-type"] == PROBLEM
    invalid(client.get("/v1/rules/vip-service-level/performance",
                       params={"since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}), "query.since")
    invalid(client.post("/v1/rules", json={"name": "x", "condition": {"fact": "value.tier", "op": "exists"},
                                           "action": {"action_id": "a", "kind": "offer"}, "control_share": 0.7}),
            "body.control_share")


def test_a_repeat_read_writes_nothing_and_waits_for_no_writer(client: TestClient, publish) -> None:
    """Within its validity an action served again is read, not decided: no new treatment, no event, and the
    read takes no write lock (on SQLite it used to queue behind every consumer batch and write request)."""
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag)
    customer = in_segment(client, publish, tag)
    first = served(client, customer, rule_id)
    assert first is not None
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    outbox = runtime.tables.outbox

    def outbox_rows() -> int:
        with runtime.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(outbox)).scalar_one())

    before = outbox_rows()
    with runtime.uow() as writer:  # a writer's open transaction (SQLite: it holds the write lock)
        writer.session.execute(select(1))
        with ThreadPoolExecutor(1) as pool:
            started = time.monotonic()
            again = pool.submit(served, client, customer, rule_id).result(timeout=20)
            waited = time.monotonic() - started
    assert again is not None and again["treatment_id"] == first["treatment_id"]
    assert waited < 3, f"the repeat read waited {waited:.1f} s for the open writer"
    assert outbox_rows() == before  # no decided/delivered event: nothing was written
    client.delete(f"/v1/rules/{rule_id}")
