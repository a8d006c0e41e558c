"""Token buckets: per API key for calls, per client address for failed authentications."""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class TokenBucket:
    """``burst`` tokens at most, refilled at ``rate`` tokens per second; one call takes one."""

    rate: float
    burst: float
    tokens: float
    stamp: float

    def take(self, now: float, cost: float = 1.0) -> float:
        """0.0 when the call may go ahead (and is charged), else the seconds until it could."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= cost:
            self.tokens -= cost
            return 0.0
        return (cost - self.tokens) / self.rate


class RateLimiter:
    """Buckets by name, at most ``max_names`` of them (least recently used dropped first), so
    a flood of distinct names (client addresses) cannot grow memory without bound.

    In-process: with several gateway processes each enforces the limit on its own share."""

    def __init__(self, *, rate: float, burst: float, max_names: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate, self.burst, self.max_names, self.clock = rate, burst, max_names, clock
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def retry_after(self, name: str, cost: float = 1.0) -> float:
        """0.0 when ``name`` may call now (the call is charged), else the seconds to wait."""
        now = self.clock()
        bucket = self._buckets.get(name)
        if bucket is None:
            bucket = TokenBucket(rate=self.rate, burst=self.burst, tokens=self.burst, stamp=now)
            self._buckets[name] = bucket
            if len(self._buckets) > self.max_names:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(name)
        return bucket.take(now, cost)

    def peek(self, name: str) -> float:
        """Seconds until ``name`` could call, without charging (0.0: it may call now)."""
        bucket = self._buckets.get(name)
        if bucket is None:
            return 0.0
        tokens = min(self.burst, bucket.tokens + (self.clock() - bucket.stamp) * self.rate)
        return 0.0 if tokens >= 1 else (1 - tokens) / self.rate


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` in whole seconds, never 0 (a client told 0 would retry at once)."""
    return str(max(1, math.ceil(seconds)))
