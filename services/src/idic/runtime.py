"""What a service process owns: engine, sessions, outbox relay and consumers (threads),
started and stopped by the app's lifespan or by a worker entrypoint."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .bus import KafkaReachability, ensure_topics
from .consumer import ConsumerSpec, EventConsumer
from .db import make_engine, make_sessionmaker, ping, read_only_engine, run_migrations
from .logs import get_logger
from .messaging import MessagingTables
from .relay import OutboxRelay
from .settings import ServiceSettings
from .uow import UnitOfWork

log = get_logger(__name__)
U = TypeVar("U", bound=UnitOfWork)


class ServiceRuntime(Generic[U]):
    """Engine + unit-of-work factory + background workers of one service."""

    def __init__(self, *, settings: ServiceSettings, alembic_ini: Path, tables: MessagingTables,
                 uow_class: type[U], produces: tuple[str, ...] = (),
                 consumers: tuple[ConsumerSpec, ...] = ()) -> None:
        self.settings = settings
        self.alembic_ini = alembic_ini
        self.tables = tables
        self.uow_class = uow_class
        self.produces = produces
        self.consumer_specs = consumers
        self.engine: Engine = make_engine(settings.database_url)
        self.sessions: sessionmaker[Session] = make_sessionmaker(self.engine)
        self.read_sessions: sessionmaker[Session] = make_sessionmaker(read_only_engine(self.engine))
        self.kafka_reachable = KafkaReachability(settings.kafka_bootstrap_servers)
        self.relay = OutboxRelay(
            engine=self.engine, tables=tables, bootstrap_servers=settings.kafka,
            client_id=f"{settings.service_name}-relay", batch_size=settings.relay_batch_size,
            poll_interval_s=settings.relay_poll_interval_s, retention_s=settings.outbox_retention_s,
        )
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._workers: list[tuple[str, Callable[[threading.Event], None], threading.Event | None]] = []
        self.consumers: list[EventConsumer] = []

    def uow(self) -> U:
        """A fresh unit of work; committing it wakes the relay at once."""
        return self.uow_class(self.sessions, tables=self.tables, source=f"/{self.settings.service_name}",
                              on_commit=self.relay.wake.set)

    def read_uow(self) -> U:
        """A fresh unit of work that only reads: on SQLite it takes no write lock, so a read never waits
        for a consumer's batch or a write request to commit. It cannot commit."""
        return self.uow_class(self.read_sessions, tables=self.tables, source=f"/{self.settings.service_name}",
                              read_only=True)

    def migrate(self) -> None:
        """alembic upgrade head (the prestart step; idempotent)."""
        run_migrations(alembic_ini=self.alembic_ini, database_url=self.settings.database_url)

    def start_workers(self, *, relay: bool = True, consumers: bool = True) -> None:
        """Start the relay and one thread per consumer; they survive broker outages."""
        if relay:
            self._spawn("outbox-relay", self._run_relay)
        if consumers:
            for spec in self.consumer_specs:
                consumer = EventConsumer(
                    spec=spec, uow_factory=self.uow, bootstrap_servers=self.settings.kafka,
                    client_id=f"{self.settings.service_name}-{spec.group_id}",
                    max_attempts=self.settings.consumer_max_attempts, batch_size=self.settings.consumer_batch_size,
                    partitions=self.settings.kafka_topic_partitions,
                )
                self.consumers.append(consumer)
                self._spawn(f"consumer-{spec.group_id}", consumer.run)
            for name, target, _wake in self._workers:
                self._spawn(name, target)

    def add_worker(self, name: str, target: Callable[[threading.Event], None], *,
                   wake: threading.Event | None = None) -> None:
        """Register a background loop (a jobs worker, a scheduler) started with the consumers;
        ``wake`` is set at stop so a loop waiting on it ends at once."""
        self._workers.append((name, target, wake))

    def _run_relay(self, stop: threading.Event) -> None:
        # Create our own topic up front so consumers elsewhere can subscribe before our first event.
        while self.produces and not stop.is_set():
            try:
                ensure_topics(self.settings.kafka, list(self.produces),
                              partitions=self.settings.kafka_topic_partitions)
                break
            except Exception as exc:  # noqa: BLE001 - broker not up yet
                log.warning("cannot create topics yet", error=repr(exc))
                stop.wait(1.0)
        self.relay.run(stop)

    def _spawn(self, name: str, target: Callable[[threading.Event], None]) -> None:
        thread = threading.Thread(target=target, args=(self._stop,), name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def consumers_assigned(self) -> bool:
        """Whether every started consumer has joined its group and holds partitions. Not a
        readiness check: a replica beyond the partition count rightly holds none."""
        return all(consumer.assigned.is_set() for consumer in self.consumers)

    def readiness(self) -> dict[str, bool]:
        """What /readyz reports: database and Kafka reachable."""
        return {"database": ping(self.engine), "kafka": self.kafka_reachable()}

    def stop(self, timeout: float = 10.0) -> None:
        """Stop workers (consumers close without committing unapplied offsets) and the engine."""
        self._stop.set()
        self.relay.wake.set()
        for _name, _target, wake in self._workers:
            if wake is not None:
                wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()
        self.consumers.clear()
        self.engine.dispose()

    def run_forever(self, *, relay: bool, consumers: bool) -> None:
        """Worker-only process (entrypoints/relay.py, consumer.py) until SIGTERM/SIGINT."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self._stop.set())
        if self.settings.migrate_on_start:
            self.migrate()
        self.start_workers(relay=relay, consumers=consumers)
        self._stop.wait()
        self.stop()
