"""The public request and response bodies of /work/shared/API.md (names fixed there).

The gateway validates requests against these (422 at the edge, schemas in /openapi.json)
and forwards the client's body unchanged; the owning service stays the authority on
anything deeper. Responses from the services are passed through, so the response models
here document them without re-validating."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonDict

from ..domain.identifiers import IdentifierType

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")
_AMOUNT = r"^-?\d{1,15}(\.\d{1,6})?$"


def _rfc3339(value: Any) -> Any:
    # pydantic would also read a number as a Unix time: the contract says RFC 3339 text with an offset
    if isinstance(value, str) and _RFC3339.match(value):
        return value
    if isinstance(value, dt.datetime):
        return value
    raise ValueError("an RFC 3339 time with an offset, e.g. 2024-05-01T12:00:00Z")


Time = Annotated[AwareDatetime, BeforeValidator(_rfc3339), WithJsonSchema({"type": "string", "format": "date-time"})]
Amount = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=21, decimal_places=6),
                   WithJsonSchema({"type": "string", "pattern": _AMOUNT, "description": "Decimal string"})]
Cost = Annotated[Decimal, Field(ge=0, allow_inf_nan=False, max_digits=21, decimal_places=6),
                 WithJsonSchema({"type": "string", "pattern": _AMOUNT.replace("^-?", "^"),
                                 "description": "Decimal string, 0 or more"})]
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
    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    email: StrictBool | None = None
    sms: StrictBool | None = None
    phone: StrictBool | None = None
    mail: StrictBool | None = None
    push: StrictBool | None = None
    profiling: StrictBool | None = Field(
        default=None, description="false: no scoring or segment membership, only service actions")
    do_not_contact: StrictBool | None = Field(default=None, description="true: no outbound action at all")

    @model_validator(mode="after")
    def _something(self) -> ConsentRequest:
        if not self.model_fields_set:
            raise ValueError("give at least one of email, sms, phone, mail, push, profiling, do_not_contact")
        return self


class ConsentResult(BaseModel):
    customer_id: str = Field(description="The survivor whose consent this is")
    consent: dict[str, bool] = Field(description="The whole consent map after the change")


class Profile(BaseModel):
    """identity's profile of one customer (the survivor after merges)."""

    customer_id: str
    attributes: dict[str, Any]
    identifiers: list[IdentifierOut]
    merged_ids: list[str]
    consent: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime


class UnmergeResult(BaseModel):
    customer_id: str = Field(description="The former survivor")
    restored_id: str
    restored_merged_ids: list[str] = Field(description="Customers that come back out with restored_id")


# ---- Identity review queue and matching model ----

ReviewStatus = Literal["open", "accepted", "rejected"]


class Review(BaseModel):
    """A possible duplicate waiting for (or given) a person's decision."""

    review_id: str
    customer_id: str = Field(description="The customer the identify created (or one of two with conflicting ids)")
    candidate_id: str = Field(description="The existing customer it may be")
    probability: float
    reason: Literal["possible_duplicate", "conflicting_identifiers"]
    status: ReviewStatus
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class ReviewList(BaseModel):
    reviews: list[Review]
    next_after: str | None = Field(description="Pass as `after` for the next page; null on the last page")


class MatchingTrainRequest(Strict):
    max_customers: int = Field(default=200_000, ge=10, le=5_000_000)
    random_pairs: int = Field(default=50_000, ge=1_000, le=1_000_000)
    seed: int = Field(default=0, ge=-(2**63), le=2**63 - 1)


class MatchingModel(BaseModel):
    """The probabilistic match model identity uses (m/u per comparison level, prior)."""

    model_id: int
    m: dict[str, list[float]]
    u: dict[str, list[float]]
    prior: float
    trained_at: str | None
    stats: dict[str, Any]


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


class ErasureAccepted(BaseModel):
    """Erasure started: identity erased the person and told the others by event."""

    customer_id: str
    status_url: str = Field(description="GET it to see when every service has applied the erasure")


