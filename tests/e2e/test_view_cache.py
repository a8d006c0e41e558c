"""The gateway's 360 view cache on the real stack (PostgreSQL, Kafka): repeat views come from the cache, and no
view is ever older than what the services have applied, whichever gateway replica the change went through.

Each check reads a service directly first and the view after: the view must show at least what that direct
read showed. A change through the replica that serves the view is seen at once; a change through another
replica (B) reaches this one's cache with its event, a relay poll later, as in a scaled-out deployment; what
the services apply from events (scoring's re-score, a merge re-keying the timeline) is never hidden."""

from __future__ import annotations

import signal
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from idic_devstack.stack import Stack
from tests.conftest import API_KEY
from tests.support import http, scored


@pytest.fixture(scope="module")
def gateway_b(stack: Stack) -> Iterator[httpx.Client]:
    """A second replica of the gateway, with a cache of its own."""
    stack.start("gateway", instance="view-cache-b")
    try:
        stack.wait_healthy("gateway#view-cache-b", timeout=60)
        with httpx.Client(base_url=stack.url("gateway#view-cache-b"), headers={"X-API-Key": API_KEY},
                          timeout=30) as client:
            yield client
    finally:
        stack.kill("gateway#view-cache-b", signal.SIGTERM)


def new_customer(gateway: httpx.Client) -> str:
    email = f"view-cache-{uuid.uuid4().hex[:12]}@example.org"
    answer = gateway.post("/v1/customers/identify", json={
        "identifiers": [{"type": "email", "value": email}],
        "attributes": {"first_name": "Vera", "last_name": f"Cache{uuid.uuid4().hex[:6]}"}, "source": "web"})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["customer_id"])


