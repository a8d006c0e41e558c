"""Accuracy side by side (``make bench``; marked ``bench``): identity-service's clustering and
Splink's (DuckDB backend, its documented default approach: ``splink_baseline``) on the same
labelled synthetic records, in the same run; pairwise precision, recall, F1 and wall time of
each. identity-service runs as in production: a fresh PostgreSQL database, the match model
trained on the records (u from random pairs, m and prior by EM), then identify:batch at the
service layer in batches of 10,000, and each record's customer followed to its survivor.
Size: IDENTITY_ACCURACY_PEOPLE people (default 5,000: about 10,000 records)."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient

from identity_service.api.bodies import record_of
from identity_service.config import Settings
from identity_service.domain.matching import features
from identity_service.domain.training import fit
from identity_service.main import create_app
from identity_service.service_layer.identify import identify_records
from identity_service.service_layer.models import ModelCache
from identity_service.service_layer.training import save_model
from idic.public.identity import IdentifyRequest
from idic_devstack.synthetic import generate, pairwise_scores

from .splink_baseline import splink_clusters


def identity_clusters(client: TestClient, settings: Settings, raw: Sequence[dict[str, Any]]) -> tuple[list[str], float]:
    """(survivor id per record, wall seconds): train on the records, identify them in batches."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    started = time.perf_counter()
    records = [record_of(IdentifyRequest.model_validate(r), settings=settings) for r in raw]
    model = fit([features(r.attributes, email=next((v for k, v in r.pairs if k == "email"), None))
                 for r in records])
    save_model(model=model, uow_factory=runtime.uow)
    models = ModelCache(refresh_s=0)
    results = []
    for start in range(0, len(records), 10_000):
        results += identify_records(records=records[start:start + 10_000], uow_factory=runtime.uow,
                                    settings=settings, models=models)
    with runtime.uow() as uow:
        roots = uow.customers.roots_of(r.customer_id for r in results)
    return [roots[r.customer_id] for r in results], time.perf_counter() - started


def side_by_side(url: str, *, people: int, u_pairs: float) -> dict[str, dict[str, float]]:
    raw, truth = generate(people, seed=42)
    settings = Settings(database_url=url, kafka_bootstrap_servers="127.0.0.1:1", log_json=False, log_level="WARNING",
                        run_workers=False)
    with TestClient(create_app(settings)) as client:
        ours, ours_s = identity_clusters(client, settings, raw)
    theirs, theirs_s = splink_clusters(raw, u_pairs=u_pairs)
    figures = {"identity-service": {**pairwise_scores(truth, ours), "seconds": ours_s},
               "splink (duckdb)": {**pairwise_scores(truth, theirs), "seconds": theirs_s}}
    print(f"\nclustering of {len(raw):,} labelled synthetic records of {people:,} people "
          f"({figures['identity-service']['true_pairs']:,.0f} true pairs; 2-core machine, load average "
          f"{os.getloadavg()[0]:.1f}):")
    for name, f in figures.items():
        print(f"  {name:<17} precision {f['precision']:.4f}  recall {f['recall']:.4f}  F1 {f['f1']:.4f}  "
              f"wall {f['seconds']:.1f} s")
    return figures


@pytest.mark.bench
@pytest.mark.timeout(3600)
def test_bench_accuracy_against_splink(postgres) -> None:
    people = int(os.environ.get("IDENTITY_ACCURACY_PEOPLE", "5000"))
    figures = side_by_side(postgres.create_database(f"acc_{uuid.uuid4().hex[:8]}"), people=people, u_pairs=1e7)
    ours, theirs = figures["identity-service"], figures["splink (duckdb)"]
    assert ours["f1"] >= 0.99 and ours["seconds"] <= theirs["seconds"]


def test_bench_accuracy_smoke(pg_url: str) -> None:
    figures = side_by_side(pg_url, people=30, u_pairs=1e3)
    assert figures["identity-service"]["f1"] > 0.9 and figures["splink (duckdb)"]["f1"] > 0.5
