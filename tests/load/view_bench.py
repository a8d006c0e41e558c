"""The single face's speed (issue 19), side by side with direct calls in one run: the stack as `make run` starts
it (or on PostgreSQL), distinct customers with a history, then, for each case, ``wrk`` (a C load generator, so
the client costs the 2 cores little) asks for random customers for ``--seconds`` at 1 and at 8 connections:

- identity's ``/healthz``, the floor every GET stands on (middleware, one thread hop, no database);
- each service's single-customer GET, called directly (identity's profile, interaction's summary and
  timeline, scoring's value, treatment's next-best-actions);
- the gateway's proxied ``/value`` and its 360 view.

Besides req/s, p50 and p99 it prints the CPU milliseconds each deployable spent per request (process CPU time
over the case / requests served), which is what caps the throughput on a shared machine.

``--baseline REV`` runs the same cases, in the same run, on the code of another commit first (a git worktree
whose service sources go first on PYTHONPATH; the devstack and the load are today's): before and after.

    python -m tests.load.view_bench [--database sqlite|postgresql|both] [--seconds 10] [--baseline REV]
    python -m tests.load.view_bench --mixed 60 --baseline REV   # the mixed load instead, before and after
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from idic_devstack.stack import GATEWAY, SERVICES, Stack

from .profile_360 import API_KEY, running_stack, seed, settle
from .run import report as load_report
from .run import run_locust, seed_customers

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("services", "identity-service", "interaction-service", "scoring-service", "treatment-service", "gateway")
PROCESSES = (GATEWAY.name, *(svc.name for svc in SERVICES))


@dataclass(frozen=True)
class Case:
    """One GET asked of one deployable; ``{id}`` is replaced by a random customer."""

    name: str
    target: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()


# the 360 view twice: read fresh every time (Cache-Control: no-cache, what it costs without the gateway's view
# cache; code before the cache ignores the header), then as clients ask for it, served from the cache when it
# may be (1,000 customers at random, views at most GATEWAY_VIEW_CACHE_MAX_AGE_S old)
NO_CACHE = (("Cache-Control", "no-cache"),)
CASES: tuple[Case, ...] = (
    # the floor a single-customer GET stands on: every middleware, the thread hop, no database, no access log
    Case("identity GET /healthz (direct, the floor)", "identity", "/healthz"),
    Case("identity GET profile (direct)", "identity", "/v1/customers/{id}"),
    Case("interaction GET summary (direct)", "interaction", "/internal/customers/{id}/interactions/summary"),
    Case("interaction GET timeline (direct)", "interaction", "/v1/customers/{id}/timeline?limit=20"),
    Case("scoring GET value (direct)", "scoring", "/v1/customers/{id}/value"),
    Case("treatment GET next-best-actions (direct)", "treatment", "/v1/customers/{id}/next-best-actions"),
    Case("gateway GET /value (proxied)", "gateway", "/v1/customers/{id}/value"),
    Case("gateway GET 360 view, read fresh", "gateway", "/v1/customers/{id}", NO_CACHE),
    Case("gateway GET 360 view, view cache", "gateway", "/v1/customers/{id}"),
)

# scoring's schedule off: once enough repeat buyers exist it re-scores everyone, and the events that follow
# (new segments, decisions, interactions) would land in whichever case runs then, in one arm and not the other
QUIET = {"SCORING_SCHEDULE_CHECK_INTERVAL_S": "0"}

# wrk picks a random path per request and prints one machine-readable line at the end
WRK_SCRIPT = """
local paths = {%s}
wrk.headers["X-API-Key"] = "%s"
%s
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class Result:
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: dict[str, float]  # deployable -> CPU ms per request
    cache_hits: float | None = None  # share of 360 views the gateway served from its view cache


def view_cache_counts(stack: Stack) -> dict[str, float]:
    """The gateway's ``gateway_view_cache_total`` by result (nothing from code before the cache)."""
    text = httpx.get(f"{stack.url('gateway')}/metrics", headers={"X-API-Key": API_KEY}, timeout=10).text
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r'^gateway_view_cache_total\{result="(\w+)"\} ([0-9.e+]+)$', text, re.M)}


