"""Broker outage: writes are still accepted, readiness says not ready, idle consumers stay
cheap, and everything catches up soon after the broker returns, with no restart."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from idic_devstack.kafka import KafkaBroker
from idic_devstack.stack import SERVICES, Stack
from idic_devstack.waiting import eventually

from ..support import expected_totals, proc_stat, purchases_for, record, wait_for_totals


@pytest.mark.parametrize("outage_s", [pytest.param(12, id="short"),
                                      pytest.param(60, id="long", marks=[pytest.mark.bench, pytest.mark.timeout(3600)])])
def test_broker_outage(stack: Stack, gateway: httpx.Client, kafka: KafkaBroker, outage_s: int) -> None:
    customers = [f"outage-{uuid.uuid4()}" for _ in range(10)]
    during = purchases_for(customers, 30)
    kafka.stop()
    down_at = time.monotonic()
    try:
        record(gateway, during, chunk=100)  # accepted into the outbox while Kafka is away
        for svc in SERVICES:
            eventually(lambda s=svc.name: httpx.get(f"{stack.url(s)}/readyz").status_code == 503, timeout=15,
                       interval=0.25, what=f"{svc.name} reports not ready")
        assert httpx.get(f"{stack.url('gateway')}/readyz").status_code == 503
        time.sleep(max(0.0, min(5.0, outage_s - (time.monotonic() - down_at) - 7)))
        # idle CPU of every service while the broker is down (reconnect loops must back off), in two windows of
        # 3 s: a loop that does not back off is busy in both, a one-off burst in one at most (make test, once:
        # identity at 58 % in its one 5 s window, after the suite's earlier tests; 0.8 % when run alone)
        windows = []
        for _ in range(2):
            before = {s.name: proc_stat(stack.processes[s.name].pid)[0] for s in SERVICES}
            time.sleep(3.0)
            windows.append({s.name: (proc_stat(stack.processes[s.name].pid)[0] - before[s.name]) / 3.0
                            for s in SERVICES})
        cpu = {name: min(window[name] for window in windows) for name in windows[0]}
        assert all(share < 0.10 for share in cpu.values()), windows
        time.sleep(max(0.0, outage_s - (time.monotonic() - down_at)))
    finally:
        kafka.start()
    caught_up = wait_for_totals(stack, expected_totals(during), timeout=120)
    for svc in SERVICES:
        assert httpx.get(f"{stack.url(svc.name)}/readyz").status_code == 200
    assert caught_up < 30, f"caught up {caught_up:.1f}s after the broker came back"
    print(f"\n[broker outage {outage_s}s] writes accepted, /readyz 503, idle CPU "
          + ", ".join(f"{k} {v:.1%}" for k, v in cpu.items()) + f"; caught up {caught_up:.1f}s after return")
