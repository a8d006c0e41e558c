"""The public request and response bodies of /work/shared/API.md (names fixed there).

The gateway validates requests against these (422 at the edge, schemas in /openapi.json)
and forwards the client's body unchanged; the owning service stays the authority on
anything deeper. Responses from the services are passed through, so the response models
here document them without re-validating."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from ..domain.identifiers import IdentifierType

Text = Field(default=None, max_length=256)
Id = Field(min_length=1, max_length=256)
Currency = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    """RFC 9457 problem details (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, str]] | None = Field(default=None, description='[{"field", "message"}] on 422')


# ---- Identify ----

class Identifier(Strict):
    type: IdentifierType
    value: str = Field(min_length=1, max_length=512, description="external_id is written system:id")


class Attributes(Strict):
    """Personal attributes; all optional strings."""

    first_name: str | None = Text
    last_name: str | None = Text
    date_of_birth: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    street_number: str | None = Text
    address_line1: str | None = Text
    address_line2: str | None = Text
    city: str | None = Text
    postcode: str | None = Text
    state: str | None = Text
    country: str | None = Text
    gender: str | None = Text


class IdentifyRequest(Strict):
    identifiers: list[Identifier] = Field(default_factory=list, max_length=50)
    attributes: Attributes | None = None
    source: str | None = Field(default=None, max_length=64)


class IdentifyResult(BaseModel):
    customer_id: str
    created: bool
    matched_by: Literal["identifier", "probabilistic", "new"]
    confidence: float = Field(ge=0, le=1)


class IdentifyBatchRequest(Strict):
    records: list[IdentifyRequest] = Field(min_length=1, max_length=10_000)


class IdentifyBatchResult(BaseModel):
    results: list[IdentifyResult]


class LookupResult(BaseModel):
    customer_id: str = Field(description="The current survivor, after merges")


class MergeRequest(Strict):
    survivor_id: str = Id
    merged_ids: list[str] = Field(min_length=1, max_length=100)


class UnmergeRequest(Strict):
    customer_id: str = Field(min_length=1, max_length=256, description="One that was merged in")


class ConsentRequest(Strict):
    email: bool | None = None
    sms: bool | None = None
    phone: bool | None = None
    profiling: bool | None = None

    @model_validator(mode="after")
    def _something(self) -> ConsentRequest:
        if not self.model_fields_set:
            raise ValueError("give at least one of email, sms, phone, profiling")
        return self


# ---- Single face ----

class IdentifierOut(BaseModel):
    type: str
    value: str
    source: str | None = None


class ProfilePart(BaseModel):
    attributes: dict[str, Any]
    identifiers: list[IdentifierOut]
    merged_ids: list[str]
    consent: dict[str, Any]


class InteractionsPart(BaseModel):
    recent: list[dict[str, Any]]
    count: int


class CustomerView(BaseModel):
    """The 360-degree view. A part whose service did not answer is null (value,
    interactions) or empty (next_best_actions) and that service is named in ``degraded``."""

    customer_id: str = Field(description="The survivor id (after merges)")
    profile: ProfilePart
    value: dict[str, Any] | None = Field(description="See GET /v1/customers/{id}/value; null if not scored yet")
    interactions: InteractionsPart | None
    next_best_actions: list[dict[str, Any]]
    degraded: list[Literal["interaction", "scoring", "treatment"]]


class CustomerExport(BaseModel):
    """All data of one person, one part per service (null: the service holds nothing)."""

    customer_id: str
    identity: dict[str, Any]
    interaction: dict[str, Any] | None
    scoring: dict[str, Any] | None
    treatment: dict[str, Any] | None


# ---- Interact ----

Channel = Literal["web", "store", "phone", "email", "chat", "mobile_app", "social", "mail"]


