"""Outbox and inbox tables, declared on each service's own MetaData so that they live in
that service's database and migration history."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, Index, Integer, MetaData, String, Table, Text

from .db import UtcDateTime

# SQLite only autoincrements an INTEGER PRIMARY KEY (the rowid alias)
_ID = BigInteger().with_variant(Integer(), "sqlite")


@dataclass(frozen=True)
class MessagingTables:
    """The outbox (events waiting for the relay) and inbox (events already applied)."""

    outbox: Table
    inbox: Table


def add_messaging_tables(metadata: MetaData) -> MessagingTables:
    """Declare ``outbox`` and ``inbox`` on a service's metadata."""
    outbox = Table(
        "outbox", metadata,
        Column("id", _ID, primary_key=True, autoincrement=True),
        Column("event_id", String(64), nullable=False, unique=True),
        Column("topic", String(249), nullable=False),
        Column("key", String(255), nullable=False),
        Column("event_type", String(255), nullable=False),
        Column("body", Text, nullable=False),
        Column("created_at", UtcDateTime, nullable=False),
        Column("sent_at", UtcDateTime, nullable=True),
    )
    # the relay only ever scans unsent rows in id order: keep that index tiny
    Index("ix_outbox_unsent", outbox.c.id,
          postgresql_where=outbox.c.sent_at.is_(None), sqlite_where=outbox.c.sent_at.is_(None))
    Index("ix_outbox_sent_at", outbox.c.sent_at)
    # event_id leads the key: the batch lookup "which of these ids were applied?" must be
    # an index probe per id, not a scan of the group's whole history.
    inbox = Table(
        "inbox", metadata,
        Column("event_id", String(64), primary_key=True),
        Column("consumer_group", String(255), primary_key=True),
        Column("event_type", String(255), nullable=False),
        Column("processed_at", UtcDateTime, nullable=False),
    )
    return MessagingTables(outbox=outbox, inbox=inbox)

