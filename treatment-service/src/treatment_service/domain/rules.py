"""Rules as data: the document a marketing or service team writes (condition, action,
priority, validity window, status), and its compiled form used by every decision.

A rule document is versioned by the service layer; ``Rule`` is one version, compiled; ``StoredRule``
and ``RuleVersion`` are a rule's current version and its history as stored (with who changed it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from idic.public.treatment import (
    DEFAULT_ATTRIBUTION_DAYS,
    DEFAULT_VALID_FOR_DAYS,
    KINDS,
    MAX_CONTROL_SHARE,
    SLUG,
    ActionDocument,
    Repeat,
    RuleDocument,
    RuleStatus,
)

from .conditions import Condition, compile_condition
from .facts import FactView

# a rule is written in the public contract's form (idic.public.treatment); this module compiles it
__all__ = ["DEFAULT_ATTRIBUTION_DAYS", "DEFAULT_VALID_FOR_DAYS", "KINDS", "MAX_CONTROL_SHARE", "SLUG", "Action",
           "ActionDocument", "Decision", "Repeat", "Rule", "RuleDocument", "RuleVersion", "Status", "StoredRule"]
Status = RuleStatus


@dataclass(frozen=True)
class Rule:
    """One version of a rule, compiled."""

    rule_id: str
    version: int
    doc: RuleDocument
    condition: Condition

    @classmethod
    def compile(cls, rule_id: str, version: int, doc: RuleDocument) -> Rule:
        """Compile the document (raises InvalidCondition on a bad condition)."""
        return cls(rule_id=rule_id, version=version, doc=doc, condition=compile_condition(doc.condition))

    @property
    def action(self) -> ActionDocument:
        return self.doc.action

    def in_window(self, now: dt.datetime) -> bool:
        """Inside the validity window (bounds inclusive of start, exclusive of end)."""
        if self.doc.valid_from is None and self.doc.valid_until is None:
            return True
        return (self.doc.valid_from is None or self.doc.valid_from <= now) and (
            self.doc.valid_until is None or now < self.doc.valid_until)

    def holds(self, view: FactView) -> bool:
        return self.condition.holds(view)

    def expires_at(self, decided_at: dt.datetime) -> dt.datetime:
        """When a treatment of this rule decided at ``decided_at`` stops being valid."""
        return decided_at + dt.timedelta(days=self.action.valid_for_days)

    def attribution_until(self, decided_at: dt.datetime) -> dt.datetime:
        """Purchases until then convert a treatment of this rule decided at ``decided_at``."""
        return decided_at + dt.timedelta(days=self.action.attribution_days)

    def occurrence(self, view: FactView, *, event_id: str) -> str:
        """The key of one firing: a treatment is decided once per (customer, rule, occurrence)."""
        if self.doc.repeat == "once":
            return "once"
        if self.doc.repeat == "per_score":
            scored = view.ctx.scored_at
            return f"scored:{scored.isoformat() if scored else 'unscored'}"
        return f"event:{event_id}"[:255]


@dataclass(frozen=True)
class Action:
    """One ranked next-best-action (or a real-time decision)."""

    action_id: str
    kind: str
    channel: str | None
    score: float
    reasons: list[str]
    rule_id: str
    rule_version: int
    priority: int = 0
    propensity: float = 0.0
    value: Decimal | None = None


@dataclass(frozen=True)
class Decision:
    """A rule that newly fired on a context change: the action and its occurrence key."""

    action: Action
    occurrence: str
    segment: str


@dataclass(frozen=True)
class StoredRule:
    """One rule's current version with its bookkeeping."""

    rule_id: str
    version: int
    document: dict[str, Any]
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    updated_by: str


@dataclass(frozen=True)
class RuleVersion:
    """One version in a rule's history: the change, the document as it then was, when and by whom."""

    rule_id: str
    version: int
    change: str
    document: dict[str, Any]
    changed_at: dt.datetime
    changed_by: str
