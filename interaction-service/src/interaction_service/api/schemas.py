"""Request and response bodies of interaction-service's HTTP API (names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from idic.contracts.interaction import Channel, Direction

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


class InteractionPayload(BaseModel):
    """Free-form details; the keys below are checked when present, any others are kept as given."""

    model_config = ConfigDict(extra="allow")

    nps: StrictInt | None = Field(default=None, ge=0, le=10, description="Net Promoter answer, 0-10.")
    csat: StrictInt | None = Field(default=None, ge=1, le=5, description="Satisfaction answer, 1-5.")
    treatment_id: ShortText | None = Field(default=None, description="The treatment this answers.")
    life_event: ShortText | None = Field(default=None, description="e.g. moved_house, new_baby.")

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
        default=None, max_length=50, description="Not supported yet without customer_id; ignored with it.")
    customer_id: CustomerId | None = Field(default=None, validate_default=True)
    channel: Channel
    type: str = Field(pattern=TYPE_PATTERN, description="purchase, visit, call, complaint, survey, ...")
    direction: Direction = "inbound"
    occurred_at: AwareDatetime | None = Field(default=None, description="Defaults to now.")
    amount: Money | None = Field(default=None, validate_default=True)
    currency: str | None = Field(default=None, pattern=CURRENCY_PATTERN, validate_default=True,
                                 description="ISO 4217 code.")
    cost: Annotated[Money, Field(ge=0)] | None = Field(default=None, description="What the contact cost us.")
    payload: InteractionPayload = Field(default_factory=InteractionPayload)

    @field_validator("customer_id")
    @classmethod
    def _customer_given(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            if info.data.get("identifiers"):
                raise PydanticCustomError("identifiers_unsupported", "identifiers-only interactions are not "
                                          "supported yet; give customer_id (identify the customer first)")
            raise PydanticCustomError("missing", "customer_id is required")
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
    interaction_id: str
    customer_id: str


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
    channels: list[ChannelStats]
