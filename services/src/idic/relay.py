"""The outbox relay: publishes committed outbox rows to Kafka, then marks them sent."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from typing import Any

from kafka import KafkaProducer
from sqlalchemy import Connection, Engine, delete, select, text, update

from .bus import make_producer
from .db import utcnow
from .events import STRUCTURED_HEADERS
from .kafka_connection import KafkaConnection
from .logs import get_logger
from .messaging import MessagingTables
from .metrics import OUTBOX_PENDING, OUTBOX_PUBLISH_ERRORS, OUTBOX_PUBLISHED

log = get_logger(__name__)


class OutboxRelay:
    """At-least-once publisher of one service's outbox.

    A row is marked sent only after ``send(...).get(timeout)`` confirmed it (kafka-python's
    ``flush()`` can return although records were not delivered). On PostgreSQL an advisory
    lock keeps two relays of one service from publishing at once, which would break the
    per-customer order. Failures leave rows unsent; they are retried, and consumers'
    inboxes absorb the duplicates a retry may cause."""

    def __init__(self, *, engine: Engine, tables: MessagingTables, bootstrap_servers: str | KafkaConnection,
                 client_id: str, batch_size: int = 500, poll_interval_s: float = 0.2, retention_s: float = 3600.0,
                 send_timeout_s: float = 30.0, producer_overrides: dict[str, Any] | None = None) -> None:
        self._engine = engine
        self._outbox = tables.outbox
        self._kafka = bootstrap_servers
        self._client_id = client_id
        self._batch_size = batch_size
        self._poll_interval_s = poll_interval_s
        self._retention = timedelta(seconds=retention_s)
        self._send_timeout_s = send_timeout_s
        self._producer_overrides = producer_overrides or {}
        self._producer: KafkaProducer | None = None
        self._lock_key = f"idic-outbox-relay:{client_id}"
        self.wake = threading.Event()
        self._last_prune = 0.0
        self._leader_conn: Connection | None = None

    def _get_producer(self) -> KafkaProducer:
        if self._producer is None:
            self._producer = make_producer(self._kafka, client_id=self._client_id, **self._producer_overrides)
        return self._producer

    def _is_leader(self) -> bool:
        """On PostgreSQL, hold a session advisory lock on a dedicated connection: only one
        relay per service publishes, or two could interleave one customer's events."""
        if self._engine.dialect.name != "postgresql":
            return True
        if self._leader_conn is not None:
            return True
        conn = self._engine.connect()
        if conn.execute(text("SELECT pg_try_advisory_lock(hashtext(:k))"), {"k": self._lock_key}).scalar():
            conn.commit()
            self._leader_conn = conn
            return True
        conn.close()
        return False

    def publish_batch(self) -> int:
        """Publish up to one batch of unsent rows in id order; return how many were marked sent.

        No transaction is held while waiting for Kafka (on SQLite it would block writers)."""
        if not self._is_leader():
            return 0
        outbox = self._outbox
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(outbox.c.id, outbox.c.topic, outbox.c.key, outbox.c.event_type, outbox.c.event_id,
                       outbox.c.body)
                .where(outbox.c.sent_at.is_(None)).order_by(outbox.c.id).limit(self._batch_size)
            ).all()
        OUTBOX_PENDING.set(len(rows))
        if not rows:
            return 0
        producer = self._get_producer()
        delivered: list[int] = []
        try:
            futures = [
                # Only content-type: any ce_* header would mark the message as binary mode
                # to CloudEvents SDKs (Kafka protocol binding), contradicting its JSON body.
                producer.send(r.topic, value=r.body.encode(), key=r.key.encode(), headers=STRUCTURED_HEADERS)
                for r in rows
            ]
            for row, future in zip(rows, futures, strict=False):
                future.get(timeout=self._send_timeout_s)
                delivered.append(row.id)
        finally:
            # Mark the confirmed prefix even when a later send failed: those rows are in Kafka.
            if delivered:
                with self._engine.begin() as conn:
                    conn.execute(update(outbox).where(outbox.c.id.in_(delivered)).values(sent_at=utcnow()))
                for row in rows[: len(delivered)]:
                    OUTBOX_PUBLISHED.labels(row.topic).inc()
        return len(delivered)

    def prune(self) -> int:
        """Delete rows sent longer ago than the retention (the outbox is not an archive)."""
        with self._engine.begin() as conn:
            result = conn.execute(delete(self._outbox).where(self._outbox.c.sent_at < utcnow() - self._retention))
            return int(result.rowcount or 0)

    def run(self, stop: threading.Event) -> None:
        """Loop until ``stop``: publish while there is work, otherwise sleep until woken."""
        backoff = 0.5
        while not stop.is_set():
            try:
                published = self.publish_batch()
                backoff = 0.5
                if time.monotonic() - self._last_prune > 60:
                    self._last_prune = time.monotonic()
                    self.prune()
                if published < self._batch_size:
                    self.wake.wait(self._poll_interval_s)
                    self.wake.clear()
            except Exception as exc:  # noqa: BLE001 - broker or DB away: keep rows, retry later
                OUTBOX_PUBLISH_ERRORS.inc()
                log.warning("outbox publish failed; will retry", error=repr(exc), retry_in_s=backoff)
                self._reset_producer()
                self._drop_leadership()
                stop.wait(backoff)
                backoff = min(backoff * 2, 5.0)
        self._reset_producer()
        self._drop_leadership()

    def _drop_leadership(self) -> None:
        """Give the advisory lock up after a failure, so that another replica may publish.

        The lock belongs to the database session, and ``close()`` alone would return the
        connection to the pool with the lock still held: no relay could lead until that pooled
        connection happened to come back to this one. Invalidating it ends the session."""
        if self._leader_conn is not None:
            try:
                self._leader_conn.invalidate()
                self._leader_conn.close()
            except Exception:  # noqa: BLE001 - the connection may already be gone
                pass
            self._leader_conn = None

    def _reset_producer(self) -> None:
        if self._producer is not None:
            try:
                self._producer.close(timeout=1)
            except Exception:  # noqa: BLE001 - closing a broken producer may fail too
                pass
            self._producer = None
