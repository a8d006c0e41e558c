"""Rules, their versions, learned propensities and the contact policy.

Active rules are compiled once and cached per database (session factory); every read
checks one number (the highest version ``seq``) so a change made by any process is seen
at the next decision."""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, sessionmaker

from idic.db import add_counts

from ...domain.next_best_actions import ContactPolicy, Outcomes
from ...domain.rules import Rule, RuleDocument, RuleVersion, StoredRule
from ...domain.ruleset import RuleSet
from ..orm import ContactPolicyRow, PropensityRow, RuleRow, RuleVersionRow
from .treatments import BeforeCommit


class _ActiveRules:
    """Compiled active rules of one database, refreshed when a newer change exists."""

    def __init__(self) -> None:
        self.seq: int | None = None
        self.rules = RuleSet(())
        self.lock = threading.Lock()


_CACHES: weakref.WeakKeyDictionary[Any, _ActiveRules] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()
OUTCOME_COUNTS = ("accepted", "declined", "ignored")


def _cache_for(factory: sessionmaker[Session] | None) -> _ActiveRules:
    if factory is None:
        return _ActiveRules()
    with _CACHES_LOCK:
        cache = _CACHES.get(factory)
        if cache is None:
            cache = _CACHES[factory] = _ActiveRules()
        return cache


def _stored(row: RuleRow) -> StoredRule:
    return StoredRule(rule_id=row.rule_id, version=row.version, document=dict(row.document),
                      created_at=row.created_at, created_by=row.created_by, updated_at=row.updated_at,
                      updated_by=row.updated_by)