class InteractionRequest(Strict):
    id: str | None = Field(default=None, min_length=1, max_length=128, description="Client idempotency key")
    customer_id: str | None = Field(default=None, min_length=1, max_length=256)
    identifiers: list[Identifier] | None = Field(default=None, min_length=1, max_length=50)
    channel: Channel
    type: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$",
                      description="purchase | visit | call | complaint | survey | email_open | offer_response | ...")
    direction: Literal["inbound", "outbound"] = "inbound"
    occurred_at: AwareDatetime | None = None
    amount: Decimal | None = Field(default=None, description="Decimal string; required for a purchase")
    currency: str | None = Currency
    cost: Decimal | None = Field(default=None, ge=0)
    payload: dict[str, Any] = Field(default_factory=dict, description="survey: nps 0-10 or csat 1-5")

    @model_validator(mode="after")
    def _who_and_how_much(self) -> InteractionRequest:
        if not self.customer_id and not self.identifiers:
            raise ValueError("give customer_id or identifiers")
        if self.type == "purchase" and self.amount is None:
            raise ValueError("a purchase has an amount")
        if self.amount is not None and not self.currency:
            raise ValueError("an amount needs its ISO 4217 currency")
        return self


class InteractionAccepted(BaseModel):
    interaction_id: str
    customer_id: str


class InteractionBatchRequest(Strict):
    interactions: list[InteractionRequest] = Field(min_length=1, max_length=10_000)


class InteractionBatchAccepted(BaseModel):
    results: list[InteractionAccepted]


class Timeline(BaseModel):
    customer_id: str
    items: list[dict[str, Any]] = Field(description="Interactions, newest first")
    next_cursor: str | None = Field(description="Pass as ?before= for the next (older) page; null at the end")


class ChannelStats(BaseModel):
    channel: str
    count: int
    customers: int
    total_cost: Decimal
    cost_per_interaction: Decimal
    purchases: int
    revenue: dict[str, Decimal] = Field(description="Sum of purchase amounts per ISO 4217 currency")
    conversion_rate: float


class ChannelStatsPage(BaseModel):
    since: dt.datetime | None
    channels: list[ChannelStats]


# ---- Differentiate ----

class Rfm(BaseModel):
    recency_days: int | None
    frequency: int
    monetary: Decimal = Field(description="Decimal string in `currency`")
    currency: str | None
    r: int | None
    f: int | None
    m: int | None
    segment: str | None


class Clv(BaseModel):
    p_alive: float | None
    expected_purchases_90d: float | None
    expected_avg_order_value: Decimal | None
    clv_12m: Decimal | None


class CustomerValue(BaseModel):
    customer_id: str
    rfm: Rfm
    clv: Clv
    tier: str | None = Field(description="most_valuable | most_growable | maintain | below_zero")
    segments: list[str]
    churn_risk: float | None = Field(description="0..1")
    scored_at: dt.datetime


class ClvFitRequest(Strict):
    calibration_end: AwareDatetime | None = None
    time_unit: Literal["days", "weeks"] = "weeks"


class ClvFit(BaseModel):
    bgnbd: dict[str, float]
    gamma_gamma: dict[str, float]
    customers: int
    fitted_at: dt.datetime


# ---- Customize ----

class NextBestAction(BaseModel):
    action_id: str
    kind: str = Field(description="offer | message | service_level | retention | ...")
    channel: str | None
    score: float
    reasons: list[str]
    rule_id: str


class Rule(BaseModel):
    """A versioned rule: condition + action + priority + validity window. Fields beyond
    these are the treatment service's to validate (it answers 422 for unknown ones)."""

    model_config = ConfigDict(extra="allow")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    condition: dict[str, Any] | None = None
    action: dict[str, Any] | None = None
    priority: int | None = None
    valid_from: AwareDatetime | None = None
    valid_to: AwareDatetime | None = None


class SimulateRequest(Strict):
    rule: Rule | None = None
    rule_id: str | None = Field(default=None, min_length=1, max_length=256)
    customer_id: str = Id

    @model_validator(mode="after")
    def _one_rule(self) -> SimulateRequest:
        if (self.rule is None) == (self.rule_id is None):
            raise ValueError("give exactly one of rule and rule_id")
        return self


class OutcomeRequest(Strict):
    outcome: Literal["accepted", "declined", "ignored"]
