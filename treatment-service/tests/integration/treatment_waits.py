"""Bounded waits for integration tests: poll the API or a topic until the effect shows."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from kafka import KafkaConsumer, TopicPartition

from idic import CloudEvent

T = TypeVar("T")
WAIT_S = 30.0


def eventually(check: Callable[[], T | None], *, timeout: float = WAIT_S, what: str = "condition") -> T:
    """Poll until ``check`` returns something truthy (bounded wait)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.1)


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
