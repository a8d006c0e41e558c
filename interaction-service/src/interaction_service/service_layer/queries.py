"""Read use cases: a customer's timeline, the 360-view summary, channel statistics."""

from __future__ import annotations

import datetime as dt

from ..domain.channels import ChannelMix, ChannelStatistics, channel_mix
from ..domain.cursor import decode_cursor, encode_cursor
from ..domain.interactions import RecentInteractions, TimelinePage
from .record import UowFactory

SUMMARY_SIZE = 10


def timeline(*, customer_id: str, limit: int, cursor: str | None, channel: str | None, type_: str | None,
             uow_factory: UowFactory) -> TimelinePage:
    """One page of a customer's interactions, newest first (a merged-away id shows its survivor's);
    InvalidCursor when ``cursor`` is not one this service handed out."""
    position = decode_cursor(cursor) if cursor is not None else None
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        # one extra row tells whether an older page exists without a second query
        rows = uow.interactions.timeline(customer_id=customer_id, limit=limit + 1, before=position,
                                         channel=channel, type_=type_)
    items = rows[:limit]
    next_cursor = encode_cursor(items[-1].occurred_at, items[-1].interaction_id) if len(rows) > limit else None
    return TimelinePage(customer_id=customer_id, items=items, next_cursor=next_cursor)


def summary(*, customer_id: str, uow_factory: UowFactory) -> RecentInteractions:
    """The newest interactions and the total count (0 for a customer we never saw)."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        return RecentInteractions(recent=uow.interactions.timeline(customer_id=customer_id, limit=SUMMARY_SIZE),
                                  count=uow.interactions.count(customer_id))


def channel_stats(*, since: dt.datetime | None, until: dt.datetime | None, uow_factory: UowFactory
                  ) -> ChannelStatistics:
    """Per channel: count, customers reached, cost, purchases, revenue, conversion rate."""
    with uow_factory() as uow:
        channels = uow.interactions.channel_stats(since=since, until=until)
    return ChannelStatistics(since=since, until=until, channels=channels)


def customer_channels(*, customer_id: str, uow_factory: UowFactory) -> ChannelMix:
    """The share of a customer's interactions per channel (the channel mix)."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        counts = uow.interactions.channel_counts(customer_id)
    return channel_mix(customer_id, counts)
