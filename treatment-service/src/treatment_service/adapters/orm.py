"""Tables of treatment-service (its own database; nobody else reads it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Float, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from idic import UtcDateTime, add_messaging_tables, new_metadata

CUSTOMER_ID_LENGTH = 128


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC on PostgreSQL; a decimal string on SQLite, whose NUMERIC goes through float."""

    impl = Numeric(28, 6)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(28, 6))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        # same scale on both databases, so both answer the same value
        value = Decimal(value).quantize(Decimal("0.000001"))
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    metadata = new_metadata()


messaging = add_messaging_tables(Base.metadata)


class CustomerContextRow(Base):
    """One customer's context (see domain.context.CustomerContext). Grows by migration:
    one column per fact the rules may use."""

    __tablename__ = "customer_contexts"

    customer_id: Mapped[str] = mapped_column(String(CUSTOMER_ID_LENGTH), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    # value (scoring)
    tier: Mapped[str | None] = mapped_column(String(32))
    clv_12m: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    currency: Mapped[str | None] = mapped_column(String(3))
    p_alive: Mapped[float | None] = mapped_column(Float)
    churn_risk: Mapped[float | None] = mapped_column(Float)
    rfm_segment: Mapped[str | None] = mapped_column(String(64))
    frequency: Mapped[int | None] = mapped_column(Integer)
    monetary: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    scored_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # interactions
    interactions_count: Mapped[int] = mapped_column(Integer, default=0)
    purchases_count: Mapped[int] = mapped_column(Integer, default=0)
    channel_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    type_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    first_interaction_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_interaction_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_interaction_channel: Mapped[str | None] = mapped_column(String(32))
    last_interaction_type: Mapped[str | None] = mapped_column(String(64))
    last_purchase_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    recent_triggers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    consent: Mapped[dict[str, bool]] = mapped_column(JSON, default=dict)


class CustomerAlias(Base):
    """A customer merged into another: its late events apply to the survivor."""

    __tablename__ = "customer_aliases"

    merged_id: Mapped[str] = mapped_column(String(CUSTOMER_ID_LENGTH), primary_key=True)
    survivor_id: Mapped[str] = mapped_column(String(CUSTOMER_ID_LENGTH), index=True)
    merged_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ErasedCustomer(Base):
    """Tombstone of an erased customer (the opaque id only), so that late events about
    them do not rebuild a context."""

    __tablename__ = "erased_customers"

    customer_id: Mapped[str] = mapped_column(String(CUSTOMER_ID_LENGTH), primary_key=True)
    erased_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Treatment(Base):
    """An action decided for a customer in real time, and the customer's answer to it."""

    __tablename__ = "treatments"
    __table_args__ = (UniqueConstraint("customer_id", "rule_id", "occurrence",
                                       name="uq_treatments_customer_rule_occurrence"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(CUSTOMER_ID_LENGTH), index=True)
    rule_id: Mapped[str] = mapped_column(String(64))
    rule_version: Mapped[int] = mapped_column(Integer)
    # which firing of the rule this is (idempotency key per customer and rule)
    occurrence: Mapped[str] = mapped_column(String(255))
    action_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    cause_event_id: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
