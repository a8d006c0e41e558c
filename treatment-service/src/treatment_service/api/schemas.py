"""Request and response bodies of treatment-service's HTTP API (names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..domain.context import CustomerContext
from ..domain.lifecycle import GroupCounts
from ..domain.treatments import Outcome, TreatmentRecord
from ..service_layer.serving import Served

Channel = Literal["web", "store", "phone", "email", "chat", "mobile_app", "social", "mail"]


class NextBestAction(BaseModel):
    """One ranked action (``GET /v1/customers/{id}/next-best-actions``), recorded as a treatment."""

    action_id: str
    kind: str
    channel: str | None
    score: float
    reasons: list[str]
    rule_id: str
    treatment_id: str
    expires_at: dt.datetime | None

    @classmethod
    def of(cls, served: Served) -> NextBestAction:
        a, t = served.action, served.treatment
        return cls(action_id=a.action_id, kind=a.kind, channel=a.channel, score=a.score,
                   reasons=list(a.reasons), rule_id=a.rule_id, treatment_id=t.treatment_id, expires_at=t.expires_at)


class OutcomeIn(BaseModel):
    """``POST /v1/treatments/{id}/outcome``; ``amount`` and ``currency`` for ``converted``."""

    model_config = ConfigDict(extra="forbid")

    outcome: Outcome
    amount: Decimal | None = Field(default=None, ge=0, le=Decimal("1e12"), max_digits=18, decimal_places=6)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


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
    expires_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    cause_event_id: str | None
    outcome: Outcome | None
    outcome_at: dt.datetime | None
    accepted_at: dt.datetime | None = None
    amount: Decimal | None = None
    currency: str | None = None
    control: bool = False

    @classmethod
    def of(cls, t: TreatmentRecord) -> TreatmentOut:
        return cls(treatment_id=t.treatment_id, customer_id=t.customer_id, action_id=t.action_id, kind=t.kind,
                   channel=t.channel, rule_id=t.rule_id, rule_version=t.rule_version, score=t.score,
                   reasons=list(t.reasons or []), decided_at=t.decided_at, expires_at=t.expires_at,
                   delivered_at=t.delivered_at, cause_event_id=t.cause_event_id, outcome=t.outcome,
                   outcome_at=t.outcome_at, accepted_at=t.accepted_at, amount=t.amount, currency=t.currency,
                   control=t.control)


class TreatmentPage(BaseModel):
    """``GET /v1/customers/{id}/treatments``: newest first; ``next_cursor`` null on the last page."""

    customer_id: str
    treatments: list[TreatmentOut]
    next_cursor: str | None


class GroupFigures(BaseModel):
    presented: int
    accepted: int
    declined: int
    ignored: int
    converted: int
    acceptance_rate: float | None
    conversion_rate: float | None
    revenue: Decimal
    currency: str | None

    @classmethod
    def of(cls, g: GroupCounts) -> GroupFigures:
        currency = g.main_currency()
        return cls(presented=g.presented, accepted=g.accepted, declined=g.declined, ignored=g.ignored,
                   converted=g.converted, acceptance_rate=g.acceptance_rate, conversion_rate=g.conversion_rate,
                   revenue=g.revenue.get(currency, Decimal(0)) if currency is not None else Decimal(0),
                   currency=currency or None)


class PerformanceOut(GroupFigures):
    """``GET /v1/rules/{id}/performance``: the treated group's figures, the control group's, uplift."""

    rule_id: str
    since: dt.datetime
    until: dt.datetime
    control: GroupFigures
    uplift: float | None


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
