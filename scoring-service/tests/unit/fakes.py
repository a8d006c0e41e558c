"""In-memory fakes of scoring-service's repositories and unit of work (same methods)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from scoring_service.domain.features import CustomerFeatures
from scoring_service.domain.value import CustomerScores


class FakeFeatures:
    def __init__(self) -> None:
        self.rows: dict[str, CustomerFeatures] = {}

    def get(self, customer_id: str, *, for_update: bool = False) -> CustomerFeatures | None:
        row = self.rows.get(customer_id)
        return None if row is None else replace(row, channel_counts=dict(row.channel_counts),
                                                monetary_other=dict(row.monetary_other))

    def save(self, features: CustomerFeatures, *, now: dt.datetime) -> None:
        self.rows[features.customer_id] = replace(features)

    def delete(self, customer_id: str) -> None:
        self.rows.pop(customer_id, None)


class FakeScores:
    def __init__(self) -> None:
        self.rows: dict[str, CustomerScores] = {}

    def get(self, customer_id: str) -> CustomerScores | None:
        row = self.rows.get(customer_id)
        return None if row is None else replace(row)

    def save(self, scores: CustomerScores) -> None:
        self.rows[scores.customer_id] = replace(scores)

    def delete(self, customer_id: str) -> None:
        self.rows.pop(customer_id, None)


class FakeAliases:
    def __init__(self) -> None:
        self.rows: dict[str, str] = {}

    def resolve(self, customer_id: str) -> str:
        return self.rows.get(customer_id, customer_id)

    def merged_into(self, survivor_id: str) -> list[str]:
        return sorted(m for m, s in self.rows.items() if s == survivor_id)

    def point(self, *, merged_id: str, survivor_id: str, now: dt.datetime) -> None:
        for m, s in list(self.rows.items()):
            if s == merged_id:
                self.rows[m] = survivor_id
        self.rows[merged_id] = survivor_id

    def remove(self, merged_id: str) -> None:
        self.rows.pop(merged_id, None)

    def forget(self, customer_id: str) -> None:
        self.rows = {m: s for m, s in self.rows.items() if customer_id not in (m, s)}


class FakeUow:
    """Stands in for ScoringUnitOfWork inside handlers (the consumer owns commit)."""

    def __init__(self) -> None:
        self.features = FakeFeatures()
        self.scores = FakeScores()
        self.aliases = FakeAliases()
        self.events: list[Any] = []

    def publish(self, payload: Any, *, event_id: str | None = None) -> None:
        self.events.append(payload)
