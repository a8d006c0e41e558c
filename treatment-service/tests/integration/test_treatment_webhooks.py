"""Webhooks on SQLite and PostgreSQL, over the real Kafka broker and a real HTTP receiver:
a decision reaches the subscriber signed per Standard Webhooks; a receiver outage and a
failing receiver are retried with the same webhook-id; failed deliveries are listed and
re-sent; a redelivered event makes no second delivery; consent and erasure; bad input."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from standardwebhooks import Webhook
from test_treatment_lifecycle import own_rule, served
from test_treatment_rules_api import in_segment
from treatment_waits import new_customer_id, topic_events

from idic import utcnow
from idic.contracts import CustomerErased, CustomerUpdated, SegmentChanged, TreatmentDecided
from idic_devstack.receiver import Received, WebhookReceiver
from idic_devstack.waiting import eventually
from treatment_service.config import Settings
from treatment_service.main import create_app
from treatment_service.service_layer.webhook_sending import prune_finished

PROBLEM = "application/problem+json"
MAX_AGE_S = 3.0  # retry window of this module's app: a failing receiver makes a delivery failed quickly


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, kafka: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app with a fast retry schedule (0.2 s doubling to 1 s, failed after 3 s)."""
    if request.param == "sqlite":
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('webhooks')) / 'treatment.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"treatment_wh_{uuid.uuid4().hex[:10]}")
    settings = Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group=f"treatment-wh-{uuid.uuid4().hex[:8]}", relay_poll_interval_s=0.05,
                        consumer_max_attempts=2, log_json=False, log_level="WARNING", expiry_sweep_interval_s=0,
                        webhook_retry_base_s=0.2, webhook_retry_cap_s=1.0, webhook_max_age_s=MAX_AGE_S,
                        webhook_timeout_s=2.0, webhook_lease_s=10.0, webhook_batch=16)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as hook:
        yield hook


def subscribe(client: TestClient, url: str, *events: str) -> dict[str, Any]:
    response = client.post("/v1/webhooks", json={"url": url, "events": list(events), "description": "test"})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def about(hook: WebhookReceiver, key: str, value: str) -> list[Received]:
    """Requests whose CloudEvent ``data[key]`` is ``value``, in arrival order."""
    return [r for r in hook.requests() if json.loads(r.body)["data"].get(key) == value]


def deliveries(client: TestClient, webhook_id: str, status: str | None = None) -> list[dict[str, Any]]:
    response = client.get(f"/v1/webhooks/{webhook_id}/deliveries", params={"status": status} if status else {})
    assert response.status_code == 200, response.text
    return response.json()["deliveries"]  # type: ignore[no-any-return]


def decided(client: TestClient, publish: Any) -> tuple[str, str, str]:
    """A served next-best-action (so a TreatmentDecided event): (customer, rule, treatment id)."""
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag)
    customer = in_segment(client, publish, tag)
    action = served(client, customer, rule_id)
    assert action is not None
    return customer, rule_id, action["treatment_id"]


def test_a_decision_reaches_the_subscriber_signed(client: TestClient, publish: Any, receiver: WebhookReceiver) -> None:
    hook = subscribe(client, receiver.url, "treatment.decided")
    assert hook["secret"].startswith("whsec_") and hook["events"] == ["treatment.decided"]
    assert "secret" not in client.get(f"/v1/webhooks/{hook['webhook_id']}").json()
    customer, rule_id, treatment_id = decided(client, publish)
    [got] = eventually(lambda: about(receiver, "treatment_id", treatment_id), what="delivery of the decision")
    assert got.path == "/hooks" and got.headers["content-type"] == "application/cloudevents+json"
    event = Webhook(hook["secret"]).verify(got.body, got.headers)  # raises unless the signature is right
    assert event["type"] == "idic.treatment.decided.v1" and event["subject"] == customer
    assert event["specversion"] == "1.0" and event["data"]["rule_id"] == rule_id
    with pytest.raises(Exception, match="signature"):
        Webhook(subscribe(client, receiver.url, "customer.erased")["secret"]).verify(got.body, got.headers)
    [row] = eventually(lambda: [d for d in deliveries(client, hook["webhook_id"], "succeeded")
                                if d["event_id"] == event["id"]], what="delivery recorded as succeeded")
    assert row["delivery_id"] == got.headers["webhook-id"] and row["attempts"] == 1 and row["delivered_at"]
    assert row["event_type"] == "idic.treatment.decided.v1" and row["last_status_code"] == 204
    # not subscribed: the segment change that put the customer in the rule's segment is not delivered
    assert not [r for r in receiver.requests() if json.loads(r.body)["type"] != "idic.treatment.decided.v1"]
    client.delete(f"/v1/rules/{rule_id}")


