"""Public bodies of the loop (API.md: jobs, treatments and their outcomes, rule performance,
webhooks). Answers are passed through from the owning service; these models document them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from idic import jobs

from .schemas import Amount, Currency, Strict

# ---- Jobs: the services' own model, declared once in idic ----

Job = jobs.Job
JobList = jobs.JobList


# ---- Treatments ----

Outcome = Literal["accepted", "declined", "ignored", "converted"]


class OutcomeRequest(Strict):
    """How the customer answered a treatment; a conversion carries its revenue."""

    # the validator's cross-field rules, written in the schema too (so generated clients know)
    model_config = ConfigDict(extra="forbid", json_schema_extra={"allOf": [
        {"if": {"required": ["outcome"], "properties": {"outcome": {"const": "converted"}}},
         "then": {"required": ["amount", "currency"],
                  "properties": {"amount": {"type": "string"}, "currency": {"type": "string"}}}},
        {"if": {"required": ["amount"], "properties": {"amount": {"type": "string"}}},
         "then": {"required": ["currency"], "properties": {"currency": {"type": "string"}}}},
    ]})

    outcome: Outcome
    amount: Amount | None = Field(default=None, description="Decimal string; required for converted")
    currency: str | None = Currency

    @model_validator(mode="after")
    def _conversion_has_revenue(self) -> OutcomeRequest:
        if self.outcome == "converted" and (self.amount is None or not self.currency):
            raise ValueError("a converted outcome has an amount and its currency")
        if self.amount is not None and not self.currency:
            raise ValueError("an amount needs its ISO 4217 currency")
        return self


class Treatment(BaseModel):
    """A decision: what was decided for the customer, when it expires, how they answered."""

    model_config = ConfigDict(extra="allow")

    treatment_id: str
    action_id: str
    kind: str
    channel: str | None
    rule_id: str | None
    decided_at: dt.datetime
    expires_at: dt.datetime | None
    outcome: Outcome | None
    outcome_at: dt.datetime | None
    delivered_at: dt.datetime | None = None


class TreatmentPage(BaseModel):
    customer_id: str
    treatments: list[Treatment] = Field(description="Newest first")
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next (older) page; null at the end")


class OutcomeCounts(BaseModel):
    model_config = ConfigDict(extra="allow")

    presented: int
    accepted: int
    declined: int
    ignored: int
    converted: int
    acceptance_rate: float | None
    conversion_rate: float | None
    revenue: Decimal | None = Field(default=None, description="Decimal string")


class RulePerformance(OutcomeCounts):
    """What a rule's decisions led to, against its control group."""

    rule_id: str
    control: OutcomeCounts | None = Field(description="The customers held back (control_share)")
    uplift: float | None = Field(description="Conversion rate treated minus control; null without control")


# ---- Webhooks ----

WebhookEvent = Literal["treatment.decided", "treatment.delivered", "treatment.outcome_recorded", "trigger.detected",
                       "customer.identified", "customer.updated", "customer.merged", "customer.unmerged",
                       "customer.erased", "customer.scored", "segment.changed", "interaction.recorded"]


class WebhookCreate(Strict):
    url: str = Field(min_length=1, max_length=2048, pattern=r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+",
                     description="http(s) URL the deliveries are POSTed to")
    events: list[WebhookEvent] = Field(min_length=1, max_length=20)
    description: str | None = Field(default=None, max_length=500)


class WebhookUpdate(Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    url: str | None = Field(default=None, min_length=1, max_length=2048,
                            pattern=r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+")
    events: list[WebhookEvent] | None = Field(default=None, min_length=1, max_length=20)
    description: str | None = Field(default=None, max_length=500)
    active: bool | None = None

    @model_validator(mode="after")
    def _something(self) -> WebhookUpdate:
        if not self.model_fields_set:
            raise ValueError("give at least one of url, events, description, active")
        return self


class Webhook(BaseModel):
    model_config = ConfigDict(extra="allow")

    webhook_id: str
    url: str
    events: list[str]
    description: str | None = None
    active: bool = True
    created_at: dt.datetime | None = None


class WebhookCreated(Webhook):
    secret: str = Field(description="whsec_<base64>: shown only in this answer; verifies webhook-signature")


class WebhookList(BaseModel):
    model_config = ConfigDict(extra="allow")

    webhooks: list[Webhook]


DeliveryStatus = Literal["pending", "succeeded", "failed"]


class Delivery(BaseModel):
    model_config = ConfigDict(extra="allow")

    delivery_id: str = Field(description="The webhook-id header, the same on every retry")
    webhook_id: str
    event_id: str
    event_type: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: dt.datetime | None = None
    created_at: dt.datetime
    delivered_at: dt.datetime | None = None


class DeliveryPage(BaseModel):
    model_config = ConfigDict(extra="allow")

    deliveries: list[Delivery]
    next_cursor: str | None = None
