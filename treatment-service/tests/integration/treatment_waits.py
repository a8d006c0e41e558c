"""What integration tests read from a topic (a bounded wait for one subject's events), and fresh
customer ids. Polling the API until an effect shows: ``idic_devstack.waiting.eventually``."""

from __future__ import annotations

import time
import uuid

from kafka import KafkaConsumer, TopicPartition

from idic import CloudEvent
from idic_devstack.waiting import eventually

WAIT_S = 30.0


def topic_events(bootstrap_servers: str, topic: str, *, subject: str, settle_s: float = 1.0,
                 timeout: float = WAIT_S, expect_at_least: int = 1) -> list[CloudEvent]:
    """Every CloudEvent about ``subject`` on ``topic``, read from the beginning: waits for
    at least ``expect_at_least`` and then ``settle_s`` more for any extra ones."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap_servers, enable_auto_commit=False, group_id=None)
    try:
        partitions = eventually(lambda: consumer.partitions_for_topic(topic), what=f"topic {topic}")
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        consumer.seek_to_beginning()
        found: list[CloudEvent] = []
        deadline = time.monotonic() + timeout
        settle_until: float | None = None
        while True:
            for records in consumer.poll(timeout_ms=200).values():
                for record in records:
                    try:
                        event = CloudEvent.model_validate_json(record.value)
                    except ValueError:
                        continue  # not a CloudEvent (e.g. a dead-lettered malformed message)
                    if event.subject == subject:
                        found.append(event)
            now = time.monotonic()
            if len(found) >= expect_at_least and settle_until is None:
                settle_until = now + settle_s
            if settle_until is not None and now >= settle_until:
                return found
            if now > deadline:
                return found
    finally:
        consumer.close()


def new_customer_id() -> str:
    return f"it-{uuid.uuid4()}"