def test_a_receiver_outage_is_retried_with_the_same_webhook_id(client: TestClient, publish: Any, kafka: Any,
                                                               receiver: WebhookReceiver) -> None:
    hook = subscribe(client, receiver.url, "treatment.decided")
    receiver.down()
    customer, rule_id, treatment_id = decided(client, publish)
    # the customer's segment change may decide too: follow the delivery of this treatment's event
    [event] = eventually(lambda: [e for e in topic_events(kafka.bootstrap_servers, "idic.treatment", subject=customer,
                                                          settle_s=0.2, timeout=5)
                                  if e.type == "idic.treatment.decided.v1" and e.data["treatment_id"] == treatment_id],
                         what="the decision's event")
    [retried] = eventually(lambda: [d for d in deliveries(client, hook["webhook_id"], "pending")
                                    if d["event_id"] == event.id and d["attempts"] >= 2],
                           what="two failed attempts while the receiver is down")
    assert retried["last_status_code"] is None and "Connect" in retried["last_error"]
    receiver.up()
    [got] = eventually(lambda: about(receiver, "treatment_id", treatment_id), what="delivery after the outage")
    assert got.headers["webhook-id"] == retried["delivery_id"]
    row = eventually(lambda: [d for d in deliveries(client, hook["webhook_id"], "succeeded")
                              if d["delivery_id"] == got.headers["webhook-id"]], what="succeeded")[0]
    assert row["attempts"] >= 3
    time.sleep(1.0)  # nothing more arrives: exactly one accepted request per webhook-id
    assert [r.headers["webhook-id"] for r in about(receiver, "treatment_id", treatment_id)] == [row["delivery_id"]]
    client.delete(f"/v1/rules/{rule_id}")


def test_a_failing_receiver_ends_failed_listed_and_retry_resends_the_same_id(
        client: TestClient, publish: Any, receiver: WebhookReceiver) -> None:
    receiver.status = 500
    hook = subscribe(client, receiver.url, "treatment.decided")
    _customer, rule_id, treatment_id = decided(client, publish)
    [failed] = eventually(lambda: deliveries(client, hook["webhook_id"], "failed"), timeout=MAX_AGE_S + 20,
                          what="delivery failed after the retry window")
    assert failed["attempts"] >= 3 and failed["last_status_code"] == 500 and failed["next_attempt_at"] is None
    assert deliveries(client, hook["webhook_id"], "pending") == []
    tries = about(receiver, "treatment_id", treatment_id)
    assert len(tries) == failed["attempts"] and {r.headers["webhook-id"] for r in tries} == {failed["delivery_id"]}
    receiver.status = 204
    url = f"/v1/webhooks/{hook['webhook_id']}/deliveries/{failed['delivery_id']}:retry"
    response = client.post(url)
    assert response.status_code == 202 and response.json()["status"] == "pending"
    assert response.json()["delivery_id"] == failed["delivery_id"]
    eventually(lambda: deliveries(client, hook["webhook_id"], "succeeded"), what="re-sent delivery succeeded")
    last = about(receiver, "treatment_id", treatment_id)[-1]
    assert last.headers["webhook-id"] == failed["delivery_id"]
    Webhook(hook["secret"]).verify(last.body, last.headers)
    conflict = client.post(url)
    assert conflict.status_code == 409 and conflict.headers["content-type"] == PROBLEM
    client.delete(f"/v1/rules/{rule_id}")


