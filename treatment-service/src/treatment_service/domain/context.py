"""The customer context: everything treatment decisions may look at, built only from events.

Each ``apply_*`` method is O(1): counters and bounded collections, never a replay of
history. New facts (for the rules engine) become new fields here plus a migration."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from idic.contracts import CustomerScored, CustomerUpdated, InteractionRecorded, SegmentChanged, TriggerDetected

MAX_RECENT_TRIGGERS = 20
"""Triggers kept per customer (newest by occurrence time); older ones are dropped."""
MAX_INTERACTION_TYPES = 32
"""Distinct interaction types counted per customer; further new types count as ``other``."""
MAX_TYPE_LENGTH = 64
OTHER_TYPE = "other"
ACTIVITY_DAYS = 90
"""Days of per-day interaction counts kept (for windowed counts), counted back from the newest day held."""
MAX_SEGMENTS = 64
PURCHASE = "purchase"

# the longest customer id treatment stores (its columns are this wide; longer ids are refused)
CUSTOMER_ID_LENGTH = 128


@dataclass(frozen=True)
class Trigger:
    """One detected trigger or life event (ids and kind only: no free-form details)."""

    trigger_id: str
    kind: str
    occurred_at: dt.datetime
    interaction_id: str | None = None


@dataclass
class CustomerContext:
    """Facts about one customer: value (from scoring), interaction counters and recent
    triggers (from interaction), consent. ``None`` means "not heard of yet"."""

    customer_id: str
    created_at: dt.datetime
    updated_at: dt.datetime
    # value, as last scored
    tier: str | None = None
    clv_12m: Decimal | None = None
    currency: str | None = None
    p_alive: float | None = None
    churn_risk: float | None = None
    rfm_segment: str | None = None
    frequency: int | None = None
    monetary: Decimal | None = None
    scored_at: dt.datetime | None = None
    # interactions
    interactions_count: int = 0
    purchases_count: int = 0
    channel_counts: dict[str, int] = field(default_factory=dict)
    type_counts: dict[str, int] = field(default_factory=dict)
    first_interaction_at: dt.datetime | None = None
    last_interaction_at: dt.datetime | None = None
    last_interaction_channel: str | None = None
    last_interaction_type: str | None = None
    last_purchase_at: dt.datetime | None = None
    recent_triggers: list[Trigger] = field(default_factory=list)
    # channel (or "profiling", "do_not_contact") -> allowed; a missing key means allowed
    consent: dict[str, bool] = field(default_factory=dict)
    # segments (scoring's SegmentChanged), profile facts (identity's CustomerUpdated)
    segments: list[str] = field(default_factory=list)
    birthday_month_day: str | None = None
    moved_at: dt.datetime | None = None
    # "YYYY-MM-DD" -> {"n": total, "c:<channel>": n, "t:<type>": n}, by occurrence day
    activity: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def new(cls, customer_id: str, *, now: dt.datetime) -> CustomerContext:
        """An empty context: nothing known about the customer yet."""
        return cls(customer_id=customer_id, created_at=now, updated_at=now)

    def snapshot(self) -> CustomerContext:
        """An independent copy (bounded size), to compare rules before and after a change."""
        return copy.deepcopy(self)

    @property
    def known_purchases(self) -> int:
        """Purchases we know of: seen ourselves, or counted by scoring (history before us)."""
        return max(self.purchases_count, self.frequency or 0)

    def allows(self, channel: str | None) -> bool:
        """Consent check; ``profiling: false`` forbids every personalised action."""
        if self.consent.get("profiling") is False:
            return False
        return channel is None or self.consent.get(channel, True)

    # -- events ---------------------------------------------------------------------
    def apply_scored(self, event: CustomerScored, *, now: dt.datetime) -> bool:
        """Take the newer score; False (nothing changed) for a score older than the one held."""
        if self.scored_at is not None and event.scored_at < self.scored_at:
            return False
        self.tier = event.tier
        self.clv_12m = event.clv_12m
        self.currency = event.currency
        self.p_alive = event.p_alive
        self.churn_risk = event.churn_risk
        self.rfm_segment = event.rfm_segment
        self.frequency = event.frequency
        self.monetary = event.monetary
        self.scored_at = event.scored_at
        self.updated_at = now
        return True

    def apply_interaction(self, event: InteractionRecorded, *, now: dt.datetime) -> bool:
        """Count the interaction; "last" fields follow occurrence time, not arrival order."""
        kind = _type_key(event.type, self.type_counts)
        self.interactions_count += 1
        self.channel_counts = _incremented(self.channel_counts, event.channel)
        self.type_counts = _incremented(self.type_counts, kind)
        if self.first_interaction_at is None or event.occurred_at < self.first_interaction_at:
            self.first_interaction_at = event.occurred_at
        if self.last_interaction_at is None or event.occurred_at >= self.last_interaction_at:
            self.last_interaction_at = event.occurred_at
            self.last_interaction_channel = event.channel
            self.last_interaction_type = kind
        self.activity = _add_activity(self.activity, event.occurred_at, event.channel, kind)
        if event.type == PURCHASE:
            self.purchases_count += 1
            if self.last_purchase_at is None or event.occurred_at > self.last_purchase_at:
                self.last_purchase_at = event.occurred_at
        self.updated_at = now
        return True

    def apply_trigger(self, event: TriggerDetected, *, now: dt.datetime) -> bool:
        """Remember the trigger among the most recent ones; False if already held."""
        if any(t.trigger_id == event.trigger_id for t in self.recent_triggers):
            return False
        trigger = Trigger(trigger_id=event.trigger_id, kind=event.kind[:MAX_TYPE_LENGTH],
                          occurred_at=event.occurred_at, interaction_id=event.interaction_id)
        self.recent_triggers = _newest([*self.recent_triggers, trigger])
        self.updated_at = now
        return True

    def apply_segment(self, event: SegmentChanged, *, now: dt.datetime) -> bool:
        """Enter or leave a segment; False when nothing changed."""
        held = event.segment_id in self.segments
        if event.entered == held or (event.entered and len(self.segments) >= MAX_SEGMENTS):
            return False
        self.segments = ([*self.segments, event.segment_id] if event.entered
                         else [s for s in self.segments if s != event.segment_id])
        self.updated_at = now
        return True

    def apply_profile(self, event: CustomerUpdated, *, now: dt.datetime) -> bool:
        """Consent (the whole map, replaced), birthday (MM-DD) and a move; False when none of them came."""
        changed = False
        if event.consent is not None:
            self.consent = {k[:64]: bool(v) for k, v in list(event.consent.items())[:32]}
            changed = True
        if event.birthday_month_day is not None and event.birthday_month_day != self.birthday_month_day:
            self.birthday_month_day = event.birthday_month_day
            changed = True
        if event.moved:
            self.moved_at = now
            changed = True
        if changed:
            self.updated_at = now
        return changed

    def fold(self, other: CustomerContext, *, now: dt.datetime) -> None:
        """Absorb the context of a customer merged into this one."""
        if other.scored_at is not None and (self.scored_at is None or other.scored_at > self.scored_at):
            # the newer score wins until scoring re-scores the survivor
            self.tier, self.clv_12m, self.currency = other.tier, other.clv_12m, other.currency
            self.p_alive, self.churn_risk, self.rfm_segment = other.p_alive, other.churn_risk, other.rfm_segment
            self.frequency, self.monetary, self.scored_at = other.frequency, other.monetary, other.scored_at
        self.interactions_count += other.interactions_count
        self.purchases_count += other.purchases_count
        self.channel_counts = _summed(self.channel_counts, other.channel_counts)
        for kind, count in other.type_counts.items():
            key = _type_key(kind, self.type_counts)
            self.type_counts = _incremented(self.type_counts, key, count)
        self.first_interaction_at = _min(self.first_interaction_at, other.first_interaction_at)
        if other.last_interaction_at is not None and (
                self.last_interaction_at is None or other.last_interaction_at > self.last_interaction_at):
            self.last_interaction_at = other.last_interaction_at
            self.last_interaction_channel = other.last_interaction_channel
            self.last_interaction_type = other.last_interaction_type
        self.last_purchase_at = _max(self.last_purchase_at, other.last_purchase_at)
        held = {t.trigger_id for t in self.recent_triggers}
        self.recent_triggers = _newest([*self.recent_triggers, *(t for t in other.recent_triggers
                                                                  if t.trigger_id not in held)])
        # a refusal given under either id still stands
        self.consent = {**other.consent, **self.consent,
                        **{k: False for k, v in other.consent.items() if v is False}}
        self.segments = list(dict.fromkeys([*self.segments, *other.segments]))[:MAX_SEGMENTS]
        self.birthday_month_day = self.birthday_month_day or other.birthday_month_day
        self.moved_at = _max(self.moved_at, other.moved_at)
        for day, counts in other.activity.items():
            for key, count in counts.items():
                self.activity = _bump(self.activity, day, key, count)
        self.activity = _trimmed(self.activity)
        self.created_at = min(self.created_at, other.created_at)
        self.updated_at = now


def _type_key(kind: str, counts: dict[str, int]) -> str:
    """The counter key of an interaction type; bounded in length and in number of keys."""
    key = kind[:MAX_TYPE_LENGTH]
    if key in counts or len(counts) < MAX_INTERACTION_TYPES - 1 or key == OTHER_TYPE:
        return key
    return OTHER_TYPE


def _incremented(counts: dict[str, int], key: str, by: int = 1) -> dict[str, int]:
    # a new dict, so that the ORM sees the JSON column change
    return {**counts, key: counts.get(key, 0) + by}


def _bump(activity: dict[str, dict[str, int]], day: str, key: str, by: int) -> dict[str, dict[str, int]]:
    counts = activity.get(day, {})
    return {**activity, day: {**counts, key: counts.get(key, 0) + by}}


def _trimmed(activity: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Only the last ACTIVITY_DAYS days before the newest day held (bounded size)."""
    if not activity:
        return activity
    newest = dt.date.fromisoformat(max(activity))
    since = (newest - dt.timedelta(days=ACTIVITY_DAYS - 1)).isoformat()
    return {d: c for d, c in activity.items() if d >= since}


def _add_activity(activity: dict[str, dict[str, int]], at: dt.datetime, channel: str,
                  kind: str) -> dict[str, dict[str, int]]:
    """Count one interaction in its day's bucket (total, per channel, per type); a new dict for the ORM."""
    day = at.astimezone(dt.UTC).date().isoformat()
    if activity and day < (dt.date.fromisoformat(max(activity)) - dt.timedelta(days=ACTIVITY_DAYS - 1)).isoformat():
        return activity  # older than any window a rule can ask about
    for key in ("n", f"c:{channel}", f"t:{kind}"):
        activity = _bump(activity, day, key, 1)
    return _trimmed(activity)


def _summed(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in {**a, **b}}


def _newest(triggers: list[Trigger]) -> list[Trigger]:
    return sorted(triggers, key=lambda t: t.occurred_at, reverse=True)[:MAX_RECENT_TRIGGERS]


def _min(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    return b if a is None else a if b is None else max(a, b)
