"""Real-time decisions from events under consent, rules reacting to triggers, and the
GDPR endpoints (export, erasure status)."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi.testclient import TestClient
from treatment_factories import T0, interaction, purchase, trigger
from treatment_waits import new_customer_id, topic_events

from idic.contracts import CustomerErased, CustomerUpdated
from idic_devstack.waiting import eventually


def treatments(client: TestClient, customer: str) -> list[dict]:
    return client.get(f"/internal/customers/{customer}/treatments").json()  # type: ignore[no-any-return]


def applied(client: TestClient, customer: str, count: int) -> None:
    """Wait until ``count`` interactions of the customer were applied (events before them too: same partition)."""
    eventually(lambda: (r := client.get(f"/internal/customers/{customer}/context")).status_code == 200
               and r.json()["interactions"]["count"] == count, what=f"{count} interactions")


def test_no_decision_without_consent_and_fallback_channel(client: TestClient, publish) -> None:
    refused, email_only = new_customer_id(), new_customer_id()
    publish(CustomerUpdated(customer_id=refused, consent={"email": False, "sms": False, "mail": False}))
    publish(CustomerUpdated(customer_id=email_only, consent={"email": False, "profiling": True}))
    for customer in (refused, email_only):  # another topic: no order with the purchases, so wait for it
        eventually(lambda c=customer: client.get(f"/internal/customers/{c}/context").status_code == 200,
                   what="consent applied")
    publish(purchase(refused))
    publish(purchase(email_only))
    applied(client, refused, 1)
    applied(client, email_only, 1)
    assert treatments(client, refused) == []
    assert client.get(f"/v1/customers/{refused}/next-best-actions").json() == []
    [welcome] = treatments(client, email_only)
    assert (welcome["rule_id"], welcome["channel"]) == ("welcome-first-purchase", "mobile_app")
    context = client.get(f"/internal/customers/{email_only}/context").json()
    assert context["consent"] == {"email": False, "profiling": True}
    # consent given later does not re-send the welcome (once per customer)
    publish(CustomerUpdated(customer_id=refused, consent={"email": True}))
    publish(interaction(refused))
    applied(client, refused, 2)
    assert treatments(client, refused) == []


def test_trigger_rule_decides_once_per_trigger_and_publishes(client: TestClient, publish, kafka) -> None:
    kind = f"life-{uuid.uuid4().hex[:8]}"
    rule = {"name": "Congratulate on a life event", "status": "active", "repeat": "per_event", "priority": 70,
            "condition": {"fact": "event.trigger_kind", "op": "eq", "value": kind},
            "action": {"action_id": f"congrats-{kind}", "kind": "message", "channels": ["email"],
                       "content": "tmpl-congrats"}}
    rule_id = client.post("/v1/rules", json=rule, headers={"X-Actor": "marketing"}).json()["rule_id"]
    customer = new_customer_id()
    first = publish(trigger(customer, kind=kind))
    publish(first.payload(), envelope=first)  # redelivered: decided once
    publish(trigger(customer, kind=kind, occurred_at=T0 + dt.timedelta(minutes=30)))  # a second occurrence
    publish(trigger(customer, kind="other"))
    publish(interaction(customer))
    applied(client, customer, 1)
    decided = [t for t in treatments(client, customer) if t["rule_id"] == rule_id]
    assert len(decided) == 2 and {t["rule_version"] for t in decided} == {1}
    assert {t["cause_event_id"] for t in decided} >= {first.id}
    events = [e for e in topic_events(kafka.bootstrap_servers, "idic.treatment", subject=customer, expect_at_least=2)
              if e.type == "idic.treatment.decided.v1"]
    assert sorted(e.data["treatment_id"] for e in events) == sorted(t["treatment_id"] for t in decided)
    assert all(e.data["rule_id"] == rule_id and e.data["rule_version"] == 1 and e.data["channel"] == "email"
               for e in events)
    # a trigger is an event, not a state: it is not a next-best-action later
    assert [a for a in client.get(f"/v1/customers/{customer}/next-best-actions").json()
            if a["rule_id"] == rule_id] == []
    client.delete(f"/v1/rules/{rule_id}")


def test_gdpr_export_and_erasure_status(client: TestClient, publish) -> None:
    customer = new_customer_id()
    assert client.get(f"/internal/customers/{customer}/export").status_code == 404
    assert client.get(f"/internal/erasures/{customer}").status_code == 404
    publish(purchase(customer))
    applied(client, customer, 1)
    export = client.get(f"/internal/customers/{customer}/export").json()
    assert export["customer_id"] == customer and export["context"]["interactions"]["purchases"] == 1
    assert [t["rule_id"] for t in export["treatments"]] == ["welcome-first-purchase"]

    publish(CustomerErased(customer_id=customer, erased_at=T0))
    status = eventually(lambda: (r := client.get(f"/internal/erasures/{customer}")).status_code == 200 and r.json(),
                        what="erasure")
    assert status == {"customer_id": customer, "erased_at": T0.isoformat().replace("+00:00", "Z")}
    assert client.get(f"/internal/customers/{customer}/export").status_code == 404
    long_id = "x" * 129
    assert client.get(f"/internal/customers/{long_id}/export").status_code == 422
    assert client.get(f"/internal/erasures/{long_id}").status_code == 422
