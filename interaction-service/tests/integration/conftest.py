"""The real app (lifespan: migrations, relay, consumer) on SQLite and PostgreSQL, with a real Kafka."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from idic import CloudEvent
from idic.contracts import EventPayload
from idic_devstack.waiting import eventually
from interaction_service.config import Settings
from interaction_service.main import create_app

INTERACTION_TOPIC = "idic.interaction"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/interaction.db"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def settings(database_url: str, kafka, unique_suffix: str) -> Settings:
    # a consumer group per test: apps of earlier tests never hold this test's partitions
    return Settings(database_url=database_url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                    consumer_group=f"interaction-test-{unique_suffix}", relay_poll_interval_s=0.05,
                    log_level="WARNING")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def customer() -> Callable[[], str]:
    """Fresh customer ids: the broker (and its topics) is shared by the whole session."""
    return lambda: f"c-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def publish(kafka) -> Iterator[Callable[[EventPayload], CloudEvent]]:
    """Publish an event the way the producing service's relay does (structured CloudEvent on its topic)."""
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all")

    def _publish(payload: EventPayload, *, event_id: str | None = None, key: str | None = None) -> CloudEvent:
        event = CloudEvent.wrap(payload, source="/test", event_id=event_id)
        producer.send(payload.topic, value=event.to_json_bytes(), key=(key or payload.subject()).encode(),
                      headers=[("content-type", b"application/cloudevents+json")]).get(timeout=30)
        return event

    yield _publish
    producer.close()


@pytest.fixture
def topic_reader(kafka, client) -> Iterator[Callable[..., list[tuple[Any, dict[str, Any]]]]]:
    """Read what ``idic.interaction`` receives from now on; return (record, envelope) of one subject
    and one event type (InteractionRecorded unless told)."""
    consumer = KafkaConsumer(bootstrap_servers=kafka.bootstrap_servers, group_id=None, enable_auto_commit=False)
    # the app's relay creates its topic at start-up; begin at its current end, not the session's history
    partitions = eventually(lambda: consumer.partitions_for_topic(INTERACTION_TOPIC),
                            what=f"partitions of {INTERACTION_TOPIC}")
    consumer.assign([TopicPartition(INTERACTION_TOPIC, p) for p in partitions])
    consumer.seek_to_end()
    for tp in consumer.assignment():
        consumer.position(tp)  # resolve the lazy seek now, before the test produces anything
    seen: list[tuple[Any, dict[str, Any]]] = []

    def _read(subject: str, expected: int, type_: str = "idic.interaction.recorded.v1"
              ) -> list[tuple[Any, dict[str, Any]]]:
        def mine() -> list[tuple[Any, dict[str, Any]]] | None:
            for records in consumer.poll(timeout_ms=200).values():
                seen.extend((r, json.loads(r.value)) for r in records)
            found = [(r, e) for r, e in seen if e.get("subject") == subject and e.get("type") == type_]
            return found if len(found) >= expected else None

        return eventually(mine, what=f"{expected} {type_} of {subject}")

    yield _read
    consumer.close()


@pytest.fixture
def make_client(settings: Settings) -> Iterator[Callable[..., TestClient]]:
    """``make_client(**setting_overrides)``: an app with other settings, closed at the end of the test."""
    opened: list[TestClient] = []

    def _make(**overrides: Any) -> TestClient:
        test_client = TestClient(create_app(settings.model_copy(update=overrides)))
        test_client.__enter__()
        opened.append(test_client)
        return test_client

    yield _make
    for test_client in opened:
        test_client.__exit__(None, None, None)
