"""The loop turns by itself (issue 13, item 8): a fresh stack on PostgreSQL and Kafka receives two
years of history for ~2,000 customers (200 of them known only by a cookie) and no manual call —
every interaction is linked on the way in, scoring's own schedule fits and scores, a most-valuable
customer's complaint becomes a service-recovery decision served with a treatment id, the timeline
shows it, and its outcome moves the rule's performance. Bad input on the new endpoints gets
problem+json. A subscriber's webhook receives every decision exactly once per webhook-id, though it is
down for 30 s while the recovery is decided."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from kafka import KafkaConsumer
from standardwebhooks import Webhook

from idic import parse_event
from idic_devstack.kafka import KafkaBroker
from idic_devstack.postgres import PostgresCluster
from idic_devstack.pytest_plugin import jvm_options
from idic_devstack.receiver import WebhookReceiver
from idic_devstack.stack import SERVICES, Stack
from idic_devstack.waiting import eventually

from ..conftest import API_KEY
from ..support import group_lag

CUSTOMERS = 2_000
ANONYMOUS = 200  # known to nobody before their interactions arrive (identified on the way in)
VIP = 0          # the index of the customer who spends the most
RECOVERY_KIND = "service_recovery"
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
LOOP_ENV = {
    # scoring's schedule looks often, so a fresh install scores within the test's bound
    "SCORING_SCHEDULE_CHECK_INTERVAL_S": "2",
    "SCORING_REFIT_MIN_REPEAT_BUYERS": "30",
    # the subscriber's outage is 30 s: retries within seconds of its return, not the default minutes
    "TREATMENT_WEBHOOK_RETRY_BASE_S": "1",
    "TREATMENT_WEBHOOK_RETRY_CAP_S": "5",
    # batches of 2,000 interactions, each identified on the way in, while `make test`'s other sessions share
    # the 2 cores: one may take longer than the gateway's default 10 s per upstream call (a 504). Latency is
    # not what this test proves (the benchmarks measure it)
    "GATEWAY_TIMEOUT_S": "60",
}
OUTAGE_S = 30


@pytest.fixture(scope="module")
def loop_kafka(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KafkaBroker]:
    """A broker of the loop's own. On the session's broker this stack's services would join the consumer
    groups of the session's stack (same group ids, same topics) and half of the loop's events would be
    applied to the other stack's databases: scoring "stalled" at about half the purchasers."""
    with KafkaBroker(tmp_path_factory.mktemp("loop-kafka"), jvm_options=jvm_options(request.config)) as broker:
        yield broker


@pytest.fixture(scope="module")
def loop_stack(loop_kafka: KafkaBroker, postgres: PostgresCluster,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    urls = {svc.name: postgres.create_database(f"loop_{svc.name}") for svc in SERVICES}
    suite = Stack(kafka_bootstrap=loop_kafka.bootstrap_servers, workdir=tmp_path_factory.mktemp("loop"),
                  database_urls=urls, extra_env={"IDIC_API_KEYS": json.dumps({API_KEY: ["read", "write", "admin"]}),
                                                 "GATEWAY_RATE_LIMIT_RPS": "0", **LOOP_ENV})
    try:
        suite.start_all()
        for name in suite.processes:
            suite.wait_healthy(name, ready=True, timeout=90)
        yield suite
    finally:
        suite.stop_all()


@pytest.fixture(scope="module")
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as hook:
        yield hook


@pytest.fixture(scope="module")
def api(loop_stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=loop_stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=60) as client:
        yield client


def _history(rng: random.Random, index: int, who: dict[str, Any]) -> list[dict[str, Any]]:
    """Two years of one customer: purchases (the VIP buys most and most often), now and then a
    complaint, a survey, a call; occurrence times in the past."""
    start = NOW - dt.timedelta(days=730)
    purchases = 40 if index == VIP else rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 10])
    days = sorted(rng.uniform(0, 725) for _ in range(purchases))
    items = []
    for n, day in enumerate(days):
        amount = "480.00" if index == VIP else f"{rng.uniform(8, 120):.2f}"
        items.append({**who, "id": f"loop-{index}-p{n}", "channel": rng.choice(["store", "web", "mobile_app"]),
                      "type": "purchase", "amount": amount, "currency": "EUR",
                      "occurred_at": (start + dt.timedelta(days=day)).isoformat(),
                      "payload": {"category": rng.choice(["shoes", "bags", "books", "garden"])}})
    if index != VIP and rng.random() < 0.08:
        items.append({**who, "id": f"loop-{index}-c", "channel": "phone", "type": "complaint",
                      "occurred_at": (start + dt.timedelta(days=rng.uniform(0, 700))).isoformat()})
    if rng.random() < 0.2:
        items.append({**who, "id": f"loop-{index}-s", "channel": "email", "type": "survey",
                      "payload": {"nps": rng.randint(0, 10)},
                      "occurred_at": (start + dt.timedelta(days=rng.uniform(0, 700))).isoformat()})
    return items


