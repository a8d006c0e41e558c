"""Per-customer value features, updated in O(1) per interaction and folded on merges.

Every update is order-independent: dates are min/max, counts and money are sums, and
"latest" readings (NPS, CSAT) are chosen by occurred_at with a deterministic tie-break,
so events arriving out of order, or a merge folded before or after late events, end in
the same state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Context, Decimal

PURCHASE = "purchase"
# Sums are exact for any realistic amount: 60 significant digits instead of Decimal's default 28.
_MONEY = Context(prec=60)
ZERO = Decimal(0)


class InvalidInteraction(ValueError):
    """An interaction that cannot be applied (the event is refused and dead-lettered)."""


@dataclass(frozen=True)
class Interaction:
    """What the features need from one recorded interaction."""

    channel: str
    type: str
    occurred_at: dt.datetime
    amount: Decimal | None = None
    currency: str | None = None
    cost: Decimal | None = None
    nps: int | None = None
    csat: int | None = None
    category: str | None = None


@dataclass
class CustomerFeatures:
    """Aggregates of everything a customer did. ``monetary`` is in ``currency`` (the first
    currency seen); purchases in other currencies are kept apart in ``monetary_other``
    rather than added without an exchange rate."""

    customer_id: str
    interactions: int = 0
    frequency: int = 0
    monetary: Decimal = ZERO
    currency: str | None = None
    monetary_other: dict[str, Decimal] = field(default_factory=dict)
    first_purchase_at: dt.datetime | None = None
    first_purchase_amount: Decimal | None = None
    last_purchase_at: dt.datetime | None = None
    first_interaction_at: dt.datetime | None = None
    last_interaction_at: dt.datetime | None = None
    cost_to_serve: Decimal = ZERO
    channel_counts: dict[str, int] = field(default_factory=dict)
    nps: int | None = None
    nps_at: dt.datetime | None = None
    csat: int | None = None
    csat_at: dt.datetime | None = None
    # CLV inputs: distinct purchase days (same-day purchases are one transaction, as in the
    # BG/NBD paper) and the spend of the first purchase day (the rest is repeat spend).
    purchase_days: int = 0
    first_day_amount: Decimal = ZERO
    # needs-based behaviour: when (UTC time of day), what (categories), offers answered, triggers seen
    daypart_counts: dict[str, int] = field(default_factory=dict)
    category_counts: dict[str, int] = field(default_factory=dict)
    offer_responses: int = 0
    trigger_counts: dict[str, int] = field(default_factory=dict)
    last_lapse_at: dt.datetime | None = None


OFFER_RESPONSE = "offer_response"
DAYPARTS = ("night", "morning", "afternoon", "evening")  # 0-6, 6-12, 12-18, 18-24 h UTC


def daypart(at: dt.datetime) -> str:
    """The quarter of the (UTC) day an interaction happened in."""
    return DAYPARTS[at.astimezone(dt.UTC).hour // 6]


def _bump(counts: dict[str, int], key: str, n: int = 1) -> dict[str, int]:
    """A new dict with ``key`` counted ``n`` more times (new containers mark JSON columns dirty)."""
    bumped = dict(counts)
    bumped[key] = bumped.get(key, 0) + n
    return bumped


def _min(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    return b if a is None else a if b is None else max(a, b)


def _latest(value: int | None, at: dt.datetime | None, new_value: int | None,
            new_at: dt.datetime | None) -> tuple[int | None, dt.datetime | None]:
    """The later of two readings; on equal times the higher one, so arrival order never matters."""
    if new_value is None or new_at is None:
        return value, at
    if value is None or at is None or (new_at, new_value) > (at, value):
        return new_value, new_at
    return value, at


def _earliest_amount(at: dt.datetime | None, amount: Decimal | None, new_at: dt.datetime | None,
                     new_amount: Decimal | None) -> Decimal | None:
    """Amount of the earliest purchase; on equal times the larger, again order-independent."""
    if new_at is None:
        return amount
    if at is None or new_at < at:
        return new_amount
    if new_at == at and new_amount is not None and (amount is None or new_amount > amount):
        return new_amount
    return amount


def _add_money(features: CustomerFeatures, amount: Decimal, currency: str | None) -> Decimal:
    """Add an amount; returns the part counted in the customer's currency (zero if kept apart)."""
    if currency is None or currency == features.currency:
        features.monetary = _MONEY.add(features.monetary, amount)
        return amount
    if features.currency is None and not features.monetary_other:
        # first priced purchase: its currency becomes the customer's currency
        features.currency = currency
        features.monetary = _MONEY.add(features.monetary, amount)
        return amount
    others = dict(features.monetary_other)
    others[currency] = _MONEY.add(others.get(currency, ZERO), amount)
    features.monetary_other = others
    return ZERO


def _check(interaction: Interaction) -> None:
    if interaction.occurred_at.tzinfo is None or interaction.occurred_at.utcoffset() is None:
        raise InvalidInteraction("occurred_at must carry a time zone")
    for name in ("amount", "cost"):
        value = getattr(interaction, name)
        if value is not None and not value.is_finite():
            raise InvalidInteraction(f"{name} must be a finite number")


