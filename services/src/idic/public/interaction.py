"""Interact: bodies of interaction-service's API (API.md "Interact"), served by interaction
and proxied by the gateway."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import JsonDict
from pydantic_core import PydanticCustomError

from .common import (
    NON_NEGATIVE_MONEY,
    Body,
    Channel,
    Cost,
    Currency,
    CustomerId,
    Direction,
    Money,
    Request,
    Time,
    integer,
)
from .identity import Identifier

PURCHASE = "purchase"
TYPE_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"  # snake_case words: purchase, email_open, offer_response
PAYLOAD_MAX_BYTES = 16 * 1024
ShortText = Annotated[str, Field(min_length=1, max_length=64)]
if TYPE_CHECKING:
    NpsAnswer: TypeAlias = int
    CsatAnswer: TypeAlias = int
else:
    NpsAnswer = integer(ge=0, le=10)
    CsatAnswer = integer(ge=1, le=5)
InteractionType = Annotated[
    str,
    Field(
        pattern=TYPE_PATTERN,
        description="purchase, visit, call, complaint, survey, email_open, offer_response, ... (snake_case).",
        examples=["purchase"],
    ),
]


class InteractionPayload(Request):
    """Free-form details; the keys below are checked when present, any others are kept as given."""

    model_config = ConfigDict(extra="allow")

    nps: NpsAnswer | None = Field(default=None, description="Net Promoter answer, 0-10.")
    csat: CsatAnswer | None = Field(default=None, description="Satisfaction answer, 1-5.")
    treatment_id: ShortText | None = Field(default=None, description="The treatment this answers.")
    life_event: ShortText | None = Field(default=None, description="e.g. moved_house, new_baby.")
    category: ShortText | None = Field(default=None, description="Product or service category; feeds needs segments.")

    @model_validator(mode="after")
    def _bounded_size(self) -> InteractionPayload:
        if len(json.dumps(self.model_dump(mode="json"), separators=(",", ":"))) > PAYLOAD_MAX_BYTES:
            raise PydanticCustomError("payload_too_large", f"payload is larger than {PAYLOAD_MAX_BYTES} bytes as JSON")
        return self


_NOT_NULL: JsonDict = {"not": {"type": "null"}}
# the cross-field rules of the validators below, written in the schema too (so generated clients know)
_WHO_AND_HOW_MUCH: JsonDict = {
    "anyOf": [
        {"required": ["customer_id"], "properties": {"customer_id": {"type": "string"}}},
        {"required": ["identifiers"], "properties": {"identifiers": {"type": "array"}}},
    ],
    "allOf": [
        {
            "if": {"required": ["type"], "properties": {"type": {"const": PURCHASE}}},
            "then": {"required": ["amount"], "properties": {"amount": NON_NEGATIVE_MONEY}},
        },
        {
            "if": {"required": ["amount"], "properties": {"amount": _NOT_NULL}},
            "then": {"required": ["currency"], "properties": {"currency": {"type": "string"}}},
        },
    ],
    "examples": [
        {
            "identifiers": [{"type": "email", "value": "ada@example.com"}],
            "channel": "store",
            "type": "purchase",
            "occurred_at": "2026-11-23T10:00:00Z",
            "amount": "49.90",
            "currency": "EUR",
            "payload": {"category": "books"},
        }
    ],
}


class InteractionRequest(Request):
    """One interaction as a client reports it: who (customer_id or identifiers), where, what.
    Cross-field rules sit on the later field of each pair (fields validate in order), so that
    a 422 names the field that is wrong."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_WHO_AND_HOW_MUCH)

    id: str | None = Field(
        default=None,
        pattern=r"^[\x21-\x7e]{1,128}$",
        description="Client idempotency key: a retry with the same id records once.",
    )
    identifiers: list[Identifier] | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="Instead of customer_id: linked to the customer identity announces for one of them (in the "
        "order given); pending until then. Ignored when customer_id is given.",
    )
    customer_id: CustomerId | None = Field(
        default=None, validate_default=True, description="The customer, if known (else identifiers)."
    )
    channel: Channel = Field(description="Where it happened.")
    type: InteractionType
    direction: Direction = Field(
        default="inbound", description="inbound: the customer reached us; outbound: we reached them."
    )
    occurred_at: Time | None = Field(default=None, description="RFC 3339 with offset; defaults to now.")
    amount: Money | None = Field(
        default=None, validate_default=True, description="Decimal string; required for a purchase (0 or more)."
    )
    currency: Currency | None = Field(
        default=None, validate_default=True, description="ISO 4217 code; required with an amount."
    )
    cost: Cost | None = Field(default=None, description="What the contact cost us (else the channel's default).")
    payload: InteractionPayload = Field(
        default_factory=InteractionPayload, description="survey: nps 0-10 or csat 1-5; category feeds needs segments."
    )

    @field_validator("customer_id")
    @classmethod
    def _customer_given(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and not info.data.get("identifiers") and "identifiers" in info.data:
            raise PydanticCustomError("missing", "customer_id or identifiers is required")
        return value

    @field_validator("occurred_at")
    @classmethod
    def _utc(cls, value: dt.datetime | None) -> dt.datetime | None:
        return None if value is None else value.astimezone(dt.UTC)

    @field_validator("amount")
    @classmethod
    def _purchase_amount(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        # a purchase has an amount, and it is not negative (refunds are their own type)
        if info.data.get("type") == PURCHASE:
            if value is None:
                raise PydanticCustomError("interaction_rule", "a purchase must have an amount")
            if value < 0:
                raise PydanticCustomError("interaction_rule", "a purchase amount must be >= 0")
        return value

    @field_validator("currency")
    @classmethod
    def _currency_with_amount(cls, value: str | None, info: ValidationInfo) -> str | None:
        # money is a decimal *and* a currency: an amount without one means nothing
        if info.data.get("amount") is not None and value is None:
            raise PydanticCustomError("interaction_rule", "an amount needs its ISO 4217 currency")
        return value


class InteractionAccepted(Body):
    """What became of one interaction sent."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "interaction_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "status": "recorded",
                }
            ]
        }
    )

    interaction_id: str | None = Field(description="null only when discarded.")
    customer_id: str | None = Field(description="null while pending (identifiers not linked yet) or discarded.")
    status: Literal["recorded", "pending", "discarded"] = Field(
        default="recorded",
        description="pending: waits for identity to link its identifiers; discarded: the "
        "customer was erased (GDPR), nothing was stored.",
    )


class InteractionBatchRequest(Request):
    """Up to 10,000 interactions, recorded in one transaction."""

    interactions: list[InteractionRequest] = Field(min_length=1, max_length=10_000, description="In order.")


class InteractionBatchAccepted(Body):
    """One answer per interaction, in the order of the request."""

    results: list[InteractionAccepted] = Field(description="In the order of the request.")


class Interaction(Body):
    """A stored interaction: the request's fields plus what the service assigned."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "interaction_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "id": "order-1042",
                    "channel": "store",
                    "type": "purchase",
                    "direction": "inbound",
                    "occurred_at": "2026-11-23T10:00:00Z",
                    "recorded_at": "2026-11-23T10:00:00Z",
                    "amount": "49.90",
                    "currency": "EUR",
                    "cost": "0.35",
                    "payload": {"category": "books"},
                    "treatment_id": None,
                    "actor": "agent.anna",
                }
            ]
        }
    )

    interaction_id: str = Field(description="The service's id of it.")
    customer_id: str = Field(description="The customer (the survivor, after merges).")
    id: str | None = Field(description="The client's idempotency key, if it sent one.")
    channel: str = Field(description="Where it happened.")
    type: str = Field(description="What happened.")
    direction: str = Field(description="inbound or outbound.")
    occurred_at: dt.datetime = Field(description="When it happened.")
    recorded_at: dt.datetime = Field(description="When the service stored it.")
    amount: Decimal | None = Field(description="Amount (decimal string), if any.")
    currency: str | None = Field(description="ISO 4217 currency of amount.")
    cost: Decimal | None = Field(description="What the contact cost.")
    payload: dict[str, Any] = Field(description="Details as sent.")
    treatment_id: str | None = Field(default=None, description="The treatment this answered or delivered.")
    actor: str | None = Field(
        default=None, max_length=128,
        description="Who recorded it: the actor name its API key carries (IDIC_API_KEYS), else key:<digest of "
                    "the key>; null for interactions other services recorded (offer responses).")


