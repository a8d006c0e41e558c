"""Scale-out in the production shape (issue 18, item 5): every service as two API replicas that run no
workers (``<P>RUN_WORKERS=false``) plus its outbox relay and its consumers as processes of their own (the
``entrypoints.relay`` / ``entrypoints.consumer`` command lines of ``infra/k8s``: two consumers, one relay;
interaction-service gets a second, standby relay), one PostgreSQL database per service, one Kafka broker,
and two gateways behind a round-robin client.

Concurrent clients identify customers (duplicates, and anonymous cookies merged into known people later),
record purchases, surveys and visits (a retry with the same idempotency key among them), ask next-best-actions
and answer them, alternating between the two gateways. Mid-run the leading relay of interaction-service and
one of scoring's two consumers are SIGKILLed. When the system has settled:

- every replica and every worker did its share (each process's own /metrics);
- what a user sees is exact: each interaction once on its customer's timeline, merged ones included; every
  customer's purchase count and revenue in scoring equal to what was sent; every delivered treatment once on
  the timeline, every answer once;
- in the databases: every outbox row sent, every event each consumer group handles applied by it (its inbox
  holds every such event id of the producers' outboxes, and nothing else), no lag, no dead letter.

The broker is this test's own: the session's stack runs the same consumer groups on the same topics."""

from __future__ import annotations

import itertools
import json
import random
import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from idic_devstack.kafka import TEST_JVM_OPTIONS, KafkaBroker
from idic_devstack.postgres import PostgresCluster
from idic_devstack.stack import SERVICES, Stack
from idic_devstack.synthetic import distinct_customers
from idic_devstack.waiting import eventually

from ..support import group_lag, topic_messages

KEY = "scale-out-admin-key"
REPLICAS = ("1", "2")
CONSUMERS = ("1", "2")
RELAYS = {"identity": ("1",), "interaction": ("1", "2"), "scoring": ("1",), "treatment": ("1",)}
JOURNEYS = 60             # customers' journeys; about 13 requests each (100 in 2026-12-07's runs: the same findings)
CLIENT_THREADS = 8
KILL_AFTER = 0.6          # share of the journeys done when a relay and a consumer are SIGKILLed
TIMINGS: dict[str, float] = {}  # seconds to start the platform and to see every consumer group formed


# -- what each service consumes, as its consumer workers run it ---------------------------------------------

@dataclass(frozen=True)
class Group:
    service: str
    group: str
    topics: frozenset[str]
    types: frozenset[str]  # event types it has a handler for (the others are skipped, never in its inbox)


def consumer_groups(database_urls: dict[str, str]) -> list[Group]:
    """Every consumer group of every service with its topics and handled event types, read from the
    services' own runtimes (``build_runtime(settings).consumer_specs``: what their consumer entrypoint runs)."""
    import importlib

    groups = []
    for svc in SERVICES:
        package = svc.module.split(".")[0]
        settings = importlib.import_module(f"{package}.config").Settings(database_url=database_urls[svc.name])
        runtime = importlib.import_module(f"{package}.main").build_runtime(settings)
        try:
            groups += [Group(svc.name, spec.group_id, frozenset(spec.topics), frozenset(spec.handlers))
                       for spec in runtime.consumer_specs]
        finally:
            runtime.engine.dispose()
    return groups


# -- observing processes ------------------------------------------------------------------------------------

def scrape(url: str, *, headers: dict[str, str] | None = None) -> list[tuple[str, dict[str, str], float]]:
    body = httpx.get(f"{url}/metrics", headers=headers, timeout=10).text
    return [(s.name, s.labels, s.value) for family in text_string_to_metric_families(body) for s in family.samples]


def total(samples: list[tuple[str, dict[str, str], float]], name: str, **labels: str) -> float:
    return sum(v for n, lab, v in samples if n == name and all(lab.get(k) == w for k, w in labels.items()))


def api_requests(samples: list[tuple[str, dict[str, str], float]]) -> float:
    """Requests to the public API (``/v1/...``) a process answered."""
    return sum(v for n, lab, v in samples if n == "idic_http_requests_total" and lab.get("route", "").startswith("/v1/"))


def members_with_partitions(bootstrap: str, group: str) -> int:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        described = admin.describe_groups([group])[group]
    finally:
        admin.close()
    if described["error"] or described["group_state"] != "Stable":
        return 0
    return sum(1 for member in described["members"]
               if any(a["partitions"] for a in (member["member_assignment"] or {}).get("assigned_partitions", [])))


