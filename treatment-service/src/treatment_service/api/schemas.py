"""Request and response bodies of treatment-service's HTTP API (names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..domain.context import CustomerContext
from ..domain.rules import Action
from ..domain.treatments import Outcome, TreatmentRecord

Channel = Literal["web", "store", "phone", "email", "chat", "mobile_app", "social", "mail"]


class NextBestAction(BaseModel):
    """One ranked action (``GET /v1/customers/{id}/next-best-actions``)."""

    action_id: str
    kind: str
    channel: str | None
    score: float
    reasons: list[str]
    rule_id: str

    @classmethod
    def of(cls, action: Action) -> NextBestAction:
        return cls(action_id=action.action_id, kind=action.kind, channel=action.channel, score=action.score,
                   reasons=list(action.reasons), rule_id=action.rule_id)


class OutcomeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Outcome


class TreatmentOut(BaseModel):
    """A decided treatment and, once known, the customer's answer."""

    treatment_id: str
    customer_id: str
    action_id: str
    kind: str
    channel: str | None
    rule_id: str
    rule_version: int
    score: float
    reasons: list[str]
    decided_at: dt.datetime
    cause_event_id: str | None
    outcome: Outcome | None
    outcome_at: dt.datetime | None

    @classmethod
    def of(cls, t: TreatmentRecord) -> TreatmentOut:
        return cls(treatment_id=t.treatment_id, customer_id=t.customer_id, action_id=t.action_id, kind=t.kind,
                   channel=t.channel, rule_id=t.rule_id, rule_version=t.rule_version, score=t.score,
                   reasons=list(t.reasons or []), decided_at=t.decided_at, cause_event_id=t.cause_event_id,
                   outcome=t.outcome, outcome_at=t.outcome_at)


class ValueFacts(BaseModel):
    """Value as last scored; money as decimal strings with ``currency``."""

    tier: str | None
    clv_12m: Decimal | None
    monetary: Decimal | None
    currency: str | None
    p_alive: float | None
    churn_risk: float | None
    rfm_segment: str | None
    frequency: int | None
    scored_at: dt.datetime | None


class InteractionFacts(BaseModel):
    count: int
    purchases: int
    by_channel: dict[str, int]
    by_type: dict[str, int]
    first_at: dt.datetime | None
    last_at: dt.datetime | None
    last_channel: str | None
    last_type: str | None
    last_purchase_at: dt.datetime | None


class TriggerOut(BaseModel):
    trigger_id: str
    kind: str
    occurred_at: dt.datetime
    interaction_id: str | None


class ContextOut(BaseModel):
    """The stored context (``GET /internal/customers/{id}/context``)."""

    customer_id: str
    merged_ids: list[str]
    value: ValueFacts
    interactions: InteractionFacts
    recent_triggers: list[TriggerOut]
    consent: dict[str, bool]
    segments: list[str] = []
    birthday_month_day: str | None = None
    moved_at: dt.datetime | None = None
    activity: dict[str, dict[str, int]] = {}
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, c: CustomerContext, merged_ids: list[str]) -> ContextOut:
        return cls(
            customer_id=c.customer_id, merged_ids=merged_ids,
            value=ValueFacts(tier=c.tier, clv_12m=c.clv_12m, monetary=c.monetary, currency=c.currency,
                             p_alive=c.p_alive, churn_risk=c.churn_risk, rfm_segment=c.rfm_segment,
                             frequency=c.frequency, scored_at=c.scored_at),
            interactions=InteractionFacts(
                count=c.interactions_count, purchases=c.purchases_count, by_channel=dict(c.channel_counts),
                by_type=dict(c.type_counts), first_at=c.first_interaction_at, last_at=c.last_interaction_at,
                last_channel=c.last_interaction_channel, last_type=c.last_interaction_type,
                last_purchase_at=c.last_purchase_at),
            recent_triggers=[TriggerOut(trigger_id=t.trigger_id, kind=t.kind, occurred_at=t.occurred_at,
                                        interaction_id=t.interaction_id) for t in c.recent_triggers],
            consent=dict(c.consent), segments=list(c.segments), birthday_month_day=c.birthday_month_day,
            moved_at=c.moved_at, activity=dict(c.activity), created_at=c.created_at, updated_at=c.updated_at,
        )


class ExportOut(BaseModel):
    """Everything treatment-service holds about one customer (GDPR art. 15)."""

    customer_id: str
    merged_ids: list[str]
    context: ContextOut | None
    treatments: list[TreatmentOut]


class ErasureOut(BaseModel):
    customer_id: str
    erased_at: dt.datetime
