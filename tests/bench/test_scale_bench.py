"""Issue 18, item 5: where the first limit is. The mixed workload of the load test offered at a fixed rate
(1x, then 2x and 4x) to the whole suite on PostgreSQL and Kafka, everything on this machine; at each level
the requests served against those offered, their latency, the CPU each stage used (each deployable's
process with the relay and consumers it runs, the Kafka broker, PostgreSQL with its backends, and the rest:
the load generator), and how far the asynchronous stages fell behind: the consumer lag and unsent outbox
when the load stops, and how long until every service has applied everything."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from idic_devstack.kafka import KafkaBroker
from idic_devstack.postgres import PostgresCluster
from idic_devstack.stack import SERVICES, Stack

from ..conftest import API_KEY
from ..load.run import OPERATIONS, OperationFigures, run_locust, seed_customers
from ..support import metric_total

BASE_RPS = 15.0   # 1x: about a quarter of what the 2 cores serve flat out (55 req/s, the mixed-load bench)
USERS = 48        # enough clients that each needs at most 1.25 req/s at 4x


def process_cpu_s(pid: int) -> float:
    """CPU seconds of a process, its live descendants and the children it reaped (PostgreSQL's backends)."""
    try:
        root = psutil.Process(pid)
        times = root.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for child in root.children(recursive=True):
            try:
                child_times = child.cpu_times()
                total += child_times.user + child_times.system
            except psutil.NoSuchProcess:
                pass
        return total
    except psutil.NoSuchProcess:
        return 0.0


def machine_busy_s() -> float:
    times = psutil.cpu_times()
    return times.user + times.system + times.nice + getattr(times, "irq", 0.0) + getattr(times, "softirq", 0.0)


def stages(stack: Stack, kafka: KafkaBroker, postgres: PostgresCluster, gateway_key: str) -> dict[str, int]:
    """The process of each stage: the gateway under load, each service (API, relay and consumers in one
    process), the broker, PostgreSQL's postmaster (its backends are its children)."""
    postmaster = int((postgres.datadir / "postmaster.pid").read_text().split()[0])
    assert kafka.process is not None
    return {"gateway": stack.processes[gateway_key].pid,
            **{svc.name: stack.processes[svc.name].pid for svc in SERVICES},
            "kafka": kafka.process.pid, "postgresql": postmaster}


def behind(stack: Stack) -> tuple[float, float]:
    """Records on Kafka not applied yet (every group of every service) and outbox rows not sent yet."""
    urls = [stack.url(svc.name) for svc in SERVICES]
    return (sum(metric_total(url, "idic_consumer_lag") for url in urls),
            sum(metric_total(url, "idic_outbox_pending") for url in urls))


@dataclass
class Level:
    factor: int
    offered_rps: float
    figures: dict[str, OperationFigures]
    cores: dict[str, float]
    lag_at_end: float
    outbox_at_end: float
    settle_s: float | None  # None: not waited for (the smoke run, on a stack other tests keep busy)

    def row(self) -> str:
        total = self.figures["Aggregated"]
        view = self.figures["360 view"]
        busiest = sorted(self.cores.items(), key=lambda kv: -kv[1])
        cores = ", ".join(f"{name} {used:.2f}" for name, used in busiest)
        return (f"{self.factor}x  offered {self.offered_rps:5.1f}  served {total.rps:5.1f} req/s  "
                f"errors {total.failures}  p50/p99 {total.p50_ms:.0f}/{total.p99_ms:.0f} ms  "
                f"(360 view {view.p50_ms:.0f}/{view.p99_ms:.0f})  lag at end {self.lag_at_end:.0f}  "
                f"outbox {self.outbox_at_end:.0f}  all applied "
                f"{'(not waited for)' if self.settle_s is None else f'{self.settle_s:.1f} s later'}\n"
                f"      cores used: {cores}")


def offer(stack: Stack, kafka: KafkaBroker, postgres: PostgresCluster, tmp_path: Path, *, factors: tuple[int, ...],
          seconds: int, customers: int, settle_s: float | None = 600) -> list[Level]:
    """Each level after the one before was applied in full (``settle_s`` at most; None: do not wait)."""
    stack.start("gateway", instance="scale", env={"GATEWAY_RATE_LIMIT_RPS": "0"})
    levels: list[Level] = []
    try:
        stack.wait_healthy("gateway#scale", ready=True, timeout=60)
        url = stack.url("gateway#scale")
        customers_file = tmp_path / "customers.csv"
        seed_customers(url, API_KEY, customers, customers_file)
        pids = stages(stack, kafka, postgres, "gateway#scale")
        for factor in factors:
            if settle_s is not None:
                settle(stack, timeout=settle_s)
            before = {name: process_cpu_s(pid) for name, pid in pids.items()}
            busy_before, started = machine_busy_s(), time.monotonic()
            figures = run_locust(gateway_url=url, api_key=API_KEY, customers_file=customers_file, users=USERS,
                                 seconds=seconds, workdir=tmp_path, rate_per_user=factor * BASE_RPS / USERS,
                                 fail_on_errors=False)
            elapsed = time.monotonic() - started
            cores = {name: (process_cpu_s(pid) - before[name]) / elapsed for name, pid in pids.items()}
            cores["other (load generator)"] = max(0.0, (machine_busy_s() - busy_before) / elapsed - sum(cores.values()))
            lag, outbox = behind(stack)
            settled_at = time.monotonic()
            if settle_s is not None:
                settle(stack, timeout=settle_s)
            levels.append(Level(factor, factor * BASE_RPS, {f.name: f for f in figures}, cores, lag, outbox,
                                None if settle_s is None else time.monotonic() - settled_at))
    finally:
        stack.kill("gateway#scale")
    for level in levels:
        assert set(OPERATIONS) <= set(level.figures), level.figures.keys()
    return levels


def settle(stack: Stack, *, timeout: float) -> None:
    """Until every service applied what is on Kafka and sent its outbox (twice in a row: a pass of the
    relay may publish what a consumer has yet to see)."""
    deadline, quiet = time.monotonic() + timeout, 0
    while quiet < 2:
        assert time.monotonic() < deadline, f"not settled after {timeout} s: {behind(stack)}"
        quiet = quiet + 1 if behind(stack) == (0.0, 0.0) else 0
        time.sleep(0.5)


def report(levels: list[Level], seconds: int) -> str:
    head = (f"mixed load offered at a fixed rate ({USERS} Locust clients in their own process, {seconds} s a level), "
            f"whole suite on PostgreSQL and Kafka, {os.cpu_count()} cores, everything on one host")
    return "\n".join([head, *(level.row() for level in levels)])


def test_offered_load_levels_smoke(stack: Stack, kafka: KafkaBroker, postgres: PostgresCluster,
                                   tmp_path: Path) -> None:
    """The measurement itself works (short, low rates): every stage used CPU, the load was served. It does
    not wait for the stack to be idle: the campaigns of the same session leave it busy for minutes."""
    levels = offer(stack, kafka, postgres, tmp_path, factors=(1,), seconds=6, customers=100, settle_s=None)
    print("\n" + report(levels, 6))
    [level] = levels
    assert level.figures["Aggregated"].requests > 0 and level.figures["Aggregated"].failures == 0
    assert all(level.cores[name] > 0 for name in ("gateway", "identity", "kafka", "postgresql")), level.cores


@pytest.mark.bench
def test_where_the_first_limit_is(stack: Stack, kafka: KafkaBroker, postgres: PostgresCluster,
                                  tmp_path: Path) -> None:
    seconds = 60
    levels = offer(stack, kafka, postgres, tmp_path, factors=(1, 2, 4), seconds=seconds, customers=3000)
    text = report(levels, seconds)
    print("\n" + text)
    out = Path(__file__).resolve().parents[2] / "var"
    out.mkdir(exist_ok=True)
    (out / "bench-scale.txt").write_text(text + "\n")
