"""Make the upgrade test's fixture of one release: its databases, with data in them, as that release left them.

Run the release's own five deployables (its code, checked out in a git worktree) on a throw-away Kafka
broker and on each backend (the embedded SQLite default, then PostgreSQL), drive the user flow of
``FLOW`` below through its gateway as an outside client, wait until every service has applied every
event, stop everything and keep the databases: the SQLite files as they are, PostgreSQL as plain
``pg_dump --no-owner --no-privileges`` SQL per service database (the SQLite files gzipped). What the release's gateway answered at
the end is kept in ``expected.json``: the upgrade test compares today's answers on the upgraded data
with it.

    git worktree add -f /tmp/old-release <commit>
    .venv/bin/python tests/upgrade/make_release_fixture.py --worktree /tmp/old-release
    git worktree remove --force /tmp/old-release

The infrastructure (broker, PostgreSQL, process supervisor) is today's ``idic_devstack``; only the
deployables are the release's: their processes get ``PYTHONPATH`` pointing at the worktree's source
directories, ahead of the editable installs of this checkout (checked before anything is started).
Written to ``tests/upgrade/releases/<short sha>/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from idic_devstack.kafka import TEST_JVM_OPTIONS, KafkaBroker
from idic_devstack.postgres import PostgresCluster, pg_bindir
from idic_devstack.stack import SERVICES, Stack
from idic_devstack.waiting import eventually

HERE = Path(__file__).resolve().parent
API_KEY = "upgrade-admin-key"
SRC_DIRS = ("services/src", "identity-service/src", "interaction-service/src", "scoring-service/src",
            "treatment-service/src", "gateway/src", "devstack/src")
PACKAGES = ("idic", "identity_service", "interaction_service", "scoring_service", "treatment_service", "gateway")
SERVICE_DB = {"identity": "identity_service", "interaction": "interaction_service", "scoring": "scoring_service",
              "treatment": "treatment_service"}

# ---- the flow: who, what they did, when (fixed times, so two fixtures of one release hold the same facts) ----

NAMED: dict[str, dict[str, Any]] = {
    "ana": {"identifiers": [{"type": "email", "value": "ana.alves@example.com"},
                            {"type": "loyalty_card", "value": "LC-1001"}],
            "attributes": {"first_name": "Ana", "last_name": "Alves", "city": "Lisbon", "country": "PT"}},
    "ben": {"identifiers": [{"type": "email", "value": "ben.berger@example.com"},
                            {"type": "external_id", "value": "crm:ben-2002"}],
            "attributes": {"first_name": "Ben", "last_name": "Berger", "city": "Vienna", "country": "AT"}},
    "cleo": {"identifiers": [{"type": "email", "value": "cleo.costa@example.com"}],
             "attributes": {"first_name": "Cleo", "last_name": "Costa", "city": "Porto", "country": "PT"}},
    # dan is known twice: by a loyalty card in the store and by an e-mail on the web; an agent merges them
    "dan": {"identifiers": [{"type": "email", "value": "dan.dias@example.com"}],
            "attributes": {"first_name": "Dan", "last_name": "Dias", "city": "Braga", "country": "PT"}},
    "dan_card": {"identifiers": [{"type": "loyalty_card", "value": "LC-4711"}],
                 "attributes": {"first_name": "Daniel", "city": "Braga"}},
    # fay refuses profiling: scoring must keep saying so
    "fay": {"identifiers": [{"type": "email", "value": "fay.faria@example.com"}],
            "attributes": {"first_name": "Fay", "last_name": "Faria", "country": "PT"}},
}
FILLERS = 10  # more buyers, so the population models can be fitted and tiers mean something
DAY0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
# the flow's interactions happened in this window (decisions, deliveries and outcomes happen when it runs)
WINDOW = {"since": "2026-01-01T00:00:00Z", "until": "2026-12-01T00:00:00Z"}
COST = {"store": "1.10", "web": "0.02", "phone": "4.20", "email": "0.05"}  # contact costs (channel economics)


def at(days: float) -> str:
    return (DAY0 + dt.timedelta(days=days)).isoformat()


def purchases(who: str, ref: dict[str, Any], plan: list[tuple[float, str, str]]) -> list[dict[str, Any]]:
    return [{**ref, "id": f"{who}-p{n}", "channel": channel, "type": "purchase", "direction": "inbound",
             "amount": amount, "currency": "EUR", "cost": COST[channel], "occurred_at": at(day),
             "payload": {"category": ("shoes", "bags", "books")[n % 3]}}
            for n, (day, channel, amount) in enumerate(plan)]


def fillers() -> list[dict[str, Any]]:
    items = []
    for n in range(FILLERS):
        ref = {"identifiers": [{"type": "email", "value": f"filler{n:02d}@example.com"}]}
        count = 1 + n % 4
        items += purchases(f"filler{n:02d}", ref, [(20 + 37 * k + 3 * n, ("web", "store")[k % 2], f"{15 + 7 * n}.50")
                                                   for k in range(count)])
    return items


def write(client: httpx.Client, method: str, path: str, expect: int, **kwargs: Any) -> dict[str, Any]:
    answer = client.request(method, path, **kwargs)
    assert answer.status_code == expect, f"{method} {path}: {answer.status_code} {answer.text}"
    return answer.json() if answer.content else {}


def drive(client: httpx.Client) -> dict[str, Any]:
    """The user flow through the release's gateway; returns who is who (customer ids) and the decisions."""
    ids: dict[str, str] = {}
    for who, body in NAMED.items():
        ids[who] = write(client, "POST", "/v1/customers/identify", 200, json={**body, "source": "web"})["customer_id"]
    assert len(set(ids.values())) == len(ids), ids

    interactions = [
        *purchases("ana", {"customer_id": ids["ana"]},
                   [(0, "store", "120.00"), (41, "web", "89.90"), (95, "store", "240.00"), (160, "web", "64.50"),
                    (230, "store", "310.00")]),
        {"customer_id": ids["ana"], "id": "ana-s0", "channel": "email", "type": "survey", "direction": "inbound",
         "occurred_at": at(231), "cost": COST["email"], "payload": {"nps": 9}},
        *purchases("ben", {"customer_id": ids["ben"]}, [(12, "web", "45.00"), (150, "web", "38.00")]),
        {"customer_id": ids["ben"], "id": "ben-c0", "channel": "phone", "type": "complaint", "direction": "inbound",
         "occurred_at": at(152), "cost": COST["phone"], "payload": {"topic": "late delivery"}},
        {"customer_id": ids["ben"], "id": "ben-s0", "channel": "email", "type": "survey", "direction": "inbound",
         "occurred_at": at(153), "cost": COST["email"], "payload": {"nps": 3, "csat": 2}},
        {"customer_id": ids["cleo"], "id": "cleo-s0", "channel": "web", "type": "survey", "direction": "inbound",
         "occurred_at": at(202), "payload": {"nps": 10, "csat": 5}},
        *purchases("cleo", {"customer_id": ids["cleo"]}, [(200, "web", "19.99")]),
        {"customer_id": ids["cleo"], "id": "cleo-v0", "channel": "web", "type": "visit", "direction": "inbound",
         "occurred_at": at(240), "cost": COST["web"]},
        *purchases("dancard", {"customer_id": ids["dan_card"]}, [(30, "store", "75.00"), (120, "store", "55.00")]),
        *purchases("dan", {"customer_id": ids["dan"]}, [(210, "web", "99.00")]),
        *purchases("fay", {"customer_id": ids["fay"]}, [(180, "store", "50.00")]),
        # eve is known by nothing but a cookie: identified on the way in (an anonymous customer)
        *purchases("eve", {"identifiers": [{"type": "cookie", "value": "ck-eve-7f3a"}]}, [(220, "web", "27.00")]),
        *fillers(),
    ]
    batch = write(client, "POST", "/v1/interactions:batch", 202, json={"interactions": interactions})
    eve = {r["customer_id"] for r in batch["results"] if r.get("interaction_id") and r["customer_id"] not in
           ids.values()}
    ids["eve"] = write(client, "GET", "/v1/customers/lookup", 200,
                       params={"type": "cookie", "value": "ck-eve-7f3a"})["customer_id"]
    assert ids["eve"] in eve
    write(client, "PUT", f"/v1/customers/{ids['fay']}/consent", 200, json={"profiling": False})

    # scored: every named buyer's purchases counted by scoring (over Kafka)
    expected_frequency = {"ana": 5, "ben": 2, "cleo": 1, "dan": 1, "dan_card": 2, "eve": 1}
    for who, frequency in expected_frequency.items():
        eventually(lambda who=who, frequency=frequency: (client.get(f"/v1/customers/{ids[who]}/value").json()
                                                         .get("rfm") or {}).get("frequency") == frequency,
                   timeout=180, interval=0.5, what=f"{who} scored")

    # the agent merges dan's two records; everything the card held follows the survivor
    write(client, "POST", "/v1/customers/merge", 200, json={"survivor_id": ids["dan"], "merged_ids": [ids["dan_card"]]})
    eventually(lambda: (client.get(f"/v1/customers/{ids['dan']}/value").json().get("rfm") or {}).get("frequency") == 3,
               timeout=180, interval=0.5, what="dan's merged purchases scored")
    eventually(lambda: client.get(f"/v1/customers/{ids['dan']}/timeline").json().get("items") and len(
        [i for i in client.get(f"/v1/customers/{ids['dan']}/timeline").json()["items"] if i["type"] == "purchase"]) == 3,
        timeout=180, interval=0.5, what="dan's timeline re-keyed")

    # value tiers: the population models, as an operator would run them
    fit = write(client, "POST", "/v1/models/clv:fit", 200, headers={"Prefer": "wait=120"},
                json={"calibration_end": at(245), "time_unit": "weeks"})
    refresh = write(client, "POST", "/v1/models/rfm:refresh", 200, headers={"Prefer": "wait=120"})
    print("clv fit:", fit["status"], "rfm refresh:", refresh["status"], file=sys.stderr)

    # decisions and their answers
    decisions: dict[str, list[dict[str, Any]]] = {}
    for who in ("ana", "ben", "cleo", "dan"):
        decisions[who] = write(client, "GET", f"/v1/customers/{ids[who]}/next-best-actions", 200)
    answered: dict[str, dict[str, Any]] = {}
    plan = [("ana", {"outcome": "accepted"}), ("ben", {"outcome": "converted", "amount": "64.00", "currency": "EUR"}),
            ("cleo", {"outcome": "declined"}), ("dan", {"outcome": "accepted"})]
    for who, body in plan:
        if not decisions[who]:
            continue
        treatment_id = decisions[who][0]["treatment_id"]
        answered[treatment_id] = write(client, "POST", f"/v1/treatments/{treatment_id}/outcome", 200, json=body)
    # dan's accepted offer turns into a purchase a moment later: converted by attribution, or just a purchase
    write(client, "POST", "/v1/interactions", 202, json={
        "customer_id": ids["dan"], "id": "dan-p-after", "channel": "web", "type": "purchase", "direction": "inbound",
        "amount": "42.00", "currency": "EUR"})
    return {"ids": ids, "decisions": decisions, "answered": answered, "fit": fit, "refresh": refresh}


