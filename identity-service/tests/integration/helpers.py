"""Helpers of the integration tests: unique identifiers and reading identity's events."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from kafka import KafkaConsumer


def email(prefix: str = "ann") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}@example.com"


def events_for(kafka: Any, subjects: set[str], *, until: Callable[[list[dict[str, Any]]], bool],
               timeout_s: float = 30.0) -> list[dict[str, Any]]:
    """CloudEvents (as dicts) keyed by these customer ids, read until ``until`` holds."""
    consumer = KafkaConsumer("idic.identity", bootstrap_servers=kafka.bootstrap_servers, auto_offset_reset="earliest",
                             group_id=f"t-{uuid.uuid4().hex[:8]}", enable_auto_commit=False)
    found: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    if record.key is not None and record.key.decode() in subjects:
                        found.append(json.loads(record.value))
            if until(found):
                return found
    finally:
        consumer.close()
    raise AssertionError(f"events did not arrive in time; got {[e['type'] for e in found]}")


def of_type(events: list[dict[str, Any]], suffix: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == f"idic.{suffix}"]