class Timeline(Body):
    """One page of a customer's interactions, newest first."""

    customer_id: str = Field(description="The customer (the survivor, after merges).")
    items: list[Interaction] = Field(description="Interactions, newest first.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


class InteractionSummary(Body):
    """The interactions part of the single face: the newest few and how many there are."""

    recent: list[Interaction] = Field(description="The newest interactions, newest first.")
    count: int = Field(description="How many interactions the customer has.")


class ChannelStats(Body):
    """Volume, cost and conversion of one channel."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "channel": "store",
                    "count": 1200,
                    "customers": 340,
                    "total_cost": "2400.00",
                    "cost_per_interaction": "2.00",
                    "purchases": 410,
                    "revenue": {"EUR": "20450.00"},
                    "conversion_rate": 0.34,
                }
            ]
        }
    )

    channel: str = Field(description="The channel.")
    count: int = Field(description="Interactions.")
    customers: int = Field(description="Distinct customers.")
    total_cost: Decimal = Field(description="Summed cost (decimal string).")
    cost_per_interaction: Decimal = Field(description="total_cost / count (decimal string).")
    purchases: int = Field(description="Purchases on the channel.")
    revenue: dict[str, Decimal] = Field(description="Sum of purchase amounts per ISO 4217 currency.")
    conversion_rate: float = Field(description="purchases / count.")


class ChannelStatistics(Body):
    """Every channel's figures over a period."""

    since: dt.datetime | None = Field(description="Start of the period (null: from the beginning).")
    until: dt.datetime | None = Field(default=None, description="End of the period (null: now).")
    channels: list[ChannelStats] = Field(description="One entry per channel used.")


class ChannelShare(Body):
    """How much one channel counts in a customer's interactions."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"channel": "web", "count": 12, "share": 0.6,
                                                               "cost": "0.60"}]})

    channel: str = Field(description="The channel.")
    count: int = Field(description="The customer's interactions on it.")
    share: float = Field(description="count / the customer's interactions on all channels.")
    cost: Decimal = Field(default=Decimal("0.00"), description="What those contacts cost (decimal string).")


class CustomerChannels(Body):
    """A customer's channel mix and what serving them cost."""

    customer_id: str = Field(description="The customer.")
    count: int = Field(description="Interactions on all channels.")
    channels: list[ChannelShare] = Field(description="Most used first.")
    cost_to_serve: Decimal = Field(default=Decimal("0.00"),
                                   description="What all their contacts cost, summed over channels (decimal string).")


class NpsBreakdown(Body):
    """Net Promoter Score of a set of answers."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"responses": 3, "promoters": 2, "passives": 0, "detractors": 1, "nps": 33.3}]}
    )

    responses: int = Field(description="Answers counted.")
    promoters: int = Field(description="Answers 9-10.")
    passives: int = Field(description="Answers 7-8.")
    detractors: int = Field(description="Answers 0-6.")
    nps: float | None = Field(description="% promoters - % detractors, -100..100; null without responses.")


class ChannelFeedback(Body):
    """Feedback received on one channel."""

    channel: str = Field(description="The channel.")
    nps: NpsBreakdown = Field(description="NPS of the answers on it.")
    csat_responses: int = Field(description="CSAT answers.")
    csat_average: float | None = Field(description="Mean CSAT (1-5); null without answers.")


class FeedbackOverview(Body):
    """NPS and CSAT over a period, overall and per channel."""

    since: dt.datetime | None = Field(description="Start of the period (null: from the beginning).")
    until: dt.datetime | None = Field(description="End of the period (null: now).")
    nps: NpsBreakdown = Field(description="NPS of all answers.")
    csat_responses: int = Field(description="CSAT answers.")
    csat_average: float | None = Field(description="Mean CSAT (1-5); null without answers.")
    channels: list[ChannelFeedback] = Field(description="Per channel.")


class ScoreSeries(Body):
    """One customer's answers to one question over time."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "latest": 4,
                    "latest_at": "2026-11-23T10:00:00Z",
                    "average": 6.5,
                    "responses": 2,
                    "trend": -5.0,
                    "direction": "down",
                }
            ]
        }
    )

    latest: int | None = Field(description="The newest answer.")
    latest_at: dt.datetime | None = Field(description="When it was given.")
    average: float | None = Field(description="Mean of all answers.")
    responses: int = Field(description="How many answers.")
    trend: float | None = Field(description="latest minus the mean of the (up to 5) answers before it.")
    direction: Literal["up", "down", "flat"] | None = Field(description="Sign of trend.")