def test_an_event_redelivered_by_kafka_makes_no_second_delivery(client: TestClient, publish: Any,
                                                                receiver: WebhookReceiver) -> None:
    hook = subscribe(client, receiver.url, "segment.changed")
    customer = new_customer_id()
    first = publish(SegmentChanged(customer_id=customer, segment_id="s-dup", entered=True, changed_at=utcnow()))
    publish(SegmentChanged(customer_id=customer, segment_id="s-dup", entered=True, changed_at=utcnow()),
            envelope=first)  # the same CloudEvent again, as Kafka redelivers it
    marker = publish(SegmentChanged(customer_id=customer, segment_id="s-after", entered=True, changed_at=utcnow()))
    eventually(lambda: about(receiver, "segment_id", "s-after") and
               [r for r in about(receiver, "segment_id", "s-after") if json.loads(r.body)["id"] == marker.id],
               what="the event after the duplicate delivered")  # same partition: the duplicate was handled
    time.sleep(0.5)
    mine = [d for d in deliveries(client, hook["webhook_id"]) if d["event_id"] == first.id]
    assert len(mine) == 1
    assert [json.loads(r.body)["id"] for r in receiver.requests()
            if json.loads(r.body)["subject"] == customer].count(first.id) == 1


def test_do_not_contact_means_no_delivery_of_an_outbound_treatment(client: TestClient, publish: Any,
                                                                  receiver: WebhookReceiver) -> None:
    hook = subscribe(client, receiver.url, "treatment.decided")
    tag = uuid.uuid4().hex[:8]
    rule_id = own_rule(client, tag)
    quiet = new_customer_id()
    publish(CustomerUpdated(customer_id=quiet, consent={"do_not_contact": True}))
    in_segment(client, publish, tag, customer=quiet)
    eventually(lambda: client.get(f"/internal/customers/{quiet}/context").json()["consent"].get("do_not_contact"),
               what="consent in the context")
    assert served(client, quiet, rule_id) is None  # treatment decides nothing outbound for them
    # a decision with a channel published anyway (e.g. decided just before the consent arrived)
    # is not delivered either; the next event on the same partition shows it was handled
    stray = TreatmentDecided(treatment_id=str(uuid.uuid4()), customer_id=quiet, action_id="a", kind="offer",
                             channel="email", rule_id=rule_id, decided_at=utcnow())
    stray_event = publish(stray)
    service_level = TreatmentDecided(treatment_id=str(uuid.uuid4()), customer_id=quiet, action_id="sl",
                                     kind="service_level", channel=None, decided_at=utcnow())
    publish(service_level)
    eventually(lambda: about(receiver, "treatment_id", service_level.treatment_id),
               what="the channel-free decision (not a contact) delivered")
    _other, other_rule, other_treatment = decided(client, publish)
    eventually(lambda: about(receiver, "treatment_id", other_treatment), what="another customer's decision")
    assert about(receiver, "treatment_id", stray.treatment_id) == []
    assert [r for r in receiver.requests() if json.loads(r.body)["data"].get("channel")
            and json.loads(r.body)["subject"] == quiet] == []
    assert not [d for d in deliveries(client, hook["webhook_id"]) if d["event_id"] == stray_event.id]
    for r in (rule_id, other_rule):
        client.delete(f"/v1/rules/{r}")


