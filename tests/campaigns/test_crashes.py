"""Consumer, relay and broker crashes mid-stream: every acknowledged event is consumed and
applied once, and the state left is the state a crash-free run of the same events leaves.
Short form in `make test`; `make bench` runs the issue's full numbers."""

from __future__ import annotations

import datetime as dt
import random
import signal
import threading
import time
import uuid
from dataclasses import dataclass

import httpx
import pytest

from idic_devstack.kafka import KafkaBroker
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

from ..support import (
    CUSTOMER_TABLES,
    customer_digests,
    event_ids_on_topic,
    expected_totals,
    group_lag,
    metric_total,
    missing_from_inbox,
    purchases_for,
    record,
    wait_for_totals,
)


@dataclass(frozen=True)
class Size:
    events: int
    kills: int
    broker_restarts: int = 0


# The short form's 2,500 events take the consumers about a minute to apply on two busy cores, and its four kills
# land in the first 20 s of it. Each test asserts that its kills struck mid-work (half of the consumer kills, one
# relay kill at least), so a machine fast enough to finish the work first fails the test rather than quietly
# testing nothing. 5,000 events cost `make test` about 3 minutes more on its critical path.
SHORT, LONG = Size(events=2_500, kills=4, broker_restarts=1), Size(events=50_000, kills=20, broker_restarts=5)
# `make test` runs the suite beside the packages' sessions on 2 cores: the short form's own bounds (every
# wait below) decide, not the suite's 300 s per test
SIZES = [pytest.param(SHORT, id="short", marks=pytest.mark.timeout(900)), pytest.param(LONG, id="long", marks=[pytest.mark.bench, pytest.mark.timeout(3600)])]
CONSUMERS = {"scoring": "scoring-service", "treatment": "treatment-service"}


def stream_in_background(gateway: httpx.Client, events: list[dict], *, retry_for: float,
                         chunk: int = 500) -> threading.Thread:
    errors: list[BaseException] = []

    def send() -> None:
        try:
            record(gateway, events, chunk=chunk, retry_for=retry_for)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=send, daemon=True)
    thread.errors = errors  # type: ignore[attr-defined]
    thread.start()
    return thread


def hourly_until_now(per_customer: int) -> dt.datetime:
    """When the first of a customer's hourly purchases happened, so that the last is now. Events
    carry their own times (two runs then store the same), and recent ones: interaction-service's
    lapse detector (no purchase for 1.5x the customer's own gap) must not fire during a campaign,
    at a moment that differs between the two runs."""
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    return now - dt.timedelta(hours=per_customer - 1)


def crash_free_reference(stack: Stack, gateway: httpx.Client, *, customers: int, per_customer: int,
                         since: dt.datetime, keyed: bool) -> list[dict[str, str]]:
    """Per-customer state digests after the campaign's events ran once without any crash, for
    customers of their own (the i-th stands for the campaign's i-th)."""
    reference = [f"reference-{uuid.uuid4()}" for _ in range(customers)]
    events = purchases_for(reference, per_customer, since=since, keyed=uuid.uuid4().hex[:8] if keyed else None)
    record(gateway, events, chunk=500)
    wait_for_totals(stack, expected_totals(events), timeout=300, stall=120)
    return customer_digests(stack, reference)


def assert_same_state_as_without_crashes(stack: Stack, customers: list[str], reference: list[dict[str, str]]) -> None:
    differ = [c for c, mine, theirs in zip(customers, customer_digests(stack, customers), reference, strict=True)
              if mine != theirs]
    every_table = [f"{table}:" for tables in CUSTOMER_TABLES.values() for table in tables]
    assert all(t in ",".join(d.values()) for d in reference for t in every_table), \
        "the crash-free run left a table without rows for a customer: nothing to compare"
    assert not differ, f"{len(differ)} customers' state differs from the crash-free run"


def redeliveries(stack: Stack) -> float:
    """Events a consumer found already applied (in its inbox) since its process started."""
    total = 0.0
    for name, group in CONSUMERS.items():
        try:
            total += metric_total(stack.url(name), "idic_events_consumed_total", group=group, outcome="duplicate")
        except httpx.HTTPError:
            pass
    return total


CONSUMED_TOPICS = {"scoring": ["idic.interaction", "idic.identity"],
                   "treatment": ["idic.interaction", "idic.identity", "idic.scoring"]}


def _every_event_in_inbox(stack: Stack, kafka: KafkaBroker, name: str, group: str, ids: list[str]) -> None:
    """Wait until the group has applied every one of these events; a failure tells lost from slow
    (events missing while the group has nothing left to read are lost)."""
    seen: dict[str, int] = {}

    def applied() -> bool:
        seen["missing"] = len(missing_from_inbox(stack.database_urls[name], group, ids))
        seen["lag"] = group_lag(kafka.bootstrap_servers, group, CONSUMED_TOPICS[name])
        return seen["missing"] == 0

    try:
        eventually(applied, timeout=180, interval=1.0, what=f"every event in {name}'s inbox")
    except AssertionError as exc:
        raise AssertionError(f"{exc}: {seen['missing']} of {len(ids)} events missing, "
                             f"{seen['lag']} messages not yet consumed by {group}") from None