class RuleRepository:
    """Rule documents (current and every version), propensities and the contact policy."""

    def __init__(self, session: Session, factory: sessionmaker[Session] | None = None, *,
                 before_commit: BeforeCommit | None = None) -> None:
        self.session = session
        self._cache = _cache_for(factory)
        self._before_commit = before_commit
        self._outcome_counts: dict[tuple[str, str], dict[str, int]] = {}

    # -- rules ------------------------------------------------------------------------
    def get(self, rule_id: str, *, for_update: bool = False) -> StoredRule | None:
        query = select(RuleRow).where(RuleRow.rule_id == rule_id)
        if for_update:
            query = query.with_for_update()
        row = self.session.scalars(query.execution_options(populate_existing=True)).first()
        return _stored(row) if row is not None else None

    def list_rules(self, *, status: str | None, limit: int, after: str | None) -> list[StoredRule]:
        """Rules by id (keyset pagination with ``after``)."""
        query = select(RuleRow).order_by(RuleRow.rule_id).limit(limit)
        if status is not None:
            query = query.where(RuleRow.status == status)
        if after is not None:
            query = query.where(RuleRow.rule_id > after)
        return [_stored(r) for r in self.session.scalars(query)]

    def save_version(self, *, rule_id: str, version: int, change: str, document: dict[str, Any],
                     at: dt.datetime, actor: str) -> StoredRule:
        """Write a new version and make it current (the version is unique per rule: racing
        writers get an IntegrityError and one of them wins)."""
        self.session.add(RuleVersionRow(rule_id=rule_id, version=version, change=change, status=document["status"],
                                        document=document, changed_at=at, changed_by=actor))
        row = self.session.get(RuleRow, rule_id)
        if row is None:
            row = RuleRow(rule_id=rule_id, created_at=at, created_by=actor)
            self.session.add(row)
        row.version, row.status, row.name, row.document = version, document["status"], document["name"], document
        row.updated_at, row.updated_by = at, actor
        self.session.flush()
        return _stored(row)

    def versions(self, rule_id: str) -> list[RuleVersion]:
        """Every version of the rule, newest first."""
        return [RuleVersion(rule_id=v.rule_id, version=v.version, change=v.change, document=dict(v.document),
                            changed_at=v.changed_at, changed_by=v.changed_by)
                for v in self.session.scalars(select(RuleVersionRow).where(RuleVersionRow.rule_id == rule_id)
                                              .order_by(RuleVersionRow.version.desc()))]

    def active(self) -> RuleSet:
        """Compiled active rules, highest priority first (cached until any rule changes)."""
        seq = self.session.scalar(select(func.max(RuleVersionRow.seq))) or 0
        cache = self._cache
        if cache.seq == seq:
            return cache.rules
        with cache.lock:
            if cache.seq != seq:
                rows = self.session.scalars(select(RuleRow).where(RuleRow.status == "active"))
                rules = [Rule.compile(r.rule_id, r.version, RuleDocument.model_validate(r.document)) for r in rows]
                cache.rules, cache.seq = RuleSet(rules), seq
            return cache.rules

    # -- propensities -----------------------------------------------------------------
    def segment_propensities(self, segment: str) -> list[tuple[str, str, Outcomes]]:
        """Outcome counts of every action in this segment."""
        return [(r.action_id, r.segment, Outcomes(r.accepted, r.declined, r.ignored))
                for r in self.session.scalars(select(PropensityRow).where(PropensityRow.segment == segment))]

    def all_propensities(self) -> list[tuple[str, str, Outcomes]]:
        return [(r.action_id, r.segment, Outcomes(r.accepted, r.declined, r.ignored))
                for r in self.session.scalars(select(PropensityRow).order_by(PropensityRow.action_id,
                                                                             PropensityRow.segment))]

    def count_outcome(self, *, action_id: str, segment: str, outcome: str) -> None:
        """One more outcome (an atomic increment; the row is created on first use). In a unit of work the
        counts are written just before it commits, all in one statement in key order: a transaction then
        locks the treatments it answers before any counter row, and counter rows always in one order, so
        two of them (a request's outcome, the expiry sweep, a consumer's conversions) cannot deadlock on
        them (PostgreSQL aborted one, a 500, when each had inserted a counter the other wanted)."""
        if outcome not in OUTCOME_COUNTS:
            raise ValueError(f"no outcome count {outcome!r}")
        counts = self._outcome_counts.setdefault((action_id, segment), dict.fromkeys(OUTCOME_COUNTS, 0))
        counts[outcome] += 1
        if self._before_commit is None:
            self.write_outcome_counts()
        else:
            self._before_commit("propensity-counts", self.write_outcome_counts)

    def write_outcome_counts(self) -> None:
        """Add the outcomes counted in this transaction to their rows (one upsert, rows in key order)."""
        gathered, self._outcome_counts = self._outcome_counts, {}
        if gathered:
            self.session.flush()
            add_counts(self.session, cast(Table, PropensityRow.__table__), keys=("action_id", "segment"),
                       counts=OUTCOME_COUNTS, rows=[{"action_id": action_id, "segment": segment, **counts}
                                                   for (action_id, segment), counts in sorted(gathered.items())])

    def forget_outcome_counts(self) -> None:
        """Drop what a rolled-back transaction counted."""
        self._outcome_counts = {}

    # -- contact policy ---------------------------------------------------------------
    def policy(self) -> ContactPolicy:
        row = self.session.get(ContactPolicyRow, 1)
        if row is None:
            return ContactPolicy()
        return ContactPolicy(max_contacts_per_channel=row.max_contacts_per_channel, period_days=row.period_days,
                             decline_cooldown_days=row.decline_cooldown_days,
                             exclusive_kinds=tuple(row.exclusive_kinds), open_offer_days=row.open_offer_days)

    def save_policy(self, policy: ContactPolicy, *, at: dt.datetime, actor: str) -> None:
        row = self.session.get(ContactPolicyRow, 1)
        if row is None:
            row = ContactPolicyRow(id=1)
            self.session.add(row)
        row.max_contacts_per_channel, row.period_days = policy.max_contacts_per_channel, policy.period_days
        row.decline_cooldown_days, row.open_offer_days = policy.decline_cooldown_days, policy.open_offer_days
        row.exclusive_kinds, row.updated_at, row.updated_by = list(policy.exclusive_kinds), at, actor
        self.session.flush()