def wrk(url: str, paths: Sequence[str], *, connections: int, seconds: float, workdir: Path,
        headers: Sequence[tuple[str, str]] = ()) -> tuple[int, float, int, float, float]:
    """(requests, seconds, errors, p50 ms, p99 ms) of ``connections`` keep-alive clients for ``seconds``."""
    script = workdir / "paths.lua"
    extra = "\n".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers)
    script.write_text(WRK_SCRIPT % (",".join(json.dumps(p) for p in paths), API_KEY, extra))
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds:.0f}s", "--timeout", "10s", "-s",
                          str(script), url], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^RESULT (\d+) (\d+) (\d+) (\d+) (\d+)$", out, re.M)
    if found is None:
        raise RuntimeError(f"wrk printed no result:\n{out}")
    requests, duration_us, errors, p50_us, p99_us = map(int, found.groups())
    return requests, duration_us / 1e6, errors, p50_us / 1000, p99_us / 1000


def measure(stack: Stack, case: Case, ids: Sequence[str], *, connections: int, seconds: float,
            workdir: Path) -> Result:
    """One case at one concurrency, with the CPU each deployable spent on it."""
    procs = {name: psutil.Process(stack.processes[name].pid) for name in PROCESSES}
    paths = [case.path.format(id=customer) for customer in ids]
    # a short warm-up at the same concurrency: pools, caches and first decisions are not the figure
    wrk(stack.url(case.target), paths, connections=connections, seconds=2, workdir=workdir, headers=case.headers)
    counted = view_cache_counts(stack)
    before = {name: sum(p.cpu_times()[:2]) for name, p in procs.items()}
    requests, duration, errors, p50, p99 = wrk(stack.url(case.target), paths, connections=connections,
                                               seconds=seconds, workdir=workdir, headers=case.headers)
    cpu = {name: (sum(p.cpu_times()[:2]) - before[name]) * 1000 / max(requests, 1) for name, p in procs.items()}
    after = view_cache_counts(stack)
    views = sum(after.values()) - sum(counted.values())
    hits = (after.get("hit", 0) - counted.get("hit", 0)) / views if views else None
    return Result(requests, requests / duration, p50, p99, errors, cpu, hits)


@contextlib.contextmanager
def source_tree(rev: str | None) -> Iterator[dict[str, str]]:
    """Extra environment that runs the deployables from commit ``rev`` (nothing for today's code)."""
    if rev is None:
        yield {}
        return
    tree = Path(tempfile.mkdtemp(prefix="idic-baseline-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(tree), rev], check=True,
                   capture_output=True)
    try:
        yield {"PYTHONPATH": os.pathsep.join(str(tree / pkg / "src") for pkg in SOURCES)}
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False,
                       capture_output=True)


