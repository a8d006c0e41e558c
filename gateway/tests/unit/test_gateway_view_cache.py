"""The view cache's rules, one race each (pure logic; the real feed is tested against Kafka in
tests/e2e/test_view_cache.py)."""

from __future__ import annotations

from gateway.adapters.change_feed import applied_by_all, customers_named
from gateway.domain.view_cache import ViewCache

P = ("idic.interaction", 0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def live_cache(clock: Clock, **kwargs: float) -> ViewCache:
    cache = ViewCache(max_age_s=kwargs.get("max_age_s", 30.0), max_entries=int(kwargs.get("max_entries", 100)),
                      max_pending=int(kwargs.get("max_pending", 1000)), clock=clock)
    cache.restart({P: 0})
    cache.set_live(True)
    return cache


def stored(cache: ViewCache, ref: str, body: bytes, *ids: str) -> bool:
    return cache.store(cache.begin(), ref, body, ids or (ref,))


def test_a_stored_view_is_served_with_its_age_until_max_age() -> None:
    clock = Clock()
    cache = live_cache(clock, max_age_s=10)
    assert stored(cache, "c1", b"v1")
    clock.now += 4
    cache.set_live(True)
    assert cache.lookup("c1") == (b"v1", 4.0)
    clock.now += 7
    cache.set_live(True)
    assert cache.lookup("c1") is None


def test_an_event_drops_every_view_of_its_customers_and_keeps_them_pending_until_all_groups_applied_it() -> None:
    clock = Clock()
    cache = live_cache(clock)
    assert stored(cache, "email:a@b.com", b"by email", "c1")
    assert stored(cache, "c1", b"by id", "c1")
    assert stored(cache, "c2", b"other", "c2")
    cache.event(["c1"], P, 41)
    assert cache.lookup("email:a@b.com") is None and cache.lookup("c1") is None
    assert cache.lookup("c2") == (b"other", 0.0)
    # scoring has not applied offset 41 yet: a view read now would not show it, so it is not kept
    assert not stored(cache, "c1", b"before scoring applied it", "c1")
    cache.applied({P: 41})
    assert not stored(cache, "c1", b"still not", "c1")
    cache.applied({P: 42})  # every group committed past 41
    assert stored(cache, "c1", b"after", "c1")


def test_a_fill_that_began_before_an_invalidation_is_not_stored() -> None:
    clock = Clock()
    cache = live_cache(clock)
    token = cache.begin()
    cache.forget(["c1"])  # a write through this gateway while the parts were being read
    assert not cache.store(token, "c1", b"read before the write", ["c1"])
    clock.now += 6  # (its event never came: the write changed nothing)
    cache.set_live(True)
    assert cache.store(cache.begin(), "c1", b"read after", ["c1"])
    token = cache.begin()
    cache.clear()
    assert not cache.store(token, "c2", b"read before a rule changed", ["c2"])


def test_after_a_write_through_this_replica_nothing_is_stored_until_its_event_is_applied() -> None:
    clock = Clock()
    cache = live_cache(clock)
    cache.forget(["c1"])  # a purchase recorded through this gateway: interaction holds it, scoring not yet
    assert not stored(cache, "c1", b"the purchase without its value", "c1")
    cache.event(["c1"], P, 5)  # the purchase's event
    assert not stored(cache, "c1", b"scoring has not applied it", "c1")
    cache.applied({P: 6})
    assert stored(cache, "c1", b"with its value", "c1")


def test_a_merge_drops_the_views_that_depend_on_a_merged_away_id() -> None:
    clock = Clock()
    cache = live_cache(clock)
    assert stored(cache, "c2", b"c2 before the merge", "c2")
    ids = customers_named(b"c1", b'{"type": "idic.customers.merged.v1", "data": {"customer_id": "c1", '
                                 b'"merged_ids": ["c2", "c3"]}}')
    assert ids == ["c1", "c1", "c2", "c3"]
    cache.event(ids, ("idic.identity", 3), 7)
    assert cache.lookup("c2") is None


def test_nothing_is_served_or_stored_while_the_feed_cannot_vouch() -> None:
    clock = Clock()
    cache = live_cache(clock)
    assert stored(cache, "c1", b"v", "c1")
    cache.set_live(False)  # behind a group, or Kafka away
    assert cache.lookup("c1") is None
    assert not stored(cache, "c2", b"v", "c2")
    cache.set_live(True)
    assert cache.lookup("c1") == (b"v", 0.0)
    clock.now += 5  # no poll for longer than feed_stale_s: the feed thread is stuck
    assert cache.lookup("c1") is None


def test_after_a_restart_nothing_is_stored_until_the_groups_passed_what_was_on_kafka() -> None:
    clock = Clock()
    cache = live_cache(clock)
    assert stored(cache, "c1", b"v", "c1")
    cache.restart({P: 100, ("idic.identity", 0): 0})  # the feed lost its place: events may have been missed
    cache.set_live(True)
    assert cache.lookup("c1") is None
    assert not stored(cache, "c1", b"v", "c1")
    cache.applied({P: 99})
    assert not stored(cache, "c1", b"v", "c1")
    cache.applied({P: 100})
    assert stored(cache, "c1", b"v", "c1")


def test_too_many_pending_customers_fall_back_to_waiting_for_the_partition() -> None:
    clock = Clock()
    cache = live_cache(clock, max_pending=2)
    assert stored(cache, "c9", b"v", "c9")
    cache.event(["c1", "c2"], P, 1)
    cache.event(["c3"], P, 2)  # over the bound: everything is dropped and waits for offset 2
    assert cache.lookup("c9") is None
    assert not stored(cache, "c9", b"v", "c9")
    cache.applied({P: 3})
    assert stored(cache, "c9", b"v", "c9")


def test_the_least_recently_used_view_goes_first() -> None:
    clock = Clock()
    cache = live_cache(clock, max_entries=2)
    assert stored(cache, "a", b"a") and stored(cache, "b", b"b")
    assert cache.lookup("a") is not None
    assert stored(cache, "c", b"c")
    assert cache.lookup("b") is None and cache.lookup("a") is not None and cache.lookup("c") is not None


def test_an_event_that_names_no_customer_cannot_be_followed() -> None:
    assert customers_named(None, b"not json") is None
    assert customers_named(b"c1", b"not json") == ["c1"]


def test_a_partition_is_applied_as_far_as_its_slowest_reader() -> None:
    readers = {"scoring": ["idic.interaction"], "treatment": ["idic.interaction", "idic.scoring"]}
    committed = {"scoring": {("idic.interaction", 0): 10}, "treatment": {("idic.interaction", 0): 7}}
    partitions = [("idic.interaction", 0), ("idic.scoring", 0), ("idic.identity", 0)]
    assert applied_by_all(committed, readers, partitions) == {
        ("idic.interaction", 0): 7,
        ("idic.scoring", 0): 0,  # treatment has committed nothing there: nothing is applied
        ("idic.identity", 0): 1 << 62,  # nobody reads it
    }
