"""Trigger and life-event detection: pure rules over an interaction and the customer's history.

Every trigger has a deterministic id naming its occurrence, so a replayed event, a re-sent
interaction or a second scan finds the same id and fires nothing new."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

FIRST_PURCHASE = "first_purchase"
LARGE_PURCHASE = "large_purchase"
COMPLAINT = "complaint"
REPEATED_COMPLAINTS = "repeated_complaints"
DETRACTOR = "detractor"
LIFE_EVENT = "life_event"
MOVED = "moved"
BIRTHDAY = "birthday"
LAPSE = "lapse"
KINDS: tuple[str, ...] = (FIRST_PURCHASE, LARGE_PURCHASE, COMPLAINT, REPEATED_COMPLAINTS, DETRACTOR, LIFE_EVENT,
                          MOVED, BIRTHDAY, LAPSE)
PURCHASE_TYPE = "purchase"
COMPLAINT_TYPE = "complaint"


@dataclass(frozen=True)
class TriggerConfig:
    """What the detectors look for; every threshold is a setting."""

    enabled: frozenset[str] = frozenset(KINDS)
    large_purchase_factor: Decimal = Decimal(3)
    large_purchase_min_history: int = 3
    repeated_complaints_count: int = 3
    repeated_complaints_window_days: float = 30.0
    detractor_max_nps: int = 6
    life_events: frozenset[str] = frozenset({"new_baby", "marriage", "new_job", "retirement", "moved_house"})
    lapse_factor: float = 1.5
    lapse_min_purchases: int = 3
    birthday_days_ahead: int = 7

    @property
    def complaint_window(self) -> dt.timedelta:
        return dt.timedelta(days=self.repeated_complaints_window_days)


@dataclass(frozen=True)
class Detected:
    """One occurrence of a trigger, ready to store and announce."""

    trigger_id: str
    customer_id: str
    kind: str
    occurred_at: dt.datetime
    interaction_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredTrigger:
    """A trigger as stored: the occurrence, and when it was detected."""

    trigger_id: str
    customer_id: str
    kind: str
    occurred_at: dt.datetime
    interaction_id: str | None
    details: dict[str, Any]
    detected_at: dt.datetime


@dataclass(frozen=True)
class CustomerTriggers:
    """A customer's triggers, newest first."""

    customer_id: str
    items: list[StoredTrigger]


@dataclass(frozen=True)
class ScanResult:
    """What one scan for time-based triggers fired: new triggers per kind."""

    fired: dict[str, int]
    scanned_at: dt.datetime


@dataclass(frozen=True)
class Activity:
    """A customer's purchase history in O(1) space. The mean gap between purchases is
    (last - first) / (count - 1) whatever order purchases arrived in."""

    customer_id: str
    purchase_count: int = 0
    first_purchase_at: dt.datetime | None = None
    last_purchase_at: dt.datetime | None = None
    amount_currency: str | None = None
    amount_count: int = 0
    amount_sum: Decimal = Decimal(0)
    last_activity_at: dt.datetime | None = None

    @property
    def usual_gap(self) -> dt.timedelta | None:
        """Mean time between two purchases; None with fewer than two."""
        if self.purchase_count < 2 or self.first_purchase_at is None or self.last_purchase_at is None:
            return None
        return (self.last_purchase_at - self.first_purchase_at) / (self.purchase_count - 1)

    @property
    def mean_amount(self) -> Decimal | None:
        return self.amount_sum / self.amount_count if self.amount_count else None


@dataclass(frozen=True)
class Seen:
    """What detection needs to know about one interaction."""

    interaction_id: str
    customer_id: str
    type: str
    occurred_at: dt.datetime
    amount: Decimal | None = None
    currency: str | None = None
    nps: int | None = None
    life_event: str | None = None


def _later(a: dt.datetime | None, b: dt.datetime) -> dt.datetime:
    return b if a is None or b > a else a


def _earlier(a: dt.datetime | None, b: dt.datetime) -> dt.datetime:
    return b if a is None or b < a else a


def observe(activity: Activity, seen: Seen) -> Activity:
    """The history after one more interaction."""
    last_activity_at = _later(activity.last_activity_at, seen.occurred_at)
    if seen.type != PURCHASE_TYPE:
        return replace(activity, last_activity_at=last_activity_at)
    changes: dict[str, Any] = {
        "last_activity_at": last_activity_at, "purchase_count": activity.purchase_count + 1,
        "first_purchase_at": _earlier(activity.first_purchase_at, seen.occurred_at),
        "last_purchase_at": _later(activity.last_purchase_at, seen.occurred_at)}
    if seen.amount is not None and seen.currency is not None and activity.amount_currency in (None, seen.currency):
        changes |= {"amount_currency": seen.currency, "amount_count": activity.amount_count + 1,
                    "amount_sum": activity.amount_sum + seen.amount}
    return replace(activity, **changes)