class ErasureStatus(BaseModel):
    customer_id: str
    services: dict[Literal["identity", "interaction", "scoring", "treatment"], dt.datetime | None] = Field(
        description="When each service applied the erasure; null: not yet (or it did not answer)")
    complete: bool = Field(description="Every service has applied it")
    degraded: list[Literal["identity", "interaction", "scoring", "treatment"]] = Field(
        description="Services that did not answer this time")


class SearchHit(BaseModel):
    customer_id: str
    attributes: dict[str, Any] = Field(default_factory=dict)


class SearchResult(BaseModel):
    results: list[SearchHit]


# ---- Interact ----

Channel = Literal["web", "store", "phone", "email", "chat", "mobile_app", "social", "mail"]


_NOT_NULL: JsonDict = {"not": {"type": "null"}}


class InteractionRequest(Strict):
    # the cross-field rules of the validator below, written in the schema too (so generated clients know)
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "anyOf": [{"required": ["customer_id"], "properties": {"customer_id": {"type": "string"}}},
                  {"required": ["identifiers"], "properties": {"identifiers": {"type": "array"}}}],
        "allOf": [
            {"if": {"required": ["type"], "properties": {"type": {"const": "purchase"}}},
             "then": {"required": ["amount"], "properties": {"amount": _NOT_NULL}}},
            {"if": {"required": ["amount"], "properties": {"amount": _NOT_NULL}},
             "then": {"required": ["currency"], "properties": {"currency": {"type": "string"}}}},
        ]})

    id: str | None = Field(default=None, min_length=1, max_length=128, description="Client idempotency key")
    customer_id: str | None = Field(default=None, min_length=1, max_length=256)
    identifiers: list[Identifier] | None = Field(default=None, min_length=1, max_length=50)
    channel: Channel
    type: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$",
                      description="purchase | visit | call | complaint | survey | email_open | offer_response | ...")
    direction: Literal["inbound", "outbound"] = "inbound"
    occurred_at: Time | None = None
    amount: Amount | None = Field(default=None, description="Decimal string; required for a purchase")
    currency: str | None = Currency
    cost: Cost | None = None
    payload: dict[str, Any] = Field(default_factory=dict, description="survey: nps 0-10 or csat 1-5; "
                                    "category (1-64 characters) feeds needs segments")

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
    interaction_id: str | None = Field(description="null only when discarded")
    customer_id: str | None = Field(description="null while pending (identifiers not linked yet) or discarded")
    status: Literal["recorded", "pending", "discarded"] = Field(
        default="recorded", description="pending: waits for identity to link its identifiers; discarded: the "
        "customer was erased (GDPR), nothing was stored")


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
    until: dt.datetime | None = None
    channels: list[ChannelStats]


class ChannelShare(BaseModel):
    channel: str
    count: int
    share: float = Field(description="count / the customer's interactions on all channels")


class CustomerChannels(BaseModel):
    customer_id: str
    count: int
    channels: list[ChannelShare]


class NpsBreakdown(BaseModel):
    responses: int
    promoters: int = Field(description="answers 9-10")
    passives: int = Field(description="answers 7-8")
    detractors: int = Field(description="answers 0-6")
    nps: float | None = Field(description="% promoters - % detractors, -100..100; null without responses")


class ChannelFeedback(BaseModel):
    channel: str
    nps: NpsBreakdown
    csat_responses: int
    csat_average: float | None


class FeedbackOverview(BaseModel):
    since: dt.datetime | None
    until: dt.datetime | None
    nps: NpsBreakdown
    csat_responses: int
    csat_average: float | None
    channels: list[ChannelFeedback]


class ScoreSeries(BaseModel):
    latest: int | None
    latest_at: dt.datetime | None
    average: float | None
    responses: int
    trend: float | None = Field(description="latest minus the mean of the (up to 5) answers before it")
    direction: Literal["up", "down", "flat"] | None


class FeedbackAnswer(BaseModel):
    interaction_id: str
    occurred_at: dt.datetime
    channel: str
    nps: int | None
    csat: int | None


class CustomerFeedback(BaseModel):
    customer_id: str
    nps: ScoreSeries
    csat: ScoreSeries
    history: list[FeedbackAnswer] = Field(description="newest first, at most 50")


