"""Unit of work: one DB transaction that also writes the events it raised to the outbox."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from .context import request_id_var
from .contracts import EVENT_TYPES, EventPayload
from .db import bulk_insert, utcnow
from .events import CloudEvent
from .messaging import MessagingTables

COPY_AT_LEAST = 100  # events in one commit: below this a multi-row INSERT is as quick as COPY


class UnitOfWork:
    """``with uow: ...; uow.commit()``. Rolls back unless ``commit()`` is called. Events
    given to ``publish`` are written to the outbox in the same transaction as the state
    change, so there is never a state change without its events or the reverse.

    Services subclass it and attach their repositories in ``_attach(session)``."""

    def __init__(self, session_factory: sessionmaker[Session], *, tables: MessagingTables, source: str,
                 on_commit: Callable[[], None] | None = None, read_only: bool = False) -> None:
        self._session_factory = session_factory
        self.read_only = read_only
        self._tables = tables
        self._source = source
        self._on_commit = on_commit
        self._pending: list[CloudEvent] = []
        self._before_commit: dict[str, Callable[[], None]] = {}
        self.published: list[CloudEvent] = []
        self.session: Session

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self._pending = []
        self._before_commit = {}
        self._attach(self.session)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.rollback()
        self.session.close()

    def _attach(self, session: Session) -> None:
        """Hook for subclasses: build repositories on this session."""

    @property
    def source(self) -> str:
        """The CloudEvents ``source`` stamped on the events this unit of work publishes."""
        return self._source

    def publish(self, payload: EventPayload, *, event_id: str | None = None) -> CloudEvent:
        """Queue an event; it reaches the outbox only if this unit of work commits."""
        event = CloudEvent.wrap(payload, source=self._source, request_id=request_id_var.get(), event_id=event_id)
        self._pending.append(event)
        return event

    def before_commit(self, key: str, work: Callable[[], None]) -> None:
        """Run ``work`` once, just before this transaction commits (the first ``work`` given
        under ``key`` wins). Lets a consumer's handlers leave per-customer work that several
        events of one batch share (e.g. re-scoring) to be done once, in bulk, at the end."""
        self._before_commit.setdefault(key, work)

    def commit(self) -> None:
        """Run the deferred work, write queued events to the outbox and commit everything in
        one transaction."""
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit: use the service's writing one")
        while self._before_commit:  # deferred work may defer more (it runs too, once per key)
            key = next(iter(self._before_commit))
            self._before_commit.pop(key)()
        if self._pending:
            now = utcnow()
            rows = [{"event_id": e.id, "topic": _topic_of(e), "key": e.subject or "", "event_type": e.type,
                     "body": e.to_json_bytes().decode(), "created_at": now} for e in self._pending]
            if len(rows) >= COPY_AT_LEAST:  # a batch endpoint can raise tens of thousands of events
                bulk_insert(self.session, self._tables.outbox, rows)
            else:
                self.session.execute(insert(self._tables.outbox), rows)
        self.session.commit()
        self.published.extend(self._pending)
        self._pending = []
        if self.published and self._on_commit is not None:
            self._on_commit()

    def rollback(self) -> None:
        """Drop the transaction, the events queued in it and its deferred work."""
        self._pending = []
        self._before_commit = {}
        self.session.rollback()

    # -- inbox: consumers record which events they applied, in the same transaction --
    def already_processed(self, *, group: str, event_id: str) -> bool:
        """True when this consumer group already applied the event."""
        inbox = self._tables.inbox
        row = self.session.execute(
            select(inbox.c.event_id).where(inbox.c.consumer_group == group, inbox.c.event_id == event_id)
        ).first()
        return row is not None

    def processed_among(self, *, group: str, event_ids: list[str]) -> set[str]:
        """Which of these events this consumer group already applied (one query per batch)."""
        inbox = self._tables.inbox
        found: set[str] = set()
        for start in range(0, len(event_ids), 1000):
            chunk = event_ids[start:start + 1000]
            found.update(self.session.scalars(select(inbox.c.event_id).where(
                inbox.c.consumer_group == group, inbox.c.event_id.in_(chunk))))
        return found

    def mark_many_processed(self, *, group: str, events: list[CloudEvent]) -> None:
        """Record a batch of applied events in the inbox with one statement."""
        if events:
            now = utcnow()
            self.session.execute(insert(self._tables.inbox), [
                {"consumer_group": group, "event_id": e.id, "event_type": e.type, "processed_at": now}
                for e in events])

    def mark_processed(self, *, group: str, event: CloudEvent) -> None:
        """Record the event in the inbox; committing makes the handler's effect and this
        record one atomic fact."""
        self.session.execute(insert(self._tables.inbox).values(
            consumer_group=group, event_id=event.id, event_type=event.type, processed_at=utcnow()))


def _topic_of(event: CloudEvent) -> str:
    return EVENT_TYPES[event.type].topic