def detect(seen: Seen, before: Activity, cfg: TriggerConfig) -> list[Detected]:
    """Triggers one interaction fires by itself, given the history before it."""
    found: list[Detected] = []
    on = cfg.enabled
    common: dict[str, Any] = {"customer_id": seen.customer_id, "occurred_at": seen.occurred_at,
                              "interaction_id": seen.interaction_id}
    if seen.type == PURCHASE_TYPE:
        if FIRST_PURCHASE in on and before.purchase_count == 0:
            found.append(Detected(trigger_id=f"{FIRST_PURCHASE}:{seen.customer_id}", kind=FIRST_PURCHASE, **common))
        mean = before.mean_amount
        if (LARGE_PURCHASE in on and mean is not None and seen.amount is not None
                and before.amount_count >= cfg.large_purchase_min_history and seen.currency == before.amount_currency
                and seen.amount > cfg.large_purchase_factor * mean):
            found.append(Detected(
                trigger_id=f"{LARGE_PURCHASE}:{seen.interaction_id}", kind=LARGE_PURCHASE, **common,
                details={"amount": str(seen.amount), "currency": seen.currency,
                         "usual_amount": str(round(mean, 4)), "factor": str(cfg.large_purchase_factor)}))
    if COMPLAINT in on and seen.type == COMPLAINT_TYPE:
        found.append(Detected(trigger_id=f"{COMPLAINT}:{seen.interaction_id}", kind=COMPLAINT, **common))
    if DETRACTOR in on and seen.nps is not None and seen.nps <= cfg.detractor_max_nps:
        found.append(Detected(trigger_id=f"{DETRACTOR}:{seen.interaction_id}", kind=DETRACTOR, **common,
                              details={"nps": seen.nps}))
    if LIFE_EVENT in on and seen.life_event is not None and seen.life_event in cfg.life_events:
        found.append(Detected(trigger_id=f"{LIFE_EVENT}:{seen.interaction_id}", kind=LIFE_EVENT, **common,
                              details={"life_event": seen.life_event}))
    return found


def repeated_complaints(*, customer_id: str, complaints: list[tuple[dt.datetime, str]],
                        cfg: TriggerConfig) -> Detected | None:
    """n complaints within the window ending at the newest one; the occurrence is named by the
    window's oldest complaint, so further complaints in the same run add nothing."""
    if REPEATED_COMPLAINTS not in cfg.enabled or len(complaints) < cfg.repeated_complaints_count:
        return None
    ordered = sorted(complaints)
    newest_at, newest_id = ordered[-1]
    window = [c for c in ordered if c[0] >= newest_at - cfg.complaint_window]
    if len(window) < cfg.repeated_complaints_count:
        return None
    return Detected(trigger_id=f"{REPEATED_COMPLAINTS}:{window[0][1]}", customer_id=customer_id,
                    kind=REPEATED_COMPLAINTS, occurred_at=newest_at, interaction_id=newest_id,
                    details={"complaints": len(window), "window_days": cfg.repeated_complaints_window_days})


def lapse(activity: Activity, *, now: dt.datetime, cfg: TriggerConfig) -> Detected | None:
    """No purchase for longer than lapse_factor x the customer's own mean gap between purchases.
    One occurrence per last purchase: buying again ends the lapse, a later one is a new one."""
    gap = activity.usual_gap
    if (LAPSE not in cfg.enabled or gap is None or activity.last_purchase_at is None
            or activity.purchase_count < cfg.lapse_min_purchases or gap <= dt.timedelta(0)):
        return None
    lapsed_at = activity.last_purchase_at + gap * cfg.lapse_factor
    if now <= lapsed_at:
        return None
    return Detected(
        trigger_id=f"{LAPSE}:{activity.customer_id}:{activity.last_purchase_at.isoformat()}",
        customer_id=activity.customer_id, kind=LAPSE, occurred_at=lapsed_at,
        details={"last_purchase_at": activity.last_purchase_at.isoformat(),
                 "usual_gap_days": round(gap / dt.timedelta(days=1), 2),
                 "days_since_last_purchase": round((now - activity.last_purchase_at) / dt.timedelta(days=1), 2)})


def upcoming_birthdays(today: dt.date, days_ahead: int) -> dict[str, dt.date]:
    """MM-DD -> the date it next falls on, for the next ``days_ahead`` days (29 Feb counts on
    28 Feb in common years)."""
    found: dict[str, dt.date] = {}
    for offset in range(days_ahead + 1):
        day = today + dt.timedelta(days=offset)
        found.setdefault(day.strftime("%m-%d"), day)
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            found.setdefault("02-29", day)
    return found


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday(*, customer_id: str, on: dt.date, today: dt.date) -> Detected:
    """The birthday of this year (or next) is coming: one occurrence per customer and year."""
    return Detected(trigger_id=f"{BIRTHDAY}:{customer_id}:{on.year}", customer_id=customer_id, kind=BIRTHDAY,
                    occurred_at=dt.datetime.combine(on, dt.time(), tzinfo=dt.UTC),
                    details={"date": on.isoformat(), "days_until": (on - today).days})


def moved(*, customer_id: str, event_id: str, at: dt.datetime) -> Detected:
    """Identity saw a new address: one occurrence per identity event."""
    return Detected(trigger_id=f"{MOVED}:{event_id}", customer_id=customer_id, kind=MOVED, occurred_at=at)