def run_arm(*, label: str, extra_env: dict[str, str], database: str, customers: int, seconds: float,
            concurrencies: Sequence[int], cases: Sequence[Case]) -> dict[tuple[str, int], Result]:
    """Start a stack (its own broker, its own databases), seed it, settle it, run every case."""
    workdir = Path(tempfile.mkdtemp(prefix="idic-view-bench-"))
    results: dict[tuple[str, int], Result] = {}
    try:
        with running_stack(workdir, database=database, extra_env={**QUIET, **extra_env}) as stack:
            random.seed(19)  # the same people in every arm
            with httpx.Client(base_url=stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=120) as gw:
                ids = seed(gw, customers)
                settle(stack)  # the consumers' own decisions (a first purchase's welcome...) are made
                for customer in ids:  # every customer's first decisions and deliveries, so the cases read
                    gw.get(f"/v1/customers/{customer}").raise_for_status()
            settle(stack)
            for connections in concurrencies:
                for case in cases:
                    result = measure(stack, case, ids, connections=connections, seconds=seconds, workdir=workdir)
                    results[(case.name, connections)] = result
                    hits = "" if result.cache_hits is None else f", {result.cache_hits:.0%} from the view cache"
                    print(f"  [{label}, {database}] {case.name} x{connections}: {result.rps:.0f} req/s, "
                          f"p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, {result.errors} errors{hits}",
                          flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return results


def mixed_arm(*, extra_env: dict[str, str], seconds: int, users: int = 32, customers: int = 2000) -> str:
    """The load test's mixed workload (``tests/load/locustfile.py``: identify, record, 360 view, next-best-actions;
    ``users`` Locust clients as fast as answered) against a stack on PostgreSQL; its report."""
    workdir = Path(tempfile.mkdtemp(prefix="idic-mixed-bench-"))
    try:
        with running_stack(workdir, database="postgresql", extra_env=extra_env) as stack:
            customers_file = workdir / "customers.csv"
            seed_customers(stack.url("gateway"), API_KEY, customers, customers_file)
            settle(stack)
            figures = run_locust(gateway_url=stack.url("gateway"), api_key=API_KEY, customers_file=customers_file,
                                 users=users, seconds=seconds, workdir=workdir)
            return load_report(figures, users=users, seconds=seconds)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(runs: dict[tuple[str, str], dict[tuple[str, int], Result]]) -> str:
    """One table: every case and concurrency, each arm and database side by side."""
    lines = []
    for (label, database), results in runs.items():
        lines.append(f"\n{label} code, {database} ({os.cpu_count()} cores, wrk, random customers):")
        lines.append(f"{'case':42} {'conns':>5} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}  "
                     + " ".join(f"{p[:5]:>6}" for p in PROCESSES) + "  (CPU ms per request)")
        for (name, connections), r in results.items():
            lines.append(f"{name:42} {connections:5d} {r.rps:7.0f} {r.p50_ms:7.1f} {r.p99_ms:7.1f} {r.errors:6d}  "
                         + " ".join(f"{r.cpu_ms[p]:6.2f}" for p in PROCESSES)
                         + ("" if r.cache_hits is None else f"  {r.cache_hits:5.0%}"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[tuple[str, str], dict[tuple[str, int], Result]]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--connections", default="1,8")
    parser.add_argument("--baseline", help="a commit to measure first, in the same run (before/after)")
    parser.add_argument("--mixed", type=int, metavar="SECONDS",
                        help="instead: the load test's mixed workload (32 clients, PostgreSQL) for SECONDS per arm")
    parser.add_argument("--cases", default="", help="only the cases whose name contains this")
    parser.add_argument("--out", type=Path, help="also write the report here")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for every deployable of both arms (e.g. IDENTITY_API_THREADS=4)")
    args = parser.parse_args(argv)
    if args.mixed:
        texts = []
        for label, rev in ((("before", args.baseline),) if args.baseline else ()) + (("after", None),):
            with source_tree(rev) as extra_env:
                texts.append(f"{label} code, PostgreSQL: " + mixed_arm(extra_env=extra_env, seconds=args.mixed))
                print(texts[-1], flush=True)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text("\n\n".join(texts) + "\n")
        return {}
    databases = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    cases = [c for c in CASES if args.cases.lower() in c.name.lower()]
    concurrencies = [int(c) for c in args.connections.split(",")]
    runs = {}
    for database in databases:
        for label, rev in ((("before", args.baseline),) if args.baseline else ()) + (("after", None),):
            with source_tree(rev) as extra_env:
                extra_env = {**extra_env, **dict(setting.split("=", 1) for setting in args.env)}
                started = time.monotonic()
                runs[(label if args.baseline else "today's", database)] = run_arm(
                    label=label, extra_env=extra_env, database=database, customers=args.customers,
                    seconds=args.seconds, concurrencies=concurrencies, cases=cases)
                print(f"  [{label}, {database}] took {time.monotonic() - started:.0f} s", flush=True)
    text = report(runs)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    return runs


if __name__ == "__main__":
    main()