@pytest.mark.parametrize("size", SIZES)
def test_consumers_killed_at_random_lose_nothing_and_apply_nothing_twice(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker, size: Size) -> None:
    since = hourly_until_now(size.events // 50)
    reference = crash_free_reference(stack, gateway, customers=50, per_customer=size.events // 50, since=since,
                                     keyed=False)
    customers = [f"crash-{uuid.uuid4()}" for _ in range(50)]
    events = purchases_for(customers, size.events // 50, since=since)
    sender = stream_in_background(gateway, events, retry_for=0)
    redelivered = 0.0
    killed_with_work_left = 0
    rng = random.Random()
    for kill in range(size.kills):
        time.sleep(rng.uniform(0.2, 2.0))
        victim = ("scoring", "treatment")[kill % 2]
        redelivered += redeliveries(stack)  # counters restart with the process
        if sender.is_alive() or group_lag(kafka.bootstrap_servers, CONSUMERS[victim], CONSUMED_TOPICS[victim]):
            killed_with_work_left += 1
        stack.kill(victim, signal.SIGKILL)
        stack.start(victim)
        stack.wait_healthy(victim, timeout=60)
    sender.join(600)
    assert not sender.errors, sender.errors  # type: ignore[attr-defined]
    assert killed_with_work_left >= size.kills / 2, \
        f"only {killed_with_work_left} of {size.kills} kills struck a consumer with events left to apply"
    took = wait_for_totals(stack, expected_totals(events), timeout=300, stall=120)
    redelivered += redeliveries(stack)

    ids = event_ids_on_topic(kafka.bootstrap_servers, "idic.interaction", set(customers), want=len(events))
    assert len(ids) == len(events) == len(set(ids))
    for name, group in CONSUMERS.items():  # treatment may still be catching up when scoring is done
        _every_event_in_inbox(stack, kafka, name, group, ids)
    assert_same_state_as_without_crashes(stack, customers, reference)
    print(f"\n[consumer crashes] {len(events)} events, {size.kills} SIGKILLs "
          f"({killed_with_work_left} with events left to apply): 0 lost, 0 applied twice, "
          f"interaction and scoring state per customer identical to a crash-free run, "
          f"{redelivered:.0f} redelivered events found already applied in an inbox, settled {took:.1f}s after the stream")


@pytest.mark.parametrize("size", SIZES)
def test_relay_and_broker_crashes_deliver_every_committed_row(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker, size: Size) -> None:
    """interaction-service (API + outbox relay) is SIGKILLed and the broker restarted while a
    client streams interactions with idempotency keys, retrying what was not acknowledged."""
    since = hourly_until_now(size.events // 50)
    reference = crash_free_reference(stack, gateway, customers=50, per_customer=size.events // 50, since=since,
                                     keyed=True)
    customers = [f"relay-{uuid.uuid4()}" for _ in range(50)]
    events = purchases_for(customers, size.events // 50, keyed=uuid.uuid4().hex[:8], since=since)
    # batches of 100: the stream lasts long enough for the kills to cut it, as a client's stream would be
    sender = stream_in_background(gateway, events, retry_for=120, chunk=100)
    rng = random.Random()
    broker_restart_at = set(rng.sample(range(size.kills), min(size.broker_restarts, size.kills)))
    killed_while_streaming = 0
    for kill in range(size.kills):
        time.sleep(rng.uniform(0.2, 2.0))
        killed_while_streaming += sender.is_alive()
        stack.kill("interaction", signal.SIGKILL)
        stack.start("interaction")
        if kill in broker_restart_at:
            kafka.stop()
            time.sleep(rng.uniform(1, 3))
            kafka.start()
        stack.wait_healthy("interaction", timeout=60)
    sender.join(900)
    assert not sender.errors, sender.errors  # type: ignore[attr-defined]
    # the client's retries across the outages are the point: at least the first kill must cut its stream
    assert killed_while_streaming >= 1, "every kill came after the client had sent all its events"
    took = wait_for_totals(stack, expected_totals(events), timeout=300, stall=120)
    assert_same_state_as_without_crashes(stack, customers, reference)
    print(f"\n[relay/broker crashes] {len(events)} events, {size.kills} relay SIGKILLs "
          f"({killed_while_streaming} while the client streamed), "
          f"{len(broker_restart_at)} broker restarts: every committed row delivered once, interaction and scoring "
          f"state per customer identical to a crash-free run, settled {took:.1f}s after")
