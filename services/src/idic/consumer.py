"""Event consumers: apply each event once, commit offsets only after the DB commit, and
send what keeps failing to a dead-letter topic so that consumption goes on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import CommitFailedError, KafkaError
from kafka.structs import OffsetAndMetadata
from sqlalchemy.exc import DBAPIError, IntegrityError

from . import kafka_fixes
from .bus import RECONNECT_BACKOFF_MAX_MS, dlq_topic, ensure_topics, make_producer
from .contracts import EventPayload
from .events import CloudEvent, MalformedEvent, parse_event
from .kafka_connection import KafkaConnection, kafka_connection
from .logs import bound_contextvars, get_logger
from .metrics import CONSUMER_LAG, EVENT_HANDLE_SECONDS, EVENTS_CONSUMED, EVENTS_DEAD_LETTERED
from .uow import UnitOfWork

log = get_logger(__name__)
kafka_fixes.install()  # before any consumer exists: a group member must never be left without partitions

Handler = Callable[[Any, CloudEvent, Any], None]
"""``handler(payload, envelope, uow)``: apply one event inside the open unit of work
(the consumer commits). Raise to refuse it; it is retried, then dead-lettered."""


BatchPreparer = Callable[[Any, list[tuple[CloudEvent, EventPayload]]], None]
"""``prepare(uow, events)``: called once per polled batch, inside its transaction and before its handlers,
with the events about to be applied, so that what they will read can be loaded in a few queries instead
of a few per event. An optimisation only: a record retried on its own gets no call."""


@dataclass(frozen=True)
class ConsumerSpec:
    """What a service consumes: a group, its topics and a handler per event type.
    Event types without a handler are skipped (their offsets still advance)."""

    group_id: str
    topics: tuple[str, ...]
    handlers: dict[str, Handler]
    prepare: BatchPreparer | None = None


def _is_infrastructure_error(exc: BaseException) -> bool:
    """DB unreachable or connection lost: not the event's fault, so never dead-letter it."""
    return isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError) and (
        exc.connection_invalidated or type(exc).__name__ in {"OperationalError", "InterfaceError"}
    )


