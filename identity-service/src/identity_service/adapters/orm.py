"""Tables of identity-service (its own database; nobody else reads it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from idic import UtcDateTime, add_messaging_tables, new_metadata


class Base(DeclarativeBase):
    metadata = new_metadata()


messaging = add_messaging_tables(Base.metadata)


class Customer(Base):
    """A golden customer record. ``merged_into`` points at the survivor after a merge."""

    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    consent: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    merged_into: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    erased_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)

    identifiers: Mapped[list[Identifier]] = relationship(back_populates="customer", lazy="selectin",
                                                         cascade="all, delete-orphan")


class Identifier(Base):
    """One normalised identifier; a (type, value) pair belongs to at most one customer."""

    __tablename__ = "identifiers"
    __table_args__ = (UniqueConstraint("type", "value", name="uq_identifiers_type_value"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(512))
    source: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    customer: Mapped[Customer] = relationship(back_populates="identifiers")