# -- the round-robin client ---------------------------------------------------------------------------------

class RoundRobin:
    """One client in front of the gateways: each request goes to the next one (as a load balancer would).

    Every request of the workload may be sent again safely (interactions carry idempotency keys, identify finds
    the same person, reads are reads), so a careful client retries a 5xx; each one is kept in
    ``server_errors``, and the test fails on them after it has checked that nothing was lost or doubled."""

    def __init__(self, urls: list[str]) -> None:
        self.clients = [httpx.Client(base_url=u, headers={"X-API-Key": KEY}, timeout=60) for u in urls]
        self._next = itertools.cycle(range(len(urls)))
        self._lock = threading.Lock()
        self.sent: Counter[int] = Counter()
        self.server_errors: list[str] = []

    def request(self, method: str, path: str, *, expect: tuple[int, ...] = (200,), **kwargs: Any) -> httpx.Response:
        for attempt in range(4):
            with self._lock:
                index = next(self._next)
                self.sent[index] += 1
            response = self.clients[index].request(method, path, **kwargs)
            if response.status_code < 500 or attempt == 3:
                break
            self.server_errors.append(f"gateway#{index + 1}: {method} {path} -> {response.status_code} "
                                      f"{response.text[:200]} (request id {response.headers.get('x-request-id')})")
            time.sleep(0.5)
        assert response.status_code in expect, f"{method} {path} -> {response.status_code} {response.text[:300]}"
        return response

    def close(self) -> None:
        for client in self.clients:
            client.close()


# -- the workload -------------------------------------------------------------------------------------------

@dataclass
class Customer:
    """What one journey sent, to be found exactly once afterwards."""

    email: str
    customer_id: str = ""
    merged_id: str | None = None                                 # the other one of a merge (merged away)
    interactions: dict[str, str] = field(default_factory=dict)   # idempotency key -> interaction_id
    purchases: list[Decimal] = field(default_factory=list)
    answered: dict[str, str] = field(default_factory=dict)       # treatment_id -> outcome it has


def record(client: RoundRobin, customer: Customer, key: str, body: dict[str, Any], *, whose: str | None = None) -> None:
    """Record one interaction (for ``whose`` customer id, else the customer's own, or by e-mail when it is
    ``"email"``); remember its id under its idempotency key."""
    if whose == "email":
        body = {**body, "identifiers": [{"type": "email", "value": customer.email}]}
    else:
        body = {**body, "customer_id": whose or customer.customer_id}
    answer = client.request("POST", "/v1/interactions", json={"id": key, **body}, expect=(202,)).json()
    if whose != "email":
        assert answer["customer_id"] == (whose or customer.customer_id), answer
    else:
        assert answer["customer_id"] == customer.customer_id, answer
    customer.interactions[key] = answer["interaction_id"]
    if body["type"] == "purchase":
        customer.purchases.append(Decimal(body["amount"]))


