"""Helpers of the integration tests: unique identifiers and reading identity's events."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from kafka import KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord

from idic_devstack.waiting import eventually


def email(prefix: str = "ann") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}@example.com"


def messages_for(kafka: Any, subjects: set[str], *, until: Callable[[list[ConsumerRecord]], bool],
                 timeout_s: float = 30.0) -> list[ConsumerRecord]:
    """Kafka messages of ``idic.identity`` keyed by these customer ids, read from the beginning until
    ``until`` holds. Partitions are assigned, not subscribed: no consumer-group join to wait for."""
    consumer = KafkaConsumer(bootstrap_servers=kafka.bootstrap_servers, group_id=None, enable_auto_commit=False)
    found: list[ConsumerRecord] = []
    try:
        partitions = eventually(lambda: consumer.partitions_for_topic("idic.identity"), what="idic.identity")
        consumer.assign([TopicPartition("idic.identity", p) for p in partitions])
        consumer.seek_to_beginning()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=500).values():
                found += [r for r in records if r.key is not None and r.key.decode() in subjects]
            if until(found):
                return found
    finally:
        consumer.close()
    raise AssertionError(f"messages did not arrive in time; got {len(found)}")


def events_for(kafka: Any, subjects: set[str], *, until: Callable[[list[dict[str, Any]]], bool],
               timeout_s: float = 30.0) -> list[dict[str, Any]]:
    """CloudEvents (as dicts) keyed by these customer ids, read until ``until`` holds."""
    messages = messages_for(kafka, subjects, until=lambda found: until([json.loads(m.value) for m in found]),
                            timeout_s=timeout_s)
    return [json.loads(m.value) for m in messages]


def of_type(events: list[dict[str, Any]], suffix: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == f"idic.{suffix}"]
