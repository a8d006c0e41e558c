"""Tables of treatment-service (its own database; nobody else reads it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

import idic.db as idic_db
from idic import UtcDateTime, add_identity_tables, add_messaging_tables, new_metadata

from ..domain.context import CUSTOMER_ID_LENGTH


class ExactDecimal(idic_db.ExactDecimal):
    """idic's exact money type at a fixed scale of 6, so both databases answer the same value."""

    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return super().process_bind_param(Decimal(value).quantize(Decimal("0.000001")), dialect)


class Base(DeclarativeBase):
    metadata = new_metadata()


messaging = add_messaging_tables(Base.metadata)
# merge aliases (late events of a merged id apply to its survivor) and erasure tombstones (late events
# about an erased person do not rebuild a context): idic.identities, migration 0005
identities = add_identity_tables(Base.metadata)


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
    # 0002: segments, profile facts, per-day activity for windowed counts
    segments: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    birthday_month_day: Mapped[str | None] = mapped_column(String(5))
    moved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    activity: Mapped[dict[str, dict[str, int]]] = mapped_column(JSON, default=dict, server_default="{}")


class Treatment(Base):
    """An action decided for a customer in real time, and the customer's answer to it."""

    __tablename__ = "treatments"
    __table_args__ = (UniqueConstraint("customer_id", "rule_id", "occurrence",
                                       name="uq_treatments_customer_rule_occurrence"),
                      Index("ix_treatments_customer_decided", "customer_id", "decided_at"),
                      Index("ix_treatments_open_expiry", "expires_at"),
                      Index("ix_treatments_rule_decided", "rule_id", "decided_at"))

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
    segment: Mapped[str | None] = mapped_column(String(64))  # where its outcome teaches the propensity
    # 0003: lifecycle (validity, delivery, conversion) and the control group
    expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    attribution_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)  # kept when a conversion follows
    control: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    amount: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    currency: Mapped[str | None] = mapped_column(String(3))
    # 0006: who recorded the outcome (the gateway's X-Actor); null when the service set it (expiry, conversion)
    outcome_by: Mapped[str | None] = mapped_column(String(128))


class RuleRow(Base):
    """The current version of each rule (also retired ones: history is never lost)."""

    __tablename__ = "rules"

    rule_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


class RuleVersionRow(Base):
    """Every version of every rule, who made it and when. ``seq`` orders all changes
    (the rule cache is stale when a higher seq exists)."""

    __tablename__ = "rule_versions"
    __table_args__ = (UniqueConstraint("rule_id", "version", name="uq_rule_versions_rule_version"),)

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                     autoincrement=True)
    rule_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(String(16))  # created | updated | retired
    status: Mapped[str] = mapped_column(String(16))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    changed_by: Mapped[str] = mapped_column(String(200))


class PropensityRow(Base):
    """Outcome counts of one action in one segment (the Beta posterior's evidence)."""

    __tablename__ = "propensities"

    action_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    segment: Mapped[str] = mapped_column(String(64), primary_key=True)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    declined: Mapped[int] = mapped_column(Integer, default=0)
    ignored: Mapped[int] = mapped_column(Integer, default=0)


class _ReportCounts:
    """The treatments report's counters (``domain.report_counts.COUNTS``) of one UTC day of decision,
    rule, channel ("" for none), group and currency ("" for rows without revenue)."""

    day: Mapped[dt.date] = mapped_column(Date)
    rule_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(32))
    control: Mapped[bool] = mapped_column(Boolean)
    currency: Mapped[str] = mapped_column(String(3))
    presented: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    declined: Mapped[int] = mapped_column(Integer, default=0)
    ignored: Mapped[int] = mapped_column(Integer, default=0)
    converted: Mapped[int] = mapped_column(Integer, default=0)
    revenue: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))


class ReportDayRow(_ReportCounts, Base):
    """The treatments report's counts per day (migration 0007): what the changes added, folded in."""

    __tablename__ = "report_treatment_days"
    __table_args__ = (PrimaryKeyConstraint("day", "rule_id", "channel", "control", "currency"),)


class ReportChangeRow(_ReportCounts, Base):
    """What one decision, outcome or erasure added to the report, appended in its own transaction: an
    insert, so concurrent decisions of one rule never wait on one counter row. The expiry sweep folds
    them into ``report_treatment_days``; the report reads both (migration 0007)."""

    __tablename__ = "report_treatment_changes"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)


class ContactPolicyRow(Base):
    """The contact policy (one row, id 1)."""

    __tablename__ = "contact_policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    max_contacts_per_channel: Mapped[int] = mapped_column(Integer)
    period_days: Mapped[int] = mapped_column(Integer)
    decline_cooldown_days: Mapped[int] = mapped_column(Integer)
    exclusive_kinds: Mapped[list[str]] = mapped_column(JSON)
    open_offer_days: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


class WebhookRow(Base):
    """A webhook subscription: deliveries of the named events to ``url``, signed with ``secret``."""

    __tablename__ = "webhooks"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    events: Mapped[list[str]] = mapped_column(JSON)  # public names (idic.public.webhooks.EVENT_NAMES)
    secret: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class WebhookDeliveryRow(Base):
    """The deliveries outbox: one event for one subscription; ``id`` is the webhook-id header
    (the same on every retry). ``next_attempt_at`` is also the lease of a delivery being sent."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (UniqueConstraint("webhook_id", "event_id", name="uq_webhook_deliveries_webhook_event"),
                      Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
                      Index("ix_webhook_deliveries_webhook_created", "webhook_id", "created_at"),
                      Index("ix_webhook_deliveries_customer", "customer_id"))

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    webhook_id: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[str] = mapped_column(String(64))
    event_type: Mapped[str] = mapped_column(String(255))
    customer_id: Mapped[str | None] = mapped_column(String(CUSTOMER_ID_LENGTH))
    body: Mapped[str | None] = mapped_column(Text)  # the CloudEvent as sent; null once erased (GDPR)
    status: Mapped[str] = mapped_column(String(16))  # pending | succeeded | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    give_up_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
