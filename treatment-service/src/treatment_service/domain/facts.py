"""The fact catalogue: every name a condition may use, its type, and how it is read from a
customer's context (plus the decision time, the event being handled and recent treatments).

Static names (``value.churn_risk``) and patterned ones (``interactions.30d.channel.email``)
are resolved once, at rule compile time, to a getter; unknown names are rejected there."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .context import CustomerContext

MAX_WINDOW_DAYS = 90
NEEDS_PREFIX = "needs-"


@dataclass(frozen=True)
class EventFacts:
    """The event being handled in real time (absent for next-best-action queries)."""

    type: str  # scored | interaction | trigger | segment
    trigger_kind: str | None = None
    interaction_type: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class PastTreatment:
    """What arbitration needs to know about a treatment already decided."""

    rule_id: str
    action_id: str
    kind: str
    channel: str | None
    decided_at: dt.datetime
    outcome: str | None
    outcome_at: dt.datetime | None


@dataclass
class FactView:
    """What one decision looks at. ``memo`` caches window counts within one decision."""

    ctx: CustomerContext
    now: dt.datetime
    event: EventFacts | None = None
    history: list[PastTreatment] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Fact:
    name: str
    type: str  # number | string | bool | list
    getter: Callable[[FactView], Any]
    doc: str = ""


def _days_since(at: dt.datetime | None, now: dt.datetime) -> float | None:
    return None if at is None else round((now - at).total_seconds() / 86400, 3)


def _money(x: Any) -> float | None:
    return None if x is None else float(x)


def _birthday_in_days(v: FactView) -> int | None:
    md = v.ctx.birthday_month_day
    if not md:
        return None
    month, day = int(md[:2]), int(md[3:])
    today = v.now.date()
    for year in (today.year, today.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:  # 02-29 outside a leap year: celebrate on 02-28
            when = dt.date(year, 2, 28)
        if when >= today:
            return (when - today).days
    return None


STATIC: dict[str, Fact] = {f.name: f for f in (
    Fact("value.tier", "string", lambda v: v.ctx.tier, "most_valuable | most_growable | maintain | below_zero"),
    Fact("value.rfm_segment", "string", lambda v: v.ctx.rfm_segment),
    Fact("value.clv_12m", "number", lambda v: _money(v.ctx.clv_12m)),
    Fact("value.monetary", "number", lambda v: _money(v.ctx.monetary)),
    Fact("value.p_alive", "number", lambda v: v.ctx.p_alive),
    Fact("value.churn_risk", "number", lambda v: v.ctx.churn_risk),
    Fact("value.frequency", "number", lambda v: v.ctx.frequency),
    Fact("value.days_since_scored", "number", lambda v: _days_since(v.ctx.scored_at, v.now)),
    Fact("segments", "list", lambda v: v.ctx.segments, "segment ids the customer is in"),
    Fact("segments.needs", "list", lambda v: {s for s in v.ctx.segments if s.startswith(NEEDS_PREFIX)} or None,
         "needs-based segments (needs-*) the customer is in; unknown when none"),
    Fact("interactions.count", "number", lambda v: v.ctx.interactions_count),
    Fact("interactions.purchases", "number", lambda v: v.ctx.purchases_count),
    Fact("interactions.known_purchases", "number", lambda v: v.ctx.known_purchases,
         "max(purchases seen, scoring's frequency)"),
    Fact("interactions.last_channel", "string", lambda v: v.ctx.last_interaction_channel),
    Fact("interactions.last_type", "string", lambda v: v.ctx.last_interaction_type),
    Fact("interactions.days_since_last", "number", lambda v: _days_since(v.ctx.last_interaction_at, v.now)),
    Fact("interactions.days_since_last_purchase", "number",
         lambda v: _days_since(v.ctx.last_purchase_at, v.now)),
    Fact("triggers.kinds", "list", lambda v: {t.kind for t in v.ctx.recent_triggers},
         "kinds of the 20 most recent triggers"),
    Fact("triggers.last_kind", "string", lambda v: v.ctx.recent_triggers[0].kind if v.ctx.recent_triggers else None),
    Fact("triggers.days_since_last", "number",
         lambda v: _days_since(v.ctx.recent_triggers[0].occurred_at, v.now) if v.ctx.recent_triggers else None),
    Fact("profile.birthday_month_day", "string", lambda v: v.ctx.birthday_month_day, "MM-DD"),
    Fact("profile.days_to_birthday", "number", _birthday_in_days),
    Fact("profile.days_since_moved", "number", lambda v: _days_since(v.ctx.moved_at, v.now)),
    Fact("treatments.open_kinds", "list",
         lambda v: {t.kind for t in v.history if t.outcome is None}, "kinds of treatments awaiting an outcome"),
    Fact("treatments.last_outcome", "string", lambda v: next((t.outcome for t in v.history if t.outcome), None)),
    Fact("treatments.days_since_last", "number",
         lambda v: _days_since(v.history[0].decided_at, v.now) if v.history else None),
    Fact("event.type", "string", lambda v: v.event.type if v.event else None,
         "scored | interaction | trigger | segment (real time only)"),
    Fact("event.trigger_kind", "string", lambda v: v.event.trigger_kind if v.event else None),
    Fact("event.interaction_type", "string", lambda v: v.event.interaction_type if v.event else None),
    Fact("event.channel", "string", lambda v: v.event.channel if v.event else None),
)}

_NAME = r"[a-z0-9_]{1,64}"  # fullmatch below: "consent.email\n" is no fact
_WINDOW = re.compile(rf"^interactions\.(\d{{1,2}})d\.(count|channel\.({_NAME})|type\.({_NAME}))$")
_ALL_TIME = re.compile(rf"^interactions\.by_(channel|type)\.({_NAME})$")
_CONSENT = re.compile(rf"^consent\.({_NAME})$")
_TRIGGERS_WINDOW = re.compile(r"^triggers\.(\d{1,2})d\.kinds$")
_TREATMENTS_WINDOW = re.compile(r"^treatments\.(\d{1,2})d\.count$")


def _window_count(days: int, key: str | None) -> Callable[[FactView], int]:
    """Interactions in the last ``days`` days (by day buckets; ``key`` 'c:<channel>', 't:<type>' or None)."""
    bucket_key = key or "n"

    def get(v: FactView) -> int:
        memo_key = f"{days}:{bucket_key}"
        if memo_key not in v.memo:
            since = (v.now.date() - dt.timedelta(days=days - 1)).isoformat()
            v.memo[memo_key] = sum(b.get(bucket_key, 0) for d, b in v.ctx.activity.items() if d >= since)
        return int(v.memo[memo_key])
    return get


def resolve_fact(name: str) -> Fact | None:
    """The fact named ``name``, or None when no such fact exists."""
    if name in STATIC:
        return STATIC[name]
    if m := _WINDOW.fullmatch(name):
        days = int(m.group(1))
        if not 1 <= days <= MAX_WINDOW_DAYS:
            return None
        key = None if m.group(2) == "count" else (f"c:{m.group(3)}" if m.group(3) else f"t:{m.group(4)}")
        return Fact(name, "number", _window_count(days, key))
    if m := _ALL_TIME.fullmatch(name):
        which, counted = m.group(1), str(m.group(2))
        if which == "channel":
            return Fact(name, "number", lambda v: v.ctx.channel_counts.get(counted, 0))
        return Fact(name, "number", lambda v: v.ctx.type_counts.get(counted, 0))
    if m := _CONSENT.fullmatch(name):
        key = m.group(1)
        return Fact(name, "bool", lambda v: v.ctx.consent.get(key, True))  # not refused means allowed
    if m := _TRIGGERS_WINDOW.fullmatch(name):
        days = int(m.group(1))
        return Fact(name, "list", lambda v: {t.kind for t in v.ctx.recent_triggers
                                             if (v.now - t.occurred_at).days < days}) if 1 <= days <= 90 else None
    if m := _TREATMENTS_WINDOW.fullmatch(name):
        days = int(m.group(1))
        return Fact(name, "number", lambda v: sum(1 for t in v.history
                                                  if (v.now - t.decided_at).days < days)) if 1 <= days <= 90 else None
    return None


PATTERNS = (
    "interactions.<N>d.count | interactions.<N>d.channel.<channel> | interactions.<N>d.type.<type> (N 1-90)",
    "interactions.by_channel.<channel> | interactions.by_type.<type> (all time)",
    "consent.<key> (bool; not refused = true)", "triggers.<N>d.kinds (list)", "treatments.<N>d.count",
)
