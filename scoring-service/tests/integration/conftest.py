"""The real app on a real Kafka broker, once on SQLite and once on PostgreSQL.

One app per backend for the whole session (its consumer group is unique, so nothing else
on the shared broker steals its partitions); tests use their own customer ids."""

from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from idic import CloudEvent, ensure_topics, make_producer
from idic.contracts import EVENT_TYPES, EventPayload
from idic_devstack.waiting import eventually
from scoring_service.config import Settings
from scoring_service.main import create_app

TOPICS = ["idic.interaction", "idic.identity", "idic.scoring"]


class TopicTap:
    """Collects every message of one topic (from its beginning) in a background thread, by key."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        self._consumer = KafkaConsumer(bootstrap_servers=bootstrap.split(","), enable_auto_commit=False,
                                       group_id=None)
        parts = [TopicPartition(topic, p) for p in eventually(lambda: self._consumer.partitions_for_topic(topic),
                                                              what=f"partitions of {topic}")]
        self._consumer.assign(parts)
        self._consumer.seek_to_beginning(*parts)
        self._messages: dict[str, list[Any]] = defaultdict(list)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for records in self._consumer.poll(timeout_ms=200).values():
                with self._lock:
                    for r in records:
                        self._messages[r.key.decode() if r.key else ""].append(r)

    def of(self, key: str) -> list[Any]:
        """Messages with this key so far, in partition order."""
        with self._lock:
            return list(self._messages.get(key, []))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._consumer.close()


class Bus:
    """Publishes test events to the topics scoring-service consumes."""

    def __init__(self, producer: KafkaProducer) -> None:
        self.producer = producer

    def publish(self, payload: EventPayload, *, event_id: str | None = None) -> CloudEvent:
        event = CloudEvent.wrap(payload, source="/test", event_id=event_id)
        self.send_event(event)
        return event

    def send_event(self, event: CloudEvent) -> None:
        self.raw(EVENT_TYPES[event.type].topic, event.subject or "", event.to_json_bytes())

    def raw(self, topic: str, key: str, value: bytes) -> None:
        self.producer.send(topic, key=key.encode(), value=value,
                           headers=[("content-type", b"application/cloudevents+json")]).get(timeout=30)


@pytest.fixture(scope="session")
def bus(kafka: Any) -> Iterator[Bus]:
    ensure_topics(kafka.bootstrap_servers, TOPICS, partitions=6)
    producer = make_producer(kafka.bootstrap_servers, client_id="scoring-tests")
    yield Bus(producer)
    producer.close(timeout=5)


@pytest.fixture(scope="session")
def scoring_tap(kafka: Any, bus: Bus) -> Iterator[TopicTap]:
    """Every CustomerScored event on idic.scoring."""
    tap = TopicTap(kafka.bootstrap_servers, "idic.scoring")
    yield tap
    tap.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, kafka: Any, bus: Bus,
             tmp_path_factory: pytest.TempPathFactory) -> Settings:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite')}/scoring.db"
    else:
        url = request.getfixturevalue("postgres").create_database(f"scoring_{uuid.uuid4().hex[:10]}")
    return Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                    consumer_group=f"scoring-test-{uuid.uuid4().hex[:8]}", relay_poll_interval_s=0.05,
                    consumer_max_attempts=2, log_json=False, log_level="WARNING",
                    schedule_check_interval_s=0)  # a scheduled refit would move other tests' scores


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        # join the group here, once, so that a slow join is not charged to the first test's wait
        eventually(client.app.state.runtime.consumers_assigned, timeout=60, what="consumers assigned")
        yield client


@pytest.fixture
def cid() -> Callable[[str], str]:
    """Fresh customer ids for one test."""
    run = uuid.uuid4().hex[:10]
    return lambda name="c": f"{name}-{run}"