def journey(client: RoundRobin, run: str, j: int, person: dict[str, Any]) -> Customer:
    """One customer's life through the gateways: identified (half of them first as an anonymous cookie with a
    purchase, merged into the known person right after the person's first purchase), identified again, purchases, a survey, a visit, a retried
    purchase, next-best-actions asked and (every other customer) answered, the 360 view now and then."""
    customer = Customer(email=next(i["value"] for i in person["identifiers"] if i["type"] == "email"))
    anonymous = None
    if j % 4 in (0, 1):
        cookie = {"type": "cookie", "value": f"ck-{run}-{j}"}
        anonymous = client.request("POST", "/v1/customers/identify", json={"identifiers": [cookie], "source": "web"})
        anonymous_id = anonymous.json()["customer_id"]
        record(client, customer, f"{run}-{j}-anon", {"channel": "web", "type": "purchase",
                                                      "amount": f"{j % 50 + 1}.01", "currency": "EUR"},
               whose=anonymous_id)
    known = client.request("POST", "/v1/customers/identify", json=person).json()
    assert known["created"] is True, known
    customer.customer_id = known["customer_id"]
    again = client.request("POST", "/v1/customers/identify", json={
        "identifiers": [{"type": "email", "value": customer.email.upper()}], "source": "web"}).json()
    assert (again["customer_id"], again["created"], again["matched_by"]) == (customer.customer_id, False, "identifier")
    record(client, customer, f"{run}-{j}-p0", {"channel": "store", "type": "purchase",
                                                "amount": f"{j % 97 + 1}.{j % 100:02d}", "currency": "EUR"})
    if anonymous is not None:  # the cookie turns out to be this person: the two are merged
        both = [{"type": "email", "value": customer.email}, cookie]
        merged = client.request("POST", "/v1/customers/identify", json={"identifiers": both, "source": "web"}).json()
        survivor = merged["customer_id"]
        assert survivor in (anonymous_id, customer.customer_id), merged
        customer.merged_id = anonymous_id if survivor == customer.customer_id else customer.customer_id
        customer.customer_id = survivor
    record(client, customer, f"{run}-{j}-p1", {"channel": "web", "type": "purchase",
                                                "amount": f"{j % 31 + 2}.5{j % 10}", "currency": "EUR"}, whose="email")
    first = customer.interactions[f"{run}-{j}-p1"]
    retried = client.request("POST", "/v1/interactions", expect=(202,), json={
        "id": f"{run}-{j}-p1", "customer_id": customer.customer_id, "channel": "web", "type": "purchase",
        "amount": f"{j % 31 + 2}.5{j % 10}", "currency": "EUR"}).json()
    assert retried["interaction_id"] == first, (retried, first)  # the client's retry is the same interaction
    record(client, customer, f"{run}-{j}-nps", {"channel": "email", "type": "survey", "payload": {"nps": j % 11}})
    record(client, customer, f"{run}-{j}-visit", {"channel": "mobile_app", "type": "visit"})
    if j % 2 == 0:
        record(client, customer, f"{run}-{j}-p2", {"channel": "mobile_app", "type": "purchase",
                                                    "amount": f"{j % 13 + 3}.99", "currency": "EUR"})
    actions = client.request("GET", f"/v1/customers/{customer.customer_id}/next-best-actions").json()
    if actions and j % 2 == 0:
        treatment_id = actions[0]["treatment_id"]
        outcome = ("accepted", "declined")[j % 4 // 2]
        answer = client.request("POST", f"/v1/treatments/{treatment_id}/outcome", json={"outcome": outcome},
                                expect=(200, 409))  # 409: converted by a purchase first
        if answer.status_code == 200:
            customer.answered[treatment_id] = outcome
        client.request("POST", f"/v1/treatments/{treatment_id}/outcome", json={"outcome": outcome}, expect=(409,))
    if j % 4 == 1:
        view = client.request("GET", f"/v1/customers/{customer.customer_id}").json()
        assert view["customer_id"] == customer.customer_id and view["degraded"] == [], view
    return customer


# -- the platform in the production shape --------------------------------------------------------------------

@pytest.fixture(scope="module")
def scaled(postgres: PostgresCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, KafkaBroker]]:
    workdir = tmp_path_factory.mktemp("scale-out")
    began = time.monotonic()
    with KafkaBroker(Path(workdir) / "kafka", jvm_options=TEST_JVM_OPTIONS) as broker:
        urls = {svc.name: postgres.create_database(f"scale_{svc.name}") for svc in SERVICES}
        stack = Stack(kafka_bootstrap=broker.bootstrap_servers, workdir=Path(workdir) / "stack", database_urls=urls,
                      extra_env={"IDIC_API_KEYS": json.dumps({KEY: ["read", "write", "admin"]}),
                                 "IDIC_LOG_LEVEL": "INFO", "GATEWAY_AUTH_FAILURES_PER_MINUTE": "0",
                                 # on two loaded cores a call may be slow: that is no server error, nor a
                                 # degraded 360 view
                                 "GATEWAY_TIMEOUT_S": "30", "GATEWAY_PART_TIMEOUT_S": "15"})
        try:
            # everything at once, as a cluster starts its Deployments: the API replicas migrate (one after the
            # other, behind an advisory lock), the workers do not and wait for the schema (retrying)
            for svc in SERVICES:
                for replica in REPLICAS:
                    stack.start(svc.name, instance=replica, env={f"{svc.env_prefix}RUN_WORKERS": "false"})
            workers = {f"{svc.env_prefix}MIGRATE_ON_START": "false" for svc in SERVICES}
            for svc in SERVICES:
                for n in CONSUMERS:
                    stack.start_worker(svc.name, "consumer", instance=n, env=workers)
                for n in RELAYS[svc.name]:
                    stack.start_worker(svc.name, "relay", instance=n, env=workers)
            for replica in REPLICAS:  # gateway N talks to replica N of each service
                stack.start("gateway", instance=replica,
                            env={f"GATEWAY_{svc.name.upper()}_URL": stack.url(f"{svc.name}#{replica}") for svc in SERVICES})
            for name in stack.processes:
                stack.wait_healthy(name, ready="-" not in name, timeout=240)
            TIMINGS["all"] = time.monotonic() - began
            yield stack, broker
        finally:
            stack.stop_all()


