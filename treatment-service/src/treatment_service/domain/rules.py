"""Rules as data: the document a marketing or service team writes (condition, action,
priority, validity window, status), and its compiled form used by every decision.

A rule document is versioned by the service layer; ``Rule`` is one version, compiled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from idic.types import Rfc3339

from .conditions import Condition, compile_condition
from .facts import FactView

Status = Literal["draft", "active", "retired"]
Repeat = Literal["once", "per_score", "per_event"]
ChannelName = Literal["web", "store", "phone", "email", "chat", "mobile_app", "social", "mail"]
SLUG = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
DEFAULT_VALID_FOR_DAYS = 7.0
DEFAULT_ATTRIBUTION_DAYS = 7.0
MAX_CONTROL_SHARE = 0.5
KINDS = ("offer", "message", "service_level", "service_recovery", "retention", "cross_sell", "upsell", "winback",
         "service", "survey")


class ActionDocument(BaseModel):
    """What to do when the rule holds."""

    model_config = ConfigDict(extra="forbid")

    action_id: str = Field(pattern=SLUG, description="Stable id of the action; propensities are learned per action.")
    kind: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$", description=f"e.g. {', '.join(KINDS)}")
    channels: list[ChannelName] | None = Field(
        default=None, min_length=1, max_length=8,
        description="Channels in order of preference; null: not bound to a channel (e.g. a service level).")
    content: str | None = Field(default=None, max_length=4000, description="Message text or template id.")
    offer_id: str | None = Field(default=None, max_length=64)
    value: Decimal | None = Field(default=None, ge=0, le=Decimal("1e9"), max_digits=18, decimal_places=6,
                                  description="Value of an acceptance; expected value = propensity x value.")
    margin: Decimal | None = Field(default=None, ge=-Decimal("1e9"), le=Decimal("1e9"), max_digits=18,
                                   decimal_places=6)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    valid_for_days: float = Field(default=DEFAULT_VALID_FOR_DAYS, gt=0, le=365, description=(
        "How long a decided treatment stays valid: the same one is served until then; unanswered, "
        "it becomes ignored."))
    attribution_days: float = Field(default=DEFAULT_ATTRIBUTION_DAYS, ge=0, le=365, description=(
        "A purchase this long after the decision converts the treatment (and counts for its rule)."))

    @model_validator(mode="after")
    def _checked(self) -> Self:
        if self.channels is not None and len(set(self.channels)) != len(self.channels):
            raise ValueError("channels must not repeat")
        if (self.value is not None or self.margin is not None) and self.currency is None:
            raise ValueError("currency is required with value or margin")
        return self


class RuleDocument(BaseModel):
    """A rule as written and stored (one version). The condition is checked separately, so
    that its errors can name their exact place."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    condition: dict[str, Any]
    action: ActionDocument
    priority: int = Field(default=50, ge=0, le=1000, description="Higher first; expected value breaks ties.")
    valid_from: Rfc3339 | None = None
    valid_until: Rfc3339 | None = None
    status: Status = "draft"
    realtime: bool = Field(default=True, description="Decide (and publish TreatmentDecided) when an event "
                                                     "makes the rule newly hold.")
    repeat: Repeat = Field(default="per_event", description="once per customer, once per score, or once per "
                                                            "event that makes it newly hold.")
    prior_propensity: float = Field(default=0.5, ge=0, le=1, description="Propensity before any outcome is known.")
    control_share: float = Field(default=0.0, ge=0, le=MAX_CONTROL_SHARE, description=(
        "Share of eligible customers held back (no action, a control treatment recorded) to measure uplift."))

    @model_validator(mode="after")
    def _window(self) -> Self:
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValueError("valid_until must be after valid_from")
        return self


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
