"""Webhook benchmark (``make bench``; figures in the README): decision -> webhook delivery latency.

Decisions are written the way the service writes them (``TreatmentDecided`` published through the
unit of work, i.e. the outbox, committed) at a steady rate; the relay publishes them to the real
Kafka broker, the webhooks consumer group writes one delivery each, the sender signs and POSTs it to
a real HTTP receiver. Latency = arrival at the receiver minus the CloudEvent's ``time`` (stamped
when the decision is published, just before its commit). Every delivery must arrive exactly once.

The unmarked smoke test runs the same code on small numbers so that it cannot rot."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import statistics
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaProducer

from idic import CloudEvent, utcnow
from idic.contracts import TreatmentDecided
from idic_devstack.receiver import WebhookReceiver
from treatment_service.config import Settings
from treatment_service.main import create_app


def _settings(url: str, kafka: Any) -> Settings:
    return Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                    consumer_group=f"treatment-whbench-{uuid.uuid4().hex[:8]}", relay_poll_interval_s=0.2,
                    log_json=False, log_level="WARNING", expiry_sweep_interval_s=0)


def _decide(client: TestClient, customer: str) -> CloudEvent:
    """One decision as treatment-service records it: the event goes through the outbox in a commit."""
    with client.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        event = uow.publish(TreatmentDecided(treatment_id=str(uuid.uuid4()), customer_id=customer,
                                             action_id="bench", kind="offer", channel="email", decided_at=utcnow()))
        uow.commit()
    return event


def _produce(bootstrap: str, rate: float, seconds: float, took: Any) -> None:
    """In a process of its own (as another replica's relay would be): TreatmentDecided events
    straight to Kafka at ``rate`` a second, each stamped (CloudEvent ``time``) as it is sent."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    start = time.monotonic()
    for i in range(int(rate * seconds)):
        pause = start + i / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        payload = TreatmentDecided(treatment_id=str(uuid.uuid4()), customer_id=f"bench-{i % 500}", action_id="bench",
                                   kind="offer", channel="email", decided_at=utcnow())
        event = CloudEvent.wrap(payload, source="/bench")
        producer.send(payload.topic, key=payload.customer_id.encode(), value=event.to_json_bytes(),
                      headers=[("content-type", b"application/cloudevents+json")])
    producer.flush(timeout=60)
    took.put(time.monotonic() - start)
    producer.close(timeout=10)


class Arrivals:
    """Reads the receiver's requests incrementally: first arrival time, count and webhook-ids per
    event id, and the event's own ``time``."""

    def __init__(self, hook: WebhookReceiver) -> None:
        self.hook, self.seen = hook, 0
        self.first: dict[str, float] = {}
        self.count: dict[str, int] = {}
        self.stamped: dict[str, float] = {}
        self.webhook_ids: dict[str, set[str]] = {}

    def read(self) -> None:
        requests = self.hook.requests()
        for r in requests[self.seen:]:
            event = json.loads(r.body)
            self.first.setdefault(event["id"], r.at)
            self.count[event["id"]] = self.count.get(event["id"], 0) + 1
            self.webhook_ids.setdefault(event["id"], set()).add(r.headers["webhook-id"])
            self.stamped[event["id"]] = dt.datetime.fromisoformat(event["time"]).timestamp()
        self.seen = len(requests)

    def wait(self, ids: set[str] | None = None, *, expect: int = 0, timeout: float) -> None:
        """Until every id in ``ids`` (or ``expect`` events in all) arrived, or the timeout."""
        deadline = time.monotonic() + timeout
        while True:
            self.read()
            done = ids <= self.first.keys() if ids is not None else len(self.first) >= expect
            if done or time.monotonic() > deadline:
                return
            time.sleep(0.2)


def figures(arrivals: Arrivals, ids: set[str], *, decisions: int, publish_s: float) -> dict[str, Any]:
    latencies = sorted((arrivals.first[e] - arrivals.stamped[e]) * 1000 for e in ids if e in arrivals.first)
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return {"decisions": decisions, "delivered": len(latencies),
            "duplicates": sum(arrivals.count[e] - 1 for e in ids if e in arrivals.count),
            "webhook_ids": sum(len(arrivals.webhook_ids[e]) for e in ids if e in arrivals.webhook_ids),
            "achieved_rate": decisions / publish_s, "p50_ms": statistics.median(latencies), "p90_ms": q[89],
            "p99_ms": q[98], "max_ms": latencies[-1]}


def subscribe_and_warm_up(client: TestClient, hook: WebhookReceiver) -> Arrivals:
    if not client.get("/v1/webhooks").json()["webhooks"]:  # one subscription: one delivery per decision
        created = client.post("/v1/webhooks", json={"url": hook.url, "events": ["treatment.decided"]})
        assert created.status_code == 201, created.text
    arrivals = Arrivals(hook)
    warm = _decide(client, f"bench-{uuid.uuid4()}")
    arrivals.wait({warm.id}, timeout=60)
    assert warm.id in arrivals.first, "warm-up decision never delivered"
    return arrivals


def run_through_outbox(client: TestClient, hook: WebhookReceiver, *, rate: float, seconds: float) -> dict[str, Any]:
    """The whole path in the service's process: decision committed with its outbox row -> relay ->
    Kafka -> webhooks consumer -> deliveries outbox -> sender -> receiver."""
    arrivals = subscribe_and_warm_up(client, hook)
    ids: set[str] = set()
    start, n = time.monotonic(), int(rate * seconds)
    for i in range(n):
        pause = start + i / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        ids.add(_decide(client, f"bench-{i % 500}").id)
    publish_s = time.monotonic() - start
    arrivals.wait(ids, timeout=120)
    return figures(arrivals, ids, decisions=n, publish_s=publish_s)


def run_from_kafka(client: TestClient, hook: WebhookReceiver, bootstrap: str, *, rate: float,
                   seconds: float) -> dict[str, Any]:
    """Decisions published to Kafka by another process at ``rate``: Kafka -> webhooks consumer ->
    deliveries outbox -> sender -> receiver, with the service's process doing only that."""
    arrivals = subscribe_and_warm_up(client, hook)
    before = set(arrivals.first)
    n = int(rate * seconds)
    spawn = multiprocessing.get_context("spawn")
    took = spawn.Queue()
    producer = spawn.Process(target=_produce, args=(bootstrap, rate, seconds, took))
    producer.start()
    publish_s = took.get(timeout=seconds + 120)
    producer.join(timeout=30)
    assert producer.exitcode == 0
    arrivals.wait(expect=len(before) + n, timeout=120)
    ids = set(arrivals.first) - before
    return figures(arrivals, ids, decisions=n, publish_s=publish_s)


def _show(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}:", json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in result.items()}))


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as hook:
        yield hook


@pytest.mark.bench
def test_decision_to_webhook_latency_at_200_per_second(kafka: Any, postgres: Any, receiver: WebhookReceiver) -> None:
    url = postgres.create_database(f"treatment_whbench_{uuid.uuid4().hex[:8]}")
    with TestClient(create_app(_settings(url, kafka))) as client:
        from_kafka = run_from_kafka(client, receiver, kafka.bootstrap_servers, rate=200, seconds=30)
        _show("Kafka -> webhook delivered, PostgreSQL, 200 decisions/s for 30 s", from_kafka)
        whole = run_through_outbox(client, receiver, rate=100, seconds=30)
        _show("decision commit -> webhook delivered (whole path in one process), PostgreSQL, 100/s for 30 s", whole)
    for result in (from_kafka, whole):
        assert result["delivered"] == result["decisions"] == result["webhook_ids"] and result["duplicates"] == 0


def test_decision_to_webhook_smoke(kafka: Any, tmp_path: Path, receiver: WebhookReceiver) -> None:
    with TestClient(create_app(_settings(f"sqlite:///{tmp_path / 'treatment.db'}", kafka))) as client:
        result = run_through_outbox(client, receiver, rate=20, seconds=1)
        assert result["delivered"] == result["decisions"] == result["webhook_ids"] == 20
        assert result["duplicates"] == 0
        assert 0 < result["p50_ms"] <= result["p99_ms"] <= result["max_ms"]
        result = run_from_kafka(client, receiver, kafka.bootstrap_servers, rate=20, seconds=1)
        assert result["delivered"] == result["decisions"] == result["webhook_ids"] == 20
        assert result["duplicates"] == 0
