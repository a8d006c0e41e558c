"""Benchmarks of identity-service on PostgreSQL (``make bench``; marked ``bench``), and a
tiny unmarked smoke run of the same code so that it cannot rot.

Figures printed: batch identify records/s while loading N customers, single lookup p50/p99
(in process over HTTP, and the database probe alone) at N customers, one more 10,000-record
batch at N, and pairwise precision/recall/F1 of the clustering of labelled synthetic data.
N comes from IDENTITY_BENCH_CUSTOMERS (default 200,000: what loads in a few minutes on the
2-core machine)."""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from identity_service.adapters.orm import MatchModelRow
from identity_service.api.schemas import IdentifyRequest
from identity_service.config import Settings
from identity_service.domain.matching import features
from identity_service.domain.training import fit
from identity_service.main import create_app
from identity_service.service_layer.identify import identify_records, to_record
from identity_service.service_layer.models import ModelCache
from identity_service.testing.synthetic import CITIES, FIRST, LAST, generate, pairwise_scores
from idic import utcnow


@dataclass
class Figures:
    customers: int
    load_records_per_s: float
    lookup_http_p50_ms: float
    lookup_http_p99_ms: float
    lookup_db_p50_ms: float
    lookup_db_p99_ms: float
    batch_records_per_s: float
    precision: float
    recall: float
    f1: float
    accuracy_records: int
    accuracy_seconds: float


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _synthetic_customers(start: int, count: int) -> list[dict]:
    """Distinct customers with e-mail, loyalty card and realistic attributes (fast to generate)."""
    rng = random.Random(start)
    return [{"identifiers": [{"type": "email", "value": f"c{start + i}.{rng.randrange(10**6)}@bench.example"},
                             {"type": "loyalty_card", "value": f"LC{start + i:09d}"}],
             "attributes": {"first_name": rng.choice(FIRST).title(), "last_name": rng.choice(LAST).title(),
                            "date_of_birth": f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-"
                                             f"{rng.randint(1, 28):02d}",
                            "postcode": f"{rng.choice('ABCDEFGHKLMNPRSTW')}{rng.randrange(1, 99)} "
                                        f"{rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                                        f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                            "city": rng.choice(CITIES)},
             "source": "bench"} for i in range(count)]


def run_bench(url: str, *, customers: int, accuracy_people: int, lookups: int) -> Figures:
    settings = Settings(database_url=url, kafka_bootstrap_servers="127.0.0.1:1", log_json=False, log_level="WARNING",
                        run_workers=False)  # no broker: the outbox just fills, as when Kafka is down
    with TestClient(create_app(settings)) as client:
        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        models = ModelCache(refresh_s=0)

        def identify_batch(raw: list[dict]) -> list:
            records = [to_record(IdentifyRequest.model_validate(r), settings=settings) for r in raw]
            return identify_records(records=records, uow_factory=runtime.uow, settings=settings, models=models)

        started, loaded = time.perf_counter(), 0
        while loaded < customers:
            count = min(10_000, customers - loaded)
            identify_batch(_synthetic_customers(loaded, count))
            loaded += count
        load_rate = customers / (time.perf_counter() - started)
        with runtime.engine.begin() as conn:  # keep the outbox from skewing the measurements
            conn.exec_driver_sql("DELETE FROM outbox")
            if runtime.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("ANALYZE")

        rng = random.Random(1)
        picks = [rng.randrange(customers) for _ in range(lookups)]
        http_ms, db_ms = [], []
        for i in picks:
            value = f"LC{i:09d}"
            t = time.perf_counter()
            r = client.get("/v1/customers/lookup", params={"type": "loyalty_card", "value": value})
            http_ms.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200
            with runtime.uow() as uow:
                t = time.perf_counter()
                assert uow.customers.owner_of("loyalty_card", value) is not None
                db_ms.append((time.perf_counter() - t) * 1000)

        batch = _synthetic_customers(customers, 9_000)
        batch += [dict(r, identifiers=r["identifiers"][:1]) for r in batch[:1_000]]  # repeats within the batch
        t = time.perf_counter()
        response = client.post("/v1/customers/identify:batch", json={"records": batch})
        batch_rate = len(batch) / (time.perf_counter() - t)
        assert response.status_code == 200

        raw, truth = generate(accuracy_people, seed=42)
        t = time.perf_counter()
        records = [to_record(IdentifyRequest.model_validate(r), settings=settings) for r in raw]
        model = fit([features(r.attributes, email=next((v for k, v in r.pairs if k == "email"), None))
                     for r in records])
        with runtime.uow() as uow:
            uow.customers.add_model(MatchModelRow(trained_at=utcnow(), params=model.to_json()))
            uow.commit()
        results = []
        for start in range(0, len(raw), 10_000):
            results += identify_batch(raw[start:start + 10_000])
        with runtime.uow() as uow:
            roots = {r.customer_id: (uow.customers.get(r.customer_id).survivor_id or r.customer_id)  # type: ignore[union-attr]
                     for r in results}
        accuracy_seconds = time.perf_counter() - t
        scores = pairwise_scores(truth, [roots[r.customer_id] for r in results])
    return Figures(customers, load_rate, statistics.median(http_ms), _percentile(http_ms, 0.99),
                   statistics.median(db_ms), _percentile(db_ms, 0.99), batch_rate, scores["precision"],
                   scores["recall"], scores["f1"], len(raw), accuracy_seconds)


def _report(f: Figures) -> None:
    print(f"\nidentity-service on PostgreSQL with {f.customers:,} customers "
          f"(2-core machine shared with other test runs):\n"
          f"  load by identify:batch      {f.load_records_per_s:,.0f} records/s\n"
          f"  lookup over HTTP (in proc)  p50 {f.lookup_http_p50_ms:.2f} ms  p99 {f.lookup_http_p99_ms:.2f} ms\n"
          f"  lookup database probe       p50 {f.lookup_db_p50_ms:.2f} ms  p99 {f.lookup_db_p99_ms:.2f} ms\n"
          f"  identify:batch of 10,000    {f.batch_records_per_s:,.0f} records/s\n"
          f"  accuracy on {f.accuracy_records:,} labelled records: precision {f.precision:.4f} "
          f"recall {f.recall:.4f} F1 {f.f1:.4f} (train + identify {f.accuracy_seconds:.1f} s)")


@pytest.mark.bench
@pytest.mark.timeout(3600)
def test_bench_identity_on_postgresql(postgres) -> None:
    customers = int(os.environ.get("IDENTITY_BENCH_CUSTOMERS", "200000"))
    figures = run_bench(postgres.create_database(f"bench_{uuid.uuid4().hex[:8]}"), customers=customers,
                        accuracy_people=5_000, lookups=2_000)
    _report(figures)
    assert figures.f1 > 0.95


def test_bench_smoke(pg_url: str) -> None:
    figures = run_bench(pg_url, customers=300, accuracy_people=150, lookups=30)
    _report(figures)
    assert figures.load_records_per_s > 0 and figures.lookup_db_p99_ms > 0 and figures.f1 > 0.9
