"""A per-replica cache of 360 views that never serves a view older than the events the services have
applied (issue 19).

The rules, each for a race a plain TTL cache would lose:

* **An event about a customer drops their views** (``event``): the change feed reads every customer
  event on Kafka and names the customers it is about (a merge also names the merged-away ids).
* **No view is stored while a service still has to apply such an event**: a customer stays *pending*
  until every consumer group that reads the event's partition has committed past it (``applied``).
  A view filled meanwhile would show the state before the event (scoring has not re-scored yet), and
  nothing would come later to drop it.
* **A fill that began before an invalidation is not stored** (``begin`` / ``store``): its parts may have
  been read before the change.
* **After a write through this replica, a customer's view is not stored until the write's event has come and
  been applied** (``forget``; at most ``await_event_s``): a view read in between would show the write but not
  what the other services make of it, and the feed, not having seen the event yet, would not keep it pending.
* **Nothing is served while the feed cannot vouch** (``set_live``): not before it has read up to the
  end of every partition and every group has passed what was there when it started, not while it is
  behind a group, not when its last poll is older than ``feed_stale_s``.
* **Time alone changes some parts** (an offer expires, a re-score at night): no event says so, hence
  ``max_age_s``; the answer carries its ``Age``.

Thread-safe: the feed runs in a thread, the requests in the event loop; one lock, held for dict work only.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

Partition = tuple[str, int]  # (topic, partition)


@dataclass(frozen=True)
class FillToken:
    """What the cache looked like when a fill began: stored only if nothing it read changed since."""

    sequence: int
    started_at: float


@dataclass
class _Entry:
    body: bytes
    stored_at: float
    depends_on: frozenset[str]


class ViewCache:
    """Views by the reference they were asked by (a customer id or ``type:value``)."""

    def __init__(self, *, max_age_s: float, max_entries: int, max_pending: int = 200_000,
                 feed_stale_s: float = 3.0, max_fill_s: float = 120.0, await_event_s: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age_s = max_age_s
        self.max_entries = max_entries
        self.max_pending = max_pending
        self.feed_stale_s = feed_stale_s
        self.max_fill_s = max_fill_s  # a fill older than this is not stored (its invalidations are pruned)
        self.await_event_s = await_event_s  # a write whose event never comes (it changed nothing) stops waiting
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, _Entry] = OrderedDict()  # least recently used first
        self._refs_of: dict[str, set[str]] = {}  # customer id -> refs whose view depends on it
        self._sequence = 0  # bumped by every invalidation
        self._invalidated: OrderedDict[str, tuple[int, float]] = OrderedDict()  # id -> (sequence, when), oldest first
        self._cleared_sequence = 0
        self._pending: dict[str, dict[Partition, int]] = {}  # id -> highest offset of an event not applied by all
        self._pending_everything: dict[Partition, int] = {}  # when the feed (re)started or too much was pending
        self._awaiting_event: dict[str, float] = {}  # id -> until when: written through this replica, event not seen
        self._live = False
        self._last_poll = float("-inf")

    # -- reads -------------------------------------------------------------------------------------
    def lookup(self, ref: str) -> tuple[bytes, float] | None:
        """(body, age in seconds) of a view that may be served, else None."""
        now = self._clock()
        with self._lock:
            if not self._serving(now):
                return None
            entry = self._entries.get(ref)
            if entry is None:
                return None
            age = now - entry.stored_at
            if age > self.max_age_s:
                self._drop(ref)
                return None
            self._entries.move_to_end(ref)
            return entry.body, age

    def begin(self) -> FillToken:
        """Call before reading the parts of a view that may be stored."""
        with self._lock:
            return FillToken(self._sequence, self._clock())

    def store(self, token: FillToken, ref: str, body: bytes, depends_on: Iterable[str]) -> bool:
        """Keep a view read since ``token``, unless something it depends on changed or is still pending."""
        ids = frozenset(depends_on)
        now = self._clock()
        with self._lock:
            if not self._serving(now) or self._pending_everything or now - token.started_at > self.max_fill_s:
                return False
            if self._cleared_sequence > token.sequence:
                return False
            for customer in ids:
                if customer in self._pending:
                    return False
                awaited = self._awaiting_event.get(customer)
                if awaited is not None:
                    if now < awaited:
                        return False
                    del self._awaiting_event[customer]
                seen = self._invalidated.get(customer)
                if seen is not None and seen[0] > token.sequence:
                    return False
            self._drop(ref)
            self._entries[ref] = _Entry(body, now, ids)
            for customer in ids:
                self._refs_of.setdefault(customer, set()).add(ref)
            while len(self._entries) > self.max_entries:
                self._drop(next(iter(self._entries)))
            return True

    # -- invalidation ------------------------------------------------------------------------------
    def forget(self, customer_ids: Iterable[str]) -> None:
        """Drop these customers' views (a write through this gateway: its event comes later, and until it has
        come and been applied their views are not stored)."""
        with self._lock:
            now = self._clock()
            ids = list(customer_ids)
            self._invalidate(ids, now)
            if len(self._awaiting_event) + len(ids) > self.max_pending:
                self._awaiting_event = {c: t for c, t in self._awaiting_event.items() if t > now}
            if len(self._awaiting_event) + len(ids) <= self.max_pending:  # (else only the views are dropped)
                self._awaiting_event.update(dict.fromkeys(ids, now + self.await_event_s))

    def clear(self) -> None:
        """Drop every view (a write whose reach is not one customer: a rule, a model, a batch)."""
        with self._lock:
            self._clear()

    def event(self, customer_ids: Iterable[str], partition: Partition, offset: int) -> None:
        """The feed read an event at ``offset`` about these customers: drop their views and keep them pending
        until every group has applied it."""
        with self._lock:
            ids = list(customer_ids)
            self._invalidate(ids, self._clock())
            if len(self._pending) + len(ids) > self.max_pending:
                # too much in flight to follow customer by customer: follow the partition instead
                self._clear()
                self._pending_everything[partition] = max(offset, self._pending_everything.get(partition, -1))
                return
            for customer in ids:
                self._awaiting_event.pop(customer, None)  # it came: pending until every group applied it
                offsets = self._pending.setdefault(customer, {})
                offsets[partition] = max(offset, offsets.get(partition, -1))

    def restart(self, end_offsets: Mapping[Partition, int]) -> None:
        """The feed (re)started reading at these ends: what came before it is unknown, so nothing is
        stored until every group has applied everything up to there."""
        with self._lock:
            self._clear()
            self._pending.clear()
            self._pending_everything = {p: end - 1 for p, end in end_offsets.items() if end > 0}

    def applied(self, applied_by_all: Mapping[Partition, int]) -> None:
        """``applied_by_all``: per partition, the lowest offset committed by the groups that read it (every
        event below it is applied everywhere). Settles the pending customers it covers."""
        with self._lock:
            for partition, offset in list(self._pending_everything.items()):
                if applied_by_all.get(partition, 0) > offset:
                    del self._pending_everything[partition]
            for customer, offsets in list(self._pending.items()):
                for partition, offset in list(offsets.items()):
                    if applied_by_all.get(partition, 0) > offset:
                        del offsets[partition]
                if not offsets:
                    del self._pending[customer]

    def set_live(self, live: bool) -> None:
        """The feed's verdict after each poll: True when it is caught up with the log and no group is ahead
        of it."""
        # not live only pauses serving: the feed reads on without a gap, so the events it has yet to read
        # will drop what they change (a gap, a restart, clears everything instead)
        with self._lock:
            self._live = live
            self._last_poll = self._clock()

    # -- state, for metrics and tests ----------------------------------------------------------------
    def stats(self) -> dict[str, int | bool]:
        with self._lock:
            return {"entries": len(self._entries), "pending_customers": len(self._pending),
                    "pending_partitions": len(self._pending_everything), "serving": self._serving(self._clock())}

    # -- internals (lock held) -----------------------------------------------------------------------
    def _serving(self, now: float) -> bool:
        return self._live and now - self._last_poll <= self.feed_stale_s

    def _drop(self, ref: str) -> None:
        entry = self._entries.pop(ref, None)
        if entry is None:
            return
        for customer in entry.depends_on:
            refs = self._refs_of.get(customer)
            if refs is not None:
                refs.discard(ref)
                if not refs:
                    del self._refs_of[customer]

    def _invalidate(self, customer_ids: Iterable[str], now: float) -> None:
        self._sequence += 1
        for customer in customer_ids:
            for ref in list(self._refs_of.get(customer, ())):
                self._drop(ref)
            self._invalidated.pop(customer, None)
            self._invalidated[customer] = (self._sequence, now)
        # a fill older than max_fill_s is refused anyway, so older invalidations need not be remembered
        while self._invalidated:
            oldest = next(iter(self._invalidated.values()))
            if now - oldest[1] <= self.max_fill_s:
                break
            self._invalidated.popitem(last=False)

    def _clear(self) -> None:
        self._sequence += 1
        self._cleared_sequence = self._sequence
        self._entries.clear()
        self._refs_of.clear()
