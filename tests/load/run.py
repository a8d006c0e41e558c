"""Drive the mixed workload of ``locustfile.py`` from a separate Locust process and read its figures."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

from idic_devstack.synthetic import distinct_customers

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
OPERATIONS = ("identify", "record interaction", "360 view", "next-best-actions")


@dataclass(frozen=True)
class OperationFigures:
    name: str
    requests: int
    failures: int
    rps: float
    p50_ms: float
    p99_ms: float


def seed_customers(gateway_url: str, api_key: str, count: int, path: Path) -> None:
    """Identify ``count`` different people through the public API and write `customer_id,email` lines.
    Realistic, distinct people (``synthetic.distinct_customers``): numbered look-alikes ("Load Tester1",
    "Load Tester10", ...) are what probabilistic matching is for, and it merged hundreds of them into a
    few customers with hundreds of identifiers each, whose 360 views then cost the load test its figures."""
    start = int.from_bytes(os.urandom(3), "big") * 1000  # another run's people are not these
    with httpx.Client(base_url=gateway_url, headers={"X-API-Key": api_key}, timeout=120) as client:
        lines = []
        for offset in range(0, count, 1000):
            records = distinct_customers(start + offset, min(1000, count - offset))
            response = client.post("/v1/customers/identify:batch", json={"records": records})
            response.raise_for_status()
            results = response.json()["results"]
            lines += [f"{r['customer_id']},{record['identifiers'][0]['value']}"
                      for r, record in zip(results, records, strict=True)]
    ids = [line.split(",", 1)[0] for line in lines]
    if len(set(ids)) < len(ids) * 0.99:  # a seed the matcher folds together would measure something else
        raise AssertionError(f"{len(ids)} people seeded became {len(set(ids))} customers")
    path.write_text("\n".join(lines) + "\n")


def run_locust(*, gateway_url: str, api_key: str, customers_file: Path, users: int, seconds: int,
               workdir: Path, rate_per_user: float | None = None,
               fail_on_errors: bool = True) -> list[OperationFigures]:
    """Run Locust headless for ``seconds`` with ``users`` concurrent clients (each as fast as it can, or at
    ``rate_per_user`` requests a second); figures per operation and an "Aggregated" row (stats reset once
    all clients run, so ramp-up is not counted)."""
    prefix = workdir / "locust"
    env = {**os.environ, "LOAD_API_KEY": api_key, "LOAD_CUSTOMERS": str(customers_file)}
    if rate_per_user is not None:
        env["LOAD_RATE_PER_USER"] = str(rate_per_user)
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
               "--host", gateway_url, "-u", str(users), "-r", str(users), "-t", f"{seconds}s",
               "--reset-stats", "--csv", str(prefix), "--exit-code-on-error", "0", "--loglevel", "WARNING"]
    done = subprocess.run(command, env=env, cwd=workdir, capture_output=True, text=True, timeout=seconds + 120)
    if done.returncode != 0:
        raise RuntimeError(f"locust exited {done.returncode}:\n{done.stderr[-3000:]}")
    with open(f"{prefix}_stats.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    failures_csv = Path(f"{prefix}_failures.csv")
    failures = failures_csv.read_text() if failures_csv.exists() else ""
    figures = [OperationFigures(name=row["Name"], requests=int(row["Request Count"]),
                                failures=int(row["Failure Count"]), rps=float(row["Requests/s"]),
                                p50_ms=_percentile_ms(row["50%"]), p99_ms=_percentile_ms(row["99%"])) for row in rows]
    if fail_on_errors and any(f.failures for f in figures):
        raise AssertionError(f"errors under load:\n{failures}")
    return figures


def _percentile_ms(value: str) -> float:
    """Locust writes N/A for the percentiles of an operation no client asked for after the stats were reset
    (a short, slow run: make test's smoke run of the scale bench failed on it); nan prints as such."""
    return float("nan") if value == "N/A" else float(value)


def report(figures: list[OperationFigures], *, users: int, seconds: int) -> str:
    lines = [f"mixed load: {users} concurrent clients (Locust, separate process) for {seconds} s, "
             f"machine: {os.cpu_count()} cores, everything on one host",
             f"{'operation':<20} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}"]
    lines += [f"{f.name:<20} {f.requests:>9} {f.failures:>7} {f.rps:>8.1f} {f.p50_ms:>8.0f} {f.p99_ms:>8.0f}"
              for f in figures]
    return "\n".join(lines)
