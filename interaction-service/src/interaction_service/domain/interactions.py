"""What an interaction is, and the rules it obeys regardless of how it arrives."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from idic.contracts.interaction import Channel, Direction
from idic.public.common import CURRENCY_PATTERN, CUSTOMER_ID_PATTERN, MONEY_MAX_DIGITS, MONEY_PLACES
from idic.public.interaction import PAYLOAD_MAX_BYTES, PURCHASE, TYPE_PATTERN

# the public contract (idic.public) declares the formats; the domain obeys the same ones
__all__ = ["CHANNELS", "CURRENCY_PATTERN", "CUSTOMER_ID_PATTERN", "DIRECTIONS", "MONEY_MAX_DIGITS", "MONEY_PLACES",
           "PAYLOAD_MAX_BYTES", "PURCHASE", "TYPE_PATTERN", "InteractionRuleError", "check_not_in_future"]

CHANNELS: tuple[str, ...] = get_args(Channel)
DIRECTIONS: tuple[str, ...] = get_args(Direction)


class InteractionRuleError(ValueError):
    """An interaction that is well-formed but breaks a business rule; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_not_in_future(occurred_at: dt.datetime, *, now: dt.datetime, skew: dt.timedelta) -> None:
    """Interactions happened already; allow for clock skew between callers and us."""
    if occurred_at > now + skew:
        raise InteractionRuleError("occurred_at", f"occurred_at lies in the future (more than {skew} ahead)")