def snapshot(client: httpx.Client, ids: dict[str, str]) -> dict[str, Any]:
    """What the release's gateway answers about each named customer (the upgrade test compares with it)."""
    seen: dict[str, Any] = {}
    for who, customer_id in ids.items():
        if who == "dan_card":
            continue
        face = write(client, "GET", f"/v1/customers/{customer_id}", 200)
        face.pop("next_best_actions")  # decided on read: not a stored fact
        face["interactions"].pop("recent")  # the timeline's newest: kept whole below
        timeline = write(client, "GET", f"/v1/customers/{customer_id}/timeline", 200, params={"limit": 200})
        treatments = write(client, "GET", f"/v1/customers/{customer_id}/treatments", 200, params={"limit": 100})
        seen[who] = {"view": face, "value": write(client, "GET", f"/v1/customers/{customer_id}/value", 200),
                     "timeline": timeline, "treatments": treatments}
    seen["rules"] = write(client, "GET", "/v1/rules", 200)
    seen["performance"] = {rule["rule_id"]: write(client, "GET", f"/v1/rules/{rule['rule_id']}/performance", 200)
                           for rule in seen["rules"]}
    seen["clv_model"] = write(client, "GET", "/v1/models/clv", 200)
    seen["segments"] = write(client, "GET", "/v1/segments", 200)
    seen["jobs"] = write(client, "GET", "/v1/jobs", 200)
    seen["channels"] = write(client, "GET", "/v1/channels/stats", 200, params=WINDOW)
    seen["nps"] = write(client, "GET", "/v1/feedback/nps", 200, params=WINDOW)
    return seen


