"""Fault tests on real processes and a real broker: nothing acknowledged is lost, nothing
is applied twice, and a poison message does not stop the stream."""

from __future__ import annotations

import random
import uuid

import httpx
from kafka import KafkaConsumer, KafkaProducer

from idic_devstack.kafka import KafkaBroker
from idic_devstack.stack import Stack

from ..conftest import eventually
from ..support import expected_totals, purchases_for, record, scored, wait_for_totals


def test_consumer_killed_mid_stream_applies_each_event_exactly_once(stack: Stack, gateway: httpx.Client) -> None:
    customers = [f"kill-{uuid.uuid4()}" for _ in range(20)]
    events = purchases_for(customers, 250)  # 5,000 purchase events
    assert len(events) == 5000
    want = expected_totals(events)
    record(gateway, events[:2000])

    # SIGKILL scoring at a random moment while it is applying the stream
    threshold = random.randint(100, 1500)
    eventually(lambda: sum(scored(stack, c)[0] for c in customers) >= threshold, timeout=60, interval=0.05,
               what=f"scoring started applying (>= {threshold})")
    stack.kill("scoring")
    record(gateway, events[2000:])  # the stream goes on while scoring is dead
    stack.start("scoring")
    stack.wait_healthy("scoring", timeout=60)
    wait_for_totals(stack, want, timeout=120)


def test_broker_outage_while_producing_loses_nothing(stack: Stack, gateway: httpx.Client, kafka: KafkaBroker) -> None:
    customers = [f"outage-{uuid.uuid4()}" for _ in range(10)]
    before, during = purchases_for(customers, 20), purchases_for(customers, 20, start=20)
    record(gateway, before, chunk=50)
    kafka.stop()
    try:
        record(gateway, during, chunk=50)  # writes are still accepted: they wait in the outbox
        eventually(lambda: httpx.get(f"{stack.url('interaction')}/readyz").status_code == 503, timeout=15,
                   what="interaction reports not ready while Kafka is down")
    finally:
        kafka.start()
    wait_for_totals(stack, expected_totals(before + during), timeout=120)


def test_poison_message_goes_to_the_dead_letter_topic_and_the_stream_goes_on(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker) -> None:
    poison_key = f"poison-{uuid.uuid4()}".encode()
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers)
    producer.send("idic.interaction", key=poison_key, value=b'{"specversion": "1.0", "oops": true}',
                  headers=[("content-type", b"application/cloudevents+json")]).get(timeout=30)
    producer.close()
    customer = f"after-poison-{uuid.uuid4()}"
    record(gateway, purchases_for([customer], 1))
    eventually(lambda: scored(stack, customer)[0] == 1, timeout=60, what="event behind the poison applied")

    consumer = KafkaConsumer("idic.interaction.dlq.scoring-service", bootstrap_servers=kafka.bootstrap_servers,
                             auto_offset_reset="earliest", group_id=f"dlq-reader-{uuid.uuid4().hex[:6]}",
                             consumer_timeout_ms=20_000)
    dead = [m for m in consumer if m.key == poison_key]
    consumer.close()
    assert len(dead) == 1
    assert b"not a CloudEvent" in dict(dead[0].headers)["dlq.error"]
