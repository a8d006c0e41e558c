"""The bounded wait of every test suite, on a fake clock (no real sleeping)."""

from __future__ import annotations

import pytest

from idic_devstack import waiting
from idic_devstack.waiting import eventually


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(waiting, "time", fake)
    return fake


def answers(*values: object):  # type: ignore[no-untyped-def]
    """A probe answering ``values`` in turn, then the last one for ever; counts its calls."""
    calls: list[object] = []

    def probe() -> object:
        value = values[min(len(calls), len(values) - 1)]
        calls.append(value)
        if isinstance(value, Exception):
            raise value
        return value

    probe.calls = calls  # type: ignore[attr-defined]
    return probe


def test_returns_the_first_truthy_result_polling_at_the_interval(clock: FakeClock) -> None:
    probe = answers(None, [], 0, {"id": 1}, {"id": 2})
    assert eventually(probe, timeout=10, interval=0.5) == {"id": 1}
    assert len(probe.calls) == 4 and clock.sleeps == [0.5, 0.5, 0.5]


def test_a_truthy_first_answer_does_not_wait(clock: FakeClock) -> None:
    assert eventually(lambda: "ready", timeout=0) == "ready"
    assert clock.sleeps == []


def test_timeout_names_what_and_the_last_value(clock: FakeClock) -> None:
    probe = answers(None, [], False)
    with pytest.raises(AssertionError) as failure:
        eventually(probe, timeout=1, interval=0.3, what="the customer scored")
    assert str(failure.value) == "the customer scored: not reached within 1 s (last: False)"
    # polled at 0, 0.3, 0.6, 0.9 and once more at the deadline (the last sleep is shortened to reach it)
    assert len(probe.calls) == 5 and clock.sleeps == pytest.approx([0.3, 0.3, 0.3, 0.1])


def test_zero_timeout_still_probes_once(clock: FakeClock) -> None:
    probe = answers(None)
    with pytest.raises(AssertionError, match=r"^condition: not reached within 0 s \(last: None\)$"):
        eventually(probe, timeout=0)
    assert len(probe.calls) == 1 and clock.sleeps == []


def test_an_exception_of_the_probe_fails_at_once_unless_retried(clock: FakeClock) -> None:
    probe = answers(KeyError("value"), "never")
    with pytest.raises(KeyError):
        eventually(probe, timeout=10)
    assert len(probe.calls) == 1
    # a probe's own assertion also ends the wait at once (it is not a "not yet")
    with pytest.raises(AssertionError, match="lost an event"):
        eventually(answers(AssertionError("lost an event")), timeout=10, retry_on=(KeyError,))


def test_retried_exceptions_are_not_yet_and_the_last_one_is_named(clock: FakeClock) -> None:
    assert eventually(answers(ConnectionError("refused"), None, 7), timeout=10, retry_on=(OSError,)) == 7
    with pytest.raises(AssertionError) as failure:
        eventually(answers(None, ConnectionError("refused")), timeout=1, what="the service up", retry_on=(OSError,))
    assert str(failure.value) == "the service up: not reached within 1 s (last: raised ConnectionError('refused'))"
    assert isinstance(failure.value.__cause__, ConnectionError)


def test_an_endless_wait_keeps_the_interval(clock: FakeClock) -> None:
    assert eventually(answers(*[None] * 99, True), timeout=float("inf"), interval=2) is True
    assert clock.sleeps == [2] * 99


def test_real_clock_short_wait() -> None:
    with pytest.raises(AssertionError, match="nothing: not reached within 0.05 s"):
        eventually(lambda: None, timeout=0.05, interval=0.01, what="nothing")