def view(gateway: httpx.Client, ref: str, **headers: str) -> httpx.Response:
    answer = gateway.get(f"/v1/customers/{ref}", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer


def until_cached(gateway: httpx.Client, ref: str, *, timeout_s: float = 30) -> httpx.Response:
    """Views until one comes from the cache (the customer's events must first be applied everywhere)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        answer = view(gateway, ref)
        if answer.headers["cache-status"].startswith("idic-gateway; hit"):
            return answer
        time.sleep(0.1)
    raise AssertionError(f"the view of {ref} never came from the cache; last: {answer.headers['cache-status']}")


def never_behind(direct: Callable[[], Any], seen_in_view: Callable[[dict[str, Any]], Any], gateway: httpx.Client,
                 ref: str, *, want: Any, timeout_s: float = 60) -> list[str]:
    """Read the service directly, then the view through ``gateway``, until the view shows ``want``: a view
    showing less than the direct read before it is a stale cache. The views' Cache-Status, in order."""
    statuses: list[str] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        applied = direct()
        answer = view(gateway, ref)
        statuses.append(answer.headers["cache-status"])
        shown = seen_in_view(answer.json())
        assert shown >= applied, f"the view shows {shown!r}, the service had applied {applied!r} ({statuses[-1]})"
        if shown >= want:
            return statuses
        time.sleep(0.02)
    raise AssertionError(f"the view never showed {want!r}; Cache-Status: {statuses[-5:]}")


def test_a_repeat_view_comes_from_the_cache_and_says_so(gateway: httpx.Client) -> None:
    customer = new_customer(gateway)
    cached = until_cached(gateway, customer)
    assert int(cached.headers["age"]) >= 0
    fresh = view(gateway, customer, **{"Cache-Control": "no-cache"})
    assert fresh.headers["cache-status"].startswith("idic-gateway; fwd=request")
    assert "age" not in fresh.headers
    assert fresh.json()["customer_id"] == cached.json()["customer_id"] == customer
    # (the first views decide next-best-actions, whose events reach the other services and come back: the view
    # is cached in between, dropped by each of them, and cached again once they are all applied)
    until_cached(gateway, customer)
    metrics = gateway.get("/metrics").text  # what an operator watches
    assert "gateway_view_cache_serving 1.0" in metrics
    assert 'gateway_view_cache_total{result="hit"}' in metrics


def purchase(gateway: httpx.Client, customer: str) -> None:
    accepted = gateway.post("/v1/interactions", json={
        "customer_id": customer, "channel": "web", "type": "purchase", "direction": "inbound",
        "amount": "42.50", "currency": "EUR"})
    assert accepted.status_code == 202, accepted.text


def purchases_in_view(v: dict[str, Any]) -> int:
    # (not the count: it also holds the next-best-actions the views delivered, outbound interactions)
    return sum(1 for i in (v["interactions"] or {}).get("recent", []) if i.get("type") == "purchase")


def frequency_in_view(v: dict[str, Any]) -> int:
    return int(((v["value"] or {}).get("rfm") or {}).get("frequency") or 0)


def until_shown(gateway: httpx.Client, ref: str, shown: Callable[[dict[str, Any]], bool], *,
                timeout_s: float = 10) -> float:
    """Seconds until the view through ``gateway`` shows what ``shown`` wants."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if shown(view(gateway, ref).json()):
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"the view of {ref} did not show the change within {timeout_s} s")


def test_a_purchase_through_this_replica_is_never_hidden_by_the_cache(stack: Stack, gateway: httpx.Client) -> None:
    customer = new_customer(gateway)
    until_cached(gateway, customer)
    purchase(gateway, customer)

    def purchases_applied() -> int:
        r = http().get(f"{stack.url('interaction')}/internal/customers/{customer}/interactions/summary")
        return purchases_in_view({"interactions": r.json()}) if r.status_code == 200 else 0

    never_behind(purchases_applied, purchases_in_view, gateway, customer, want=1)
    # scoring applies the purchase later, from the event: until it has, the view is read fresh, never kept
    never_behind(lambda: scored(stack, customer)[0], frequency_in_view, gateway, customer, want=1)
    cached = until_cached(gateway, customer)  # settled: cached again, with the purchase
    assert purchases_in_view(cached.json()) == 1 and frequency_in_view(cached.json()) == 1


def test_a_purchase_through_another_replica_reaches_this_replicas_cache_with_its_event(
        stack: Stack, gateway: httpx.Client, gateway_b: httpx.Client) -> None:
    customer = new_customer(gateway)
    until_cached(gateway, customer)
    purchase(gateway_b, customer)
    # interaction-service holds it at once; replica A learns of it from the event: a relay poll (0.2 s) later
    assert until_shown(gateway, customer, lambda v: purchases_in_view(v) == 1) < 3.0
    never_behind(lambda: scored(stack, customer)[0], frequency_in_view, gateway, customer, want=1)
    assert frequency_in_view(until_cached(gateway, customer).json()) == 1


def test_a_merge_through_another_replica_moves_the_cached_views_to_the_survivor(
        stack: Stack, gateway: httpx.Client, gateway_b: httpx.Client) -> None:
    survivor, merged = new_customer(gateway), new_customer(gateway)
    purchase(gateway, merged)
    until_shown(gateway, merged, lambda v: frequency_in_view(v) == 1, timeout_s=60)
    until_cached(gateway, survivor)
    until_cached(gateway, merged)
    answer = gateway_b.post("/v1/customers/merge", json={"survivor_id": survivor, "merged_ids": [merged]})
    assert answer.status_code == 200, answer.text
    assert until_shown(gateway, merged, lambda v: v["customer_id"] == survivor) < 3.0
    # scoring and interaction re-key the merged customer's purchase from the merge event: never hidden
    never_behind(lambda: scored(stack, survivor)[0], frequency_in_view, gateway, survivor, want=1)
    cached = until_cached(gateway, merged).json()
    assert cached["customer_id"] == survivor and frequency_in_view(cached) == 1


def test_an_erasure_through_this_replica_is_not_served_from_the_cache(gateway: httpx.Client) -> None:
    customer = new_customer(gateway)
    until_cached(gateway, customer)
    assert gateway.delete(f"/v1/customers/{customer}").status_code == 202
    after = gateway.get(f"/v1/customers/{customer}")
    assert after.status_code == 404, after.text
