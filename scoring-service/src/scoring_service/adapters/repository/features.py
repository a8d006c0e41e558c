"""Queries of scoring-service: the only place that knows its tables.

Writes flush at once, because the consumer applies several events per transaction and
each must see the ones before it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import fields
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...domain.features import CustomerFeatures
from ...domain.rules import RuleSegment
from ...domain.value import CustomerScores
from ..orm import FeatureRow, ModelRow, PurchaseDayRow, ScoreRow, SegmentMemberRow, SegmentRuleRow

_DICTS = {"channel_counts", "daypart_counts", "category_counts", "trigger_counts"}
_FEATURE_FIELDS = [f.name for f in fields(CustomerFeatures)
                   if f.name not in {"customer_id", "monetary_other"} | _DICTS]
_SCORE_FIELDS = [f.name for f in fields(CustomerScores) if f.name not in {"customer_id", "segments", "churn_drivers"}]


def _features_of(row: Any) -> CustomerFeatures:
    features = CustomerFeatures(customer_id=row.customer_id, **{n: getattr(row, n) for n in _FEATURE_FIELDS})
    for name in _DICTS:
        setattr(features, name, dict(getattr(row, name) or {}))
    features.monetary_other = {c: Decimal(v) for c, v in (row.monetary_other or {}).items()}
    return features


class FeatureRepository:
    """Interaction aggregates per customer."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._locked: set[str] = set()  # rows this transaction holds: later reads need no new query

    def get(self, customer_id: str, *, for_update: bool = False) -> CustomerFeatures | None:
        """A customer's features; ``for_update`` locks the row (PostgreSQL) against a
        concurrent read-modify-write by another consumer instance."""
        lock = for_update and customer_id not in self._locked
        row = self.session.get(FeatureRow, customer_id, with_for_update=lock or None)
        if lock and row is not None:
            self._locked.add(customer_id)
        return None if row is None else _features_of(row)

    def get_many(self, customer_ids: list[str]) -> dict[str, CustomerFeatures]:
        """These customers' features as the database has them now (absent: none or deleted)."""
        rows = self.session.scalars(select(FeatureRow).where(FeatureRow.customer_id.in_(customer_ids))
                                    .execution_options(populate_existing=True))
        return {row.customer_id: _features_of(row) for row in rows}

    def all(self) -> Iterator[CustomerFeatures]:
        """Every customer's features (population runs), streamed in id order."""
        columns = [getattr(FeatureRow, c.key) for c in FeatureRow.__table__.columns]
        result = self.session.execute(select(*columns).order_by(FeatureRow.customer_id).execution_options(
            yield_per=5000))
        for row in result:
            yield _features_of(row)

    def updated_at(self, customer_id: str) -> dt.datetime | None:
        """When the features last changed."""
        return self.session.scalar(select(FeatureRow.updated_at).where(FeatureRow.customer_id == customer_id))

    def save(self, features: CustomerFeatures, *, now: dt.datetime) -> None:
        """Insert or update a customer's features."""
        row = self.session.get(FeatureRow, features.customer_id)
        if row is None:
            row = FeatureRow(customer_id=features.customer_id)
            self.session.add(row)
        for name in _FEATURE_FIELDS:
            setattr(row, name, getattr(features, name))
        # new containers, so that the JSON columns are seen as changed
        for name in _DICTS:
            setattr(row, name, dict(getattr(features, name)))
        row.monetary_other = {c: str(v) for c, v in features.monetary_other.items()}
        row.updated_at = now
        self.session.flush()

    def delete(self, customer_id: str) -> None:
        """Forget a customer's features."""
        self.session.execute(delete(FeatureRow).where(FeatureRow.customer_id == customer_id))
        self.session.flush()


