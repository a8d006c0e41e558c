"""In-memory fakes of scoring-service's repositories and unit of work (same methods)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from scoring_service.domain.features import CustomerFeatures
from scoring_service.domain.value import CustomerScores


class FakeFeatures:
    def __init__(self) -> None:
        self.rows: dict[str, CustomerFeatures] = {}

    def get(self, customer_id: str, *, for_update: bool = False) -> CustomerFeatures | None:
        row = self.rows.get(customer_id)
        return None if row is None else replace(row, channel_counts=dict(row.channel_counts),
                                                monetary_other=dict(row.monetary_other),
                                                daypart_counts=dict(row.daypart_counts),
                                                category_counts=dict(row.category_counts),
                                                trigger_counts=dict(row.trigger_counts))

    def save(self, features: CustomerFeatures, *, now: dt.datetime) -> None:
        self.rows[features.customer_id] = replace(features)

    def get_many(self, customer_ids: list[str]) -> dict[str, CustomerFeatures]:
        return {c: f for c in customer_ids if (f := self.get(c)) is not None}

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

    def get_many(self, customer_ids: list[str]) -> dict[str, CustomerScores]:
        return {c: s for c in customer_ids if (s := self.get(c)) is not None}

    def save_many(self, scores: list[CustomerScores], *, new_ids: set[str]) -> None:
        for s in scores:
            self.save(s)

    def delete(self, customer_id: str) -> None:
        self.rows.pop(customer_id, None)


class FakeReports:
    """The day counts of the channels and feedback reports, summed per key as the upsert does."""

    def __init__(self) -> None:
        self.days: dict[tuple[Any, ...], list[int]] = {}

    def add_interaction_days(self, rows: list[tuple[Any, ...]]) -> None:
        for *key, counts in rows:
            before = self.days.get(tuple(key), [0] * len(counts))
            self.days[tuple(key)] = [a + b for a, b in zip(before, counts, strict=True)]


class FakeAliases:
    """idic.Aliases in memory (one hop deep, as the real one writes them)."""

    def __init__(self) -> None:
        self.rows: dict[str, str] = {}

    def resolve(self, customer_id: str) -> str:
        return self.rows.get(customer_id, customer_id)

    def serialise_with_identity_changes(self, *, exclusive: bool) -> None:
        """One process, one fake: nothing runs beside it (the real lock is tested on PostgreSQL)."""

    def merged_into(self, survivor_id: str) -> list[str]:
        return sorted(m for m, s in self.rows.items() if s == survivor_id)

    def record_merge(self, *, survivor_id: str, merged_ids: list[str], at: dt.datetime) -> None:
        merged = [m for m in merged_ids if m != survivor_id]
        self.rows.pop(survivor_id, None)
        for m, s in list(self.rows.items()):
            if s in merged:
                self.rows[m] = survivor_id
        self.rows.update(dict.fromkeys(merged, survivor_id))

    def undo_merge(self, *, restored_id: str, survivor_id: str) -> bool:
        standing = self.resolve(restored_id)
        if standing == restored_id or standing != self.resolve(survivor_id):
            return False
        del self.rows[restored_id]
        return True

    def forget(self, customer_id: str) -> list[str]:
        merged = self.merged_into(customer_id)
        group = {customer_id, *merged}
        self.rows = {m: s for m, s in self.rows.items() if m not in group and s not in group}
        return merged


class FakeDays:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, dt.date], Decimal] = {}

    def add(self, customer_id: str, day: dt.date, amount: Decimal) -> bool:
        new = (customer_id, day) not in self.rows
        self.rows[(customer_id, day)] = self.rows.get((customer_id, day), Decimal(0)) + amount
        return new

    def move(self, *, from_id: str, to_id: str) -> tuple[int, Decimal]:
        for (c, day), amount in list(self.rows.items()):
            if c == from_id:
                self.add(to_id, day, amount)
                del self.rows[(c, day)]
        mine = sorted((d, a) for (c, d), a in self.rows.items() if c == to_id)
        return len(mine), mine[0][1] if mine else Decimal(0)

    def delete(self, customer_id: str) -> None:
        self.rows = {k: v for k, v in self.rows.items() if k[0] != customer_id}


class FakeModels:
    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def all(self) -> dict[str, dict[str, Any]]:
        return {k: dict(v) for k, v in self.rows.items()}


class FakeSegments:
    def __init__(self) -> None:
        self.rule_rows: list[Any] = []
        self.members: set[tuple[str, str]] = set()

    def rules(self) -> list[Any]:
        return list(self.rule_rows)

    def set_membership(self, customer_id: str, *, entered: list[str], left: list[str], now: dt.datetime) -> None:
        self.members -= {(s, customer_id) for s in left}
        self.members |= {(s, customer_id) for s in entered}

    def forget(self, customer_id: str) -> None:
        self.members = {m for m in self.members if m[1] != customer_id}


class FakeErasures:
    """idic.Erasures in memory."""

    def __init__(self) -> None:
        self.rows: dict[str, dt.datetime] = {}

    def record(self, customer_ids: list[str], *, at: dt.datetime) -> None:
        for customer_id in customer_ids:
            self.rows.setdefault(customer_id, at)


class FakeRefusals:
    def __init__(self) -> None:
        self.rows: dict[str, dt.datetime] = {}

    def refused_at(self, customer_id: str) -> dt.datetime | None:
        return self.rows.get(customer_id)

    def among(self, customer_ids: list[str]) -> set[str]:
        return set(customer_ids) & set(self.rows)

    def add(self, customer_id: str, *, now: dt.datetime) -> bool:
        return self.rows.setdefault(customer_id, now) is now

    def remove(self, customer_id: str) -> bool:
        return self.rows.pop(customer_id, None) is not None


class FakeUow:
    """Stands in for ScoringUnitOfWork inside handlers (the consumer owns commit; ``commit``
    here runs the deferred work, as idic's UnitOfWork does)."""

    def __init__(self) -> None:
        self.features = FakeFeatures()
        self.scores = FakeScores()
        self.aliases = FakeAliases()
        self.days = FakeDays()
        self.models = FakeModels()
        self.segments = FakeSegments()
        self.erasures = FakeErasures()
        self.refusals = FakeRefusals()
        self.reports = FakeReports()
        self.events: list[Any] = []
        self.rescore_queue: dict[str, CustomerFeatures | None] = {}
        self.interaction_days: list[Any] = []
        self._deferred: dict[str, Any] = {}

    def before_commit(self, key: str, work: Any) -> None:
        self._deferred.setdefault(key, work)

    def commit(self) -> None:
        while self._deferred:
            self._deferred.pop(next(iter(self._deferred)))()

    def publish(self, payload: Any, *, event_id: str | None = None) -> None:
        self.events.append(payload)

    def wait_for_population_runs(self) -> None:
        """In memory there is no concurrent population run."""