def _record(api: httpx.Client, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    results = []
    for start in range(0, len(items), 2_000):
        response = api.post("/v1/interactions:batch", json={"interactions": items[start:start + 2_000]})
        assert response.status_code == 202, response.text
        results.extend(response.json()["results"])
    return results


def _decided_event_id(kafka: KafkaBroker, customer_id: str, treatment_id: str) -> str:
    """The id of the CloudEvent that announced this decision (what its webhook delivery names)."""
    consumer = KafkaConsumer("idic.treatment", bootstrap_servers=kafka.bootstrap_servers, group_id=None,
                             auto_offset_reset="earliest", consumer_timeout_ms=10_000)
    try:
        for message in consumer:
            if message.key == customer_id.encode():
                event = parse_event(message.value)
                if event.type == "idic.treatment.decided.v1" and event.data["treatment_id"] == treatment_id:
                    return event.id
    finally:
        consumer.close()
    raise AssertionError(f"no TreatmentDecided for {treatment_id} on idic.treatment")


def _propensity(api: httpx.Client, rule_id: str, customer_id: str) -> float:
    """The propensity the rule's action would be ranked with for this customer now (rules:simulate)."""
    simulated = api.post("/v1/rules:simulate", json={"rule_id": rule_id, "customer_id": customer_id})
    assert simulated.status_code == 200, simulated.text
    action = simulated.json()["action"]
    assert action, simulated.json()
    return float(action["propensity"])


# In `make test` (about 4 min, in a session of its own beside the others): the proof that the loop
# turns with no manual call. It runs on a broker of its own (see loop_kafka), which is what made it stall
# inside the whole suite before. Its own waits bound it (up to 300 s each), not the suite's 300 s per test.
@pytest.mark.timeout(1200)
def test_the_loop_turns_by_itself(api: httpx.Client, receiver: WebhookReceiver, loop_kafka: KafkaBroker) -> None:
    rng = random.Random(13)
    started, phases = time.monotonic(), {}
    # -- the business's own system subscribes to every decision --
    subscribed = api.post("/v1/webhooks", json={"url": receiver.url, "events": ["treatment.decided"],
                                                "description": "the loop's CRM inbox"})
    assert subscribed.status_code == 201, subscribed.text
    hook = subscribed.json()
    # -- Identify 1,800 customers; 200 more appear only through their interactions' identifiers --
    known = CUSTOMERS - ANONYMOUS
    # identifiers only: made-up names this alike ("Ann1 Loop", "Ann2 Loop") would rightly match each other
    records = [{"identifiers": [{"type": "email", "value": f"loop{i}@example.com"}], "source": "web"}
               for i in range(known)]
    identified = api.post("/v1/customers/identify:batch", json={"records": records})
    assert identified.status_code == 200, identified.text
    ids = [r["customer_id"] for r in identified.json()["results"]]
    who = [{"customer_id": cid} for cid in ids] + [
        {"identifiers": [{"type": "cookie", "value": f"loop-cookie-{i}"}]} for i in range(known, CUSTOMERS)]
    history = [item for i in range(CUSTOMERS) for item in _history(rng, i, who[i])]
    rng.shuffle(history)
    results = _record(api, history)
    assert all(r["status"] == "recorded" and r["customer_id"] for r in results)  # nothing waits unlinked
    anonymous = {r["customer_id"] for r, item in zip(results, history, strict=True) if "identifiers" in item}
    assert len(anonymous) == ANONYMOUS  # one new customer per cookie, every later interaction linked to it
    vip = ids[VIP]
    phases["identified and recorded"] = time.monotonic() - started

    # -- Differentiate without being asked: no clv:fit, no rfm:refresh --
    def scored() -> dict[str, Any] | None:
        value = api.get(f"/v1/customers/{vip}/value").json()
        clv = value.get("clv") or {}
        rfm = value.get("rfm") or {}
        return value if value.get("tier") == "most_valuable" and clv.get("clv_12m") and rfm.get("r") else None

    value = eventually(scored, timeout=300, interval=2, what="the schedule fitted, refreshed and scored the VIP")
    phases["VIP scored by the schedule"] = time.monotonic() - started
    assert value["clv"]["status"] == "scored" and value["clv"]["p_alive"] > 0.5
    # the first fit came as soon as enough repeat buyers had arrived, asked for by the schedule alone
    # the fit's scores commit before its job row says succeeded (the job's status is its own transaction)
    fits = eventually(lambda: api.get("/v1/jobs", params={"kind": "clv_fit", "status": "succeeded"}).json()["jobs"],
                      timeout=60, interval=1, what="the schedule's fit marked succeeded")
    assert {f["created_by"] for f in fits} == {"system:schedule"}
    assert fits[-1]["result"]["customers"] >= 30
    assert api.get(f"/v1/customers/{vip}/value").json()["tier"] == "most_valuable"
    sample = rng.sample(ids, 40) + rng.sample(sorted(anonymous), 10)

    def everyone_graded() -> bool:  # the consumers may still be catching up with the history
        values = [api.get(f"/v1/customers/{cid}/value").json() for cid in sample]
        return all(v.get("tier") and v["rfm"]["status"] == "scored" for v in values)

    eventually(everyone_graded, timeout=300, interval=3, what="tiers and RFM grades of a sample of everyone")
    phases["everyone graded"] = time.monotonic() - started
    for group, topics in (("treatment-service", ["idic.interaction", "idic.identity", "idic.scoring"]),
                          ("interaction-service", ["idic.identity", "idic.treatment"])):
        eventually(lambda g=group, t=topics: group_lag(loop_kafka.bootstrap_servers, g, t) == 0, timeout=300,
                   interval=2, what=f"{group} caught up with the history")
    phases["history applied everywhere"] = time.monotonic() - started
    # graded against everyone once all of the VIP's 40 purchases are in (the first grade may have come mid-way)
    assert api.get(f"/v1/customers/{vip}/value").json()["rfm"]["f"] == 5

    # -- A complaint of the most valuable customer becomes a service-recovery decision, while the subscriber
    #    is down for 30 s --
    receiver.down()
    outage_started = time.monotonic()
    complaint = api.post("/v1/interactions", json={"customer_id": vip, "channel": "phone", "type": "complaint",
                                                   "payload": {"topic": "late delivery"}})
    assert complaint.status_code == 202, complaint.text

    def recovery() -> dict[str, Any] | None:
        actions = api.get(f"/v1/customers/{vip}/next-best-actions").json()
        return next((a for a in actions if a["kind"] == RECOVERY_KIND), None)

    try:
        action = eventually(recovery, timeout=120, interval=1, what="a service-recovery action for the VIP")
    except AssertionError as exc:  # say why not: what was served, and what each recovery rule saw
        served = api.get(f"/v1/customers/{vip}/next-best-actions").json()
        why = {rule: api.post("/v1/rules:simulate", json={"rule_id": rule, "customer_id": vip}).json()
               for rule in ("service-recovery-top", "service-recovery")}
        raise AssertionError(f"{exc}; served {served}; simulated {why}") from None
    deliveries = f"/v1/webhooks/{hook['webhook_id']}/deliveries"

    decided_id = _decided_event_id(loop_kafka, vip, action["treatment_id"])

    def tried_in_vain() -> dict[str, Any] | None:  # the decision reached the sender, which found nobody
        page = api.get(deliveries, params={"status": "pending", "limit": 500}).json()["deliveries"]
        return next((d for d in page if d["event_id"] == decided_id and d["attempts"] >= 1), None)

    eventually(tried_in_vain, timeout=60, interval=1, what="the recovery decision tried while the subscriber is down")
    time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - outage_started)))
    receiver.up()

    def recovery_received() -> list[Any]:
        return [r for r in receiver.requests()
                if json.loads(r.body)["data"].get("treatment_id") == action["treatment_id"]]

    [got] = eventually(recovery_received, timeout=60, interval=1, what="the recovery decision at the subscriber")
    event = Webhook(hook["secret"]).verify(got.body, got.headers)  # signed per Standard Webhooks
    assert event["type"] == "idic.treatment.decided.v1" and event["subject"] == vip
    delivered = next(d for d in api.get(deliveries, params={"status": "succeeded", "limit": 500}).json()["deliveries"]
                     if d["delivery_id"] == got.headers["webhook-id"])
    assert delivered["attempts"] >= 2  # tried during the outage, delivered after it, under one webhook-id

    def all_delivered() -> bool:  # nothing lost in the outage: every decision made arrives in the end
        return not api.get(deliveries, params={"status": "pending", "limit": 1}).json()["deliveries"]

    eventually(all_delivered, timeout=90, interval=2, what="every pending delivery delivered after the outage")
    webhook_ids = Counter(r.headers["webhook-id"] for r in receiver.requests())
    assert webhook_ids and max(webhook_ids.values()) == 1  # exactly once per webhook-id
    assert not api.get(deliveries, params={"status": "failed", "limit": 1}).json()["deliveries"]
    phases["recovery delivered after the subscriber's 30 s outage"] = time.monotonic() - started

    again = api.get(f"/v1/customers/{vip}/next-best-actions").json()
    assert action["treatment_id"] in [a["treatment_id"] for a in again]  # the same decision, not a new one
    page = api.get(f"/v1/customers/{vip}/treatments").json()
    treatment = next(t for t in page["treatments"] if t["treatment_id"] == action["treatment_id"])
    assert treatment["delivered_at"] and treatment["outcome"] is None

    # -- visible on the timeline as an outbound interaction, in the context of what follows --
    def on_timeline() -> dict[str, Any] | None:
        items = api.get(f"/v1/customers/{vip}/timeline").json()["items"]
        return next((i for i in items if i["direction"] == "outbound"
                     and i.get("payload", {}).get("treatment_id") == treatment["treatment_id"]), None)

    eventually(on_timeline, timeout=60, interval=0.25, what="the served treatment on the VIP's timeline")
    phases["complaint answered with a recovery on the timeline"] = time.monotonic() - started

    # -- the outcome is learnt: the rule's figures move --
    rule_id = treatment["rule_id"]
    before = api.get(f"/v1/rules/{rule_id}/performance").json()
    learnt_before = _propensity(api, rule_id, vip)
    answered = api.post(f"/v1/treatments/{treatment['treatment_id']}/outcome", json={"outcome": "accepted"})
    assert answered.status_code == 200 and answered.json()["outcome"] == "accepted", answered.text
    after = api.get(f"/v1/rules/{rule_id}/performance").json()
    assert after["accepted"] == before["accepted"] + 1 and after["acceptance_rate"] > 0
    assert _propensity(api, rule_id, vip) > learnt_before  # an acceptance raises what the next decision expects

    # -- bad input on the new endpoints --
    twice = api.post(f"/v1/treatments/{treatment['treatment_id']}/outcome", json={"outcome": "declined"})
    assert twice.status_code == 409 and twice.headers["content-type"] == "application/problem+json"
    unknown = api.post("/v1/treatments/no-such-treatment/outcome", json={"outcome": "accepted"})
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"
    no_revenue = api.post(f"/v1/treatments/{treatment['treatment_id']}/outcome", json={"outcome": "converted"})
    assert no_revenue.status_code == 422 and no_revenue.headers["content-type"] == "application/problem+json"
    job = api.get("/v1/jobs/scoring_" + "0" * 32)
    assert job.status_code == 404 and job.headers["content-type"] == "application/problem+json"
    alien = api.get("/v1/jobs/billing_" + "0" * 32)
    assert alien.status_code == 404 and alien.headers["content-type"] == "application/problem+json"
    print("\n[loop] " + ", ".join(f"{what} at {at:.0f} s" for what, at in phases.items()))
