"""Tables of interaction-service (its own database; nobody else reads it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, SmallInteger, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from idic import UtcDateTime, add_identity_tables, add_jobs_table, add_messaging_tables, new_metadata

from ..domain.money import from_units, to_units


class Money(TypeDecorator[Decimal]):
    """Decimal stored as an integer count of 1/10,000: exact sums on SQLite too, whose
    NUMERIC is a float. ``SUM()`` over the column comes back through the same type."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_units(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_units(value)


class Base(DeclarativeBase):
    metadata = new_metadata()


messaging = add_messaging_tables(Base.metadata)
jobs = add_jobs_table(Base.metadata)
# merge aliases (interactions that still arrive for a merged id are recorded for its survivor) and erasure
# tombstones (late events of an erased person are not stored again): idic.identities, migration 0004
identities = add_identity_tables(Base.metadata)


class Interaction(Base):
    """One interaction with a customer on one channel."""

    __tablename__ = "interactions"
    __table_args__ = (
        # timeline: one customer's newest first, keyset-paginated on (occurred_at, id)
        Index("ix_interactions_customer_occurred", "customer_id", "occurred_at", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # the client's idempotency key ("id" in the request): one interaction per key, globally
    client_key: Mapped[str | None] = mapped_column(String(128), unique=True, default=None)
    # None while the interaction waits for identity to link its identifiers (see PendingKey)
    customer_id: Mapped[str | None] = mapped_column(String(64))
    # who it was recorded for before any merge re-keyed it, so that an unmerge can give it back
    original_customer_id: Mapped[str | None] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(8))
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    amount: Mapped[Decimal | None] = mapped_column(Money, default=None)
    currency: Mapped[str | None] = mapped_column(String(3), default=None)
    cost: Mapped[Decimal | None] = mapped_column(Money, default=None)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # who recorded it (the gateway's X-Actor: an API key's actor name or digest); null from events
    actor: Mapped[str | None] = mapped_column(String(128), default=None)
    # survey answers copied out of the payload: feedback aggregates without JSON functions
    nps: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    csat: Mapped[int | None] = mapped_column(SmallInteger, default=None)


class PendingKey(Base):
    """An identifier key of an interaction that arrived without customer_id and whose key
    identity has not announced yet; the row goes once identity links the key."""

    __tablename__ = "pending_keys"

    identifier_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    interaction_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class IdentifierLink(Base):
    """identifier key (SHA-256, never the value) -> customer, learnt from identity's events."""

    __tablename__ = "identifier_links"

    identifier_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(64), index=True)
    # who identity first announced it for, so that an unmerge can give it back
    original_customer_id: Mapped[str] = mapped_column(String(64), index=True)


class CustomerActivity(Base):
    """Running purchase history of a customer: enough for first-purchase, large-purchase and
    lapse detection without reading the customer's interactions (O(1) per interaction)."""

    __tablename__ = "customer_activity"

    customer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    purchase_count: Mapped[int] = mapped_column(Integer, default=0)
    first_purchase_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    last_purchase_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    # amounts of purchases in one currency (the customer's first): their mean is the yardstick
    amount_currency: Mapped[str | None] = mapped_column(String(3), default=None)
    amount_count: Mapped[int] = mapped_column(Integer, default=0)
    amount_sum: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    last_activity_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class Trigger(Base):
    """A detected trigger; the deterministic primary key makes each occurrence fire once."""

    __tablename__ = "triggers"
    __table_args__ = (Index("ix_triggers_customer_occurred", "customer_id", "occurred_at"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    interaction_id: Mapped[str | None] = mapped_column(String(36), default=None)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    detected_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class CustomerBirthday(Base):
    """MM-DD of a customer's birthday (never the year), from CustomerUpdated."""

    __tablename__ = "customer_birthdays"

    customer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    month_day: Mapped[str] = mapped_column(String(5), index=True)
