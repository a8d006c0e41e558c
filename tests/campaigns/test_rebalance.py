"""Ordering and rebalance: with three instances of scoring-service in one group, joining
and leaving every few seconds, each customer's events are applied in order, the lag
returns to 0 soon after the churn stops, and no partition stalls."""

from __future__ import annotations

import signal
import threading
import time
import uuid
from collections import defaultdict

import httpx
import pytest
from kafka import KafkaConsumer
from sqlalchemy import create_engine, text

from idic import parse_event
from idic_devstack.kafka import KafkaBroker
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

from ..support import RECORDED, expected_totals, group_lag, purchases_for, record, wait_for_totals


def topic_order(bootstrap: str, subjects: set[str], want: int) -> dict[str, list[str]]:
    """Event ids per customer in the order they sit on the topic (the order they were produced)."""
    consumer = KafkaConsumer("idic.interaction", bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             group_id=None, consumer_timeout_ms=30_000)
    keys, order, seen = {s.encode() for s in subjects}, defaultdict(list), 0
    for message in consumer:
        event = parse_event(message.value) if message.key in keys else None
        if event is not None and event.type == RECORDED:
            order[message.key.decode()].append(event.id)
            seen += 1
            if seen >= want:
                break
    consumer.close()
    return order


@pytest.mark.parametrize("changes", [pytest.param(3, id="short"), pytest.param(12, id="long", marks=[pytest.mark.bench, pytest.mark.timeout(3600)])])
def test_instances_joining_and_leaving_keep_order_and_drain_the_lag(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker, changes: int) -> None:
    customers = [f"order-{uuid.uuid4()}" for _ in range(60)]
    events = purchases_for(customers, 40)
    extra = ["b", "c"]
    for instance in extra:
        stack.start("scoring", instance=instance)
    for instance in extra:
        stack.wait_healthy(f"scoring#{instance}", timeout=60)

    sender = threading.Thread(target=record, args=(gateway, events), kwargs={"chunk": 200}, daemon=True)
    sender.start()
    running = {"b": True, "c": True}
    churn_started = time.monotonic()
    for step in range(changes):  # every 5 s one instance leaves or comes back
        time.sleep(5)
        instance = extra[step % 2]
        if running[instance]:
            stack.kill(f"scoring#{instance}", signal.SIGTERM)
        else:
            stack.start("scoring", instance=instance)
        running[instance] = not running[instance]
    churn_s = time.monotonic() - churn_started
    sender.join(300)
    churn_stopped = time.monotonic()
    eventually(lambda: group_lag(kafka.bootstrap_servers, "scoring-service", ["idic.interaction"]) == 0,
               timeout=60, interval=0.5, what="scoring's lag back to 0 within 60 s of the churn stopping")
    drained_s = time.monotonic() - churn_stopped
    wait_for_totals(stack, expected_totals(events), timeout=60)

    # order: along each customer's topic order, the inbox's processed_at never goes back
    order = topic_order(kafka.bootstrap_servers, set(customers), len(events))
    engine = create_engine(stack.database_urls["scoring"])
    with engine.connect() as conn:
        applied_at = dict(conn.execute(text("SELECT event_id, processed_at FROM inbox WHERE consumer_group = "
                                            "'scoring-service' AND event_id = ANY(:ids)"),
                                       {"ids": [e for ids in order.values() for e in ids]}).all())
    engine.dispose()
    out_of_order = [c for c, ids in order.items()
                    if any(applied_at[a] > applied_at[b] for a, b in zip(ids, ids[1:], strict=False))]
    assert out_of_order == []
    for instance in extra:
        if running[instance]:
            stack.kill(f"scoring#{instance}", signal.SIGTERM)
    print(f"\n[rebalance] {len(events)} events, {changes} joins/leaves over {churn_s:.0f}s: order kept for every customer, "
          f"lag 0 after {drained_s:.1f}s")
