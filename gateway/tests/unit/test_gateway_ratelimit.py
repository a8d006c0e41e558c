"""Token buckets with a fake clock."""

from __future__ import annotations

import pytest

from gateway.domain.ratelimit import RateLimiter, retry_after_header


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.retry_after("k") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.retry_after("k") == pytest.approx(0.5)  # one token every 0.5 s
    clock.now += 0.5
    assert limiter.retry_after("k") == 0.0
    clock.now += 100  # refills to the burst, not beyond
    assert [limiter.retry_after("k") for _ in range(4)][-1] > 0


def test_names_are_independent_and_bounded() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=1.0, burst=1, max_names=2, clock=clock)
    assert limiter.retry_after("a") == 0.0 and limiter.retry_after("a") > 0
    assert limiter.retry_after("b") == 0.0
    limiter.retry_after("c")  # evicts "a", the least recently used
    assert limiter.peek("a") == 0.0 and len(limiter._buckets) == 2


def test_peek_does_not_charge() -> None:
    limiter = RateLimiter(rate=1.0, burst=1, clock=Clock())
    assert limiter.peek("x") == 0.0
    assert limiter.retry_after("x") == 0.0
    assert limiter.peek("x") == pytest.approx(1.0)
    assert limiter.peek("x") == pytest.approx(1.0)


@pytest.mark.parametrize(("seconds", "header"), [(0.01, "1"), (1.0, "1"), (1.2, "2"), (59.9, "60")])
def test_retry_after_is_whole_seconds_at_least_one(seconds: float, header: str) -> None:
    assert retry_after_header(seconds) == header


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(rate=0, burst=1)
    with pytest.raises(ValueError):
        RateLimiter(rate=1, burst=0)
