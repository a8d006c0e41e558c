"""Bodies of the rules, simulation and contact-policy endpoints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..adapters.rules_repository import RuleVersion, StoredRule
from ..domain.arbitration import ContactPolicy
from ..domain.rules import SLUG, ChannelName, RuleDocument
from ..service_layer.rules import Simulation


class RuleIn(RuleDocument):
    """``POST /v1/rules``: a rule document, with an id of your choice (else one is made)."""

    rule_id: str | None = Field(default=None, pattern=SLUG)

    def document(self) -> RuleDocument:
        return RuleDocument.model_validate(self.model_dump(exclude={"rule_id"}))


class RuleOut(RuleDocument):
    """The current version of a rule and who made it."""

    rule_id: str
    version: int
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    updated_by: str

    @classmethod
    def of(cls, stored: StoredRule) -> RuleOut:
        return cls.model_validate({**stored.document, "rule_id": stored.rule_id, "version": stored.version,
                                   "created_at": stored.created_at, "created_by": stored.created_by,
                                   "updated_at": stored.updated_at, "updated_by": stored.updated_by})


class RuleVersionOut(BaseModel):
    """One version in a rule's history."""

    rule_id: str
    version: int
    change: str  # created | updated | retired
    changed_at: dt.datetime
    changed_by: str
    rule: RuleDocument

    @classmethod
    def of(cls, v: RuleVersion) -> RuleVersionOut:
        return cls(rule_id=v.rule_id, version=v.version, change=v.change, changed_at=v.changed_at,
                   changed_by=v.changed_by, rule=RuleDocument.model_validate(v.document))


class SimulateIn(BaseModel):
    """``POST /v1/rules:simulate``: a draft ``rule`` or a stored ``rule_id`` (both: the draft
    as the next version of that rule), for one customer, optionally on one channel."""

    model_config = ConfigDict(extra="forbid")

    rule: RuleDocument | None = None
    rule_id: str | None = Field(default=None, pattern=SLUG)
    customer_id: str = Field(min_length=1, max_length=128)
    channel: ChannelName | None = None

    @model_validator(mode="after")
    def _one(self) -> Self:
        if self.rule is None and self.rule_id is None:
            raise ValueError("give rule (a draft) or rule_id (a stored rule)")
        return self


class SuppressionOut(BaseModel):
    code: str
    reason: str


class ConditionTrace(BaseModel):
    path: str
    fact: str
    op: str
    value: Any
    actual: Any
    result: bool


class SimulatedAction(BaseModel):
    action_id: str
    kind: str
    channel: str | None
    score: float
    propensity: float
    value: Decimal | None
    reasons: list[str]


class SimulateOut(BaseModel):
    """Whether the rule fires for the customer now, and why (or why not)."""

    customer_id: str
    rule_id: str
    rule_version: int
    status: str
    fires: bool
    in_validity_window: bool
    condition_holds: bool
    conditions: list[ConditionTrace]
    suppression: SuppressionOut | None
    suppressed_channels: list[SuppressionOut]
    action: SimulatedAction | None
    rank: int | None = Field(description="Position among the customer's next-best-actions (1 = first).")
    competing_actions: int

    @classmethod
    def of(cls, s: Simulation) -> SimulateOut:
        ev, a = s.evaluation, s.evaluation.action
        return cls(
            customer_id=s.customer_id, rule_id=s.rule.rule_id, rule_version=s.rule.version, status=s.rule.doc.status,
            fires=ev.fires, in_validity_window=ev.in_window, condition_holds=ev.holds,
            conditions=[ConditionTrace(**t) for t in s.trace],
            suppression=SuppressionOut(code=ev.suppression.code, reason=ev.suppression.reason)
            if ev.suppression else None,
            suppressed_channels=[SuppressionOut(code=x.code, reason=x.reason) for x in ev.suppressed_channels],
            action=SimulatedAction(action_id=a.action_id, kind=a.kind, channel=a.channel, score=a.score,
                                   propensity=a.propensity, value=a.value, reasons=a.reasons) if a else None,
            rank=s.rank, competing_actions=s.competing)


class ContactPolicyIO(BaseModel):
    """How often and when customers may be contacted (applies to every rule)."""

    model_config = ConfigDict(extra="forbid", strict=True)  # no true/false taken for day counts

    max_contacts_per_channel: int = Field(ge=0, le=1000, description="per channel and period")
    period_days: int = Field(ge=1, le=90)
    decline_cooldown_days: int = Field(ge=0, le=365, description="no same action after a decline")
    exclusive_kinds: list[str] = Field(max_length=32, description="kinds of which one may be open at a time")
    open_offer_days: int = Field(ge=0, le=365, description="after this an unanswered offer no longer blocks")

    @classmethod
    def of(cls, p: ContactPolicy) -> ContactPolicyIO:
        return cls(max_contacts_per_channel=p.max_contacts_per_channel, period_days=p.period_days,
                   decline_cooldown_days=p.decline_cooldown_days, exclusive_kinds=list(p.exclusive_kinds),
                   open_offer_days=p.open_offer_days)

    def policy(self) -> ContactPolicy:
        return ContactPolicy(**{**self.model_dump(), "exclusive_kinds": tuple(self.exclusive_kinds)})
