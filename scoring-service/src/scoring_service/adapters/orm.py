"""Tables of scoring-service (its own database; nobody else reads it).

``customer_features`` is written by the event consumer only (aggregates of interactions);
``customer_scores`` holds what scoring computes from them (per customer now, population
models later), so a batch scoring run and the consumer do not fight over one row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, Date, Float, Index, Integer, SmallInteger, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from idic import UtcDateTime, add_identity_tables, add_jobs_table, add_messaging_tables, new_metadata

from .types import ExactDecimal

# behaviour counts: jsonb on PostgreSQL (population runs read keys of every row; migration 0003)
COUNTS = JSON().with_variant(JSONB(), "postgresql")
ID = String(255)  # ids are opaque strings from identity-service (Kafka keys are at most 255 here)


class Base(DeclarativeBase):
    metadata = new_metadata()


messaging = add_messaging_tables(Base.metadata)
jobs = add_jobs_table(Base.metadata)  # clv_fit, rfm_refresh (idic.jobs; migration 0004)
# merge aliases (late events of a merged id go to its survivor: the identity and interaction topics are
# not ordered with respect to each other) and erasure tombstones (idic.identities; migrations 0001, 0002)
identities = add_identity_tables(Base.metadata)


class FeatureRow(Base):
    """Interaction aggregates of one customer (see domain.features.CustomerFeatures)."""

    __tablename__ = "customer_features"

    customer_id: Mapped[str] = mapped_column(ID, primary_key=True)
    interactions: Mapped[int] = mapped_column(Integer, default=0)
    frequency: Mapped[int] = mapped_column(Integer, default=0)
    monetary: Mapped[Decimal] = mapped_column(ExactDecimal)
    currency: Mapped[str | None] = mapped_column(String(3))
    monetary_other: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # currency -> decimal string
    first_purchase_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    first_purchase_amount: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    last_purchase_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    first_interaction_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_interaction_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    cost_to_serve: Mapped[Decimal] = mapped_column(ExactDecimal)
    channel_counts: Mapped[dict[str, int]] = mapped_column(COUNTS, default=dict)
    nps: Mapped[int | None] = mapped_column(SmallInteger)
    nps_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    csat: Mapped[int | None] = mapped_column(SmallInteger)
    csat_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    purchase_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    first_day_amount: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0), server_default="0")
    daypart_counts: Mapped[dict[str, int]] = mapped_column(COUNTS, default=dict, server_default="{}")
    category_counts: Mapped[dict[str, int]] = mapped_column(COUNTS, default=dict, server_default="{}")
    offer_responses: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    trigger_counts: Mapped[dict[str, int]] = mapped_column(COUNTS, default=dict, server_default="{}")
    last_lapse_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ScoreRow(Base):
    """Scores of one customer (see domain.value.CustomerScores)."""

    __tablename__ = "customer_scores"

    customer_id: Mapped[str] = mapped_column(ID, primary_key=True)
    scored_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    r: Mapped[int | None] = mapped_column(SmallInteger)
    f: Mapped[int | None] = mapped_column(SmallInteger)
    m: Mapped[int | None] = mapped_column(SmallInteger)
    rfm_segment: Mapped[str | None] = mapped_column(String(64))
    tier: Mapped[str | None] = mapped_column(String(32))
    # the tier the last population run gave (per-event scoring leaves it): the next run counts who
    # moved between tiers since, whatever moved them (reports; migration 0005)
    run_tier: Mapped[str | None] = mapped_column(String(32), default=None)
    churn_risk: Mapped[float | None] = mapped_column(Float)
    p_alive: Mapped[float | None] = mapped_column(Float)
    expected_purchases_90d: Mapped[float | None] = mapped_column(Float)
    expected_avg_order_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    clv_12m: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    segments: Mapped[list[str]] = mapped_column(JSON, default=list)
    churn_drivers: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list, server_default="[]")


class PurchaseDayRow(Base):
    """One UTC day on which a customer purchased, with that day's spend in the customer's
    currency: same-day purchases are one transaction for CLV, and a fit with a calibration
    end needs the days before it."""

    __tablename__ = "purchase_days"

    customer_id: Mapped[str] = mapped_column(ID, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)


class ModelRow(Base):
    """The latest population model of each kind (clv, rfm, tiers, needs): parameters as JSON."""

    __tablename__ = "population_models"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    params: Mapped[dict[str, object]] = mapped_column(JSON)
    fitted_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ReportSnapshotRow(Base):
    """What one population run found about the population as a whole (``domain.reports``): kept for
    every run, so reports read the latest and history reads them all (migration 0005); of everyone and of
    each segment (migration 0007)."""

    __tablename__ = "report_snapshots"
    __table_args__ = (Index("ix_report_snapshots_kind_segment_taken", "kind", "segment", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    segment: Mapped[str | None] = mapped_column(String(64))  # null: everyone
    taken_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    body: Mapped[dict[str, object]] = mapped_column(JSON)


class InteractionDayRow(Base):
    """What happened on one channel on one UTC day, per the tier the customers held when it arrived
    and per currency: kept up to date by the consumer from every InteractionRecorded it applies (the
    channels and feedback reports; migration 0006). Money exact and unbounded, as everywhere here."""

    __tablename__ = "report_interaction_days"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    tier: Mapped[str] = mapped_column(String(32), primary_key=True)      # "" when not tiered
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)   # "" for interactions without money
    interactions: Mapped[int] = mapped_column(Integer, default=0)
    cost: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    purchases: Mapped[int] = mapped_column(Integer, default=0)
    revenue: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    nps_responses: Mapped[int] = mapped_column(Integer, default=0)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)
    csat_responses: Mapped[int] = mapped_column(Integer, default=0)
    csat_sum: Mapped[int] = mapped_column(Integer, default=0)


class SegmentRuleRow(Base):
    """A rule-defined segment: conditions over the value object, created by API."""

    __tablename__ = "segment_rules"

    segment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    conditions: Mapped[list[dict[str, object]]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class SegmentMemberRow(Base):
    """Who is in which segment now (needs-based and rule-defined)."""

    __tablename__ = "segment_members"

    segment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)
    since: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ProfilingRefusalRow(Base):
    """A customer who refused profiling (consent ``profiling: false``): not scored, not segmented.
    Kept apart from the features so that a refusal may arrive before any interaction."""

    __tablename__ = "profiling_refusals"

    customer_id: Mapped[str] = mapped_column(ID, primary_key=True)
    refused_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
