"""The real app (lifespan: migrations, relay, consumer) on SQLite and PostgreSQL, fed by
CloudEvents published to the real Kafka broker."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaProducer

from idic import CloudEvent
from idic.contracts import EventPayload
from idic_devstack.waiting import eventually
from treatment_service.config import Settings
from treatment_service.main import create_app


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest, kafka: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app per database for the module; its own consumer group on the shared broker."""
    if request.param == "sqlite":
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('treatment')) / 'treatment.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"treatment_{uuid.uuid4().hex[:10]}")
    settings = Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group=f"treatment-test-{uuid.uuid4().hex[:8]}", relay_poll_interval_s=0.05,
                        consumer_max_attempts=2, log_json=False, log_level="WARNING",
                        expiry_sweep_interval_s=0.2)
    with TestClient(create_app(settings)) as test_client:
        # join the group here, once, so that a slow join is not charged to the first test's wait
        eventually(test_client.app.state.runtime.consumers_assigned, timeout=60, what="consumers assigned")
        yield test_client


@pytest.fixture(scope="session")
def producer(kafka: Any) -> Iterator[KafkaProducer]:
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all")
    yield producer
    producer.close(timeout=5)


HEADERS = [("content-type", b"application/cloudevents+json")]
Publish = Callable[..., CloudEvent]


@pytest.fixture
def publish(producer: KafkaProducer) -> Publish:
    """Publish a payload as a structured CloudEvent on its topic, keyed by customer id
    (``envelope=`` re-sends an earlier envelope byte for byte; ``key=`` overrides the key)."""

    def _publish(payload: EventPayload, *, envelope: CloudEvent | None = None, key: str | None = None) -> CloudEvent:
        event = envelope or CloudEvent.wrap(payload, source="/test")
        producer.send(payload.topic, key=(key or payload.subject()).encode(), value=event.to_json_bytes(),
                      headers=HEADERS).get(timeout=10)
        return event

    return _publish


@pytest.fixture
def publish_raw(producer: KafkaProducer) -> Callable[[str, str, bytes], None]:
    """Publish arbitrary bytes (e.g. an invalid event) to a topic."""

    def _publish_raw(topic: str, key: str, value: bytes) -> None:
        producer.send(topic, key=key.encode(), value=value, headers=HEADERS).get(timeout=10)

    return _publish_raw
