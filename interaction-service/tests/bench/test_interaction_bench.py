"""`make bench`: ingest through the HTTP API (uvicorn, real sockets) into PostgreSQL with outbox
events, side by side in one run with a plain bulk insert of the same rows into the same
PostgreSQL; single-request ingest; timeline latency with many interactions stored.

A short form runs in `make test` so that the benchmark code cannot rot."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import MetaData, create_engine, text

from idic_devstack.ports import free_port
from idic_devstack.waiting import eventually
from interaction_service.adapters.orm import Interaction
from interaction_service.config import Settings
from interaction_service.main import create_app

CHANNELS = ["web", "store", "phone", "email", "chat", "mobile_app"]
T0 = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)


def items(n: int, *, customers: int, seed: int) -> list[dict[str, Any]]:
    """API bodies: 30 % purchases with money, surveys, visits, calls (a realistic mix, few triggers)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rnd.random()
        item: dict[str, Any] = {"customer_id": f"b-{rnd.randrange(customers)}", "channel": rnd.choice(CHANNELS),
                                "occurred_at": (T0 + dt.timedelta(seconds=rnd.randrange(86400 * 600))).isoformat()}
        if kind < 0.3:
            item |= {"type": "purchase", "amount": f"{rnd.randrange(100, 20000) / 100:.2f}", "currency": "EUR"}
        elif kind < 0.35:
            item |= {"type": "survey", "payload": {"nps": rnd.randrange(7, 11)}}
        else:
            item |= {"type": rnd.choice(["visit", "call", "email_open"]), "cost": "0.10"}
        out.append(item)
    return out


def plain_rows(bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows the service would store for these bodies, for the plain insert."""
    now = dt.datetime.now(dt.UTC)
    return [{"id": str(uuid.uuid4()), "client_key": None, "customer_id": b["customer_id"],
             "original_customer_id": b["customer_id"], "channel": b["channel"], "type": b["type"],
             "direction": "inbound", "occurred_at": dt.datetime.fromisoformat(b["occurred_at"]), "recorded_at": now,
             "amount": Decimal(b["amount"]) if "amount" in b else None, "currency": b.get("currency"),
             "cost": Decimal(b["cost"]) if "cost" in b else None, "payload": b.get("payload", {}),
             "nps": b.get("payload", {}).get("nps"), "csat": None} for b in bodies]


@contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The real app on a real socket (uvicorn in a thread), as a deployment runs it: the API process
    without workers, the outbox relay in a process of its own (see relay_process)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    eventually(lambda: server.started, timeout=60, interval=0.05, what="the server started")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@contextmanager
def relay_process(settings: Settings) -> Iterator[None]:
    """The outbox relay as its own process, as deployed (INTERACTION_RUN_WORKERS=false on the API)."""
    env = os.environ | {"DATABASE_URL": settings.database_url,
                        "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
                        "INTERACTION_MIGRATE_ON_START": "false", "INTERACTION_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen([sys.executable, "-m", "interaction_service.entrypoints.relay"], env=env)
    try:
        yield
    finally:
        process.terminate()
        process.wait(30)


def outbox_unsent(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).scalar_one()
    engine.dispose()
    return int(n)


def plain_insert_rate(url: str, batches: list[list[dict[str, Any]]]) -> float:
    """Same rows, same PostgreSQL, a table shaped like ours with its indexes, one executemany per batch."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE plain_interactions (LIKE interactions INCLUDING ALL)"))
    plain = Interaction.__table__.to_metadata(MetaData(), name="plain_interactions")  # same columns and types
    rows = [plain_rows(batch) for batch in batches]
    started = time.perf_counter()
    for batch in rows:
        with engine.begin() as conn:
            conn.execute(plain.insert(), batch)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return sum(len(b) for b in batches) / elapsed


