"""Duplicates and replay: re-published events and a consumer group rewound to offset 0
leave every consumer's state exactly as it was."""

from __future__ import annotations

import random
import signal
import time
import uuid

import httpx
from kafka import KafkaProducer

from idic import parse_event
from idic_devstack.kafka import KafkaBroker
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

from ..support import (
    RECORDED,
    expected_totals,
    group_lag,
    http,
    purchases_for,
    record,
    rewind_group,
    state_digest,
    topic_messages,
    wait_for_totals,
    without_clock,
)

CONSUMED = {  # service -> (group, topics it consumes)
    "scoring": ("scoring-service", ["idic.interaction", "idic.identity"]),
    "treatment": ("treatment-service", ["idic.interaction", "idic.identity", "idic.scoring"]),
}


CASCADE = {  # serving an action is delivered onto the timeline by interaction-service
    "interaction": ("interaction-service", ["idic.identity", "idic.treatment"]),
}


def state_of(stack: Stack, customers: list[str]) -> dict:
    """What scoring and treatment hold about these customers, without clock-driven fields."""
    state = {}
    for c in customers:
        value = http().get(f"{stack.url('scoring')}/v1/customers/{c}/value")
        context = http().get(f"{stack.url('treatment')}/internal/customers/{c}/context")
        actions = http().get(f"{stack.url('treatment')}/v1/customers/{c}/next-best-actions")
        state[c] = without_clock({"value": value.json(), "context": context.json(), "actions": actions.json()})
    return state


def _all_caught_up(kafka: KafkaBroker) -> None:
    for name, (group, topics) in {**CONSUMED, **CASCADE}.items():
        eventually(lambda g=group, t=topics: group_lag(kafka.bootstrap_servers, g, t) == 0, timeout=120,
                   interval=1.0, what=f"{name} caught up")


def _settled_state(stack: Stack, kafka: KafkaBroker, customers: list[str]) -> tuple[dict, dict]:
    """The snapshot once the loop has come to rest. Reading next-best-actions serves them: each served
    action is a decision, delivered onto the timeline as an outbound interaction, which scoring and
    treatment apply in turn. Read until a read changes nothing any more."""
    _all_caught_up(kafka)
    state = state_of(stack, customers)
    for _ in range(5):
        _all_caught_up(kafka)
        time.sleep(1)
        digests = {name: state_digest(stack.database_urls[name]) for name in CONSUMED}
        again = state_of(stack, customers)
        _all_caught_up(kafka)
        time.sleep(1)
        if again == state and digests == {name: state_digest(stack.database_urls[name]) for name in CONSUMED}:
            return state, digests
        state = again
    raise AssertionError("the served actions never came to rest")


def _is_inbound_recorded(value: bytes) -> bool:
    event = parse_event(value)
    return event.type == RECORDED and event.data["direction"] == "inbound"


def test_republished_duplicates_and_a_full_replay_change_nothing(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker) -> None:
    customers = [f"replay-{uuid.uuid4()}" for _ in range(20)]
    events = purchases_for(customers, 50)
    record(gateway, events)
    wait_for_totals(stack, expected_totals(events), timeout=120)
    before, digests_before = _settled_state(stack, kafka, customers)

    # 10% of this stream's messages published a second time, byte for byte (same event ids)
    keys = {c.encode() for c in customers}
    # the purchases we sent; the stream also carries the treatments served to these customers, recorded as
    # outbound interactions on their timelines, which the replay below covers too
    ours = [m for m in topic_messages(kafka.bootstrap_servers, "idic.interaction")
            if m.key in keys and _is_inbound_recorded(m.value)]
    assert len(ours) == len(events)
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers)
    for message in random.sample(ours, len(ours) // 10):
        producer.send(message.topic, key=message.key, value=message.value, headers=message.headers)
    producer.flush()
    producer.close()

    # every consumer group rewound to offset 0 and replayed
    for name, (group, topics) in CONSUMED.items():
        stack.kill(name, signal.SIGTERM)
        rewind_group(kafka.bootstrap_servers, group, topics)
        stack.start(name)
    started = time.monotonic()
    for name, (group, topics) in CONSUMED.items():
        stack.wait_healthy(name, timeout=60)
        eventually(lambda g=group, t=topics: group_lag(kafka.bootstrap_servers, g, t) == 0, timeout=240,
                   interval=1.0, what=f"{name} replayed everything")
    replay_s = time.monotonic() - started
    time.sleep(2)
    assert state_of(stack, customers) == before
    for name in CONSUMED:  # not one row of any table changed, inbox and outbox included
        after = state_digest(stack.database_urls[name])
        assert after == digests_before[name], {t: d for t, d in after.items() if digests_before[name].get(t) != d}
    print(f"\n[duplicates and replay] {len(ours) // 10} duplicates + full replay of both groups in {replay_s:.1f}s: "
          "state unchanged")
