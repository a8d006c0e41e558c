"""Tables of identity-service (its own database; nobody else reads it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from idic import UtcDateTime, add_jobs_table, add_messaging_tables, new_metadata


class Base(DeclarativeBase):
    metadata = new_metadata()


messaging = add_messaging_tables(Base.metadata)
jobs = add_jobs_table(Base.metadata)


class Customer(Base):
    """A golden customer record. After a merge ``merged_into`` points at the customer it was
    merged into and ``survivor_id`` at the current root of its cluster (both None for a root).
    ``observations`` keeps every attribute value seen (see domain.golden); ``attributes`` is
    the golden record chosen from them."""

    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    consent: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    merged_into: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    survivor_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    observations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # derived from attributes, observations and identifiers (Resolver's CustomerState.match_data):
    # what blocking candidates are scored on, so that they load without their history; None
    # when not written yet (the engine then derives it from the observations)
    match_profiles: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    erased_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)

    identifiers: Mapped[list[Identifier]] = relationship(back_populates="customer", lazy="selectin",
                                                         cascade="all, delete-orphan")


class Identifier(Base):
    """One normalised identifier; a (type, value) pair belongs to at most one customer.
    ``customer_id`` is always the current root customer (one index hop for a lookup);
    ``origin_id`` the customer that brought it, so that an unmerge can give it back."""

    __tablename__ = "identifiers"
    __table_args__ = (UniqueConstraint("type", "value", name="uq_identifiers_type_value"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    origin_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    type: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(512))
    source: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    customer: Mapped[Customer] = relationship(back_populates="identifiers")


class BlockingKey(Base):
    """Blocking keys of root customers: probabilistic matching compares a record only with
    the customers sharing one of its keys (an index range scan, not a table scan)."""

    __tablename__ = "blocking_keys"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class Merge(Base):
    """Merge history: who was merged into whom, why, and whether it was undone."""

    __tablename__ = "merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    survivor_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float, default=None)
    merged_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    unmerged_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    explanation: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # probabilistic merges


class Review(Base):
    """A possible duplicate a person must decide on (match probability between the two
    thresholds, or conflicting strong identifiers)."""

    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_status_created_at", "status", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(36), index=True)
    candidate_id: Mapped[str] = mapped_column(String(36), index=True)
    probability: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MatchModelRow(Base):
    """Trained Fellegi-Sunter models; the newest one is used."""

    __tablename__ = "match_models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trained_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
