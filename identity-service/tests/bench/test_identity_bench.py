"""Benchmarks of identity-service on PostgreSQL and SQLite (``make bench``; marked ``bench``),
and a tiny unmarked smoke run of the same code so that it cannot rot.

Figures printed: how fast N customers bulk-load (the engine builds the rows, COPY writes them:
``bulk.py`` here), identify:batch records/s at N (three batches of 10,000,
over HTTP in process and at the service layer), single lookup p50/p99 (in process over HTTP,
and the database probe alone), and pairwise precision/recall/F1 of the clustering of labelled
synthetic data. N comes from IDENTITY_BENCH_CUSTOMERS (default 200,000)."""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from identity_service.api.bodies import record_of
from identity_service.config import Settings
from identity_service.main import create_app
from identity_service.service_layer.identify import identify_records
from identity_service.service_layer.models import ModelCache
from idic.public.identity import IdentifyRequest
from idic_devstack.synthetic import distinct_customers, generate, pairwise_scores

from .bulk import load_distinct_customers
from .test_accuracy_bench import identity_clusters


@dataclass
class Figures:
    database: str
    customers: int
    bulk_load_per_s: float
    batch_http_per_s: list[float]
    batch_service_per_s: list[float]
    lookup_http_p50_ms: float
    lookup_http_p99_ms: float
    lookup_db_p50_ms: float
    lookup_db_p99_ms: float
    precision: float
    recall: float
    f1: float
    accuracy_records: int
    accuracy_seconds: float


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def batch_of(start: int, size: int) -> list[dict]:
    """New people, plus a tenth of them again with their e-mail only (matched within the batch)."""
    fresh = distinct_customers(start, size - size // 10)
    return fresh + [dict(r, identifiers=r["identifiers"][:1]) for r in fresh[: size // 10]]


def run_bench(url: str, *, customers: int, batches: int, batch_size: int, accuracy_people: int,
              lookups: int) -> Figures:
    settings = Settings(database_url=url, kafka_bootstrap_servers="127.0.0.1:1", log_json=False, log_level="WARNING",
                        run_workers=False)  # no broker: the outbox just fills, as when Kafka is down
    with TestClient(create_app(settings)) as client:
        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        models = ModelCache(refresh_s=0)

        def identify_batch(raw: list[dict]) -> list:
            records = [record_of(IdentifyRequest.model_validate(r), settings=settings) for r in raw]
            return identify_records(records=records, uow_factory=runtime.uow, settings=settings, models=models)

        started = time.perf_counter()
        chunks = (distinct_customers(start, min(10_000, customers - start)) for start in range(0, customers, 10_000))
        load_distinct_customers(records=(r for chunk in chunks for r in chunk), uow_factory=runtime.uow,
                                settings=settings)
        load_rate = customers / (time.perf_counter() - started)
        if runtime.engine.dialect.name == "postgresql":
            with runtime.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")

        next_person = customers + 1_000_000  # people the load did not create
        http_rates, service_rates = [], []
        for _ in range(batches):
            for via_http in (True, False):
                raw = batch_of(next_person, batch_size)
                next_person += batch_size
                t = time.perf_counter()
                if via_http:
                    response = client.post("/v1/customers/identify:batch", json={"records": raw})
                    assert response.status_code == 200, response.text
                else:
                    identify_batch(raw)
                (http_rates if via_http else service_rates).append(len(raw) / (time.perf_counter() - t))
        with runtime.engine.begin() as conn:  # keep the outbox from skewing the lookups
            conn.exec_driver_sql("DELETE FROM outbox")

        rng = random.Random(1)
        http_ms, db_ms = [], []
        for i in (rng.randrange(customers) for _ in range(lookups)):
            value = f"LC{i:09d}"
            t = time.perf_counter()
            r = client.get("/v1/customers/lookup", params={"type": "loyalty_card", "value": value})
            http_ms.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200
            with runtime.uow() as uow:
                t = time.perf_counter()
                assert uow.customers.owner_of("loyalty_card", value) is not None
                db_ms.append((time.perf_counter() - t) * 1000)

        raw, truth = generate(accuracy_people, seed=42)
        clusters, accuracy_seconds = identity_clusters(client, settings, raw)
        scores = pairwise_scores(truth, clusters)
    return Figures(runtime.engine.dialect.name, customers, load_rate, http_rates, service_rates,
                   statistics.median(http_ms), percentile(http_ms, 0.99), statistics.median(db_ms),
                   percentile(db_ms, 0.99), scores["precision"], scores["recall"], scores["f1"], len(raw),
                   accuracy_seconds)


def report(f: Figures, batch_size: int) -> None:
    def rates(values: list[float]) -> str:
        return f"median {statistics.median(values):,.0f}  ({', '.join(f'{v:,.0f}' for v in values)})"

    print(f"\nidentity-service on {f.database} with {f.customers:,} customers (2-core machine, load average "
          f"{os.getloadavg()[0]:.1f}):\n"
          f"  bulk load (engine rows, COPY)  {f.bulk_load_per_s:,.0f} customers/s\n"
          f"  identify:batch of {batch_size:,}, HTTP in process  {rates(f.batch_http_per_s)} records/s\n"
          f"  identify:batch of {batch_size:,}, service layer    {rates(f.batch_service_per_s)} records/s\n"
          f"  lookup over HTTP (in process)  p50 {f.lookup_http_p50_ms:.2f} ms  p99 {f.lookup_http_p99_ms:.2f} ms\n"
          f"  lookup database probe          p50 {f.lookup_db_p50_ms:.2f} ms  p99 {f.lookup_db_p99_ms:.2f} ms\n"
          f"  accuracy on {f.accuracy_records:,} labelled records: precision {f.precision:.4f} "
          f"recall {f.recall:.4f} F1 {f.f1:.4f} (train + identify {f.accuracy_seconds:.1f} s)")


@pytest.fixture(params=["postgresql", "sqlite"])
def bench_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/identity-bench.db"
    return request.getfixturevalue("postgres").create_database(f"bench_{uuid.uuid4().hex[:8]}")


@pytest.mark.bench
@pytest.mark.timeout(3600)
def test_bench_identity(bench_url: str) -> None:
    customers = int(os.environ.get("IDENTITY_BENCH_CUSTOMERS", "200000"))
    figures = run_bench(bench_url, customers=customers, batches=3, batch_size=10_000, accuracy_people=5_000,
                        lookups=2_000)
    report(figures, 10_000)
    assert figures.f1 > 0.95


def test_bench_smoke(pg_url: str) -> None:
    figures = run_bench(pg_url, customers=300, batches=1, batch_size=200, accuracy_people=150, lookups=30)
    report(figures, 200)
    assert figures.bulk_load_per_s > 0 and figures.lookup_db_p99_ms > 0 and figures.f1 > 0.9
    assert min(figures.batch_http_per_s + figures.batch_service_per_s) > 0