def metric(client: httpx.Client, url: str, name: str) -> float:
    text = client.get(url + "/metrics").text
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name + " ")
               or line.startswith(name + "{"))


def quiet(client: httpx.Client, stack: Stack, ids: dict[str, str]) -> None:
    """Until every outbox is empty and two snapshots 5 s apart are the same: every event applied."""
    previous: list[Any] = [None]

    def settled() -> bool:
        if any(metric(client, stack.url(svc.name), "idic_outbox_pending") for svc in SERVICES):
            return False
        now = snapshot(client, ids)
        for performance in now["performance"].values():
            performance.pop("until", None)  # the default window ends now
            performance.pop("since", None)
        same, before, previous[0] = now == previous[0], previous[0], now
        if not same and before is not None:
            print("not settled yet:", [key for key in now if now[key] != before.get(key)], file=sys.stderr)
        return same

    eventually(settled, timeout=240, interval=5, what="every service applied every event")


# What the treatments report must count for the decisions the release made, from its table itself (not from
# the migration's code): per rule, treated and control, as it stood when the release stopped.
DECISIONS_SQL = """
SELECT rule_id, control, COUNT(*) AS presented,
       SUM(CASE WHEN outcome = 'accepted' OR accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS accepted,
       SUM(CASE WHEN outcome = 'declined' THEN 1 ELSE 0 END) AS declined,
       SUM(CASE WHEN outcome = 'ignored' THEN 1 ELSE 0 END) AS ignored,
       SUM(CASE WHEN outcome = 'converted' THEN 1 ELSE 0 END) AS converted,
       SUM(CASE WHEN outcome = 'converted' THEN CAST(amount AS NUMERIC) ELSE 0 END) AS revenue,
       MAX(CASE WHEN outcome = 'converted' THEN currency END) AS currency
FROM treatments GROUP BY rule_id, control ORDER BY rule_id, control
"""