TriggerKind = Literal["first_purchase", "large_purchase", "complaint", "repeated_complaints", "detractor",
                      "life_event", "moved", "birthday", "lapse"]


class Trigger(BaseModel):
    trigger_id: str
    customer_id: str
    kind: str
    occurred_at: dt.datetime
    interaction_id: str | None
    details: dict[str, Any]
    detected_at: dt.datetime


class CustomerTriggers(BaseModel):
    customer_id: str
    items: list[Trigger] = Field(description="Newest first")


class TriggerScan(BaseModel):
    fired: dict[str, int] = Field(description="new triggers per kind")
    scanned_at: dt.datetime


# ---- Differentiate ----

class Rfm(BaseModel):
    status: Literal["scored", "pending_refresh", "no_purchases"] | None = Field(
        default=None, description="scored: graded against the population; pending_refresh: quintiles not computed "
        "yet (scoring's schedule refreshes soon); no_purchases: nothing to grade")
    recency_days: int | None
    frequency: int
    monetary: Decimal = Field(description="Decimal string in `currency`")
    currency: str | None
    r: int | None
    f: int | None
    m: int | None
    segment: str | None


class Clv(BaseModel):
    status: Literal["scored", "not_fitted", "insufficient_history"] | None = Field(
        default=None, description="Why the fields are null unless scored: not_fitted (scoring's schedule fits soon) "
        "or insufficient_history (fewer than two purchase days, or too few repeat buyers to fit)")
    p_alive: float | None
    expected_purchases_90d: float | None
    expected_avg_order_value: Decimal | None
    clv_12m: Decimal | None


class CustomerValue(BaseModel):
    customer_id: str
    rfm: Rfm
    clv: Clv
    tier: str | None = Field(description="most_valuable | most_growable | maintain | below_zero")
    tier_status: Literal["scored", "pending_refresh"] | None = Field(
        default=None, description="pending_refresh: tier cut-offs not computed yet")
    churn_risk_status: Literal["scored", "not_fitted"] | None = Field(
        default=None, description="not_fitted: no CLV model and no lapse to judge churn by")
    segments: list[str]
    churn_risk: float | None = Field(description="0..1")
    churn_drivers: list[ChurnDriver] = Field(default_factory=list,
                                             description="Why churn_risk is what it is (inputs and what each adds)")
    scored_at: dt.datetime


class ProfilingRefused(BaseModel):
    """The customer refused profiling (consent): no scores or segments are held for them."""

    customer_id: str
    profiling: Literal["refused"]
    refused_at: dt.datetime | None = None


class ChurnDriver(BaseModel):
    """One input of churn risk, its value, and the risk it adds."""

    input: str
    value: float | bool
    adds: float


class ClvFitRequest(Strict):
    calibration_end: Time = Field(description="Fit on the purchases up to this time")
    time_unit: Literal["days", "weeks"] = "weeks"


class ClvFit(BaseModel):
    bgnbd: dict[str, float] = Field(description="r, alpha, a, b")
    gamma_gamma: dict[str, float] = Field(description="p, q, v")
    customers: int = Field(description="Customers with a purchase up to calibration_end (the fit's sample)")
    fitted_at: dt.datetime
    calibration_end: dt.datetime | None = None
    time_unit: str | None = None
    fit_seconds: float | None = None


class RfmRefresh(BaseModel):
    """What a population refresh computed."""

    customers: int
    refreshed_at: dt.datetime
    rfm: dict[str, list[float]] = Field(description="Quintile edges of recency days, frequency, monetary")
    tiers: dict[str, float | None] = Field(description="Cut-offs of net value (most_valuable) and growth gap")
    needs: dict[str, Any] | None = Field(description="k, silhouette and segment ids of the needs clustering")
    announced: int = Field(description="CustomerScored events published (material changes)")
    seconds: float


SEGMENT_ID = r"^[a-z0-9][a-z0-9-]*$"
Scalar = float | int | str


