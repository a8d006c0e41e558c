"""Where the CPU of a 360 view goes (issue 19): the stack as `make run` starts it (embedded SQLite default,
one local broker), customers with a history, then ``--clients`` threads asking the gateway for 360 views
for ``--seconds`` while py-spy samples every deployable. Prints, per process, the CPU milliseconds one view
costs (CPU time over the load / views served) and where they go: the leaf frame of each sample by the
library it is in (self time) and the share of samples with that library anywhere on the stack (inclusive).
The collapsed stacks (``<out>/<process>.txt``, py-spy's raw format) open in speedscope or flamegraph.pl.

    python -m tests.load.profile_360 [--seconds 30] [--clients 8] [--customers 2000] [--out var/profile]
    python -m tests.load.profile_360 --database postgresql   # the same on PostgreSQL (one database each)
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
from prometheus_client.parser import text_string_to_metric_families

from idic_devstack.kafka import KafkaBroker
from idic_devstack.postgres import PostgresCluster
from idic_devstack.stack import SERVICES, Stack
from idic_devstack.synthetic import distinct_customers

API_KEY = "profile-admin-key"
PROCESSES = ("gateway", *(svc.name for svc in SERVICES))

# a frame's file (as py-spy writes it: relative to its sys.path entry) -> what it is; first match wins
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("idic/middleware", "our middleware"), ("idic/logs", "logging"), ("idic/metrics", "metrics"),
    ("idic/", "idic other"), ("gateway/api/", "gateway routes"), ("gateway/adapters/clients", "gateway clients"),
    ("gateway/", "gateway other"), ("identity_service/", "service code"), ("interaction_service/", "service code"),
    ("scoring_service/", "service code"), ("treatment_service/", "service code"),
    ("uvicorn/", "uvicorn"), ("h11/", "h11"), ("httptools/", "httptools"), ("fastapi/", "fastapi"),
    ("starlette/", "starlette"), ("anyio/", "anyio"), ("pydantic_core/", "pydantic"), ("pydantic/", "pydantic"),
    ("sqlalchemy/", "sqlalchemy"), ("sqlite3/", "sqlite3"), ("psycopg", "psycopg"),
    ("aiohttp/", "aiohttp"), ("httpx/", "httpx"), ("httpcore/", "httpcore"), ("structlog/", "logging"),
    ("logging/", "logging"), ("prometheus_client/", "metrics"), ("json/", "json"), ("orjson", "json"),
    ("kafka/", "kafka client"), ("asyncio/", "asyncio"), ("selectors", "asyncio"), ("threading", "threads"),
    ("concurrent/", "threads"), ("queue", "threads"),
)


def category(frame: str) -> str:
    """``function (file:line)`` -> the category of its file."""
    file = frame[frame.rfind("(") + 1:].rsplit(":", 1)[0]
    for prefix, name in CATEGORIES:
        if file.startswith(prefix):
            return name
    return f"other ({file.split('/', 1)[0]})"


def summarise(collapsed: Path) -> tuple[int, collections.Counter[str], collections.Counter[str]]:
    """Samples, self samples per category and inclusive samples per category, from py-spy's raw output
    (``frame;frame;... count`` lines, root first; a frame is ``function (file:line)``)."""
    self_time: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack:
            continue
        count = int(count_text)
        frames = [f for f in stack.split(";") if not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        total += count
        self_time[category(frames[-1])] += count
        for name in {category(f) for f in frames}:
            inclusive[name] += count
    return total, self_time, inclusive


def seed(gateway: httpx.Client, customers: int) -> list[str]:
    """Distinct, realistic people identified in batches (look-alike names would be merged by the matcher
    into a few customers with hundreds of identifiers), each with a few interactions, some purchases."""
    ids: list[str] = []
    start = random.randrange(10**6) * 1000
    for offset in range(0, customers, 500):
        answer = gateway.post("/v1/customers/identify:batch",
                              json={"records": distinct_customers(start + offset, min(500, customers - offset))})
        answer.raise_for_status()
        batch = [r["customer_id"] for r in answer.json()["results"]]
        ids += batch
        interactions = [{"customer_id": c, "channel": random.choice(("web", "store", "email")),
                         **({"type": "purchase", "amount": f"{random.uniform(5, 200):.2f}", "currency": "EUR"}
                            if random.random() < 0.5 else {"type": "visit"})}
                        for c in batch for _ in range(3)]
        gateway.post("/v1/interactions:batch", json={"interactions": interactions}).raise_for_status()
    assert len(set(ids)) >= len(ids) * 0.99, f"{len(ids)} people became {len(set(ids))} customers"
    return sorted(set(ids))


def settle(stack: Stack, *, timeout: float = 300) -> None:
    """Until no service has records on Kafka to apply or outbox rows to send, twice in a row."""
    deadline, quiet = time.monotonic() + timeout, 0
    while quiet < 2 and time.monotonic() < deadline:
        pending = 0.0
        for svc in SERVICES:
            for family in text_string_to_metric_families(httpx.get(f"{stack.url(svc.name)}/metrics").text):
                if family.name in ("idic_consumer_lag", "idic_outbox_pending"):
                    pending += sum(sample.value for sample in family.samples)
        quiet = quiet + 1 if pending == 0 else 0
        time.sleep(1)


def hammer(url: str, ids: list[str], *, clients: int, seconds: float) -> tuple[int, list[float]]:
    """``clients`` threads asking for 360 views as fast as answered; views served and their latencies."""
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        mine: list[float] = []
        with httpx.Client(base_url=url, headers={"X-API-Key": API_KEY}, timeout=30) as http:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                answer = http.get(f"/v1/customers/{random.choice(ids)}")
                mine.append(time.perf_counter() - started)
                if answer.status_code != 200 or answer.json()["degraded"]:
                    raise AssertionError(f"{answer.status_code}: {answer.text[:300]}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies), sorted(latencies)


@contextmanager
def running_stack(workdir: Path, *, database: str, extra_env: dict[str, str] | None = None) -> Iterator[Stack]:
    """The five deployables as `make run` starts them (SQLite) or on PostgreSQL (a database each, in a cluster
    of its own directory: PostgreSQL runs as `postgres`, which cannot enter ours), with a broker of their own,
    every one ready; all stopped on exit."""
    postgres = PostgresCluster(Path(tempfile.mkdtemp(prefix="idic-pg-"))) if database == "postgresql" else None
    try:
        with KafkaBroker(workdir / "kafka") as broker:
            urls = {}
            if postgres is not None:
                postgres.start()
                urls = {svc.name: postgres.create_database(f"bench_{svc.name}") for svc in SERVICES}
            stack = Stack(kafka_bootstrap=broker.bootstrap_servers, workdir=workdir / "stack", database_urls=urls,
                          extra_env={"IDIC_API_KEYS": json.dumps({API_KEY: ["read", "write", "admin"]}),
                                     "GATEWAY_RATE_LIMIT_RPS": "0", **(extra_env or {})})
            try:
                stack.start_all()
                for name in stack.processes:
                    stack.wait_healthy(name, ready=True, timeout=120)
                yield stack
            finally:
                stack.stop_all()
    finally:
        if postgres is not None:
            postgres.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--out", type=Path, default=Path("var/profile"))
    args = parser.parse_args()
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="idic-profile-"))
    with running_stack(workdir, database=args.database) as stack:
        with httpx.Client(base_url=stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=120) as gw:
            ids = seed(gw, args.customers)
            for customer in ids[:50]:  # warm every path once (first decisions, caches)
                gw.get(f"/v1/customers/{customer}").raise_for_status()
        settle(stack)  # the consumers applied the seeding: the profile is of the views alone
        pids = {name: stack.processes[name].pid for name in PROCESSES}
        before = {name: psutil.Process(pid).cpu_times() for name, pid in pids.items()}
        spies = [subprocess.Popen([py_spy, "record", "--pid", str(pid), "--rate", str(args.rate),
                                   "--duration", str(int(args.seconds)), "--format", "raw", "--gil", "--nonblocking",
                                   "--output", str(args.out / f"{name}.txt")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for name, pid in pids.items()]
        views, latencies = hammer(stack.url("gateway"), ids, clients=args.clients, seconds=args.seconds)
        after = {name: psutil.Process(pid).cpu_times() for name, pid in pids.items()}
        for spy in spies:
            spy.wait(timeout=60)
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"{views} views in {args.seconds:.0f} s by {args.clients} clients ({args.database}): "
          f"{views / args.seconds:.1f} views/s, p50 {latencies[len(latencies) // 2] * 1000:.1f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.1f} ms")
    for name in PROCESSES:
        cpu_ms = ((after[name].user + after[name].system) - (before[name].user + before[name].system)) * 1000
        total, self_time, inclusive = summarise(args.out / f"{name}.txt")
        print(f"\n{name}: {cpu_ms / max(views, 1):.2f} ms CPU per view ({total} samples)")
        print("  self:      " + ", ".join(f"{k} {v / total:.0%}" for k, v in self_time.most_common(10)))
        print("  inclusive: " + ", ".join(f"{k} {v / total:.0%}" for k, v in inclusive.most_common(12)))


if __name__ == "__main__":
    main()
