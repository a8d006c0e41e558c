"""Events in (real Kafka) -> context, next-best-actions and treatments out (real Kafka),
on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fastapi.testclient import TestClient
from treatment_factories import T0, interaction, purchase, scored, trigger
from treatment_waits import new_customer_id, topic_events

from idic.contracts import CustomerErased, CustomersMerged
from idic_devstack.waiting import eventually


def context_of(client: TestClient, customer_id: str) -> dict | None:
    response = client.get(f"/internal/customers/{customer_id}/context")
    return response.json() if response.status_code == 200 else None


def wait_context(client: TestClient, customer_id: str, check) -> dict:  # type: ignore[no-untyped-def]
    """The context once ``check(context)`` holds."""
    return eventually(lambda: (c := context_of(client, customer_id)) and check(c) and c,
                      what=f"context of {customer_id}")


def test_scores_interactions_and_triggers_build_context_and_actions(client: TestClient, publish) -> None:
    customer = new_customer_id()
    publish(scored(customer, tier="most_valuable", clv_12m=Decimal("1234.50"), p_alive=0.8, churn_risk=0.7,
                   rfm_segment="at_risk", frequency=3, monetary=Decimal("99.90"), scored_at=T0))
    publish(interaction(customer, channel="web", type="visit", occurred_at=T0))
    publish(purchase(customer, channel="store", occurred_at=T0 + dt.timedelta(hours=1)))
    publish(trigger(customer, trigger_id="trg-1", kind="lapse", occurred_at=T0 - dt.timedelta(days=30)))  # history

    ctx = wait_context(client, customer, lambda c: c["interactions"]["count"] == 2 and c["recent_triggers"]
                       and c["value"]["tier"])
    assert ctx["value"] == {"tier": "most_valuable", "clv_12m": "1234.500000", "monetary": "99.900000",
                            "currency": "EUR", "p_alive": 0.8, "churn_risk": 0.7, "rfm_segment": "at_risk",
                            "frequency": 3, "scored_at": T0.isoformat().replace("+00:00", "Z")}
    assert ctx["interactions"]["by_channel"] == {"web": 1, "store": 1}
    assert ctx["interactions"]["by_type"] == {"visit": 1, "purchase": 1}
    assert ctx["interactions"]["purchases"] == 1 and ctx["interactions"]["last_channel"] == "store"
    assert [t["trigger_id"] for t in ctx["recent_triggers"]] == ["trg-1"]
    assert ctx["merged_ids"] == [] and ctx["consent"] == {}

    response = client.get(f"/v1/customers/{customer}/next-best-actions")
    assert response.status_code == 200
    actions = response.json()
    # the playbook's retention for a valuable customer at churn risk outranks the generic retention offer
    assert [a["rule_id"] for a in actions] == ["vip-service-level", "retention-valuable"]
    served = {k: v for k, v in actions[1].items() if k not in ("treatment_id", "expires_at")}
    assert served == {"action_id": "retention-loyalty", "kind": "retention", "channel": "phone", "score": 0.4,
                      "reasons": ["value.churn_risk 0.70 >= 0.5",
                                  "value.tier most_valuable in ['most_valuable', 'most_growable']",
                                  "rule 'Retention offer for a valuable customer at churn risk' v1, priority 82",
                                  "propensity 0.40 (prior, no outcomes yet in segment at_risk)"],
                      "rule_id": "retention-valuable"}
    assert all(a["treatment_id"] and a["expires_at"] for a in actions)  # each a recorded decision
    again = client.get(f"/v1/customers/{customer}/next-best-actions").json()
    assert [a["treatment_id"] for a in again] == [a["treatment_id"] for a in actions]  # no flood of decisions
    by_phone = client.get(f"/v1/customers/{customer}/next-best-actions", params={"channel": "phone", "limit": 1})
    [vip] = by_phone.json()
    assert {k: v for k, v in vip.items() if k not in ("treatment_id", "expires_at")} == {
        "action_id": "vip-service", "kind": "service_level", "channel": "phone", "score": 0.9, "reasons": [
            "value.tier == most_valuable", "rule 'VIP service level for the most valuable customers' v1, priority 90",
            "propensity 0.90 (prior, no outcomes yet in segment at_risk)"], "rule_id": "vip-service-level"}


def test_unknown_customer_has_no_actions_and_no_context(client: TestClient) -> None:
    customer = new_customer_id()
    assert client.get(f"/v1/customers/{customer}/next-best-actions").json() == []
    response = client.get(f"/internal/customers/{customer}/context")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert client.get(f"/internal/customers/{customer}/treatments").json() == []


def test_first_purchase_decides_exactly_once_even_when_published_twice(client: TestClient, publish, kafka) -> None:
    customer = new_customer_id()
    first = publish(purchase(customer))
    publish(first.payload(), envelope=first)  # the very same event again (redelivery)
    publish(interaction(customer))  # same key, so same partition: applied after both
    wait_context(client, customer, lambda c: c["interactions"]["count"] == 2)

    [treatment] = client.get(f"/internal/customers/{customer}/treatments").json()
    assert (treatment["rule_id"], treatment["kind"], treatment["action_id"]) == (
        "welcome-first-purchase", "message", "welcome-message")
    assert treatment["cause_event_id"] == first.id and treatment["outcome"] is None
    [decided] = topic_events(kafka.bootstrap_servers, "idic.treatment", subject=customer, settle_s=1.5)
    assert decided.type == "idic.treatment.decided.v1"
    assert decided.data["treatment_id"] == treatment["treatment_id"]
    assert decided.data["cause_event_id"] == first.id and decided.data["channel"] == "email"
    # the purchase is now known, so the welcome is also what the customer should get next
    assert [a["rule_id"] for a in client.get(f"/v1/customers/{customer}/next-best-actions").json()] == [
        "welcome-first-purchase"]


def test_outcome_is_recorded_once(client: TestClient, publish) -> None:
    customer = new_customer_id()
    publish(purchase(customer))
    [treatment] = eventually(lambda: client.get(f"/internal/customers/{customer}/treatments").json(),
                             what="treatment")
    url = f"/v1/treatments/{treatment['treatment_id']}/outcome"

    response = client.post(url, json={"outcome": "accepted"})
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "accepted" and body["outcome_at"] and body["treatment_id"] == treatment["treatment_id"]

    again = client.post(url, json={"outcome": "declined"})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json" and again.json()["outcome"] == "accepted"
    [stored] = client.get(f"/internal/customers/{customer}/treatments").json()
    assert stored["outcome"] == "accepted"

    missing = client.post("/v1/treatments/no-such-treatment/outcome", json={"outcome": "ignored"})
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"


def test_merge_folds_into_survivor_and_erase_deletes_everything(client: TestClient, publish) -> None:
    survivor, merged = new_customer_id(), new_customer_id()
    publish(purchase(survivor, channel="web"))
    publish(purchase(merged, channel="store"))
    publish(interaction(merged, channel="email", type="email_open"))
    wait_context(client, survivor, lambda c: c["interactions"]["count"] == 1)
    wait_context(client, merged, lambda c: c["interactions"]["count"] == 2)

    publish(CustomersMerged(customer_id=survivor, merged_ids=[merged]))
    ctx = wait_context(client, survivor, lambda c: c["merged_ids"] == [merged])
    assert ctx["interactions"]["count"] == 3 and ctx["interactions"]["purchases"] == 2
    assert ctx["interactions"]["by_channel"] == {"web": 1, "store": 1, "email": 1}
    assert context_of(client, merged)["customer_id"] == survivor  # type: ignore[index]
    treatments = client.get(f"/internal/customers/{survivor}/treatments").json()
    assert len(treatments) == 2 and {t["customer_id"] for t in treatments} == {survivor}

    publish(CustomerErased(customer_id=survivor, erased_at=T0))
    eventually(lambda: client.get(f"/internal/customers/{survivor}/context").status_code == 404, what="erasure")
    assert client.get(f"/internal/customers/{merged}/context").status_code == 404
    assert client.get(f"/v1/customers/{survivor}/next-best-actions").json() == []
    assert client.get(f"/internal/customers/{survivor}/treatments").json() == []
    # a late event about the erased customer does not bring a context back
    publish(purchase(survivor))
    barrier = new_customer_id()
    publish(interaction(barrier), key=survivor)  # same partition: applied after the late purchase
    wait_context(client, barrier, lambda c: True)
    assert client.get(f"/internal/customers/{survivor}/context").status_code == 404


def test_invalid_event_is_dead_lettered_and_consumption_goes_on(client: TestClient, publish, publish_raw,
                                                                 kafka) -> None:
    customer = new_customer_id()
    publish_raw("idic.interaction", customer, b'{"not": "a cloudevent"}')
    bad = interaction(f"{customer}-{'x' * 150}")  # a customer id longer than any we store
    publish(bad)
    publish(interaction(customer))
    wait_context(client, customer, lambda c: c["interactions"]["count"] == 1)
    group = client.app.state.settings.group_id  # type: ignore[attr-defined]
    [dead] = topic_events(kafka.bootstrap_servers, f"idic.interaction.dlq.{group}", subject=bad.customer_id,
                          settle_s=0.2)
    assert dead.data["interaction_id"] == bad.interaction_id
