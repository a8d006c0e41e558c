"""Read use cases: a customer's timeline, the 360-view summary, channel statistics."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

from idic import ProblemError
from idic.public.interaction import (
    ChannelShare,
    ChannelStatistics,
    ChannelStats,
    CustomerChannels,
    InteractionSummary,
    Timeline,
)
from idic.public.interaction import (
    Interaction as InteractionBody,
)

from ..adapters.orm import Interaction
from ..domain.cursor import InvalidCursor, decode_cursor, encode_cursor
from .record import UowFactory

SUMMARY_SIZE = 10


def to_out(row: Interaction) -> InteractionBody:
    """A stored interaction as the API shows it."""
    return InteractionBody(
        interaction_id=row.id, customer_id=row.customer_id, id=row.client_key, channel=row.channel,
        type=row.type, direction=row.direction, occurred_at=row.occurred_at, recorded_at=row.recorded_at,
        amount=row.amount, currency=row.currency, cost=row.cost, payload=dict(row.payload or {}),
        treatment_id=(row.payload or {}).get("treatment_id"),
    )


def timeline(*, customer_id: str, limit: int, cursor: str | None, channel: str | None, type_: str | None,
             uow_factory: UowFactory, cursor_field: str = "query.cursor") -> Timeline:
    """One page of a customer's interactions, newest first (a merged-away id shows its survivor's)."""
    try:
        position = decode_cursor(cursor) if cursor is not None else None
    except InvalidCursor as exc:
        raise ProblemError(422, "Unprocessable Content", f"{cursor_field}: {exc}",
                           errors=[{"field": cursor_field, "message": str(exc)}]) from exc
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        # one extra row tells whether an older page exists without a second query
        rows = uow.interactions.timeline(customer_id=customer_id, limit=limit + 1, before=position,
                                         channel=channel, type_=type_)
        # convert inside the unit of work: leaving it rolls back, which expires the rows
        items = [to_out(r) for r in rows[:limit]]
    next_cursor = encode_cursor(items[-1].occurred_at, items[-1].interaction_id) if len(rows) > limit else None
    return Timeline(customer_id=customer_id, items=items, next_cursor=next_cursor)


def summary(*, customer_id: str, uow_factory: UowFactory) -> InteractionSummary:
    """The newest interactions and the total count (0 for a customer we never saw)."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        rows = uow.interactions.timeline(customer_id=customer_id, limit=SUMMARY_SIZE)
        return InteractionSummary(recent=[to_out(r) for r in rows], count=uow.interactions.count(customer_id))


def channel_stats(*, since: dt.datetime | None, until: dt.datetime | None, uow_factory: UowFactory
                  ) -> ChannelStatistics:
    """Per channel: count, customers reached, cost, purchases, revenue, conversion rate."""
    with uow_factory() as uow:
        rows = uow.interactions.channel_stats(since=since, until=until)
    return ChannelStatistics(since=since, until=until, channels=[
        ChannelStats(
            channel=r.channel, count=r.count, customers=r.customers, total_cost=r.total_cost,
            cost_per_interaction=(r.total_cost / r.count).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN),
            purchases=r.purchases, revenue=r.revenue, conversion_rate=round(r.purchases / r.count, 6),
        )
        for r in rows
    ])


def customer_channels(*, customer_id: str, uow_factory: UowFactory) -> CustomerChannels:
    """The share of a customer's interactions per channel (the channel mix)."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        counts = uow.interactions.channel_counts(customer_id)
    total = sum(n for _, n in counts)
    return CustomerChannels(customer_id=customer_id, count=total, channels=[
        ChannelShare(channel=ch, count=n, share=round(n / total, 6)) for ch, n in counts])