def test_erasure_deletes_the_bodies_of_the_persons_deliveries(client: TestClient, publish: Any,
                                                              receiver: WebhookReceiver) -> None:
    receiver.down()  # nothing is delivered yet: the deliveries wait, pending
    hook = subscribe(client, receiver.url, "segment.changed", "customer.erased")
    customer = new_customer_id()
    changed = publish(SegmentChanged(customer_id=customer, segment_id="s-gdpr", entered=True, changed_at=utcnow()))
    eventually(lambda: [d for d in deliveries(client, hook["webhook_id"]) if d["event_id"] == changed.id],
               what="pending delivery")
    erased = publish(CustomerErased(customer_id=customer, erased_at=utcnow()))
    [gone] = eventually(lambda: [d for d in deliveries(client, hook["webhook_id"], "failed")
                                 if d["event_id"] == changed.id], what="its delivery erased")
    assert "erased" in gone["last_error"]
    retry = client.post(f"/v1/webhooks/{hook['webhook_id']}/deliveries/{gone['delivery_id']}:retry")
    assert retry.status_code == 409
    receiver.up()
    eventually(lambda: [r for r in receiver.requests() if json.loads(r.body)["id"] == erased.id],
               what="the erasure notification itself delivered")
    assert [r for r in receiver.requests() if json.loads(r.body)["id"] == changed.id] == []
    # a late event about the erased person (after this service applied the erasure) goes nowhere
    eventually(lambda: client.get(f"/internal/erasures/{customer}").status_code == 200, what="erasure applied")
    late = publish(SegmentChanged(customer_id=customer, segment_id="s-late", entered=True, changed_at=utcnow()))
    other = new_customer_id()
    marker = publish(SegmentChanged(customer_id=other, segment_id="s-late", entered=True, changed_at=utcnow()),
                     key=customer)  # same partition, after the late event
    eventually(lambda: [r for r in receiver.requests() if json.loads(r.body)["id"] == marker.id],
               what="the next event delivered")
    assert [r for r in receiver.requests() if json.loads(r.body)["id"] == late.id] == []
    assert not [d for d in deliveries(client, hook["webhook_id"]) if d["event_id"] == late.id]


def test_deleted_and_inactive_webhooks_send_nothing(client: TestClient, publish: Any,
                                                    receiver: WebhookReceiver) -> None:
    receiver.down()
    deleted = subscribe(client, receiver.url, "segment.changed")
    paused = subscribe(client, receiver.url, "segment.changed")
    customer = new_customer_id()
    first = publish(SegmentChanged(customer_id=customer, segment_id="s-del", entered=True, changed_at=utcnow()))
    eventually(lambda: [d for d in deliveries(client, deleted["webhook_id"], "pending") if d["event_id"] == first.id],
               what="pending delivery")
    assert client.delete(f"/v1/webhooks/{deleted['webhook_id']}").status_code == 204
    assert client.patch(f"/v1/webhooks/{paused['webhook_id']}", json={"active": False}).json()["active"] is False
    assert client.get(f"/v1/webhooks/{deleted['webhook_id']}/deliveries").status_code == 404
    later = publish(SegmentChanged(customer_id=customer, segment_id="s-del2", entered=True, changed_at=utcnow()))
    live = subscribe(client, receiver.url, "segment.changed")
    marker = publish(SegmentChanged(customer_id=customer, segment_id="s-del3", entered=True, changed_at=utcnow()))
    receiver.up()
    eventually(lambda: [r for r in receiver.requests() if json.loads(r.body)["id"] == marker.id],
               what="a live subscription's delivery")
    # the paused one still has its first delivery pending (it is sent: pausing stops new ones only)
    ids = [json.loads(r.body)["id"] for r in receiver.requests() if json.loads(r.body)["subject"] == customer]
    assert later.id not in ids  # nobody active subscribed to it when it happened
    assert [d["event_id"] for d in deliveries(client, paused["webhook_id"])] == [first.id]
    assert [d["event_id"] for d in deliveries(client, live["webhook_id"])] == [marker.id]
    assert client.get(f"/v1/webhooks/{deleted['webhook_id']}").status_code == 404


