"""Value types every public body shares, declared once (customer id, channel, identifier
type, money, currency, time, cursor) and the problem document errors carry."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic.json_schema import JsonDict

from ..contracts.identifiers import IDENTIFIER_TYPES, IdentifierType
from ..contracts.interaction import Channel, Direction
from ..types import Rfc3339

__all__ = [
    "CHANNELS",
    "CURRENCY_PATTERN",
    "CUSTOMER_ID_PATTERN",
    "IDENTIFIER_TYPES",
    "MONEY_MAX_DIGITS",
    "MONEY_PLACES",
    "Body",
    "Channel",
    "Cost",
    "Currency",
    "Cursor",
    "CustomerId",
    "Direction",
    "ErasureResult",
    "IdentifierType",
    "Money",
    "Problem",
    "ProblemField",
    "Request",
    "Time",
]

CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]

CUSTOMER_ID_PATTERN = r"^[A-Za-z0-9._:@-]{1,64}$"
CustomerId = Annotated[
    str,
    Field(
        pattern=CUSTOMER_ID_PATTERN,
        description="A customer id as identity issued it (opaque, 1-64 characters).",
        examples=["c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9"],
    ),
]

CURRENCY_PATTERN = r"^[A-Z]{3}$"
Currency = Annotated[str, Field(pattern=CURRENCY_PATTERN, description="ISO 4217 currency code.", examples=["EUR"])]

MONEY_PLACES = 4  # the largest minor-unit exponent in ISO 4217 (CLF, UYW)
MONEY_MAX_DIGITS = 15  # up to 99,999,999,999.9999: sums stay far inside 64-bit integers


def decimal_type(*, integer_digits: int, places: int, signed: bool, description: str, example: str) -> Any:
    """A decimal amount as a JSON string (``"49.90"``) or number, with a schema that says exactly
    what is accepted: at most ``integer_digits`` before the point and ``places`` after it."""
    # trailing zeros past the places are no more precision ("1.50000" is 1.5)
    digits = rf"\d{{1,{integer_digits}}}(\.\d{{1,{places}}}0*)?"
    # unsigned still takes "-0" and "-0.00": they are 0, and JSON's -0.0 is >= 0 too
    pattern = rf"^-?{digits}$" if signed else rf"^({digits}|-0(\.0+)?)$"
    text = re.compile(pattern)
    bound = Decimal(10) ** integer_digits - Decimal(10) ** -places
    number: dict[str, Any] = {
        "type": "number",
        "maximum": float(bound),
        "minimum": float(-bound if signed else 0),
        "multipleOf": float(Decimal(10) ** -places),
    }

    plain = re.compile(rf"-?\d{{1,{integer_digits}}}(\.\d+)?|[+-]?(nan|inf|infinity)", re.IGNORECASE)

    def checked(value: Any) -> Any:
        # pydantic alone would also take "1e3", " 12 ", "+5" or true, which the schema refuses; plain decimals
        # go on to pydantic's own checks (places, bounds, finite), which name what is wrong
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise ValueError("must be a decimal number or a decimal string like 12.34")
        if isinstance(value, str) and not (text.match(value) or plain.fullmatch(value)):
            raise ValueError(
                f"must be a decimal string like {example} (at most {integer_digits} digits before "
                f"the point and {places} after it)"
            )
        return value

    return Annotated[
        Decimal,
        BeforeValidator(checked),
        Field(
            max_digits=integer_digits + places,
            decimal_places=places,
            allow_inf_nan=False,
            le=bound,
            ge=-bound if signed else 0,
        ),
        WithJsonSchema(
            {
                "anyOf": [{"type": "string", "pattern": pattern}, number],
                "description": description,
                "examples": [example],
            }
        ),
    ]


if TYPE_CHECKING:  # for mypy they are decimals; at run time, decimals with an exact schema
    Money: TypeAlias = Decimal
    Cost: TypeAlias = Decimal
    Revenue: TypeAlias = Decimal
else:
    Money = decimal_type(
        integer_digits=MONEY_MAX_DIGITS - MONEY_PLACES,
        places=MONEY_PLACES,
        signed=True,
        description="An amount: a decimal string (or number), at most 11 digits before the point and 4 after it.",
        example="49.90",
    )
    Cost = decimal_type(
        integer_digits=MONEY_MAX_DIGITS - MONEY_PLACES,
        places=MONEY_PLACES,
        signed=False,
        description="What the contact cost us: a decimal string (or number), 0 or more.",
        example="0.35",
    )
    Revenue = decimal_type(
        integer_digits=MONEY_MAX_DIGITS - MONEY_PLACES,
        places=MONEY_PLACES,
        signed=False,
        description="Revenue: a decimal string (or number), 0 or more.",
        example="120.00",
    )

NON_NEGATIVE_MONEY: JsonDict = {
    "anyOf": [
        {"type": "string", "pattern": r"^(\d{1,11}(\.\d{1,4}0*)?|-0(\.0+)?)$"},
        {"type": "number", "minimum": 0},
    ]
}
"""What a Money field must also match where it may not be negative (a purchase's amount)."""


def _json_integer(value: Any) -> Any:
    # JSON Schema's "integer" takes 3.0 but not true or "3"; pydantic's lax int takes all three
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("Input should be a valid integer (a JSON integer, not a boolean or a string)")
    return value


Integer = Annotated[int, BeforeValidator(_json_integer)]
"""A JSON integer (``3`` or ``3.0``), never a boolean or a string."""


def integer(*, ge: int, le: int) -> Any:
    """``Integer`` within bounds (the bounds inside the annotation, so the schema states them even
    when the field is optional)."""
    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(_json_integer)]


Time = Annotated[Rfc3339, WithJsonSchema({"type": "string", "format": "date-time"})]
"""An instant as RFC 3339 text with an offset (``2026-11-23T10:00:00Z``); never a Unix number."""

Cursor = Annotated[
    str, Field(min_length=1, max_length=512, description="The `next_cursor` of the previous page (opaque).")
]


class Request(BaseModel):
    """A request body: unknown fields are refused (422 naming them), never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Body(BaseModel):
    """A response body."""


class ProblemField(BaseModel):
    """One invalid input and why."""

    field: str = Field(description="Where: `body.records.3.attributes.date_of_birth`, `query.limit`, ...")
    message: str = Field(description="Why it was refused.")


class Problem(BaseModel):
    """RFC 9457 problem details (``application/problem+json``)."""

    type: str = Field(default="about:blank", description="A URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request.")
    errors: list[ProblemField] | None = Field(default=None, description="On 422: each invalid field and why.")


class ErasureResult(Body):
    """When a service erased a person (GDPR art. 17)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9", "erased_at": "2026-11-23T10:00:00Z"}]
        }
    )

    customer_id: str = Field(description="The customer erased.")
    erased_at: dt.datetime = Field(description="When this service erased them.")
