"""The one bounded wait of the test suites: poll until an eventually consistent effect shows."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def eventually(probe: Callable[[], T | None], *, timeout: float = 30.0, interval: float = 0.1,
               what: str = "condition", retry_on: tuple[type[Exception], ...] = ()) -> T:
    """Return ``probe()``'s first truthy result, polling every ``interval`` s for ``timeout`` s.

    The probe runs at least once, and once more at the deadline. On timeout an
    ``AssertionError`` names ``what`` and the last value seen. An exception of a type in
    ``retry_on`` counts as "not yet" (and is named on timeout); any other propagates at once,
    so a probe can still fail a test early with its own assertion.
    """
    deadline = time.monotonic() + timeout
    while True:
        error: Exception | None = None
        try:
            value = probe()
        except retry_on as exc:
            error, last = exc, f"raised {exc!r}"
        else:
            if value:
                return value
            last = repr(value)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"{what}: not reached within {timeout:g} s (last: {last})") from error
        time.sleep(min(interval, remaining))