class SegmentCondition(Strict):
    """``field op value`` over the value object (scoring checks the field and operator)."""

    field: str = Field(min_length=1, max_length=64)
    op: Literal["eq", "ne", "lt", "lte", "gt", "gte", "in"]
    value: Scalar | list[Scalar]


class SegmentCreate(Strict):
    """A rule-defined segment: customers for whom all conditions hold."""

    id: str = Field(min_length=1, max_length=58, pattern=SEGMENT_ID, description="Slug; stored as rule-<id>")
    name: str = Field(min_length=1, max_length=200)
    conditions: list[SegmentCondition] = Field(min_length=1, max_length=20)


class Segment(BaseModel):
    """A segment with its size and value."""

    id: str
    kind: Literal["needs", "rule"]
    name: str
    description: str
    size: int
    value: Decimal = Field(description="Summed clv_12m of the members (decimal string)")
    conditions: list[dict[str, Any]] | None = None


class SegmentList(BaseModel):
    segments: list[Segment]


class SegmentMember(BaseModel):
    customer_id: str
    since: dt.datetime


class SegmentMembers(BaseModel):
    """One page of members in id order; pass ``next_after`` as ``after`` for the next page."""

    segment_id: str
    customers: list[SegmentMember]
    next_after: str | None


# ---- Customize ----

class NextBestAction(BaseModel):
    action_id: str
    kind: str = Field(description="offer | message | service_level | retention | ...")
    channel: str | None
    score: float
    reasons: list[str]
    rule_id: str
    treatment_id: str = Field(description="The recorded decision: answer it at /v1/treatments/{id}/outcome")
    expires_at: dt.datetime = Field(description="Read again before this, the same treatment_id comes back; "
                                    "unanswered by then, it counts as ignored")


# rule_id is not here: a caller may choose the id of a new rule
SERVER_SIDE_RULE_FIELDS = frozenset({"version", "created_at", "updated_at", "created_by", "updated_by", "actor"})


class Rule(BaseModel):
    """A versioned rule: condition + action + priority + validity window. Fields beyond
    these are the treatment service's to validate (it answers 422 for unknown ones)."""

    model_config = ConfigDict(extra="allow", json_schema_extra={
        "not": {"anyOf": [{"required": [name]} for name in sorted(SERVER_SIDE_RULE_FIELDS)]}})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    condition: dict[str, Any] | None = None
    action: dict[str, Any] | None = None
    priority: int | None = None
    valid_from: Time | None = None
    valid_until: Time | None = None
    valid_to: Time | None = Field(default=None, description="Alias some clients use for valid_until")

    @model_validator(mode="before")
    @classmethod
    def _no_server_fields(cls, data: Any) -> Any:
        # mass assignment: who wrote a rule and when is the service's record (X-Actor), not the caller's say
        if isinstance(data, dict):
            forged = sorted(SERVER_SIDE_RULE_FIELDS & data.keys())
            if forged:
                raise ValueError(f"set by the server, not the caller: {', '.join(forged)}")
        return data


class SimulateRequest(Strict):
    """A draft ``rule`` or a stored ``rule_id`` (both: the draft as the next version of that rule)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": [
        {"required": ["rule"], "properties": {"rule": {"type": "object"}}},
        {"required": ["rule_id"], "properties": {"rule_id": {"type": "string"}}}]})

    rule: Rule | None = None
    rule_id: str | None = Field(default=None, min_length=1, max_length=256)
    customer_id: str = Id
    channel: Channel | None = None

    @model_validator(mode="after")
    def _a_rule(self) -> SimulateRequest:
        if self.rule is None and self.rule_id is None:
            raise ValueError("give rule (a draft) or rule_id (a stored rule)")
        return self


class ContactPolicy(Strict):
    """How often and when customers may be contacted (treatment validates the details)."""

    max_contacts_per_channel: int = Field(ge=0, le=1000)
    period_days: int = Field(ge=1, le=90)
    decline_cooldown_days: int = Field(ge=0, le=365)
    exclusive_kinds: list[str] = Field(max_length=32)
    open_offer_days: int = Field(ge=0, le=365)


Profile.model_rebuild()
CustomerValue.model_rebuild()
