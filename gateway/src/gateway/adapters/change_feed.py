"""The change feed of the view cache: every customer event on Kafka, and how far each service has applied them.

A thread reads the four customer topics from their end, outside any consumer group (every gateway replica
reads everything: each has its own cache), and tells the ``ViewCache`` which customers each event is about.
Every ``progress_interval_s`` it asks the broker how far the services' consumer groups have committed, so a
customer is stored again only once every group that reads the event has applied it. Whenever it cannot
vouch (Kafka away, behind a group, not polled lately) the cache serves nothing and the views are read fresh.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from prometheus_client import Gauge

from idic import get_logger
from idic.kafka_connection import KafkaConnection

from ..domain.view_cache import Partition, ViewCache

log = get_logger("gateway.change_feed")
SERVING = Gauge("gateway_view_cache_serving", "1 while the view cache may serve views (its change feed vouches)")
ENTRIES = Gauge("gateway_view_cache_entries", "360 views the cache holds")
PENDING = Gauge("gateway_view_cache_pending_customers",
                "Customers with an event some service has not applied yet (their views are read fresh)")

# the payload fields that name a customer besides the Kafka key (idic.contracts): a merge names the
# merged-away ids, an unmerge the restored customer and those that come back out with it
_CUSTOMER_FIELDS = ("customer_id", "restored_id")
_CUSTOMER_LIST_FIELDS = ("merged_ids", "restored_merged_ids")


def customers_named(key: bytes | None, value: bytes | None) -> list[str] | None:
    """The customer ids an event is about; None when it cannot be told (then every view must go)."""
    ids: list[str] = [key.decode("utf-8", "replace")] if key else []
    try:
        data = json.loads(value).get("data") if value else None
    except (ValueError, AttributeError):
        data = None
    if isinstance(data, dict):
        ids += [data[f] for f in _CUSTOMER_FIELDS if isinstance(data.get(f), str)]
        for field in _CUSTOMER_LIST_FIELDS:
            named = data.get(field)
            if isinstance(named, list):
                ids += [i for i in named if isinstance(i, str)]
    return ids or None


def applied_by_all(committed: Mapping[str, Mapping[Partition, int]], readers: Mapping[str, Sequence[str]],
                   partitions: Sequence[Partition]) -> dict[Partition, int]:
    """Per partition, the lowest committed offset among the groups that read its topic (no commit yet: 0,
    nothing applied). A partition no group reads is applied by all at once."""
    lowest: dict[Partition, int] = {}
    for partition in partitions:
        offsets = [committed.get(group, {}).get(partition, 0) for group, topics in readers.items()
                   if partition[0] in topics]
        lowest[partition] = min(offsets) if offsets else 1 << 62
    return lowest


class ChangeFeed:
    """Runs in its own daemon thread from ``start`` until ``stop``."""

    def __init__(self, cache: ViewCache, *, kafka: KafkaConnection, topics: Sequence[str],
                 readers: Mapping[str, Sequence[str]], progress_interval_s: float = 0.2) -> None:
        self.cache = cache
        self._kafka = kafka
        self._topics = list(topics)
        self._readers = {group: list(t) for group, t in readers.items()}
        self._progress_interval_s = progress_interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="view-cache-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    # -- the loop --------------------------------------------------------------------------------------
    def _run(self) -> None:
        backoff = 0.5
        warned = False
        while not self._stop.is_set():
            consumer: KafkaConsumer | None = None
            admin: KafkaAdminClient | None = None
            try:
                consumer, admin, partitions = self._connect()
                backoff, warned = 0.5, False
                self._follow(consumer, admin, partitions)
            except Exception as exc:  # noqa: BLE001 - the cache stops serving; views are read fresh meanwhile
                self.cache.set_live(False)
                SERVING.set(0)
                if not warned:  # once per outage, not every retry
                    log.warning("view cache off: the change feed cannot read Kafka", error=repr(exc)[:300])
                    warned = True
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
            finally:
                for client in (consumer, admin):
                    if client is not None:
                        try:
                            client.close()
                        except Exception:  # noqa: BLE001,S110 - closing a broken client
                            pass

    def _connect(self) -> tuple[KafkaConsumer, KafkaAdminClient, list[TopicPartition]]:
        config: dict[str, Any] = self._kafka.client_config()
        consumer = KafkaConsumer(**config, group_id=None, enable_auto_commit=False, client_id="gateway-view-cache",
                                 request_timeout_ms=10_000)
        admin = KafkaAdminClient(**config, client_id="gateway-view-cache", request_timeout_ms=10_000)
        partitions: list[TopicPartition] = []
        for topic in self._topics:
            numbers = consumer.partitions_for_topic(topic)
            if not numbers:  # not created yet: the services create their topics when they start
                raise RuntimeError(f"topic {topic} does not exist yet")
            partitions += [TopicPartition(topic, n) for n in sorted(numbers)]
        consumer.assign(partitions)
        ends = consumer.end_offsets(partitions)
        for tp in partitions:
            consumer.seek(tp, ends[tp])
        self.cache.restart({(tp.topic, tp.partition): ends[tp] for tp in partitions})
        log.info("view cache change feed reading", partitions=len(partitions))
        return consumer, admin, partitions

    def _follow(self, consumer: KafkaConsumer, admin: KafkaAdminClient, partitions: list[TopicPartition]) -> None:
        keys = [(tp.topic, tp.partition) for tp in partitions]
        next_progress = 0.0
        while not self._stop.is_set():
            for tp, records in consumer.poll(timeout_ms=100).items():
                for record in records:
                    ids = customers_named(record.key, record.value)
                    if ids is None:
                        self.cache.clear()
                    else:
                        self.cache.event(ids, (tp.topic, tp.partition), record.offset)
            if time.monotonic() < next_progress:
                continue
            next_progress = time.monotonic() + self._progress_interval_s
            listed = admin.list_group_offsets({group: None for group in self._readers})
            committed = {group: {(tp.topic, tp.partition): meta.offset for tp, meta in offsets.items()
                                 if meta.offset >= 0}
                         for group, offsets in listed.items()}
            self.cache.applied(applied_by_all(committed, self._readers, keys))
            self.cache.set_live(self._caught_up(consumer, partitions, committed))
            stats = self.cache.stats()
            SERVING.set(int(stats["serving"]))
            ENTRIES.set(stats["entries"])
            PENDING.set(stats["pending_customers"])

    @staticmethod
    def _caught_up(consumer: KafkaConsumer, partitions: list[TopicPartition],
                   committed: Mapping[str, Mapping[Partition, int]]) -> bool:
        """True when this feed has read what the broker last said each partition holds and no group has
        applied anything this feed has not read (its invalidations would be missing)."""
        for tp in partitions:
            position = consumer.position(tp)
            highwater = consumer.highwater(tp)
            if highwater is not None and position < highwater:
                return False
            if any(offsets.get((tp.topic, tp.partition), 0) > position for offsets in committed.values()):
                return False
        return True