def read_databases(urls: dict[str, str]) -> dict[str, Any]:
    """Each service's Alembic revision, and the treatments' counts per rule."""
    import sqlalchemy as sa

    found: dict[str, Any] = {"alembic": {}}
    for name, url in urls.items():
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            found["alembic"][name] = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
            if name == "treatment":
                found["decisions"] = [
                    {**row._asdict(), "control": bool(row.control), "revenue": f"{row.revenue:.2f}"}
                    for row in conn.execute(sa.text(DECISIONS_SQL))]
        engine.dispose()
    return found


def check_release_code(worktree: Path, env: dict[str, str]) -> None:
    """The deployables must import the release's packages, not this checkout's editable installs."""
    code = f"import json, importlib; print(json.dumps({{p: importlib.import_module(p).__file__ for p in {PACKAGES!r}}}))"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True,
                         check=True, cwd=tempfile.gettempdir())
    files = json.loads(out.stdout)
    wrong = {p: f for p, f in files.items() if not Path(f).resolve().is_relative_to(worktree)}
    assert not wrong, f"imported from outside {worktree}: {wrong}"


def run_backend(backend: str, worktree: Path, out: Path, postgres: PostgresCluster | None,
                workdir: Path) -> dict[str, Any]:
    env = {"PYTHONPATH": os.pathsep.join(str(worktree / d) for d in SRC_DIRS),
           "IDIC_API_KEYS": json.dumps({API_KEY: ["read", "write", "admin"]}),
           "GATEWAY_RATE_LIMIT_RPS": "0", "GATEWAY_TIMEOUT_S": "60", "IDIC_LOG_LEVEL": "WARNING",
           # nothing changes on its own while the fixture is made: the models are fitted when the flow asks,
           # and unanswered decisions stay unanswered (their expiry is the upgraded stack's business)
           "TREATMENT_EXPIRY_SWEEP_INTERVAL_S": "0", "SCORING_SCHEDULE_CHECK_INTERVAL_S": "0"}
    check_release_code(worktree, env)
    urls = {svc.name: postgres.create_database(f"release_{svc.name}") for svc in SERVICES} if postgres else {}
    kafka = KafkaBroker(workdir / f"kafka-{backend}", jvm_options=TEST_JVM_OPTIONS).start()  # a broker of its own: no group meets another's
    stack = Stack(kafka_bootstrap=kafka.bootstrap_servers, workdir=workdir / backend, database_urls=urls,
                  extra_env=env)
    try:
        stack.start_all(timeout=180)
        for name in stack.processes:
            stack.wait_healthy(name, ready=True, timeout=180)
        with httpx.Client(base_url=stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=120) as client:
            flow = drive(client)
            quiet(client, stack, flow["ids"])
            seen = snapshot(client, flow["ids"])
    finally:
        stack.stop_all()
        kafka.stop()
    for name, proc in stack.processes.items():
        assert proc.returncode is not None, name
    target = out / backend
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if postgres is None:
        db_urls = {}
        for svc in SERVICES:
            source = stack.workdir / "data" / f"{svc.name}-service.db"  # <DATA_DIR>/<service_name>.db
            assert source.exists(), f"no {source}: where does this release keep its SQLite file?"
            with sqlite3.connect(source) as conn:  # fold the WAL into the file: one file is the whole database
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            (target / f"{svc.name}.db.gz").write_bytes(gzip.compress(source.read_bytes(), mtime=0))
            db_urls[svc.name] = f"sqlite:///{source}"
        stored = read_databases(db_urls)
    else:
        stored = read_databases(urls)
        for svc in SERVICES:
            dump = subprocess.run([str(pg_bindir() / "pg_dump"), "--no-owner", "--no-privileges", "-h", "127.0.0.1",
                                   "-p", str(postgres.port), "-U", postgres.user, f"release_{svc.name}"],
                                  capture_output=True, check=True)
            (target / f"{svc.name}.sql").write_bytes(dump.stdout)
    return {"ids": flow["ids"], "answered": flow["answered"], "seen": seen, **stored}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worktree", type=Path, required=True, help="the release's code (git worktree add)")
    parser.add_argument("--out", type=Path, help="default: tests/upgrade/releases/<short sha>")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), action="append",
                        help="default: both")
    args = parser.parse_args()
    worktree = args.worktree.resolve()
    commit = subprocess.run(["git", "-C", str(worktree), "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    out = (args.out or HERE / "releases" / commit[:7]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    expected_path = out / "expected.json"
    expected = json.loads(expected_path.read_text()) if expected_path.exists() else {}
    expected.update({"commit": commit, "window": WINDOW, "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
    workdir = Path(tempfile.mkdtemp(prefix="idic-release-"))
    try:
        for backend in args.backend or ["sqlite", "postgres"]:
            started = time.monotonic()
            if backend == "postgres":
                # not under workdir: PostgreSQL runs as `postgres`, who may not enter root's private directory
                pg_dir = Path(tempfile.mkdtemp(prefix="idic-release-pg-"))
                postgres = PostgresCluster(pg_dir).start()
                try:
                    expected[backend] = run_backend(backend, worktree, out, postgres, workdir)
                finally:
                    postgres.stop()
                    shutil.rmtree(pg_dir, ignore_errors=True)
            else:
                expected[backend] = run_backend(backend, worktree, out, None, workdir)
            print(f"{backend}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    expected_path.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    print(out)


if __name__ == "__main__":
    main()