class ScoreRepository:
    """Scores per customer."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> CustomerScores | None:
        """A customer's scores, if ever scored."""
        row = self.session.get(ScoreRow, customer_id)
        if row is None:
            return None
        return _scores_of(row)

    def get_many(self, customer_ids: list[str]) -> dict[str, CustomerScores]:
        """These customers' scores, for those ever scored."""
        rows = self.session.scalars(select(ScoreRow).where(ScoreRow.customer_id.in_(customer_ids))
                                    .execution_options(populate_existing=True))
        return {row.customer_id: _scores_of(row) for row in rows}

    def all(self) -> dict[str, CustomerScores]:
        """Every customer's scores (population runs)."""
        columns = [getattr(ScoreRow, c.key) for c in ScoreRow.__table__.columns]
        return {row.customer_id: _scores_of(row) for row in self.session.execute(select(*columns))}

    def save_many(self, scores: list[CustomerScores], *, new_ids: set[str]) -> None:
        """Write many customers' scores at once (bulk insert of new rows, bulk update of the rest)."""
        rows = [{"customer_id": s.customer_id, "segments": list(s.segments), "churn_drivers": list(s.churn_drivers),
                 **{n: getattr(s, n) for n in _SCORE_FIELDS}} for s in scores]
        inserts = [r for r in rows if r["customer_id"] in new_ids]
        updates = [r for r in rows if r["customer_id"] not in new_ids]
        if inserts:
            self.session.bulk_insert_mappings(ScoreRow, inserts)  # type: ignore[arg-type]
        if updates:
            self.session.bulk_update_mappings(ScoreRow, updates)  # type: ignore[arg-type]
        self.session.flush()

    def save(self, scores: CustomerScores) -> None:
        """Insert or update a customer's scores."""
        row = self.session.get(ScoreRow, scores.customer_id)
        if row is None:
            row = ScoreRow(customer_id=scores.customer_id)
            self.session.add(row)
        for name in _SCORE_FIELDS:
            setattr(row, name, getattr(scores, name))
        row.segments = list(scores.segments)
        row.churn_drivers = list(scores.churn_drivers)
        self.session.flush()

    def delete(self, customer_id: str) -> None:
        """Forget a customer's scores."""
        self.session.execute(delete(ScoreRow).where(ScoreRow.customer_id == customer_id))
        self.session.flush()


def _scores_of(row: Any) -> CustomerScores:
    scores = CustomerScores(customer_id=row.customer_id, **{n: getattr(row, n) for n in _SCORE_FIELDS})
    scores.segments = list(row.segments or [])
    scores.churn_drivers = list(row.churn_drivers or [])
    return scores


class PurchaseDayRepository:
    """Distinct purchase days per customer with each day's spend."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, customer_id: str, day: dt.date, amount: Decimal) -> bool:
        """Count a purchase on ``day``; True when it is the customer's first purchase that day."""
        row = self.session.get(PurchaseDayRow, (customer_id, day))
        if row is None:
            self.session.add(PurchaseDayRow(customer_id=customer_id, day=day, amount=amount))
            self.session.flush()
            return True
        row.amount = row.amount + amount
        self.session.flush()
        return False

    def move(self, *, from_id: str, to_id: str) -> tuple[int, Decimal]:
        """Fold one customer's days into another's; the survivor's day count and first-day spend after."""
        for row in list(self.session.scalars(select(PurchaseDayRow).where(PurchaseDayRow.customer_id == from_id))):
            self.add(to_id, row.day, row.amount)
            self.session.delete(row)
        self.session.flush()
        count = self.session.scalar(select(func.count()).where(PurchaseDayRow.customer_id == to_id)) or 0
        first = self.session.scalar(select(PurchaseDayRow.amount).where(PurchaseDayRow.customer_id == to_id)
                                    .order_by(PurchaseDayRow.day).limit(1))
        return count, first if first is not None else Decimal(0)

    def until(self, day: dt.date) -> Iterator[tuple[str, dt.date, Decimal]]:
        """Every (customer, day, spend) up to ``day`` inclusive, by customer then day (CLV fits)."""
        query = (select(PurchaseDayRow.customer_id, PurchaseDayRow.day, PurchaseDayRow.amount)
                 .where(PurchaseDayRow.day <= day).order_by(PurchaseDayRow.customer_id, PurchaseDayRow.day))
        for row in self.session.execute(query.execution_options(yield_per=10000)):
            yield row.customer_id, row.day, row.amount

    def of(self, customer_id: str) -> list[dict[str, str]]:
        """A customer's purchase days (export)."""
        return [{"day": r.day.isoformat(), "amount": str(r.amount)} for r in self.session.scalars(
            select(PurchaseDayRow).where(PurchaseDayRow.customer_id == customer_id).order_by(PurchaseDayRow.day))]

    def delete(self, customer_id: str) -> None:
        """Forget a customer's days."""
        self.session.execute(delete(PurchaseDayRow).where(PurchaseDayRow.customer_id == customer_id))
        self.session.flush()


