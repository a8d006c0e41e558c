"""Throughput and latency of the delivery path (outbox → relay → Kafka → consumer → inbox
→ handler) next to raw kafka-python on the same broker with the same messages."""

from __future__ import annotations

import collections
import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kafka import KafkaConsumer, KafkaProducer
from kafka.structs import OffsetAndMetadata
from sqlalchemy import Column, Integer, Numeric, String, Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from idic import (
    CloudEvent,
    ConsumerSpec,
    EventConsumer,
    OutboxRelay,
    UnitOfWork,
    add_messaging_tables,
    ensure_topics,
    make_engine,
    make_sessionmaker,
    new_metadata,
)
from idic.contracts import InteractionRecorded

metadata = new_metadata()
tables = add_messaging_tables(metadata)
totals = Table("bench_totals", metadata,
               Column("customer_id", String(64), primary_key=True),
               Column("count", Integer, nullable=False),
               Column("revenue", Numeric(18, 2), nullable=False))


@dataclass
class Figures:
    name: str
    events: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.events / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def line(self) -> str:
        return (f"{self.name:<40} {self.events:>7} ev {self.seconds:>7.2f} s {self.rate:>9.0f} ev/s "
                f"p50 {self.percentile(0.50):>7.1f} ms  p99 {self.percentile(0.99):>7.1f} ms")


def sample_event(customer_id: str) -> InteractionRecorded:
    return InteractionRecorded(interaction_id=str(uuid.uuid4()), customer_id=customer_id, channel="web",
                               type="purchase", direction="inbound", occurred_at=dt.datetime.now(dt.UTC),
                               amount=Decimal("12.34"), currency="EUR")


def raw_kafka(bootstrap: str, *, events: int, customers: int, rate: float | None = None) -> Figures:
    """The physical limit of this client: produce and consume the same messages, no DB.
    With ``rate`` the producer is paced (events/s) to measure latency below saturation."""
    topic = f"bench-raw-{uuid.uuid4().hex[:8]}"
    body = CloudEvent.wrap(sample_event("c"), source="/bench").to_json_bytes()
    received: list[float] = []
    sent_at: dict[int, float] = {}
    ready = threading.Event()

    def consume() -> None:
        consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=topic, auto_offset_reset="earliest",
                                 enable_auto_commit=False, max_poll_records=500)
        consumer.poll(timeout_ms=100)
        ready.set()
        while len(received) < events:
            for records in consumer.poll(timeout_ms=500).values():
                now = time.perf_counter()
                for record in records:
                    if record.key.startswith(b"w|"):
                        continue  # the warm-up: the first poll may not have taken it (a slow group join)
                    received.append((now - sent_at[int(record.key.split(b"|")[1])]) * 1000)
            consumer.commit()
        consumer.close()

    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=5,
                             batch_size=256 * 1024)
    producer.send(topic, b"warm-up", key=b"w|0").get(timeout=30)
    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    ready.wait(30)
    started = time.perf_counter()
    futures = []
    for i in range(events):
        if rate:
            _pace(started, i, rate)
        sent_at[i] = time.perf_counter()
        futures.append(producer.send(topic, body, key=f"c{i % customers}|{i}".encode()))
    for f in futures:
        f.get(timeout=60)
    thread.join(300)
    elapsed = time.perf_counter() - started
    producer.close()
    name = "raw kafka-python" + (f" @ {rate:.0f}/s" if rate else "")
    return Figures(name, events, elapsed, received)


def _pace(started: float, index: int, rate: float) -> None:
    """Sleep until the moment event ``index`` is due at ``rate`` events per second."""
    delay = started + index / rate - time.perf_counter()
    if delay > 0:
        time.sleep(delay)