class FeedbackAnswer(Body):
    """One survey answer."""

    interaction_id: str = Field(description="The survey interaction.")
    occurred_at: dt.datetime = Field(description="When it was answered.")
    channel: str = Field(description="Where.")
    nps: int | None = Field(description="NPS answer 0-10, if asked.")
    csat: int | None = Field(description="CSAT answer 1-5, if asked.")


class CustomerFeedback(Body):
    """What one customer told us in surveys."""

    customer_id: str = Field(description="The customer.")
    nps: ScoreSeries = Field(description="Their NPS answers.")
    csat: ScoreSeries = Field(description="Their CSAT answers.")
    history: list[FeedbackAnswer] = Field(description="Newest first, at most 50.")


TriggerKind = Literal[
    "first_purchase",
    "large_purchase",
    "complaint",
    "repeated_complaints",
    "detractor",
    "life_event",
    "moved",
    "birthday",
    "lapse",
]


class _Details(Body):
    """What fired one kind of trigger: exactly these keys (one shape per kind)."""

    model_config = ConfigDict(extra="forbid")


class LargePurchaseDetails(_Details):
    """large_purchase: the amount against the customer's usual one."""

    amount: Decimal = Field(description="The purchase's amount (decimal string).")
    currency: str | None = Field(description="Its currency.")
    usual_amount: Decimal = Field(description="The customer's mean purchase before it, in the same currency.")
    factor: Decimal = Field(
        description="How many times the usual amount counts as large (TRIGGER_LARGE_PURCHASE_FACTOR)."
    )