def fill(url: str, *, rows: int, customers: int) -> None:
    """COPY many interactions straight into the table (setting the stage for timeline reads)."""
    engine = create_engine(url)
    rnd = random.Random(7)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        columns = "id, customer_id, original_customer_id, channel, type, direction, occurred_at, recorded_at, payload"
        now = dt.datetime.now(dt.UTC)
        with cur.copy(f"COPY interactions ({columns}) FROM STDIN") as copy:
            for i in range(rows):
                cid = f"t-{i % customers}"
                at = T0 + dt.timedelta(seconds=rnd.randrange(86400 * 600))
                copy.write_row((str(uuid.uuid4()), cid, cid, rnd.choice(CHANNELS), "visit", "inbound", at, now, "{}"))
        raw.commit()
        cur.execute("ANALYZE interactions")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(kafka, pg_url: str, *, batches: int, batch_size: int, singles: int, stored: int, reads: int) -> str:
    settings = Settings(database_url=pg_url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group=f"bench-{uuid.uuid4().hex[:8]}", log_level="WARNING",
                        trigger_scan_interval_s=0, run_workers=False)
    bodies = [items(batch_size, customers=max(100, batch_size), seed=i) for i in range(batches)]
    lines = []
    with serve(settings) as base, relay_process(settings), httpx.Client(base_url=base, timeout=120) as http:
        assert http.post("/v1/interactions:batch", json={"interactions": bodies[0][:10]}).status_code == 202  # warm
        payloads = [json.dumps({"interactions": b}).encode() for b in bodies]
        started = time.perf_counter()
        for payload in payloads:
            response = http.post("/v1/interactions:batch", content=payload,
                                 headers={"content-type": "application/json"})
            assert response.status_code == 202, response.text[:500]
        api_elapsed = time.perf_counter() - started
        api_rate = batches * batch_size / api_elapsed
        plain_rate = plain_insert_rate(pg_url, bodies)
        lines.append(f"batch ingest via HTTP API -> PostgreSQL + outbox: {batches} x {batch_size:,} in "
                     f"{api_elapsed:.2f} s = {api_rate:,.0f} interactions/s")
        lines.append(f"plain bulk insert of the same rows, same PostgreSQL: {plain_rate:,.0f} rows/s "
                     f"(API reaches {api_rate / plain_rate:.0%} of it)")

        single_bodies = items(singles, customers=1000, seed=99)
        latencies = []
        started = time.perf_counter()
        for body in single_bodies:
            t = time.perf_counter()
            assert http.post("/v1/interactions", json=body).status_code == 202
            latencies.append(time.perf_counter() - t)
        single_rate = singles / (time.perf_counter() - started)
        lines.append(f"single ingest, one client: {single_rate:,.0f} requests/s, p50 "
                     f"{statistics.median(latencies) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms")

        deadline = time.monotonic() + 120  # every event of the run reaches Kafka through the outbox relay
        while (unsent := outbox_unsent(pg_url)) and time.monotonic() < deadline:
            time.sleep(0.2)
        lines.append(f"outbox rows still unsent after the run: {unsent}")

        customers = max(1, stored // 100)
        started = time.perf_counter()
        fill(pg_url, rows=stored, customers=customers)
        lines.append(f"stored {stored:,} more interactions ({customers:,} customers x 100) by COPY in "
                     f"{time.perf_counter() - started:.1f} s")
        rnd = random.Random(3)
        timings = []
        for _ in range(reads):
            t = time.perf_counter()
            response = http.get(f"/v1/customers/t-{rnd.randrange(customers)}/timeline", params={"limit": 50})
            timings.append(time.perf_counter() - t)
            assert response.status_code == 200 and len(response.json()["items"]) == 50
        lines.append(f"timeline (50 newest of 100) over HTTP with {stored + batches * batch_size:,} stored: p50 "
                     f"{statistics.median(timings) * 1000:.2f} ms, p99 {percentile(timings, 0.99) * 1000:.2f} ms")
    text_ = "\n".join(lines)
    print("\n" + text_)
    assert unsent == 0
    return text_


def test_interaction_bench_smoke(kafka, pg_url: str) -> None:
    run(kafka, pg_url, batches=2, batch_size=500, singles=30, stored=5_000, reads=50)


@pytest.mark.bench
@pytest.mark.timeout(3600)
def test_interaction_bench(kafka, pg_url: str) -> None:
    figures = run(kafka, pg_url, batches=20, batch_size=10_000, singles=1_000, stored=1_000_000, reads=2_000)
    out = Path(__file__).resolve().parents[3] / "var"
    out.mkdir(exist_ok=True)
    (out / "bench-interaction.txt").write_text(figures + "\n")