def test_list_patch_and_bad_input(client: TestClient, receiver: WebhookReceiver) -> None:
    hook = subscribe(client, receiver.url, "customer.merged", "trigger.detected")
    assert hook["events"] == ["customer.merged", "trigger.detected"]
    assert hook["webhook_id"] in [w["webhook_id"] for w in client.get("/v1/webhooks").json()["webhooks"]]
    patched = client.patch(f"/v1/webhooks/{hook['webhook_id']}", json={"events": ["customer.erased"],
                                                                       "description": "gdpr"})
    assert patched.status_code == 200 and patched.json()["events"] == ["customer.erased"]
    assert patched.json()["description"] == "gdpr" and patched.json()["updated_at"] > hook["created_at"]

    def problem(response: Any, status: int, field: str | None = None) -> None:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == PROBLEM
        if field is not None:
            assert field in [e["field"] for e in response.json()["errors"]], response.json()
    for url in ("ftp://example.com/x", "example.com", "http://", "http://exa mple.com/", "javascript:alert(1)"):
        problem(client.post("/v1/webhooks", json={"url": url, "events": ["treatment.decided"]}), 422, "body.url")
    problem(client.post("/v1/webhooks", json={"url": receiver.url, "events": ["treatment.exploded"]}), 422,
            "body.events.0")
    problem(client.post("/v1/webhooks", json={"url": receiver.url, "events": []}), 422, "body.events")
    problem(client.post("/v1/webhooks", json={"url": receiver.url, "events": ["customer.erased"], "x": 1}), 422,
            "body.x")
    problem(client.patch(f"/v1/webhooks/{hook['webhook_id']}", json={}), 422, "body")
    unchanged = client.patch(f"/v1/webhooks/{hook['webhook_id']}", json={"url": None, "active": None})
    assert unchanged.status_code == 200 and unchanged.json() == patched.json()  # null leaves them as they are
    problem(client.patch(f"/v1/webhooks/{hook['webhook_id']}", json={"url": "file:///etc/passwd"}), 422, "body.url")
    problem(client.patch(f"/v1/webhooks/{hook['webhook_id']}", json={"active": 0}), 422, "body.active")  # not a bool
    for method in ("GET", "PATCH", "DELETE"):
        problem(client.request(method, "/v1/webhooks/wh_unknown", json={"active": True}), 404)
    problem(client.get("/v1/webhooks/wh_unknown/deliveries"), 404)
    problem(client.get(f"/v1/webhooks/{hook['webhook_id']}/deliveries", params={"status": "lost"}), 422,
            "query.status")
    problem(client.get(f"/v1/webhooks/{hook['webhook_id']}/deliveries", params={"cursor": "nope"}), 422,
            "query.cursor")
    problem(client.post(f"/v1/webhooks/{hook['webhook_id']}/deliveries/msg_unknown:retry"), 404)
    problem(client.post("/v1/webhooks/wh_unknown/deliveries/msg_unknown:retry"), 404)
    assert client.delete(f"/v1/webhooks/{hook['webhook_id']}").status_code == 204


