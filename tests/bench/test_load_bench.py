"""Issue 8, item 8: a mixed workload (identify, record interactions, 360 view, next-best-actions)
from a separate process against the whole suite on PostgreSQL and Kafka. `make bench` runs the
long form and records the figures in var/bench-load.txt; `make test` a short one so it cannot rot."""

from __future__ import annotations

from pathlib import Path

import pytest

from idic_devstack.stack import Stack

from ..conftest import API_KEY
from ..load.run import OPERATIONS, report, run_locust, seed_customers


def mixed_load(stack: Stack, tmp_path: Path, *, customers: int, users: int, seconds: int) -> str:
    # a gateway of its own without per-key throttling: the figure is the suite's, not the rate limit's
    stack.start("gateway", instance="load", env={"GATEWAY_RATE_LIMIT_RPS": "0"})
    try:
        stack.wait_healthy("gateway#load", ready=True, timeout=60)
        url = stack.url("gateway#load")
        customers_file = tmp_path / "customers.csv"
        seed_customers(url, API_KEY, customers, customers_file)
        figures = run_locust(gateway_url=url, api_key=API_KEY, customers_file=customers_file, users=users,
                             seconds=seconds, workdir=tmp_path)
    finally:
        stack.kill("gateway#load")
    by_name = {f.name: f for f in figures}
    assert set(OPERATIONS) <= set(by_name), by_name.keys()  # every operation ran, and none failed
    assert all(by_name[name].requests > 0 for name in OPERATIONS)
    text = report(figures, users=users, seconds=seconds)
    print("\n" + text)
    return text


def test_mixed_load_smoke_has_no_errors(stack: Stack, tmp_path: Path) -> None:
    mixed_load(stack, tmp_path, customers=200, users=4, seconds=8)


@pytest.mark.bench
def test_mixed_load_bench(stack: Stack, tmp_path: Path) -> None:
    text = mixed_load(stack, tmp_path, customers=5000, users=32, seconds=120)
    out = Path(__file__).resolve().parents[2] / "var"
    out.mkdir(exist_ok=True)
    (out / "bench-load.txt").write_text(text + "\n")
