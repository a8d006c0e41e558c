"""Issue 17, item 3 (``make bench``; marked ``bench``): the reports at 1,000,000 customers and
10,000,000 interactions, and what reading them costs the operational paths, against the whole suite
on PostgreSQL and Kafka.

1. The tables the reports read are filled at that size (``report_tables``); each of the seven reports is
   then asked 20 times through the gateway, as JSON and as CSV (p50, p95, max; target < 500 ms), and
   checked to answer the whole population (so the figure is of the data at scale).
2. Side by side in one run: the mixed load of the load test (identify, record, 360, next-best-actions;
   Locust, separate process) alone, with an analyst opening the dashboard (the seven reports) every
   5 s, and with dashboards loaded back to back (the worst case); the rounds alternate, three times, so
   a drift of the machine falls on every arm. Printed: requests/s and p50/p99 per operation and arm,
   the change against the load alone (target: none slower than 10 %), and each round's requests/s, whose
   spread within an arm is the noise the changes must be read against."""

from __future__ import annotations

import datetime as dt
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from idic_devstack.stack import Stack

from ..conftest import API_KEY
from ..load.run import OPERATIONS, OperationFigures, run_locust, seed_customers
from .report_tables import fill_scoring, fill_treatment

CUSTOMERS, INTERACTIONS, DECISIONS, DAYS = 1_000_000, 10_000_000, 2_000_000, 730
REPORTS = {"value": "/v1/reports/value", "tiers": "/v1/reports/tiers?period=month",
           "cohorts": "/v1/reports/cohorts?period=month", "channels": "/v1/reports/channels?period=month",
           "feedback": "/v1/reports/feedback?period=month", "linkage": "/v1/reports/linkage",
           "treatments": "/v1/reports/treatments?period=month"}
ASKS = 20
USERS, ROUND_S, ROUNDS = 8, 60, 3
ARMS = {"load alone": None, "+ a dashboard every 5 s": 5.0, "+ dashboards back to back": 0.0}


def time_reports(client: httpx.Client) -> dict[str, dict[str, float]]:
    """ms of each report (p50, p95, max of ASKS asks), JSON and CSV; each checked to answer the seeded scale."""
    out = {}
    for name, path in REPORTS.items():
        for form, accept in (("json", "application/json"), ("csv", "text/csv")):
            times = []
            for _ in range(ASKS):
                started = time.perf_counter()
                answer = client.get(path, headers={"Accept": accept})
                times.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200, (path, answer.status_code, answer.text[:300])
            times.sort()
            out[f"{name} ({form})"] = {"p50": statistics.median(times), "p95": times[int(0.95 * ASKS) - 1],
                                       "max": times[-1]}
    return out


def check_scale(client: httpx.Client, seeded: dict[str, Any]) -> None:
    """The reports answer the seeded population, not a small one."""
    assert client.get(REPORTS["value"]).json()["customers"] == CUSTOMERS
    channels = client.get(REPORTS["channels"]).json()["rows"]
    assert sum(r["interactions"] for r in channels) >= INTERACTIONS == seeded["interactions"]
    rules = client.get(REPORTS["treatments"]).json()["rules"]
    assert sum(r["presented"] + r["control_presented"] for r in rules) >= DECISIONS


class Analyst(threading.Thread):
    """Opens the dashboard (every report, as the page does) every ``every_s`` seconds until stopped."""

    def __init__(self, url: str, every_s: float) -> None:
        super().__init__(daemon=True)
        self.url, self.every_s, self.stop, self.loads = url, every_s, threading.Event(), 0

    def run(self) -> None:
        with httpx.Client(base_url=self.url, headers={"X-API-Key": API_KEY}, timeout=60) as client:
            while not self.stop.is_set():
                started = time.monotonic()
                for path in REPORTS.values():
                    client.get(path).raise_for_status()
                self.loads += 1
                self.stop.wait(max(0.0, self.every_s - (time.monotonic() - started)))