def test_two_senders_never_claim_one_delivery_and_a_dead_senders_lease_expires(client: TestClient,
                                                                                receiver: WebhookReceiver) -> None:
    """Two replicas' sender rounds at once take disjoint deliveries (PostgreSQL: FOR UPDATE SKIP LOCKED;
    both: only rows still due when the claiming UPDATE runs); a delivery claimed by a sender that died
    is due again once its lease ran out, same id. The rows are due a day from now, so the app's own
    sender leaves them alone: the test's claims pass that clock."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    hook = subscribe(client, receiver.url, "customer.scored")
    later = utcnow() + dt.timedelta(days=1)
    ids = [f"msg_claim{uuid.uuid4().hex[:20]}" for _ in range(40)]
    with runtime.uow() as uow:
        uow.webhooks.add_deliveries([
            {"id": i, "webhook_id": hook["webhook_id"], "event_id": f"e-{i}", "event_type": "idic.customer.scored.v1",
             "customer_id": "c", "body": "{}", "status": "pending", "attempts": 0, "next_attempt_at": later,
             "give_up_at": later + dt.timedelta(hours=1), "created_at": utcnow()} for i in ids])
        uow.commit()
    barrier = threading.Barrier(2)
    lease = later + dt.timedelta(seconds=60)

    def claim(_: int) -> list[str]:
        with runtime.uow() as uow:
            barrier.wait()
            got = uow.webhooks.claim_due(now=later, lease_until=lease, limit=30)
            time.sleep(0.3)  # hold the claim open while the other sender claims
            uow.commit()
        return [d.delivery_id for d in got if d.delivery_id in ids]
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(claim, range(2))
    assert not set(first) & set(second) and len(first) + len(second) >= 30, (len(first), len(second))
    with runtime.uow() as uow:
        rest = [d.delivery_id for d in uow.webhooks.claim_due(now=later, lease_until=lease, limit=100)
                if d.delivery_id in ids]
        uow.commit()
    assert sorted(first + second + rest) == sorted(ids)  # each exactly once
    with runtime.uow() as uow:  # all leased: nobody claims them before the lease ends ...
        assert [d for d in uow.webhooks.claim_due(now=lease - dt.timedelta(seconds=1), lease_until=lease,
                                                  limit=100) if d.delivery_id in ids] == []
    with runtime.uow() as uow:  # ... and after it (the senders "died" without recording) they are due again
        again = [d.delivery_id for d in uow.webhooks.claim_due(now=lease, lease_until=lease + dt.timedelta(days=9),
                                                               limit=100) if d.delivery_id in ids]
        uow.commit()
    assert sorted(again) == sorted(ids)
    assert client.delete(f"/v1/webhooks/{hook['webhook_id']}").status_code == 204


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_pending_deliveries_survive_a_restart(request: pytest.FixtureRequest, database: str, kafka: Any,
                                              publish: Any, receiver: WebhookReceiver, tmp_path: Path) -> None:
    """The service stops while its receiver is down; a new process on the same database sends
    what was pending, with the same webhook-id."""
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'restart.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"treatment_whr_{uuid.uuid4().hex[:10]}")
    settings = Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group=f"treatment-whr-{uuid.uuid4().hex[:8]}", relay_poll_interval_s=0.05,
                        log_json=False, log_level="WARNING", expiry_sweep_interval_s=0, webhook_retry_base_s=0.2,
                        webhook_retry_cap_s=0.5, webhook_timeout_s=2.0, webhook_lease_s=10.0, webhook_batch=16)
    receiver.down()
    customer = new_customer_id()
    with TestClient(create_app(settings)) as first:
        hook = subscribe(first, receiver.url, "segment.changed")
        event = publish(SegmentChanged(customer_id=customer, segment_id="s-restart", entered=True,
                                       changed_at=utcnow()))
        [pending] = eventually(lambda: [d for d in deliveries(first, hook["webhook_id"], "pending")
                                        if d["event_id"] == event.id and d["attempts"] >= 1], what="pending delivery")
    receiver.up()
    time.sleep(0.5)
    assert receiver.requests() == []  # nobody sends while the service is down
    with TestClient(create_app(settings)) as second:
        [got] = eventually(lambda: [r for r in receiver.requests() if json.loads(r.body)["id"] == event.id],
                           what="delivery after the restart")
        assert got.headers["webhook-id"] == pending["delivery_id"]
        Webhook(hook["secret"]).verify(got.body, got.headers)
        eventually(lambda: deliveries(second, hook["webhook_id"], "succeeded"), what="recorded as succeeded")


def test_finished_deliveries_past_the_retention_are_pruned_and_pending_ones_stay(client: TestClient,
                                                                                 receiver: WebhookReceiver) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    hook = subscribe(client, receiver.url, "customer.scored")
    client.patch(f"/v1/webhooks/{hook['webhook_id']}", json={"active": False})
    old, recent = utcnow() - dt.timedelta(days=40), utcnow() - dt.timedelta(days=1)
    rows = {f"msg_prune{status}{age}{uuid.uuid4().hex[:8]}": (status, at)
            for status in ("succeeded", "failed", "pending") for age, at in (("old", old), ("new", recent))}
    with runtime.uow() as uow:
        uow.webhooks.add_deliveries([
            {"id": i, "webhook_id": hook["webhook_id"], "event_id": f"e-{i}", "event_type": "idic.customer.scored.v1",
             "customer_id": "c", "body": "{}", "status": status, "attempts": 1,
             "next_attempt_at": utcnow() + dt.timedelta(days=1) if status == "pending" else None,
             "give_up_at": utcnow() + dt.timedelta(days=2), "created_at": at} for i, (status, at) in rows.items()])
        uow.commit()
    assert prune_finished(now=utcnow(), retention_s=30 * 86_400, uow_factory=runtime.uow) >= 2
    left = {d["delivery_id"] for d in deliveries(client, hook["webhook_id"])}
    assert left == {i for i, (status, at) in rows.items() if status == "pending" or at == recent}
    assert client.delete(f"/v1/webhooks/{hook['webhook_id']}").status_code == 204
