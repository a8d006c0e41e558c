"""Interaction aggregates (features) per customer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import fields
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...domain.features import CustomerFeatures
from ..orm import FeatureRow

_DICTS = {"channel_counts", "daypart_counts", "category_counts", "trigger_counts"}
_FEATURE_FIELDS = [f.name for f in fields(CustomerFeatures)
                   if f.name not in {"customer_id", "monetary_other"} | _DICTS]


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