@pytest.mark.timeout(600)  # 100-150 s on two cores beside other work, most of it starting 23 processes
def test_two_of_everything_serve_and_nothing_is_lost_or_applied_twice(
        scaled: tuple[Stack, KafkaBroker], capsys: pytest.CaptureFixture[str]) -> None:
    stack, broker = scaled
    bootstrap = broker.bootstrap_servers
    started = time.monotonic()
    groups = consumer_groups(stack.database_urls)
    assert {g.group for g in groups} >= {"interaction-service", "scoring-service", "treatment-service"}
    # both consumers of every group hold partitions before the load starts
    eventually(lambda: all(members_with_partitions(bootstrap, g.group) == len(CONSUMERS) for g in groups),
               timeout=120, interval=1.0, what="both consumer workers of every group hold partitions",
               retry_on=(Exception,))

    TIMINGS["groups"] = time.monotonic() - started
    run = uuid.uuid4().hex[:8]
    people = distinct_customers(random.randrange(10**6) * JOURNEYS, JOURNEYS)  # no two alike: none matched
    client = RoundRobin([stack.url(f"gateway#{r}") for r in REPLICAS])
    customers: list[Customer] = []
    done = threading.Semaphore(0)
    killed: dict[str, list[tuple[str, dict[str, str], float]]] = {}

    def one(j: int) -> Customer:
        try:
            return journey(client, run, j, people[j])
        finally:
            done.release()

    load_started = time.monotonic()
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        futures = [pool.submit(one, j) for j in range(JOURNEYS)]
        for _ in range(int(JOURNEYS * KILL_AFTER)):
            done.acquire()
        # mid-run: the relay that holds interaction-service's outbox lock, and one of scoring's consumers
        relays = {f"interaction-relay#{n}": scrape(stack.url(f"interaction-relay#{n}")) for n in RELAYS["interaction"]}
        leading = [k for k, s in relays.items() if total(s, "idic_outbox_published_total") > 0]
        assert len(leading) == 1, {k: total(s, "idic_outbox_published_total") for k, s in relays.items()}
        partner_before = scrape(stack.url("scoring-consumer#2"))
        for victim in (leading[0], "scoring-consumer#1"):
            killed[victim] = scrape(stack.url(victim))
            stack.kill(victim, signal.SIGKILL)
        kill_at = time.monotonic() - load_started
        customers = [f.result() for f in futures]
    load_s = time.monotonic() - load_started

    # settled: every outbox row sent and every event each group handles in its inbox, twice in a row unchanged
    engines = {name: create_engine(url, poolclass=NullPool) for name, url in stack.database_urls.items()}
    settle_started = time.monotonic()

    def accounting() -> dict[str, Any]:
        outbox: dict[str, dict[str, tuple[str, str]]] = {}
        unsent = 0
        for name, engine in engines.items():
            with engine.connect() as conn:
                rows = conn.execute(text("SELECT event_id, topic, event_type, sent_at IS NULL FROM outbox")).all()
            outbox[name] = {r[0]: (r[1], r[2]) for r in rows}
            unsent += sum(1 for r in rows if r[3])
        published = {e: tt for rows in outbox.values() for e, tt in rows.items()}
        inboxes, missing, foreign = {}, {}, {}
        for g in groups:
            with engines[g.service].connect() as conn:
                inbox = set(conn.execute(text("SELECT event_id FROM inbox WHERE consumer_group = :g"),
                                         {"g": g.group}).scalars())
            due = {e for e, (topic, kind) in published.items() if topic in g.topics and kind in g.types}
            inboxes[g.group], missing[g.group], foreign[g.group] = len(inbox), len(due - inbox), len(inbox - due)
        return {"unsent": unsent, "outbox": {n: len(r) for n, r in outbox.items()}, "inbox": inboxes,
                "missing": missing, "foreign": foreign}

    last: dict[str, Any] = {}

    def settled() -> dict[str, Any] | None:
        now = accounting()
        quiet = now["unsent"] == 0 and not any(now["missing"].values())
        stable = quiet and now == last.get("seen")
        last["seen"] = now
        return now if stable else None

    try:
        books = eventually(settled, timeout=180, interval=1.0, what="every event published and applied")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; last books: {last.get('seen')}") from None
    settle_s = time.monotonic() - settle_started
    assert not any(books["foreign"].values()), books  # no inbox row for an event no producer published
    # offsets are committed just after the inbox: every group's lag comes back to 0
    eventually(lambda: all(group_lag(bootstrap, g.group, sorted(g.topics)) == 0 for g in groups),
               timeout=60, interval=1.0, what="no consumer group lags")
    # the killed consumer's partner holds every partition of the group now
    eventually(lambda: members_with_partitions(bootstrap, "scoring-service") == 1, timeout=60, interval=1.0,
               what="scoring-consumer#2 alone in its group", retry_on=(Exception,))

    # no dead letter anywhere
    reader = KafkaConsumer(bootstrap_servers=bootstrap)
    dlq = [TopicPartition(t, p) for t in reader.topics() if ".dlq." in t for p in reader.partitions_for_topic(t) or ()]
    dead = {f"{tp.topic}/{tp.partition}": n for tp, n in reader.end_offsets(dlq).items() if n}
    reader.close()
    assert dlq and dead == {}

    # on Kafka: every event at least once (a relay killed between send and mark re-publishes a few: the inboxes
    # drop those). The outbox first, its sent rows only: the services' background work (sweeps, schedules) may
    # write an event after the books settled, and one written after the topics are read is not missing
    published_ids = set()
    for engine in engines.values():
        with engine.connect() as conn:
            published_ids |= set(conn.execute(text("SELECT event_id FROM outbox WHERE sent_at IS NOT NULL")).scalars())
    on_kafka: Counter[str] = Counter()
    for topic in ("idic.identity", "idic.interaction", "idic.scoring", "idic.treatment"):
        on_kafka.update(json.loads(m.value)["id"] for m in topic_messages(bootstrap, topic))
    assert published_ids - set(on_kafka) == set()
    republished = sum(n - 1 for n in on_kafka.values() if n > 1)

    def scoring_rows(customer: Customer) -> str:
        """Where scoring keeps what it counted for this person (survivor and merged-away id), to say why."""
        ids = [customer.customer_id] + ([customer.merged_id] if customer.merged_id else [])
        with engines["scoring"].connect() as conn:
            rows = conn.execute(text("SELECT customer_id, frequency, monetary FROM customer_features "
                                     "WHERE customer_id = ANY(:ids)"), {"ids": ids}).all()
        return f" (merged {customer.merged_id} into it; customer_features rows: {[tuple(map(str, r)) for r in rows]})"

    # what a user sees, customer by customer, through the same round-robin gateways
    def check(customer: Customer) -> list[str]:
        problems = []
        cid = customer.customer_id
        timeline = client.request("GET", f"/v1/customers/{cid}/timeline", params={"limit": 200}).json()
        assert timeline["next_cursor"] is None
        items = timeline["items"]
        keys = Counter(i["id"] for i in items if i["direction"] == "inbound" and i["type"] != "offer_response")
        if keys != Counter(customer.interactions.keys()):
            problems.append(f"{cid}: timeline keys {dict(keys)} != sent {sorted(customer.interactions)}")
        ids = {i["id"]: i["interaction_id"] for i in items if i["id"] in customer.interactions}
        if ids != customer.interactions:
            problems.append(f"{cid}: interaction ids {ids} != answered {customer.interactions}")
        value = client.request("GET", f"/v1/customers/{cid}/value").json()
        got = (value["rfm"]["frequency"], Decimal(str(value["rfm"]["monetary"])))
        if got != (len(customer.purchases), sum(customer.purchases)):
            problems.append(f"{cid}: scoring has {got}, sent {len(customer.purchases)} purchases, "
                            f"{sum(customer.purchases)}" + scoring_rows(customer))
        treatments = client.request("GET", f"/v1/customers/{cid}/treatments", params={"limit": 100}).json()["treatments"]
        delivered = Counter(i["treatment_id"] for i in items if i["type"] == "treatment")
        want = Counter(t["treatment_id"] for t in treatments if t["delivered_at"])
        if delivered != want:
            problems.append(f"{cid}: delivered on the timeline {dict(delivered)} != treatments delivered {dict(want)}")
        # each outcome once on the timeline (accepted, then converted by a purchase, are two), none for a
        # treatment the customer does not have; the outcome a treatment has now is among them
        responses = Counter((i["treatment_id"], i["payload"]["outcome"]) for i in items if i["type"] == "offer_response")
        outcomes = {t["treatment_id"]: t["outcome"] for t in treatments}
        if any(n != 1 for n in responses.values()) or {t for t, _ in responses} - set(outcomes) or any(
                o is not None and (t, o) not in responses for t, o in outcomes.items()):
            problems.append(f"{cid}: answers on the timeline {dict(responses)}, treatments' outcomes {outcomes}")
        if any((t, o) not in responses or outcomes[t] not in (o, "converted") for t, o in customer.answered.items()):
            problems.append(f"{cid}: answered {customer.answered}, on the timeline {dict(responses)}, now {outcomes}")
        return problems

    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        problems = [p for found in pool.map(check, customers) for p in found]
    merged = [c for c in customers if c.merged_id]
    for customer in merged[:5]:  # a merged-away id answers as its survivor
        view = client.request("GET", f"/v1/customers/{customer.merged_id}").json()
        assert view["customer_id"] == customer.customer_id

    # what every replica and every worker did (the killed ones: their last scrape before the kill)
    share = {f"gateway#{r}": api_requests(scrape(stack.url(f"gateway#{r}"), headers={"X-API-Key": KEY}))
             for r in REPLICAS}
    for svc in SERVICES:
        share.update({f"{svc.name}#{r}": api_requests(scrape(stack.url(f"{svc.name}#{r}"))) for r in REPLICAS})
    worker_samples = {k: killed.get(k) or scrape(stack.url(k)) for k in stack.processes if "-" in k}
    applied = {k: {g.group: total(s, "idic_events_consumed_total", group=g.group, outcome="applied") for g in groups
                   if k.startswith(f"{g.service}-consumer")} for k, s in worker_samples.items() if "-consumer#" in k}
    duplicates = {k: total(s, "idic_events_consumed_total", outcome="duplicate") for k, s in worker_samples.items()}
    relayed = {k: total(s, "idic_outbox_published_total") for k, s in worker_samples.items() if "-relay#" in k}
    partner = applied["scoring-consumer#2"]["scoring-service"]
    partner_at_kill = total(partner_before, "idic_events_consumed_total", group="scoring-service", outcome="applied")
    requests = sum(client.sent.values())
    client.close()
    for engine in engines.values():
        engine.dispose()
    with capsys.disabled():
        print(f"\n[scale-out] {requests} requests in {load_s:.1f}s ({requests / load_s:.0f}/s) over {len(customers)} "
              f"customers ({len(merged)} merged), per gateway {dict(client.sent)}; SIGKILLed {', '.join(killed)} at "
              f"{kill_at:.1f}s; settled {settle_s:.1f}s after the load; {sum(books['outbox'].values())} events "
              f"published {books['outbox']}, {republished} published twice; inbox rows per group {books['inbox']}")
        print(f"[scale-out] /v1 requests per replica {({k: int(v) for k, v in share.items()})}")
        print(f"[scale-out] events applied per consumer worker {({k: {g: int(n) for g, n in v.items()} for k, v in applied.items()})}; "
              f"redeliveries dropped by the inbox {({k: int(v) for k, v in duplicates.items() if v})}; scoring-consumer#2 "
              f"applied {int(partner_at_kill)} before the kill, {int(partner)} in all; published per relay "
              f"{({k: int(v) for k, v in relayed.items()})}; test {time.monotonic() - started:.0f}s {TIMINGS}")
        for line in client.server_errors + problems[:20]:
            print(f"[scale-out] {line}")

    assert problems == [], f"{len(problems)} differences between what was sent and what users see"
    for tier in ("gateway", *(svc.name for svc in SERVICES)):  # both replicas of every tier served
        served = [share[f"{tier}#{r}"] for r in REPLICAS]
        assert min(served) >= 0.3 * sum(served), (tier, served)
    for key, by_group in applied.items():  # every consumer worker applied events of each of its groups
        assert all(n > 0 for n in by_group.values()), (key, by_group)
    assert all(n > 0 for n in relayed.values()), relayed  # the standby relay took over from the killed one
    assert partner > partner_at_kill  # and the killed consumer's partner went on
    assert sum(total(s, "idic_events_dead_lettered_total") for s in worker_samples.values()) == 0
    # a 5xx is a failure even when the retry got through
    assert client.server_errors == [], f"{len(client.server_errors)} server errors (retried)"
