"""Channel economics: what each channel costs and converts, and a customer's channel mix."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

_COST_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class ChannelTotals:
    """One channel's interactions over a period; revenue is per currency (amounts of different currencies
    never add up)."""

    channel: str
    count: int
    customers: int
    total_cost: Decimal
    purchases: int
    revenue: dict[str, Decimal]

    @property
    def cost_per_interaction(self) -> Decimal:
        """total_cost / count, to 4 decimal places (banker's rounding: no drift over many channels)."""
        return (self.total_cost / self.count).quantize(_COST_PLACES, rounding=ROUND_HALF_EVEN)

    @property
    def conversion_rate(self) -> float:
        """purchases / count."""
        return round(self.purchases / self.count, 6)


@dataclass(frozen=True)
class ChannelStatistics:
    """Every channel used in [since, until) (None: open)."""

    since: dt.datetime | None
    until: dt.datetime | None
    channels: list[ChannelTotals]


@dataclass(frozen=True)
class ChannelShare:
    """How much one channel counts in a customer's interactions."""

    channel: str
    count: int
    share: float
    cost: Decimal = Decimal("0.00")  # what its contacts cost


@dataclass(frozen=True)
class ChannelMix:
    """A customer's interactions per channel, most used first, and what serving them cost."""

    customer_id: str
    count: int
    channels: list[ChannelShare]
    cost_to_serve: Decimal = Decimal("0.00")


def channel_mix(customer_id: str, counts: list[tuple[str, int, Decimal]]) -> ChannelMix:
    """The share of each channel in (channel, interactions, cost) counts given most used first."""
    total = sum(n for _, n, _ in counts)
    cost_to_serve = sum((c for _, _, c in counts), Decimal("0.00"))
    return ChannelMix(customer_id=customer_id, count=total, cost_to_serve=cost_to_serve,
                      channels=[ChannelShare(channel=ch, count=n, share=round(n / total, 6), cost=c)
                                for ch, n, c in counts])
