"""Public bodies of the loop (API.md: jobs, treatments and their outcomes, rule performance;
webhooks' are declared once in ``idic.webhooks``). Answers are passed through from the owning
service; these models document them."""

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