class BenchUoW(UnitOfWork):
    """Tells ``committed`` what its handlers did only once it commits. A handler can run twice for one
    event: the consumer's one-transaction fast path rolls a batch back on any failure and its slow path
    applies the records again, one by one. Counting handler calls then showed 1,001 of 1,000 (make test,
    2026-12-07); counting commits counts what was applied."""

    def __init__(self, *args: Any, committed: Callable[[list[tuple[str, float]]], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._committed = committed
        self.handled: list[tuple[str, float]] = []  # (event id, latency ms) of this transaction

    def _attach(self, session: Session) -> None:
        self.handled = []

    def commit(self) -> None:
        super().commit()
        handled, self.handled = self.handled, []
        self._committed(handled)


def idic_pipeline(bootstrap: str, database_url: str, *, events: int, customers: int, label: str,
                  handler: str = "upsert", rate: float | None = None) -> Figures:
    """Events written to the outbox, relayed, consumed, deduplicated by the inbox and applied.

    Saturation (``rate`` None): events are written in transactions of 500, like a batch
    endpoint. Paced: one event per transaction at ``rate``/s, like single HTTP writes.
    ``handler``: "noop" measures the machinery alone; "upsert" also updates a per-customer
    total with one INSERT .. ON CONFLICT statement, a typical O(1) aggregate."""
    engine = make_engine(database_url)
    metadata.create_all(engine)
    sessions = make_sessionmaker(engine)
    relay = OutboxRelay(engine=engine, tables=tables, bootstrap_servers=bootstrap, client_id=f"bench-{label}")
    latencies: list[float] = []
    applied: collections.Counter[str] = collections.Counter()  # committed applications per event id
    done = threading.Event()
    run_id = uuid.uuid4().hex[:8]
    dialect_insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert

    def committed(handled: list[tuple[str, float]]) -> None:
        applied.update(event_id for event_id, _ in handled)
        latencies.extend(latency for _, latency in handled)
        if len(applied) >= events:
            done.set()

    def uow() -> BenchUoW:
        return BenchUoW(sessions, tables=tables, source="/bench", on_commit=relay.wake.set, committed=committed)

    def apply(payload: InteractionRecorded, envelope: CloudEvent, unit: BenchUoW) -> None:
        if handler == "upsert":
            stmt = dialect_insert(totals).values(customer_id=payload.customer_id, count=1, revenue=payload.amount)
            unit.session.execute(stmt.on_conflict_do_update(
                index_elements=[totals.c.customer_id],
                set_={"count": totals.c.count + 1, "revenue": totals.c.revenue + stmt.excluded.revenue}))
        unit.handled.append((envelope.id, (dt.datetime.now(dt.UTC) - envelope.time).total_seconds() * 1000))

    group = f"bench-{label}-{run_id}"
    start_group_at_end(bootstrap, group, "idic.interaction")
    consumer = EventConsumer(spec=ConsumerSpec(group_id=group, topics=("idic.interaction",),
                                               handlers={InteractionRecorded.event_type: apply}),
                             uow_factory=uow, bootstrap_servers=bootstrap, client_id=group)
    stop = threading.Event()
    threads = [threading.Thread(target=relay.run, args=(stop,), daemon=True),
               threading.Thread(target=consumer.run, args=(stop,), daemon=True)]
    for t in threads:
        t.start()
    time.sleep(3)  # let the consumer join its group
    started = time.perf_counter()
    per_tx = 1 if rate else 500
    for first in range(0, events, per_tx):
        if rate:
            _pace(started, first, rate)
        with uow() as unit:
            for i in range(first, min(events, first + per_tx)):
                unit.publish(sample_event(f"{run_id}-{i % customers}"))
            unit.commit()
    done.wait(600)
    elapsed = time.perf_counter() - started
    stop.set()
    relay.wake.set()
    for t in threads:
        t.join(30)
    if handler == "upsert":
        with engine.connect() as conn:
            total = conn.execute(select(func.sum(totals.c.count))
                                 .where(totals.c.customer_id.like(f"{run_id}%"))).scalar()
        assert total == events, f"{label}: applied {total} of {events}"
    engine.dispose()
    assert len(applied) == events, f"{label}: applied {len(applied)} of {events} events"
    twice = [event_id for event_id, n in applied.items() if n > 1]
    assert not twice, f"{label}: {len(twice)} events applied in two committed transactions"
    # latencies are taken in the handler, just before its batch commits (one small
    # transaction later at most)
    name = f"idic {label} {handler}" + (f" @ {rate:.0f}/s" if rate else "")
    return Figures(name, events, elapsed, latencies)


def start_group_at_end(bootstrap: str, group: str, topic: str) -> None:
    """Commit the group's offsets at the end of the topic, so a run does not first wade
    through the events of earlier runs on the shared broker."""
    from kafka import TopicPartition

    ensure_topics(bootstrap, [topic], partitions=6)
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in (consumer.partitions_for_topic(topic) or set())]
    consumer.assign(partitions)
    consumer.seek_to_end()
    consumer.commit({tp: OffsetAndMetadata(consumer.position(tp), "", -1) for tp in partitions})
    consumer.close()


def report(figures: list[Figures], raw: Figures) -> str:
    """One line per run; saturated idic runs also as a share of the raw rate."""
    lines = []
    for f in figures:
        share = "" if f is raw or "@" in f.name else f"  {100 * f.rate / raw.rate:5.1f}% of raw"
        lines.append(f.line() + share)
    return "\n".join(lines)

