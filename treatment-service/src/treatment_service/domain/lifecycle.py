"""A treatment's life after the decision: control group, conversion attribution and the
performance figures of a rule. Pure functions, no I/O."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

SERVICE_KINDS = frozenset({"service_level", "service_recovery", "service"})
"""Kinds that serve the customer rather than sell to them: still allowed when profiling is refused."""
CONVERTIBLE = (None, "accepted")
"""Outcomes a purchase may still turn into ``converted`` (a declined offer did not cause a purchase)."""


def in_control(customer_id: str, rule_id: str, share: float) -> bool:
    """Deterministic hold-out: the same customer stays in (or out of) a rule's control group."""
    if share <= 0:
        return False
    digest = hashlib.sha256(f"{rule_id}\x00{customer_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


@dataclass(frozen=True)
class Attributable:
    """A treatment a purchase might convert."""

    treatment_id: str
    rule_id: str
    decided_at: dt.datetime
    attribution_until: dt.datetime | None
    outcome: str | None


def conversions(candidates: list[Attributable], *, purchased_at: dt.datetime) -> list[Attributable]:
    """The treatments one purchase converts: per rule, the most recent one still open or
    accepted whose attribution window (from its decision) contains the purchase."""
    chosen: dict[str, Attributable] = {}
    for t in sorted(candidates, key=lambda c: c.decided_at, reverse=True):
        if t.rule_id in chosen or t.outcome not in CONVERTIBLE or t.attribution_until is None:
            continue
        if t.decided_at <= purchased_at < t.attribution_until:
            chosen[t.rule_id] = t
    return list(chosen.values())


@dataclass
class GroupCounts:
    """Outcome counts of one group (treated or control) of a rule."""

    presented: int = 0
    accepted: int = 0
    declined: int = 0
    ignored: int = 0
    converted: int = 0
    revenue: dict[str, Decimal] = field(default_factory=dict)  # per currency

    @property
    def acceptance_rate(self) -> float | None:
        return round(self.accepted / self.presented, 4) if self.presented else None

    @property
    def conversion_rate(self) -> float | None:
        return round(self.converted / self.presented, 4) if self.presented else None

    def main_currency(self) -> str | None:
        """The currency with the most revenue (a rule normally sells in one)."""
        return max(self.revenue, key=lambda c: (self.revenue[c], c)) if self.revenue else None


def uplift(treated: GroupCounts, control: GroupCounts) -> float | None:
    """Conversion rate of the treated minus that of the control group (None without control)."""
    if treated.conversion_rate is None or control.conversion_rate is None:
        return None
    return round(treated.conversion_rate - control.conversion_rate, 4)