def side_by_side(url: str, customers_file: Path, workdir: Path) -> dict[str, list[list[OperationFigures]]]:
    arms: dict[str, list[list[OperationFigures]]] = {arm: [] for arm in ARMS}
    for n in range(ROUNDS):
        for arm, every_s in ARMS.items():
            analyst = Analyst(url, every_s) if every_s is not None else None
            if analyst is not None:
                analyst.start()
            try:
                round_dir = workdir / f"round-{n}-{list(ARMS).index(arm)}"
                round_dir.mkdir()
                arms[arm].append(run_locust(gateway_url=url, api_key=API_KEY, customers_file=customers_file,
                                            users=USERS, seconds=ROUND_S, workdir=round_dir))
            finally:
                if analyst is not None:
                    analyst.stop.set()
                    analyst.join(timeout=120)
                    print(f"  ({arm}: {analyst.loads} dashboards loaded in round {n + 1})")
    return arms


def arm_figures(rounds: list[list[OperationFigures]]) -> dict[str, tuple[float, float, float]]:
    """Per operation: the mean over the arm's rounds of requests/s, p50 and p99 (ms)."""
    out = {}
    for name in (*OPERATIONS, "Aggregated"):
        rows = [next(f for f in figures if f.name == name) for figures in rounds]
        out[name] = (statistics.mean(f.rps for f in rows), statistics.mean(f.p50_ms for f in rows),
                     statistics.mean(f.p99_ms for f in rows))
    return out


@pytest.mark.bench
@pytest.mark.timeout(3600)
def test_bench_reports_at_scale_and_their_cost_to_the_operational_paths(stack: Stack, tmp_path: Path) -> None:
    # the seeded runs are dated a day ahead, so they stay the latest while the suite's own schedule
    # re-scores the load test's few thousand customers: the figures are of the population at scale
    now = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    started = time.perf_counter()
    seeded = fill_scoring(stack.database_urls["scoring"], customers=CUSTOMERS, interactions=INTERACTIONS,
                          days=DAYS, now=now)
    seeded |= {f"treatment_{k}": v for k, v in fill_treatment(
        stack.database_urls["treatment"], decisions=DECISIONS, rules=20, days=DAYS, end=now.date()).items()}
    print(f"\nreport tables at scale filled in {time.perf_counter() - started:.0f} s: {seeded}")

    with httpx.Client(base_url=stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=60) as client:
        check_scale(client, seeded)
        timings = time_reports(client)
    print(f"reports through the gateway, {CUSTOMERS:,} customers, {INTERACTIONS:,} interactions, "
          f"{DECISIONS:,} decisions, {DAYS + 1} daily runs ({ASKS} asks each; target < 500 ms):")
    for name, t in timings.items():
        print(f"  {name:<20} p50 {t['p50']:7.1f} ms  p95 {t['p95']:7.1f} ms  max {t['max']:7.1f} ms")
    print(f"  slowest p95: {max(t['p95'] for t in timings.values()):.1f} ms")

    stack.start("gateway", instance="reports", env={"GATEWAY_RATE_LIMIT_RPS": "0"})
    try:
        stack.wait_healthy("gateway#reports", ready=True, timeout=60)
        url = stack.url("gateway#reports")
        customers_file = tmp_path / "customers.csv"
        seed_customers(url, API_KEY, 2000, customers_file)
        arms = side_by_side(url, customers_file, tmp_path)
    finally:
        stack.kill("gateway#reports")
    alone = arm_figures(arms["load alone"])
    print(f"\nmixed load, {USERS} clients, {ROUNDS} rounds of {ROUND_S} s per arm, alternating "
          f"(req/s, p50 ms, p99 ms; change against the load alone):")
    for arm in ARMS:
        figures = arm_figures(arms[arm])
        each = ", ".join(f"{next(f for f in r if f.name == 'Aggregated').rps:.1f}" for r in arms[arm])
        print(f"  {arm} (requests/s of each round: {each})")
        for name, (rps, p50, p99) in figures.items():
            base = alone[name]
            print(f"    {name:<20} {rps:7.1f} req/s ({(rps / base[0] - 1) * 100:+5.1f} %)  p50 {p50:6.0f} "
                  f"({(p50 / base[1] - 1) * 100 if base[1] else 0:+5.1f} %)  p99 {p99:6.0f} "
                  f"({(p99 / base[2] - 1) * 100 if base[2] else 0:+5.1f} %)")
