"""Single lookup at a million customers in PostgreSQL (``make bench``; marked ``bench``), and a
small unmarked smoke run of the same code.

The customers are bulk-loaded through the service's own engine and tables
(``bulk.py`` here: the rows identify would write, COPY instead of a million
requests), the tables are ANALYZEd, the plan of the lookup query is checked to be an index
probe (EXPLAIN ANALYZE), and random loyalty-card lookups are timed warm at three levels: the
database probe, the service-layer call (normalise + unit of work + probe), and over HTTP
against a uvicorn process with a keep-alive httpx client. Size: IDENTITY_LOOKUP_CUSTOMERS
(default 1,000,000); lookups: IDENTITY_LOOKUP_COUNT (default 5,000)."""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import select, text

from identity_service.adapters.orm import Identifier
from identity_service.config import Settings
from identity_service.main import build_runtime
from identity_service.service_layer.identify import lookup
from idic_devstack.ports import free_port
from idic_devstack.processes import serving
from idic_devstack.synthetic import distinct_customers

from .bulk import load_distinct_customers


@dataclass
class LookupFigures:
    customers: int
    load_seconds: float
    plan: str
    db_ms: list[float]
    service_ms: list[float]
    http_ms: list[float]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(calls: list[Callable[[], object]]) -> list[float]:
    out = []
    for call in calls:
        t = time.perf_counter()
        call()
        out.append((time.perf_counter() - t) * 1000)
    return out


@contextmanager
def api_process(url: str) -> Iterator[str]:
    """identity-service's API under uvicorn in its own process (no Kafka: workers off)."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1", "IDENTITY_RUN_WORKERS": "false",
           "IDENTITY_LOG_LEVEL": "WARNING", "IDENTITY_LOG_JSON": "true"}
    base = f"http://127.0.0.1:{port}"
    with serving([sys.executable, "-m", "identity_service.entrypoints.api", "--port", str(port)], env=env,
                 ready_url=f"{base}/healthz"):
        yield base


def run_lookup_bench(url: str, *, customers: int, lookups: int) -> LookupFigures:
    settings = Settings(database_url=url, kafka_bootstrap_servers="127.0.0.1:1", log_json=False,
                        log_level="WARNING", run_workers=False)
    runtime = build_runtime(settings)
    try:
        runtime.migrate()
        started = time.perf_counter()
        chunks = (distinct_customers(start, min(10_000, customers - start)) for start in range(0, customers, 10_000))
        load_distinct_customers(records=(r for chunk in chunks for r in chunk), uow_factory=runtime.uow,
                                settings=settings, chunk=50_000)
        with runtime.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        load_seconds = time.perf_counter() - started

        rng = random.Random(7)
        values = [f"LC{rng.randrange(customers):09d}" for _ in range(lookups)]
        probe = select(Identifier.customer_id).where(Identifier.type == "loyalty_card", Identifier.value == values[0])
        with runtime.engine.connect() as conn:
            sql = str(probe.compile(runtime.engine, compile_kwargs={"literal_binds": True}))
            plan = "\n".join(conn.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")).scalars())

        with runtime.uow() as uow:
            def db_call(value: str) -> Callable[[], object]:
                def call() -> object:
                    found = uow.customers.owner_of("loyalty_card", value)
                    assert found is not None
                    return found
                return call

            timed([db_call(v) for v in values[: lookups // 5]])  # warm-up
            db_ms = timed([db_call(v) for v in values])

        def service_call(value: str) -> Callable[[], object]:
            return lambda: lookup(kind="loyalty_card", value=value, uow_factory=runtime.uow, settings=settings)

        timed([service_call(v) for v in values[: lookups // 5]])
        service_ms = timed([service_call(v) for v in values])
    finally:
        runtime.engine.dispose()

    with api_process(url) as base, httpx.Client(base_url=base, timeout=10) as client:
        def http_call(value: str) -> Callable[[], object]:
            def call() -> object:
                r = client.get("/v1/customers/lookup", params={"type": "loyalty_card", "value": value})
                assert r.status_code == 200, r.text
                return r
            return call

        timed([http_call(v) for v in values[: lookups // 5]])
        http_ms = timed([http_call(v) for v in values])
    return LookupFigures(customers, load_seconds, plan, db_ms, service_ms, http_ms)


def report(f: LookupFigures) -> None:
    def line(name: str, ms: list[float]) -> str:
        return (f"  {name:<34} p50 {statistics.median(ms):.2f} ms  p99 {pct(ms, 0.99):.2f} ms  "
                f"max {max(ms):.2f} ms  ({len(ms):,} random lookups, warm)")

    print(f"\nidentity-service lookup with {f.customers:,} customers in PostgreSQL (2-core machine, load average "
          f"{os.getloadavg()[0]:.1f}); bulk load + ANALYZE {f.load_seconds:.0f} s "
          f"({f.customers / f.load_seconds:,.0f} customers/s)\n"
          f"{line('database probe (owner_of)', f.db_ms)}\n{line('service layer (lookup())', f.service_ms)}\n"
          f"{line('HTTP, uvicorn process + httpx', f.http_ms)}\n  plan:\n    " + f.plan.replace("\n", "\n    "))


@pytest.mark.bench
@pytest.mark.timeout(7200)
def test_bench_lookup_at_a_million_customers(postgres) -> None:
    customers = int(os.environ.get("IDENTITY_LOOKUP_CUSTOMERS", "1000000"))
    figures = run_lookup_bench(postgres.create_database(f"lookup_{uuid.uuid4().hex[:8]}"), customers=customers,
                               lookups=int(os.environ.get("IDENTITY_LOOKUP_COUNT", "5000")))
    report(figures)
    assert "Index" in figures.plan and "Seq Scan" not in figures.plan


def test_bench_lookup_smoke(pg_url: str) -> None:
    figures = run_lookup_bench(pg_url, customers=300, lookups=50)
    report(figures)
    assert "Index" in figures.plan and "Seq Scan" not in figures.plan
    assert min(figures.db_ms + figures.service_ms + figures.http_ms) > 0