class DetractorDetails(_Details):
    """detractor: the NPS answer."""

    nps: int = Field(description="The score given (0..10).")


class LifeEventDetails(_Details):
    """life_event: which one."""

    life_event: str = Field(description="moved, married, new_baby, ... as recorded on the interaction.")


class RepeatedComplaintsDetails(_Details):
    """repeated_complaints: how many, within how long."""

    complaints: int = Field(description="Complaints within the window.")
    window_days: int = Field(description="The window, in days.")


class LapseDetails(_Details):
    """lapse: the customer's own rhythm, and how long they are past it."""

    last_purchase_at: dt.datetime = Field(description="The last purchase.")
    usual_gap_days: float = Field(description="The customer's mean gap between purchases, in days.")
    days_since_last_purchase: float = Field(description="Days from the last purchase to the scan.")


class BirthdayDetails(_Details):
    """birthday: the date, and how far ahead it was detected."""

    date: dt.date = Field(description="The birthday this year (or next).")
    days_until: int = Field(description="Days from the scan to it.")


class NoDetails(_Details):
    """first_purchase, complaint, moved: the interaction (or identity event) says it all."""


TriggerDetails: TypeAlias = (
    LargePurchaseDetails
    | DetractorDetails
    | LifeEventDetails
    | RepeatedComplaintsDetails
    | LapseDetails
    | BirthdayDetails
    | NoDetails
)


class Trigger(Body):
    """A moment that matters, detected from interactions (API.md "Triggers")."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "trigger_id": "complaint:0f8fad5b",
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "kind": "complaint",
                    "occurred_at": "2026-11-23T10:00:00Z",
                    "interaction_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
                    "details": {},
                    "detected_at": "2026-11-23T10:00:00Z",
                }
            ]
        }
    )

    trigger_id: str = Field(description="Id of the trigger.")
    customer_id: str = Field(description="The customer.")
    kind: str = Field(
        description="first_purchase, large_purchase, complaint, repeated_complaints, detractor, "
        "life_event, moved, birthday, lapse."
    )
    occurred_at: dt.datetime = Field(description="When the moment happened.")
    interaction_id: str | None = Field(description="The interaction that fired it (null for scans: lapse, birthday).")
    details: TriggerDetails = Field(
        description="What fired it: one shape per kind (empty for first_purchase, complaint and moved)."
    )
    detected_at: dt.datetime = Field(description="When it was detected.")


class CustomerTriggers(Body):
    """A customer's triggers."""

    customer_id: str = Field(description="The customer.")
    items: list[Trigger] = Field(description="Newest first.")


class TriggerScan(Body):
    """What a scan for time-based triggers (lapse, birthday) fired."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"fired": {"lapse": 12, "birthday": 3}, "scanned_at": "2026-11-23T10:00:00Z"}]}
    )

    fired: dict[str, int] = Field(description="New triggers per kind.")
    scanned_at: dt.datetime = Field(description="When the scan ran.")


class InteractionExport(Body):
    """Everything interaction-service holds about one person (GDPR art. 15)."""

    customer_id: str = Field(description="The customer.")
    interactions: list[Interaction] = Field(description="Every interaction.")
    triggers: list[Trigger] = Field(description="Every trigger.")
    birthday_month_day: str | None = Field(description="MM-DD, for birthday triggers.")
    identifier_keys: list[str] = Field(description="Pseudonymous keys identity announced (never the values).")
