"""Queries of scoring-service: the only place that knows its tables.

Writes flush at once, because the consumer applies several events per transaction and
each must see the ones before it."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from decimal import Decimal

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..domain.features import CustomerFeatures
from ..domain.value import CustomerScores
from .orm import AliasRow, FeatureRow, ScoreRow

_FEATURE_FIELDS = [f.name for f in fields(CustomerFeatures) if f.name not in {"customer_id", "monetary_other"}]
_SCORE_FIELDS = [f.name for f in fields(CustomerScores) if f.name not in {"customer_id", "segments"}]


class FeatureRepository:
    """Interaction aggregates per customer."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str, *, for_update: bool = False) -> CustomerFeatures | None:
        """A customer's features; ``for_update`` locks the row (PostgreSQL) against a
        concurrent read-modify-write by another consumer instance."""
        row = self.session.get(FeatureRow, customer_id, with_for_update=for_update or None)
        if row is None:
            return None
        features = CustomerFeatures(customer_id=row.customer_id, **{n: getattr(row, n) for n in _FEATURE_FIELDS})
        features.channel_counts = dict(row.channel_counts or {})
        features.monetary_other = {c: Decimal(v) for c, v in (row.monetary_other or {}).items()}
        return features

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
        row.channel_counts = dict(features.channel_counts)
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
        scores = CustomerScores(customer_id=row.customer_id, **{n: getattr(row, n) for n in _SCORE_FIELDS})
        scores.segments = list(row.segments or [])
        return scores

    def save(self, scores: CustomerScores) -> None:
        """Insert or update a customer's scores."""
        row = self.session.get(ScoreRow, scores.customer_id)
        if row is None:
            row = ScoreRow(customer_id=scores.customer_id)
            self.session.add(row)
        for name in _SCORE_FIELDS:
            setattr(row, name, getattr(scores, name))
        row.segments = list(scores.segments)
        self.session.flush()

    def delete(self, customer_id: str) -> None:
        """Forget a customer's scores."""
        self.session.execute(delete(ScoreRow).where(ScoreRow.customer_id == customer_id))
        self.session.flush()


class AliasRepository:
    """Merged customer ids and the survivor they now stand for."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def resolve(self, customer_id: str) -> str:
        """The survivor standing for this id (the id itself when it was never merged)."""
        survivor = self.session.scalar(select(AliasRow.survivor_id).where(AliasRow.merged_id == customer_id))
        return survivor or customer_id

    def merged_into(self, survivor_id: str) -> list[str]:
        """Ids merged into this survivor."""
        return list(self.session.scalars(
            select(AliasRow.merged_id).where(AliasRow.survivor_id == survivor_id).order_by(AliasRow.merged_id)))

    def point(self, *, merged_id: str, survivor_id: str, now: dt.datetime) -> None:
        """Make ``merged_id`` (and every id merged into it before) stand for ``survivor_id``."""
        self.session.execute(update(AliasRow).where(AliasRow.survivor_id == merged_id).values(survivor_id=survivor_id))
        row = self.session.get(AliasRow, merged_id)
        if row is None:
            self.session.add(AliasRow(merged_id=merged_id, survivor_id=survivor_id, merged_at=now))
        else:
            row.survivor_id, row.merged_at = survivor_id, now
        self.session.flush()

    def remove(self, merged_id: str) -> None:
        """The id stands for itself again (unmerge)."""
        self.session.execute(delete(AliasRow).where(AliasRow.merged_id == merged_id))
        self.session.flush()

    def forget(self, customer_id: str) -> None:
        """Drop every alias from or to this customer (erasure)."""
        self.session.execute(delete(AliasRow).where(
            (AliasRow.merged_id == customer_id) | (AliasRow.survivor_id == customer_id)))
        self.session.flush()
