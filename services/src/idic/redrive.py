"""Dead letters of a service's consumer groups: list and inspect what a group could not apply, and
apply it again after a fix (``python -m <service>.entrypoints.redrive``; ``/internal/dead-letters``).

A message a group could not apply sits on ``<topic>.dlq.<group>`` (``bus.dlq_topic``) with headers
saying why (``dlq.error``), after how many tries and where it came from (``dlq.source``). Applying it
again goes through the live consumer's own path, for that group alone (re-publishing it to its topic
would hand it to every other group too): the group's handlers in a transaction with its inbox, so an
event the group applied in the meantime is dropped as a duplicate, and one that fails again is
dead-lettered again with its new error. What was handled is kept as the offsets of a consumer group
of its own, ``<group>.redrive``: the next run starts after it, so running twice re-applies nothing."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from kafka import KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.structs import OffsetAndMetadata

from .bus import dlq_topic
from .consumer import ConsumerSpec, EventConsumer
from .events import MalformedEvent, parse_event
from .kafka_connection import KafkaConnection, kafka_connection
from .logs import get_logger
from .uow import UnitOfWork

log = get_logger(__name__)
DLQ_HEADERS = ("dlq.error", "dlq.attempts", "dlq.source", "dlq.group")


@dataclass(frozen=True)
class DeadLetter:
    """One dead-lettered message, as an operator reads it."""

    group: str
    dlq: str                   # topic/partition/offset on the dead-letter topic
    source: str                # topic/partition/offset it was consumed from
    error: str
    attempts: int
    event_id: str | None       # None when the message is not a CloudEvent at all
    event_type: str | None
    key: str | None


def redrive_group(group: str) -> str:
    """The consumer group whose offsets say which of ``group``'s dead letters were handled."""
    return f"{group}.redrive"


def _header(record: ConsumerRecord, name: str) -> str:
    return next((v.decode(errors="replace") for k, v in (record.headers or []) if k == name), "")


def _dead_letter(record: ConsumerRecord, group: str) -> DeadLetter:
    event_id: str | None = None
    event_type: str | None = None
    try:
        event = parse_event(record.value)
        event_id, event_type = event.id, event.type
    except MalformedEvent:
        pass  # not a CloudEvent: shown by its error and key
    attempts = _header(record, "dlq.attempts")
    return DeadLetter(group=group, dlq=f"{record.topic}/{record.partition}/{record.offset}",
                      source=_header(record, "dlq.source"), error=_header(record, "dlq.error"),
                      attempts=int(attempts) if attempts.isdigit() else 0, event_id=event_id, event_type=event_type,
                      key=record.key.decode(errors="replace") if record.key else None)


def _as_consumed(record: ConsumerRecord) -> ConsumerRecord:
    """The record as the group first consumed it: its source topic, partition and offset, its own headers."""
    source = _header(record, "dlq.source").split("/")
    if len(source) >= 3 and source[-1].isdigit() and source[-2].isdigit():
        topic, partition, offset = "/".join(source[:-2]), int(source[-2]), int(source[-1])
    else:  # no source header: the dead-letter topic's name says which topic it came from
        topic, partition, offset = record.topic.split(".dlq.", 1)[0], record.partition, record.offset
    headers = [(k, v) for k, v in (record.headers or []) if k not in DLQ_HEADERS]
    return record._replace(topic=topic, partition=partition, offset=offset, headers=headers)  # type: ignore[no-any-return]


class DeadLetters:
    """The dead letters of one consumer group (``spec``) of a service."""

    def __init__(self, *, spec: ConsumerSpec, uow_factory: Callable[[], UnitOfWork],
                 bootstrap_servers: str | KafkaConnection, client_id: str, max_attempts: int = 5) -> None:
        self.spec, self._uow_factory, self._kafka = spec, uow_factory, kafka_connection(bootstrap_servers)
        self._client_id, self._max_attempts = client_id, max_attempts

    @contextmanager
    def _reader(self) -> Iterator[tuple[KafkaConsumer, dict[TopicPartition, int]]]:
        """A consumer of the redrive group on every partition of the group's dead-letter topics, from what
        it handled last, with the end of each partition as it is now."""
        consumer = KafkaConsumer(**self._kafka.client_config(),
                                 group_id=redrive_group(self.spec.group_id), client_id=f"{self._client_id}-redrive",
                                 enable_auto_commit=False, auto_offset_reset="earliest")
        try:
            topics = set(consumer.topics())
            partitions = [TopicPartition(t, p) for t in (dlq_topic(s, self.spec.group_id) for s in self.spec.topics)
                          if t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]
            consumer.assign(partitions)
            ends = consumer.end_offsets(partitions) if partitions else {}
            yield consumer, {tp: end for tp, end in ends.items() if consumer.position(tp) < end}
        finally:
            consumer.close(autocommit=False)

    @staticmethod
    def _records(consumer: KafkaConsumer, ends: dict[TopicPartition, int], limit: int | None) -> Iterator[
            tuple[TopicPartition, ConsumerRecord]]:
        """The records up to the ends, in order per partition, at most ``limit``."""
        left = dict(ends)
        taken, idle = 0, 0
        while left and (limit is None or taken < limit):
            batch = consumer.poll(timeout_ms=2000)
            if not batch:
                idle += 1
                if idle == 3:
                    break  # records below the ends that do not come in 6 s: the broker is away
                continue
            idle = 0
            for tp, records in batch.items():
                for record in records:
                    if tp not in left or record.offset >= left[tp] or (limit is not None and taken >= limit):
                        continue
                    taken += 1
                    yield tp, record
                    if record.offset + 1 >= left[tp]:
                        del left[tp]

    def pending(self, *, limit: int = 100) -> list[DeadLetter]:
        """Up to ``limit`` dead letters not handled yet, oldest first per partition (nothing is marked)."""
        with self._reader() as (consumer, ends):
            return [_dead_letter(record, self.spec.group_id) for _, record in self._records(consumer, ends, limit)]

    def redrive(self, *, limit: int | None = None, stop: threading.Event | None = None) -> dict[str, int]:
        """Apply the dead letters not handled yet again (at most ``limit``), each marked handled once done;
        how many ended applied, duplicate, skipped or dead_lettered (again)."""
        stop = stop or threading.Event()
        applier = EventConsumer(spec=self.spec, uow_factory=self._uow_factory, bootstrap_servers=self._kafka,
                                client_id=f"{self._client_id}-redrive-{uuid.uuid4().hex[:6]}",
                                max_attempts=self._max_attempts)
        outcomes: Counter[str] = Counter()
        try:
            with self._reader() as (consumer, ends):
                for tp, record in self._records(consumer, ends, limit):
                    outcome = applier.apply_one(_as_consumed(record), stop)
                    if outcome is None:
                        break  # stopping: this one stays for the next run
                    consumer.commit({tp: OffsetAndMetadata(record.offset + 1, "", -1)})
                    outcomes[outcome] += 1
                    log.info("dead letter applied again", group=self.spec.group_id, outcome=outcome,
                             dlq=f"{tp.topic}/{tp.partition}/{record.offset}")
        finally:
            applier.close()
        return dict(outcomes)


def dead_letters_of(runtime: Any) -> dict[str, DeadLetters]:
    """Every consumer group of a service runtime (``idic.ServiceRuntime``), by group id."""
    settings = runtime.settings
    return {spec.group_id: DeadLetters(spec=spec, uow_factory=runtime.uow,
                                       bootstrap_servers=settings.kafka,
                                       client_id=settings.service_name, max_attempts=settings.consumer_max_attempts)
            for spec in runtime.consumer_specs}
