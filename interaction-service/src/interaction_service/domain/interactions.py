"""What an interaction is, and the rules it obeys regardless of how it arrives."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, get_args

from idic.contracts.interaction import Channel, Direction
from idic.public.common import CURRENCY_PATTERN, CUSTOMER_ID_PATTERN, MONEY_MAX_DIGITS, MONEY_PLACES
from idic.public.interaction import PAYLOAD_MAX_BYTES, PURCHASE, TYPE_PATTERN

# the public contract (idic.public) declares the formats; the domain obeys the same ones
__all__ = ["ACTOR_MAX", "CHANNELS", "CLIENT_KEY_MAX", "CURRENCY_PATTERN", "CUSTOMER_ID_PATTERN", "DIRECTIONS",
           "DISCARDED",
           "MONEY_MAX_DIGITS", "MONEY_PLACES", "PAYLOAD_MAX_BYTES", "PURCHASE", "TYPE_PATTERN", "Accepted",
           "Identifier", "InteractionRuleError", "InvalidInteractions", "NewInteraction", "RecentInteractions",
           "Status", "StoredInteraction", "TimelinePage", "Violation", "check_not_in_future"]

CHANNELS: tuple[str, ...] = get_args(Channel)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
CLIENT_KEY_MAX = 128  # the width of the client key column (and of the public ``id`` pattern)
ACTOR_MAX = 128  # the width of the actor column (the gateway's actor names are at most 64)
_TYPE = re.compile(TYPE_PATTERN)
_CUSTOMER_ID = re.compile(CUSTOMER_ID_PATTERN)
Status = Literal["recorded", "pending", "discarded"]


class InteractionRuleError(ValueError):
    """An interaction that is well-formed but breaks a business rule; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Violation:
    """One rule broken by the ``index``-th interaction of a request; ``field`` is relative to that interaction."""

    index: int
    field: str
    message: str


class InvalidInteractions(ValueError):
    """Interactions of one request break rules; nothing of the request was written."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(f"{v.index}.{v.field}: {v.message}" for v in violations))
        self.violations = violations


def check_not_in_future(occurred_at: dt.datetime, *, now: dt.datetime, skew: dt.timedelta) -> None:
    """Interactions happened already; allow for clock skew between callers and us."""
    if occurred_at > now + skew:
        raise InteractionRuleError("occurred_at", f"occurred_at lies in the future (more than {skew} ahead)")


@dataclass(frozen=True)
class Identifier:
    """An identifier as sent (type and raw value); only its key (``idic.contracts.identifiers``) is kept."""

    type: str
    value: str


@dataclass(frozen=True)
class NewInteraction:
    """An interaction to record, from a client or from another service's event: who (``customer_id``, else
    ``identifiers``), where, what. The public body validates the same formats before this is built; the
    checks here hold the rules for every other way in (the treatment events), so nothing unfit is stored."""

    channel: str
    type: str
    customer_id: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    client_key: str | None = None  # the client's idempotency key (``id`` in the request)
    direction: str = "inbound"
    occurred_at: dt.datetime | None = None  # None: now
    amount: Decimal | None = None
    currency: str | None = None
    cost: Decimal | None = None  # None: the channel's configured cost
    payload: Mapping[str, Any] = field(default_factory=dict)
    actor: str | None = None  # who recorded it (the gateway's X-Actor); None for interactions from events

    def __post_init__(self) -> None:
        if self.actor is not None and not 0 < len(self.actor) <= ACTOR_MAX:
            raise InteractionRuleError("actor", f"an actor has 1-{ACTOR_MAX} characters")
        if self.customer_id is None and not self.identifiers:
            raise InteractionRuleError("customer_id", "customer_id or identifiers is required")
        if self.customer_id is not None and not _CUSTOMER_ID.match(self.customer_id):
            raise InteractionRuleError("customer_id", "not a customer id identity issues")
        if self.client_key is not None and not 0 < len(self.client_key) <= CLIENT_KEY_MAX:
            raise InteractionRuleError("id", f"a client key has 1-{CLIENT_KEY_MAX} characters")
        if self.channel not in CHANNELS:
            raise InteractionRuleError("channel", f"unknown channel {self.channel!r}")
        if self.direction not in DIRECTIONS:
            raise InteractionRuleError("direction", f"unknown direction {self.direction!r}")
        if not _TYPE.match(self.type):
            raise InteractionRuleError("type", "a type is a snake_case word of 1-64 characters")
        if self.type == PURCHASE and (self.amount is None or self.amount < 0):
            raise InteractionRuleError("amount", "a purchase has an amount >= 0")
        if self.amount is not None and self.currency is None:
            raise InteractionRuleError("currency", "an amount needs its ISO 4217 currency")
        if self.cost is not None and self.cost < 0:
            raise InteractionRuleError("cost", "a cost is >= 0")
        if self.occurred_at is not None:
            if self.occurred_at.tzinfo is None:
                raise InteractionRuleError("occurred_at", "occurred_at needs its UTC offset")
            if self.occurred_at.tzinfo is not dt.UTC:  # stored, announced and shown in UTC
                object.__setattr__(self, "occurred_at", self.occurred_at.astimezone(dt.UTC))


@dataclass(frozen=True)
class Accepted:
    """What became of one interaction sent: recorded for a customer, pending (its identifiers are not
    linked yet) or discarded (the customer was erased: nothing stored, no ids)."""

    interaction_id: str | None
    customer_id: str | None
    status: Status

    @classmethod
    def stored(cls, interaction_id: str, customer_id: str | None) -> Accepted:
        """Recorded, or pending while it has no customer."""
        return cls(interaction_id=interaction_id, customer_id=customer_id,
                   status="recorded" if customer_id else "pending")


DISCARDED = Accepted(interaction_id=None, customer_id=None, status="discarded")


@dataclass(frozen=True)
class StoredInteraction:
    """An interaction as stored: the client's fields plus what the service assigned."""

    interaction_id: str
    customer_id: str | None  # the survivor after merges; None while pending
    original_customer_id: str | None  # who it was first recorded for: an unmerge gives it back to them
    client_key: str | None
    channel: str
    type: str
    direction: str
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    amount: Decimal | None
    currency: str | None
    cost: Decimal | None
    payload: Mapping[str, Any]
    actor: str | None = None  # who recorded it: an agent or system by its API key's name, None from events

    @property
    def treatment_id(self) -> str | None:
        """The treatment this answered or delivered, if any."""
        return self.payload.get("treatment_id")

    @property
    def nps(self) -> int | None:
        return self.payload.get("nps")

    @property
    def csat(self) -> int | None:
        return self.payload.get("csat")


@dataclass(frozen=True)
class TimelinePage:
    """One page of a customer's interactions, newest first; ``next_cursor`` is None on the last page."""

    customer_id: str
    items: list[StoredInteraction]
    next_cursor: str | None


@dataclass(frozen=True)
class RecentInteractions:
    """A customer's newest interactions and how many there are."""

    recent: list[StoredInteraction]
    count: int
