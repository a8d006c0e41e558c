"""Request and response bodies of interaction-service's HTTP API (names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from idic.contracts.identifiers import InvalidIdentifier, normalise
from idic.contracts.interaction import Channel, Direction
from idic.types import Rfc3339

from ..domain.interactions import (
    CURRENCY_PATTERN,
    CUSTOMER_ID_PATTERN,
    MONEY_MAX_DIGITS,
    MONEY_PLACES,
    PAYLOAD_MAX_BYTES,
    TYPE_PATTERN,
    IdentifierType,
    InteractionRuleError,
    check_currency,
    check_purchase_amount,
)

Money = Annotated[Decimal, Field(max_digits=MONEY_MAX_DIGITS, decimal_places=MONEY_PLACES)]
CustomerId = Annotated[str, Field(pattern=CUSTOMER_ID_PATTERN, description="Opaque customer id.")]
ShortText = Annotated[str, Field(min_length=1, max_length=64)]


class IdentifierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: IdentifierType
    value: str = Field(min_length=1, max_length=512)

    @field_validator("value")
    @classmethod
    def _normalisable(cls, value: str, info: ValidationInfo) -> str:
        # the same normal form identity uses, so that the keys match; the value itself is never stored
        if "type" in info.data:
            try:
                normalise(info.data["type"], value)
            except InvalidIdentifier as exc:
                raise PydanticCustomError("invalid_identifier", str(exc)) from exc
        return value


class InteractionPayload(BaseModel):
    """Free-form details; the keys below are checked when present, any others are kept as given."""

    model_config = ConfigDict(extra="allow")

    nps: StrictInt | None = Field(default=None, ge=0, le=10, description="Net Promoter answer, 0-10.")
    csat: StrictInt | None = Field(default=None, ge=1, le=5, description="Satisfaction answer, 1-5.")
    treatment_id: ShortText | None = Field(default=None, description="The treatment this answers.")
    life_event: ShortText | None = Field(default=None, description="e.g. moved_house, new_baby.")
    category: ShortText | None = Field(default=None, description="Product or service category; feeds needs segments.")

    @model_validator(mode="after")
    def _bounded_size(self) -> InteractionPayload:
        if len(json.dumps(self.model_dump(mode="json"), separators=(",", ":"))) > PAYLOAD_MAX_BYTES:
            raise PydanticCustomError("payload_too_large", f"payload is larger than {PAYLOAD_MAX_BYTES} bytes as JSON")
        return self


class InteractionIn(BaseModel):
    """One interaction as a client reports it. Cross-field rules sit on the later field of
    each pair (fields validate in order), so that a 422 names the field that is wrong."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, pattern=r"^[\x21-\x7e]{1,128}$",
                           description="Client idempotency key: a retry with the same id records once.")
    identifiers: list[IdentifierIn] | None = Field(
        default=None, min_length=1, max_length=50,
        description="Instead of customer_id: linked to the customer identity announces for one of them (in the "
        "order given); pending until then. Ignored when customer_id is given.")
    customer_id: CustomerId | None = Field(default=None, validate_default=True)
    channel: Channel
    type: str = Field(pattern=TYPE_PATTERN, description="purchase, visit, call, complaint, survey, ...")
    direction: Direction = "inbound"
    occurred_at: Rfc3339 | None = Field(default=None, description="RFC 3339 with offset; defaults to now.")
    amount: Money | None = Field(default=None, validate_default=True)
    currency: str | None = Field(default=None, pattern=CURRENCY_PATTERN, validate_default=True,
                                 description="ISO 4217 code.")
    cost: Annotated[Money, Field(ge=0)] | None = Field(default=None, description="What the contact cost us.")
    payload: InteractionPayload = Field(default_factory=InteractionPayload)

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
        if "type" in info.data:  # else type itself is invalid and already reported
            _rule(check_purchase_amount, type_=info.data["type"], amount=value)
        return value

    @field_validator("currency")
    @classmethod
    def _currency_with_amount(cls, value: str | None, info: ValidationInfo) -> str | None:
        if "amount" in info.data:
            _rule(check_currency, amount=info.data["amount"], currency=value)
        return value


def _rule(check: Callable[..., None], **kwargs: Any) -> None:
    try:
        check(**kwargs)
    except InteractionRuleError as exc:
        raise PydanticCustomError("interaction_rule", str(exc)) from exc


class Recorded(BaseModel):
    interaction_id: str | None = Field(description="null only when discarded")
    customer_id: str | None = Field(description="null while pending (identifiers not linked yet) or discarded")
    status: Literal["recorded", "pending", "discarded"] = Field(
        default="recorded", description="pending: waits for identity to link its identifiers; discarded: the "
        "customer was erased (GDPR), nothing was stored")


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interactions: list[InteractionIn] = Field(min_length=1, max_length=10_000)


class BatchRecorded(BaseModel):
    results: list[Recorded]


class InteractionOut(BaseModel):
    """A stored interaction: the request's fields plus what the service assigned."""

    interaction_id: str
    customer_id: str
    id: str | None = Field(description="The client's idempotency key, if it sent one.")
    channel: str
    type: str
    direction: str
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    amount: Decimal | None
    currency: str | None
    cost: Decimal | None
    payload: dict[str, Any]
    treatment_id: str | None = Field(default=None, description="The treatment this answered (offer responses).")


class Timeline(BaseModel):
    customer_id: str
    items: list[InteractionOut]
    next_cursor: str | None = Field(description="Pass as ?before= for the next (older) page; null at the end.")


class InteractionSummary(BaseModel):
    """The interactions part of the single face."""

    recent: list[InteractionOut]
    count: int


class ChannelStats(BaseModel):
    channel: str
    count: int
    customers: int
    total_cost: Decimal
    cost_per_interaction: Decimal
    purchases: int
    revenue: dict[str, Decimal] = Field(description="Sum of purchase amounts per ISO 4217 currency.")
    conversion_rate: float = Field(description="purchases / count")


class ChannelStatsOut(BaseModel):
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


class TriggerOut(BaseModel):
    trigger_id: str
    customer_id: str
    kind: str
    occurred_at: dt.datetime
    interaction_id: str | None
    details: dict[str, Any]
    detected_at: dt.datetime


class CustomerTriggers(BaseModel):
    customer_id: str
    items: list[TriggerOut]


class ScanResult(BaseModel):
    fired: dict[str, int] = Field(description="new triggers per kind")
    scanned_at: dt.datetime


class ErasureOut(BaseModel):
    customer_id: str
    erased_at: dt.datetime


class CustomerExport(BaseModel):
    customer_id: str
    interactions: list[InteractionOut]
    triggers: list[TriggerOut]
    birthday_month_day: str | None
    identifier_keys: list[str] = Field(description="pseudonymous keys identity announced (never the values)")