class EventConsumer:
    """One KafkaConsumer (not thread-safe: each consumer thread owns its own)."""

    def __init__(self, *, spec: ConsumerSpec, uow_factory: Callable[[], UnitOfWork],
                 bootstrap_servers: str | KafkaConnection, client_id: str, max_attempts: int = 5,
                 batch_size: int = 500, partitions: int = 6, retry_backoff_s: float = 0.05) -> None:
        self.spec = spec
        self._uow_factory = uow_factory
        self._kafka = kafka_connection(bootstrap_servers)
        self._client_id = client_id
        self._max_attempts = max_attempts
        self._batch_size = batch_size
        self._partitions = partitions
        self._retry_backoff_s = retry_backoff_s
        self._consumer: KafkaConsumer | None = None
        self._dlq_producer: KafkaProducer | None = None
        self.assigned = threading.Event()
        """Set once the group gave this consumer partitions (a test or a probe can wait for it)."""

    # -- lifecycle ----------------------------------------------------------------
    def _connect(self) -> KafkaConsumer:
        topics = list(self.spec.topics)
        ensure_topics(self._kafka, topics + [dlq_topic(t, self.spec.group_id) for t in topics],
                      partitions=self._partitions)
        consumer = KafkaConsumer(
            **self._kafka.client_config(),
            group_id=self.spec.group_id,
            client_id=self._client_id,
            enable_auto_commit=False,  # offsets move only after the handler's transaction committed
            auto_offset_reset="earliest",
            max_poll_records=self._batch_size,
            session_timeout_ms=10_000,
            heartbeat_interval_ms=3_000,
            max_poll_interval_ms=300_000,
            reconnect_backoff_max_ms=RECONNECT_BACKOFF_MAX_MS,
        )
        consumer.subscribe(topics)
        return consumer

    def run(self, stop: threading.Event) -> None:
        """Poll-apply-commit until ``stop``; reconnect with backoff when Kafka is away."""
        backoff = 0.5
        while not stop.is_set():
            try:
                if self._consumer is None:
                    self._consumer = self._connect()
                    backoff = 0.5
                batch = self._consumer.poll(timeout_ms=500)
                if not self.assigned.is_set() and self._consumer.assignment():
                    self.assigned.set()
                if batch:
                    self.process(batch, stop)
                try:
                    self._measure_lag()
                except Exception as exc:  # noqa: BLE001 - a metric never stops the consuming
                    log.debug("consumer lag not measured", group=self.spec.group_id, error=repr(exc))
            except Exception as exc:  # noqa: BLE001 - keep consuming whatever happened
                log.warning("consumer loop error; reconnecting", group=self.spec.group_id, error=repr(exc),
                            retry_in_s=backoff)
                self._close()
                stop.wait(backoff)
                backoff = min(backoff * 2, 5.0)
        self._close()

    _lagging: set[TopicPartition]

    def _measure_lag(self) -> None:
        """``idic_consumer_lag`` of each partition this consumer holds: its high watermark (known from the
        last fetch) minus the position, i.e. what is on Kafka and not applied yet; a partition given to
        another consumer in a rebalance stops being reported here."""
        if self._consumer is None:
            return
        held = set(self._consumer.assignment())
        for tp in getattr(self, "_lagging", set()) - held:
            CONSUMER_LAG.remove(self.spec.group_id, tp.topic, str(tp.partition))
        self._lagging = set()
        for tp in held:
            highwater = self._consumer.highwater(tp)
            if highwater is None:  # nothing fetched yet: the position would cost a round trip
                continue
            lag = max(0, highwater - self._consumer.position(tp))
            CONSUMER_LAG.labels(self.spec.group_id, tp.topic, str(tp.partition)).set(lag)
            self._lagging.add(tp)

    def close(self) -> None:
        """Close the Kafka clients (a consumer used outside ``run``, e.g. to apply dead letters again)."""
        self._close()

    def _close(self) -> None:
        if self._consumer is not None:
            try:
                self._consumer.close(autocommit=False)
            except Exception:  # noqa: BLE001
                pass
            self._consumer = None
        if self._dlq_producer is not None:
            try:
                self._dlq_producer.close(timeout=1)
            except Exception:  # noqa: BLE001
                pass
            self._dlq_producer = None

    # -- processing ---------------------------------------------------------------
    def process(self, batch: dict[TopicPartition, list[ConsumerRecord]], stop: threading.Event) -> None:
        """Apply a polled batch, then commit the offsets of everything applied."""
        records = [r for tp_records in batch.values() for r in tp_records]
        started = time.perf_counter()
        if not self._apply_all_at_once(records, stop):
            for record in records:
                if self.apply_one(record, stop) is None:
                    break  # stopping: commit what is done, the rest is redelivered
                self._done(record)
        EVENT_HANDLE_SECONDS.labels(self.spec.group_id).observe(time.perf_counter() - started)
        self._commit()

    def _apply_all_at_once(self, records: list[ConsumerRecord], stop: threading.Event) -> bool:
        """Fast path: the whole poll batch in one transaction. A failing handler rolls it back
        and the slow path takes records one by one. A message that is not an event cannot
        succeed on any try: it goes to the dead-letter topic at once, and the rest of its batch
        stays on the fast path (one poison message must not cost 500 transactions)."""
        parsed: list[tuple[ConsumerRecord, CloudEvent, EventPayload | None]] = []
        malformed: list[tuple[ConsumerRecord, str]] = []
        for record in records:
            try:
                event = parse_event(record.value)
                handler = self.spec.handlers.get(event.type)
                parsed.append((record, event, event.payload() if handler else None))
            except MalformedEvent as exc:
                malformed.append((record, str(exc)))
        group = self.spec.group_id
        try:
            with self._uow_factory() as uow:
                seen = uow.processed_among(group=group, event_ids=[e.id for _, e, p in parsed if p is not None])
                if self.spec.prepare is not None:
                    self.spec.prepare(uow, [(e, p) for _, e, p in parsed if p is not None and e.id not in seen])
                outcomes, applied = [], []
                for _, event, payload in parsed:
                    if payload is None:
                        outcomes.append("skipped")
                    elif event.id in seen:
                        outcomes.append("duplicate")
                    else:
                        with bound_contextvars(event_id=event.id, event_type=event.type, request_id=event.requestid):
                            self.spec.handlers[event.type](payload, event, uow)
                        seen.add(event.id)  # the same event twice in one batch applies once
                        applied.append(event)
                        outcomes.append("applied")
                uow.mark_many_processed(group=group, events=applied)
                uow.commit()
        except Exception as exc:  # noqa: BLE001 - retried record by record, with DLQ, below
            # said once per batch: which event failed, and why, is logged by the record-by-record pass
            log.info("batch rolled back; applying its records one by one", records=len(records), error=repr(exc))
            return False
        for record, error in malformed:
            if not self._dead_letter(record, error, attempts=1, stop=stop):
                return True  # stopping: no offset moves; the inbox drops what this batch applied
        for (_, event, _), outcome in zip(parsed, outcomes, strict=True):
            EVENTS_CONSUMED.labels(self.spec.group_id, event.type, outcome).inc()
        for record in records:  # in poll order, so that each partition's offset only moves forward
            self._done(record)
        return True

    def _apply(self, uow: UnitOfWork, event: CloudEvent, payload: EventPayload | None) -> str:
        """Apply one event in ``uow`` unless already applied; return the outcome label."""
        if payload is None:
            return "skipped"
        group = self.spec.group_id
        if uow.already_processed(group=group, event_id=event.id):
            return "duplicate"
        with bound_contextvars(event_id=event.id, event_type=event.type, request_id=event.requestid):
            self.spec.handlers[event.type](payload, event, uow)
        uow.mark_processed(group=group, event=event)
        return "applied"

    def apply_one(self, record: ConsumerRecord, stop: threading.Event) -> str | None:
        """Apply one record in a transaction of its own; dead-letter it after max_attempts handler failures.
        The outcome: applied, duplicate (this group applied it before), skipped (no handler), dead_lettered;
        None only when stopping before it could be applied (it will be redelivered)."""
        try:
            event = parse_event(record.value)
            handler = self.spec.handlers.get(event.type)
            payload = event.payload() if handler else None
        except MalformedEvent as exc:
            return self._dead_lettered(record, str(exc), attempts=1, stop=stop)
        attempt = 0
        while True:
            try:
                with self._uow_factory() as uow:
                    outcome = self._apply(uow, event, payload)
                    uow.commit()
                EVENTS_CONSUMED.labels(self.spec.group_id, event.type, outcome).inc()
                return outcome
            except IntegrityError as exc:
                if "inbox" in str(exc).lower():  # a concurrent instance applied it first
                    EVENTS_CONSUMED.labels(self.spec.group_id, event.type, "duplicate").inc()
                    return "duplicate"
                attempt += 1
                error: BaseException = exc
            except Exception as exc:  # noqa: BLE001
                if _is_infrastructure_error(exc):
                    log.warning("database unavailable; retrying event", event_id=event.id, error=repr(exc))
                    if stop.wait(1.0):
                        return None
                    continue
                attempt += 1
                error = exc
            if attempt >= self._max_attempts:
                return self._dead_lettered(record, f"{type(error).__name__}: {error}", attempts=attempt, stop=stop)
            log.warning("event handler failed; retrying", event_id=event.id, attempt=attempt, error=repr(error))
            if stop.wait(self._retry_backoff_s * (2 ** (attempt - 1))):
                return None

    def _dead_lettered(self, record: ConsumerRecord, error: str, *, attempts: int, stop: threading.Event) -> str | None:
        return "dead_lettered" if self._dead_letter(record, error, attempts=attempts, stop=stop) else None

    def _dead_letter(self, record: ConsumerRecord, error: str, *, attempts: int, stop: threading.Event) -> bool:
        """Publish the original message with its error to ``<topic>.dlq.<group>``; only
        then may its offset be committed. Retries until Kafka takes it or we stop."""
        target = dlq_topic(record.topic, self.spec.group_id)
        headers = list(record.headers or []) + [
            ("dlq.error", error[:4000].encode()),
            ("dlq.attempts", str(attempts).encode()),
            ("dlq.source", f"{record.topic}/{record.partition}/{record.offset}".encode()),
            ("dlq.group", self.spec.group_id.encode()),
        ]
        while not stop.is_set():
            try:
                if self._dlq_producer is None:
                    self._dlq_producer = make_producer(self._kafka, client_id=f"{self._client_id}-dlq")
                self._dlq_producer.send(target, value=record.value, key=record.key, headers=headers).get(timeout=30)
                EVENTS_DEAD_LETTERED.labels(self.spec.group_id).inc()
                EVENTS_CONSUMED.labels(self.spec.group_id, "unknown", "dead_lettered").inc()
                log.error("message dead-lettered", topic=target, source=f"{record.topic}/{record.partition}/"
                          f"{record.offset}", error=error[:500])
                return True
            except KafkaError as exc:
                log.warning("dead-letter publish failed; retrying", error=repr(exc))
                stop.wait(1.0)
        return False

    # -- offsets ------------------------------------------------------------------
    _pending: dict[TopicPartition, OffsetAndMetadata]

    def _done(self, record: ConsumerRecord) -> None:
        if not hasattr(self, "_pending"):
            self._pending = {}
        self._pending[TopicPartition(record.topic, record.partition)] = OffsetAndMetadata(
            record.offset + 1, "", record.leader_epoch if record.leader_epoch is not None else -1)

    def _commit(self) -> None:
        pending = getattr(self, "_pending", {})
        if not pending or self._consumer is None:
            return
        try:
            self._consumer.commit(offsets=dict(pending))
        except CommitFailedError as exc:
            # the group rebalanced: the new owner re-reads these, the inbox drops the repeats
            log.warning("offset commit failed after rebalance", error=repr(exc))
        finally:
            self._pending = {}

