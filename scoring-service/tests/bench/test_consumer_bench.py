"""How many interaction events per second the scoring consumer applies through the database:
the consumer's own batch path (inbox check, handlers, outbox, commit) on batches of 500
records as Kafka would hand them over; the broker itself is measured by the suite's pipeline
bench. Customers are spread so that a batch holds ~1 event per customer (the worst case for
batching) or ~10 (a busy shop)."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from decimal import Decimal
from typing import Any

import pytest
from kafka.consumer.fetcher import ConsumerRecord

from idic import CloudEvent, EventConsumer
from idic.contracts import InteractionRecorded
from scoring_service.config import Settings
from scoring_service.main import build_runtime
from scoring_service.service_layer import population

from .test_scoring_bench import MODEL

BATCH = 500
T0 = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def records(n: int, customers: int, run: str) -> list[ConsumerRecord]:
    out = []
    for i in range(n):
        event = InteractionRecorded(
            interaction_id=f"{run}-i{i}", customer_id=f"{run}-c{i % customers}", channel=("web", "store")[i % 2],
            type="purchase" if i % 3 else "visit", direction="inbound", occurred_at=T0 + dt.timedelta(hours=i),
            amount=Decimal("25.00") if i % 3 else None, currency="EUR" if i % 3 else None, category="books")
        value = CloudEvent.wrap(event, source="/bench").to_json_bytes()
        out.append(ConsumerRecord(topic="idic.interaction", partition=0, leader_epoch=0, offset=i, timestamp=0,
                                  timestamp_type=0, key=event.customer_id.encode(), value=value, headers=[],
                                  checksum=None, serialized_key_size=len(event.customer_id),
                                  serialized_value_size=len(value), serialized_header_size=-1))
    return out


def apply_rate(url: str, *, n: int, customers: int) -> float:
    """Events/s through the consumer's batch path, with the models of a fitted population."""
    settings = Settings(database_url=url, run_workers=False, refresh_interval_s=0, log_json=False,
                        log_level="WARNING", consumer_group=f"bench-{uuid.uuid4().hex[:6]}")
    runtime = build_runtime(settings)
    runtime.migrate()
    [spec] = runtime.consumer_specs
    consumer = EventConsumer(spec=spec, uow_factory=runtime.uow, bootstrap_servers="unused:9", client_id="bench")
    run = uuid.uuid4().hex[:8]
    warm = records(BATCH, customers, f"{run}w")
    # the batch path itself is what is timed
    assert consumer._apply_all_at_once(warm, threading.Event())  # noqa: SLF001
    with runtime.uow() as uow:  # scored under fitted models, as in production
        uow.models.put("clv", MODEL, now=T0)
        uow.commit()
    population.refresh(uow_factory=runtime.uow, now=T0 + dt.timedelta(days=30), config=settings.scoring)
    batch = records(n, customers, run)
    started = time.perf_counter()
    for start in range(0, n, BATCH):
        assert consumer._apply_all_at_once(batch[start:start + BATCH], threading.Event())  # noqa: SLF001
    rate = n / (time.perf_counter() - started)
    runtime.engine.dispose()
    return rate


def test_smoke_consumer_apply(pg_url: str) -> None:
    assert apply_rate(pg_url, n=BATCH, customers=BATCH) > 10


@pytest.mark.bench
@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_bench_consumer_apply_rate(backend: str, tmp_path: Any, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path}/bench.db"
    spread = apply_rate(url, n=10_000, customers=10_000)
    busy = apply_rate(url, n=10_000, customers=1_000)
    print(f"\nscoring consumer, {backend}, batches of {BATCH}: {spread:,.0f} events/s with one event per customer "
          f"per batch, {busy:,.0f} events/s with ~10 per customer per batch")
