"""Kafka plumbing on kafka-python: producers with safe defaults, topic creation, DLQ names."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

from .kafka_connection import KafkaConnection, kafka_connection
from .logs import get_logger

log = get_logger(__name__)
RECONNECT_BACKOFF_MAX_MS = 2_000


def dlq_topic(topic: str, group: str) -> str:
    """Dead-letter topic of one consumer group for one source topic."""
    return f"{topic}.dlq.{group}"


def make_producer(bootstrap_servers: str | KafkaConnection, *, client_id: str, **overrides: Any) -> KafkaProducer:
    """An idempotent producer with ``acks=all`` on the cluster ``bootstrap_servers`` names (a bare list, or a
    connection with its TLS and SASL settings). ``max_block_ms`` is short so that a
    broker outage surfaces as an error the caller retries rather than a minute-long hang."""
    config: dict[str, Any] = {
        **kafka_connection(bootstrap_servers).client_config(),
        "client_id": client_id,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "batch_size": 256 * 1024,
        "max_block_ms": 10_000,
        "request_timeout_ms": 15_000,
        "delivery_timeout_ms": 30_000,
        # kafka-python backs off reconnects up to 30 s by default: after an outage that
        # would leave a service idle long after the broker is back
        "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
    }
    config.update(overrides)
    return KafkaProducer(**config)


def ensure_topics(bootstrap_servers: str | KafkaConnection, topics: list[str], *, partitions: int) -> None:
    """Create the topics that do not exist yet (one replica: the local broker is single-node;
    in production the broker's defaults or an operator decide)."""
    admin = KafkaAdminClient(**kafka_connection(bootstrap_servers).client_config(), client_id="idic-admin",
                             request_timeout_ms=15_000)
    try:
        existing = set(admin.list_topics())
        missing = [t for t in dict.fromkeys(topics) if t not in existing]
        if missing:
            try:
                admin.create_topics([NewTopic(t, num_partitions=partitions, replication_factor=1) for t in missing])
                log.info("topics created", topics=missing)
            except TopicAlreadyExistsError:
                pass  # another service created it between list and create
    finally:
        admin.close()


class KafkaReachability:
    """Cheap readiness probe: can we open a TCP connection to a bootstrap server?
    Cached for a moment so that frequent /readyz calls do not hammer the broker."""

    def __init__(self, bootstrap_servers: str, *, cache_s: float = 2.0) -> None:
        self._servers = [s.strip() for s in bootstrap_servers.split(",") if s.strip()]
        self._cache_s = cache_s
        self._checked_at = 0.0
        self._ok = False
        self._lock = threading.Lock()

    def __call__(self) -> bool:
        with self._lock:
            if time.monotonic() - self._checked_at < self._cache_s:
                return self._ok
            self._ok = any(self._probe(s) for s in self._servers)
            self._checked_at = time.monotonic()
            return self._ok

    @staticmethod
    def _probe(server: str) -> bool:
        host, _, port = server.rpartition(":")
        try:
            with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=1.0):
                return True
        except (OSError, ValueError):
            return False
