"""What an interaction is, and the rules it obeys regardless of how it arrives."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, get_args

from idic.contracts.interaction import Channel, Direction

CHANNELS: tuple[str, ...] = get_args(Channel)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
IdentifierType = Literal["email", "phone", "loyalty_card", "cookie", "device", "external_id", "national_id"]

PURCHASE = "purchase"
TYPE_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"  # snake_case words: purchase, email_open, offer_response
CURRENCY_PATTERN = r"^[A-Z]{3}$"  # ISO 4217 alphabetic code
MONEY_PLACES = 4  # the largest minor-unit exponent in ISO 4217 (CLF, UYW)
MONEY_MAX_DIGITS = 15  # up to 99,999,999,999.9999: sums stay far inside 64-bit integers
PAYLOAD_MAX_BYTES = 16 * 1024
CUSTOMER_ID_PATTERN = r"^[A-Za-z0-9._:@-]{1,64}$"


class InteractionRuleError(ValueError):
    """An interaction that is well-formed but breaks a business rule; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_purchase_amount(*, type_: str, amount: Decimal | None) -> None:
    """A purchase has an amount, and it is not negative (refunds are their own type)."""
    if type_ == PURCHASE:
        if amount is None:
            raise InteractionRuleError("amount", "a purchase must have an amount")
        if amount < 0:
            raise InteractionRuleError("amount", "a purchase amount must be >= 0")


def check_currency(*, amount: Decimal | None, currency: str | None) -> None:
    """Money is a decimal *and* a currency: an amount without one means nothing."""
    if amount is not None and currency is None:
        raise InteractionRuleError("currency", "an amount needs its ISO 4217 currency")


def check_not_in_future(occurred_at: dt.datetime, *, now: dt.datetime, skew: dt.timedelta) -> None:
    """Interactions happened already; allow for clock skew between callers and us."""
    if occurred_at > now + skew:
        raise InteractionRuleError("occurred_at", f"occurred_at lies in the future (more than {skew} ahead)")