class ModelRepository:
    """The latest population model of each kind."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> dict[str, dict[str, Any]]:
        """kind -> params (with ``fitted_at``)."""
        return {row.kind: {**row.params, "fitted_at": row.fitted_at} for row in self.session.scalars(select(ModelRow))}

    def has(self, kind: str) -> bool:
        """Whether a model of this kind is stored (without loading its parameters)."""
        return self.session.scalar(select(ModelRow.kind).where(ModelRow.kind == kind)) is not None

    def put(self, kind: str, params: dict[str, Any], *, now: dt.datetime) -> None:
        """Replace the model of this kind."""
        row = self.session.get(ModelRow, kind)
        if row is None:
            self.session.add(ModelRow(kind=kind, params=params, fitted_at=now))
        else:
            row.params, row.fitted_at = params, now
        self.session.flush()


class SegmentRepository:
    """Rule-defined segments and the members of every segment."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rules(self) -> list[RuleSegment]:
        """Every rule-defined segment."""
        return [RuleSegment(segment_id=r.segment_id, name=r.name, conditions=list(r.conditions))
                for r in self.session.scalars(select(SegmentRuleRow).order_by(SegmentRuleRow.segment_id))]

    def add_rule(self, *, segment_id: str, name: str, conditions: list[dict[str, Any]], now: dt.datetime) -> bool:
        """Create a rule segment; False if the id exists."""
        if self.session.get(SegmentRuleRow, segment_id) is not None:
            return False
        self.session.add(SegmentRuleRow(segment_id=segment_id, name=name, conditions=conditions, created_at=now))
        self.session.flush()
        return True

    def set_membership(self, customer_id: str, *, entered: list[str], left: list[str], now: dt.datetime) -> None:
        """Record a customer entering and leaving segments."""
        if left:
            self.session.execute(delete(SegmentMemberRow).where(
                SegmentMemberRow.customer_id == customer_id, SegmentMemberRow.segment_id.in_(left)))
        for segment_id in entered:
            self.session.add(SegmentMemberRow(segment_id=segment_id, customer_id=customer_id, since=now))
        self.session.flush()

    def bulk_membership(self, *, entered: list[tuple[str, str]], left: list[tuple[str, str]],
                        now: dt.datetime) -> None:
        """Many (segment, customer) entries and exits at once (population runs)."""
        for segment_id, customer_id in left:
            self.session.execute(delete(SegmentMemberRow).where(
                SegmentMemberRow.customer_id == customer_id, SegmentMemberRow.segment_id == segment_id))
        if entered:
            self.session.bulk_insert_mappings(SegmentMemberRow, [  # type: ignore[arg-type]
                {"segment_id": s, "customer_id": c, "since": now} for s, c in entered])
        self.session.flush()

    def sizes(self) -> dict[str, tuple[int, Decimal]]:
        """segment -> (members, summed 12-month CLV)."""
        query = (select(SegmentMemberRow.segment_id, func.count(), func.sum(ScoreRow.clv_12m))
                 .join(ScoreRow, ScoreRow.customer_id == SegmentMemberRow.customer_id, isouter=True)
                 .group_by(SegmentMemberRow.segment_id))
        return {s: (n, Decimal(total or 0)) for s, n, total in self.session.execute(query)}

    def members(self, segment_id: str, *, after: str | None, limit: int) -> list[tuple[str, dt.datetime]]:
        """Members in id order, from after ``after`` (keyset pagination)."""
        query = select(SegmentMemberRow.customer_id, SegmentMemberRow.since).where(
            SegmentMemberRow.segment_id == segment_id)
        if after is not None:
            query = query.where(SegmentMemberRow.customer_id > after)
        return [(c, s) for c, s in self.session.execute(query.order_by(SegmentMemberRow.customer_id).limit(limit))]

    def forget(self, customer_id: str) -> None:
        """Drop a customer from every segment."""
        self.session.execute(delete(SegmentMemberRow).where(SegmentMemberRow.customer_id == customer_id))
        self.session.flush()
