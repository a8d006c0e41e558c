"""Gateway throughput and latency: a proxied GET and the 360 view at 32 concurrent clients,
httpx's own pool vs the aiohttp transport side by side, and a direct call to the service (the limit).

The fake services and each gateway run as separate uvicorn processes (one worker each), so the
load generator (aiohttp, in this process) does not share a GIL with them.
``make bench`` runs the marked test; the unmarked smoke test keeps the code running in ``make test``."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import aiohttp
import pytest
from gateway_fakes import make_settings
from gateway_servers import ANN, FakeSuite, serve

from gateway.main import create_app
from idic_devstack.ports import free_port
from idic_devstack.processes import serving

KEY = "bench-key-0123456789"
TESTS = Path(__file__).resolve().parents[1]
STUB = ("import sys; sys.path.insert(0, {tests!r}); import uvicorn; from gateway_servers import FakeSuite; "
        "uvicorn.run(FakeSuite().app, host='127.0.0.1', port={port}, log_level='warning', access_log=False)")


@contextmanager
def fake_services() -> Iterator[str]:
    """The fake of the four services in its own process."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with serving([sys.executable, "-c", STUB.format(tests=str(TESTS), port=port)], env=os.environ,
                 ready_url=url + "/readyz"):
        yield url


@contextmanager
def gateway(services: str, transport: str) -> Iterator[str]:
    """A gateway process with the given HTTP transport, rate limits off."""
    port = free_port()
    env = {**os.environ, "IDIC_API_KEYS": json.dumps({KEY: ["read", "write", "admin"]}), "GATEWAY_ENV": "test",
           "GATEWAY_HTTP_TRANSPORT": transport, "GATEWAY_RATE_LIMIT_RPS": "0", "GATEWAY_LOG_LEVEL": "WARNING",
           "PORT": str(port), **{f"GATEWAY_{s}_URL": services for s in ("IDENTITY", "INTERACTION", "SCORING",
                                                                          "TREATMENT")}}
    url = f"http://127.0.0.1:{port}"
    with serving([sys.executable, "-m", "gateway.entrypoints.api"], env=env, ready_url=url + "/healthz"):
        yield url


async def _load(url: str, *, concurrency: int, requests: int) -> dict[str, float]:
    """``requests`` GETs of ``url`` by ``concurrency`` clients; req/s, p50 and p99 in ms."""
    latencies: list[float] = []
    failures = 0
    remaining = requests
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, headers={"X-API-Key": KEY}) as session:
        async def client() -> None:
            nonlocal remaining, failures
            while remaining > 0:
                remaining -= 1
                started = time.perf_counter()
                async with session.get(url) as response:
                    await response.read()
                    if response.status != 200:
                        failures += 1
                latencies.append(time.perf_counter() - started)

        for _ in range(concurrency):  # warm the pools
            async with session.get(url) as response:
                await response.read()
        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / elapsed, "p50_ms": cuts[49] * 1000, "p99_ms": cuts[98] * 1000,
            "failures": failures}


def run(*, concurrency: int, requests: int) -> dict[str, dict[str, float]]:
    """Every case, one after the other, against the same fake services."""
    results: dict[str, dict[str, float]] = {}
    with ExitStack() as stack:
        services = stack.enter_context(fake_services())
        results["direct service GET (the limit)"] = asyncio.run(
            _load(f"{services}/v1/customers/{ANN}/value", concurrency=concurrency, requests=requests))
        for transport in ("httpx", "aiohttp"):
            url = stack.enter_context(gateway(services, transport))
            results[f"proxied GET via {transport}"] = asyncio.run(
                _load(f"{url}/v1/customers/{ANN}/value", concurrency=concurrency, requests=requests))
            results[f"360 view via {transport}"] = asyncio.run(
                _load(f"{url}/v1/customers/{ANN}", concurrency=concurrency, requests=requests))
    return results


def report(results: dict[str, dict[str, float]], concurrency: int) -> str:
    lines = [f"gateway bench, {concurrency} concurrent clients (os.cpu_count()={os.cpu_count()}):",
             f"{'case':34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7}"]
    for name, r in results.items():
        lines.append(f"{name:34} {r['rps']:8.0f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} {int(r['failures']):7d}")
    return "\n".join(lines)


@pytest.mark.bench
def test_gateway_bench() -> None:
    concurrency = 32
    results = run(concurrency=concurrency, requests=int(os.environ.get("GATEWAY_BENCH_REQUESTS", "4000")))
    print("\n" + report(results, concurrency))
    assert all(r["failures"] == 0 for r in results.values())


def test_gateway_bench_smoke() -> None:
    """The same load generator and report, in-process servers (quick): keeps the bench code alive."""
    results: dict[str, dict[str, float]] = {}
    with serve(FakeSuite().app, lifespan="off") as services:
        for transport in ("httpx", "aiohttp"):
            settings = make_settings(api_keys={KEY: ["read"]}, http_transport=transport, identity_url=services,
                                     interaction_url=services, scoring_url=services, treatment_url=services)
            with serve(create_app(settings)) as url:
                results[f"360 view via {transport}"] = asyncio.run(
                    _load(f"{url}/v1/customers/{ANN}", concurrency=4, requests=40))
    assert all(r["failures"] == 0 and r["rps"] > 0 for r in results.values()), report(results, 4)
    assert "360 view via aiohttp" in report(results, 4)