def apply_interaction(features: CustomerFeatures, interaction: Interaction, *, new_day: bool = False) -> Decimal:
    """Add one interaction to the aggregates (O(1), never rescans history). ``new_day``: the
    caller's day table saw no purchase of this customer on this UTC day before. Returns the
    purchase amount counted in the customer's currency (what the day table adds up)."""
    _check(interaction)
    at = interaction.occurred_at.astimezone(dt.UTC)
    features.interactions += 1
    features.first_interaction_at = _min(features.first_interaction_at, at)
    features.last_interaction_at = _max(features.last_interaction_at, at)
    counts = dict(features.channel_counts)
    counts[interaction.channel] = counts.get(interaction.channel, 0) + 1
    features.channel_counts = counts
    if interaction.cost is not None:
        features.cost_to_serve = _MONEY.add(features.cost_to_serve, interaction.cost)
    features.nps, features.nps_at = _latest(features.nps, features.nps_at, interaction.nps, at)
    features.csat, features.csat_at = _latest(features.csat, features.csat_at, interaction.csat, at)
    features.daypart_counts = _bump(features.daypart_counts, daypart(at))
    if interaction.category:
        features.category_counts = _bump(features.category_counts, interaction.category[:64])
    if interaction.type == OFFER_RESPONSE:
        features.offer_responses += 1
    if interaction.type != PURCHASE:
        return ZERO
    features.frequency += 1
    counted = ZERO if interaction.amount is None else _add_money(features, interaction.amount, interaction.currency)
    first_day = features.first_purchase_at.date() if features.first_purchase_at else None
    if first_day is None or at.date() < first_day:
        features.first_day_amount = counted
    elif at.date() == first_day:
        features.first_day_amount = _MONEY.add(features.first_day_amount, counted)
    features.purchase_days += 1 if new_day else 0
    features.first_purchase_amount = _earliest_amount(
        features.first_purchase_at, features.first_purchase_amount, at, interaction.amount)
    features.first_purchase_at = _min(features.first_purchase_at, at)
    features.last_purchase_at = _max(features.last_purchase_at, at)
    return counted


def apply_trigger(features: CustomerFeatures, *, kind: str, occurred_at: dt.datetime) -> None:
    """Count a detected trigger; remember the latest lapse (it drives churn risk)."""
    features.trigger_counts = _bump(features.trigger_counts, kind[:64])
    if "lapse" in kind:
        features.last_lapse_at = _max(features.last_lapse_at, occurred_at.astimezone(dt.UTC))


def fold(survivor: CustomerFeatures, merged: CustomerFeatures) -> None:
    """Fold a merged customer's aggregates into the survivor's (sums, min/max, latest).
    ``purchase_days`` needs the day table (days both bought on count once): the caller recounts it."""
    survivor.interactions += merged.interactions
    survivor.frequency += merged.frequency
    if merged.monetary or merged.currency is not None:
        _add_money(survivor, merged.monetary, merged.currency)
    for currency, amount in merged.monetary_other.items():
        _add_money(survivor, amount, currency)
    mine = survivor.first_purchase_at.date() if survivor.first_purchase_at else None
    theirs = merged.first_purchase_at.date() if merged.first_purchase_at else None
    if theirs is not None and (mine is None or theirs < mine):
        survivor.first_day_amount = merged.first_day_amount
    elif theirs is not None and theirs == mine:
        survivor.first_day_amount = _MONEY.add(survivor.first_day_amount, merged.first_day_amount)
    survivor.first_purchase_amount = _earliest_amount(
        survivor.first_purchase_at, survivor.first_purchase_amount, merged.first_purchase_at,
        merged.first_purchase_amount)
    survivor.first_purchase_at = _min(survivor.first_purchase_at, merged.first_purchase_at)
    survivor.last_purchase_at = _max(survivor.last_purchase_at, merged.last_purchase_at)
    survivor.first_interaction_at = _min(survivor.first_interaction_at, merged.first_interaction_at)
    survivor.last_interaction_at = _max(survivor.last_interaction_at, merged.last_interaction_at)
    survivor.cost_to_serve = _MONEY.add(survivor.cost_to_serve, merged.cost_to_serve)
    counts = dict(survivor.channel_counts)
    for channel, n in merged.channel_counts.items():
        counts[channel] = counts.get(channel, 0) + n
    survivor.channel_counts = counts
    survivor.nps, survivor.nps_at = _latest(survivor.nps, survivor.nps_at, merged.nps, merged.nps_at)
    survivor.csat, survivor.csat_at = _latest(survivor.csat, survivor.csat_at, merged.csat, merged.csat_at)
    for name in ("daypart_counts", "category_counts", "trigger_counts"):
        counts = getattr(survivor, name)
        for key, n in getattr(merged, name).items():
            counts = _bump(counts, key, n)
        setattr(survivor, name, counts)
    survivor.offer_responses += merged.offer_responses
    survivor.last_lapse_at = _max(survivor.last_lapse_at, merged.last_lapse_at)
