"""What the suite-level tests observe from outside: scores through the API, inboxes and
offsets as the services left them, process CPU and memory from /proc."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from typing import Any

import httpx
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from sqlalchemy import create_engine, text

from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually


def purchases_for(customers: list[str], per_customer: int, *, start: int = 0, keyed: str | None = None,
                  since: dt.datetime | None = None) -> list[dict]:
    """Purchases with distinct amounts, so a double-applied one changes the total. With
    ``keyed`` each carries an idempotency key, so a client may safely retry it; with ``since``
    the i-th purchase of each customer happened i hours after it (else: when recorded)."""
    events = []
    for i in range(start, start + per_customer):
        for c in customers:
            event = {"customer_id": c, "channel": ("store", "web", "mobile_app")[i % 3], "type": "purchase",
                     "amount": f"{(i % 97) + 1}.{i % 100:02d}", "currency": "EUR"}
            if keyed:
                event["id"] = f"{keyed}-{c}-{i}"
            if since is not None:
                event["occurred_at"] = (since + dt.timedelta(hours=i)).isoformat()
            events.append(event)
    return events


# Per-customer state that a crash-free run of the same events must reproduce exactly: the tables of
# interaction-service and scoring-service keyed by customer. Left out of each row: the columns that
# name the customer or record where and when a service stored it (server ids, idempotency keys that
# embed the customer, wall-clock stamps). treatment-service is not compared: its decisions depend on
# the wall clock (cool-downs, contact policy) by design.
CUSTOMER_TABLES = {"interaction": ("interactions", "customer_activity"),
                   "scoring": ("customer_features", "purchase_days")}
NOT_STATE = ("customer_id", "original_customer_id", "id", "client_key", "recorded_at", "updated_at")


def customer_digests(stack: Stack, customers: list[str]) -> list[dict[str, str]]:
    """Per customer, in the order given: an MD5 per service of its rows in ``CUSTOMER_TABLES``."""
    digests: list[dict[str, str]] = [{} for _ in customers]
    for service, tables in CUSTOMER_TABLES.items():
        engine = create_engine(stack.database_urls[service])
        with engine.connect() as conn:
            found: dict[str, list[str]] = {}
            for table in tables:
                rows = conn.execute(text(
                    f"SELECT customer_id, md5(string_agg(doc, '|' ORDER BY doc)) FROM ("
                    f"SELECT customer_id, (to_jsonb(t) - CAST(:drop AS text[]))::text AS doc FROM {table} t "
                    f"WHERE customer_id = ANY(:ids)) d GROUP BY customer_id"),
                    {"drop": list(NOT_STATE), "ids": customers}).all()
                for customer_id, digest in rows:
                    found.setdefault(customer_id, []).append(f"{table}:{digest}")
        engine.dispose()
        for i, customer_id in enumerate(customers):
            digests[i][service] = ",".join(sorted(found.get(customer_id, [])))
    return digests


def expected_totals(events: list[dict]) -> dict[str, tuple[int, Decimal]]:
    totals: dict[str, tuple[int, Decimal]] = {}
    for e in events:
        count, money = totals.get(e["customer_id"], (0, Decimal(0)))
        totals[e["customer_id"]] = (count + 1, money + Decimal(e["amount"]))
    return totals


_pool: httpx.Client | None = None


def http() -> httpx.Client:
    """One pooled client for the suite's probes. ``httpx.get`` builds a client (and its TLS context)
    per call: ~30 ms of CPU each, and a campaign's polling makes thousands of them on a 2-core box
    where the services it waits for need that CPU."""
    global _pool
    if _pool is None:
        _pool = httpx.Client(timeout=10)
    return _pool


def scored(stack: Stack, customer_id: str) -> tuple[int, Decimal]:
    """What scoring-service has applied for a customer (its own read endpoint)."""
    r = http().get(f"{stack.url('scoring')}/v1/customers/{customer_id}/value")
    if r.status_code == 404:
        return 0, Decimal(0)
    rfm = r.json()["rfm"]
    return int(rfm["frequency"]), Decimal(str(rfm["monetary"]))


def record(gateway: httpx.Client, events: list[dict], *, chunk: int = 1000, retry_for: float = 0.0) -> None:
    """Send interactions in batches; with ``retry_for`` a failed batch is retried (the
    events carry idempotency keys) until accepted, as a careful client would."""
    for i in range(0, len(events), chunk):
        deadline = time.monotonic() + retry_for
        while True:
            try:
                r = gateway.post("/v1/interactions:batch", json={"interactions": events[i:i + chunk]})
                if r.status_code == 202:
                    break
                failure = f"{r.status_code} {r.text[:200]}"
            except httpx.HTTPError as exc:
                failure = repr(exc)
            if time.monotonic() > deadline:
                raise AssertionError(f"batch {i} not accepted: {failure}")
            time.sleep(0.5)


def wait_for_totals(stack: Stack, want: dict[str, tuple[int, Decimal]], *, timeout: float,
                    stall: float | None = None) -> float:
    """Wait until scoring applied every event, then check nothing was applied twice. With
    ``stall``, waiting goes on past ``timeout`` while scoring still makes progress and fails only
    when nothing more is applied for ``stall`` seconds: a slow machine is not a lost event."""
    started = time.monotonic()
    expected = sum(n for n, _ in want.values())
    progress = {"applied": -1, "at": started}

    def all_applied() -> bool:
        counts = {c: scored(stack, c)[0] for c in want}
        applied = sum(min(counts[c], n) for c, (n, _) in want.items())
        if applied > progress["applied"]:
            progress.update(applied=applied, at=time.monotonic())
        if applied == expected:
            return True
        now = time.monotonic()
        over = now - started > timeout and (stall is None or now - progress["at"] > stall)
        if over:
            raise AssertionError(f"scoring applied {applied} of {expected} events after {now - started:.0f}s "
                                 f"(last progress {now - progress['at']:.0f}s ago)")
        return False

    eventually(all_applied, timeout=float("inf"), interval=0.5, what="scoring applied every event")
    took = time.monotonic() - started
    time.sleep(1.0)  # anything applied twice would show up now
    assert {c: scored(stack, c) for c in want} == want
    return took


RECORDED = "idic.interaction.recorded.v1"


def event_ids_on_topic(bootstrap: str, topic: str, subjects: set[str], *, want: int, timeout_s: float = 60,
                       event_type: str = RECORDED) -> list[str]:
    """CloudEvent ids of the messages of one type keyed by these subjects (from the beginning)."""
    from idic import parse_event

    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, group_id=None, consumer_timeout_ms=int(timeout_s * 1000))
    keys = {s.encode() for s in subjects}
    ids = []
    for message in consumer:
        if message.key in keys:
            event = parse_event(message.value)
            if event.type == event_type:
                ids.append(event.id)
                if len(ids) >= want:
                    break
    consumer.close()
    return ids


def topic_messages(bootstrap: str, topic: str, *, timeout_s: float = 60) -> list[Any]:
    """Every message on a topic when called: each partition read from its beginning up to the end offset
    it had then. Reading "until nothing came for N seconds" waited those N seconds out every time."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None)
    try:
        deadline = time.monotonic() + timeout_s
        while not (ids := consumer.partitions_for_topic(topic)):
            if time.monotonic() > deadline:
                raise AssertionError(f"topic {topic} not found within {timeout_s}s")
            time.sleep(0.2)
        partitions = [TopicPartition(topic, p) for p in sorted(ids)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        messages: list[Any] = []
        while unread := [tp for tp in partitions if consumer.position(tp) < ends[tp]]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{topic}: {len(unread)} partitions not read to their end within {timeout_s}s")
            for records in consumer.poll(timeout_ms=500).values():
                messages.extend(r for r in records if r.offset < ends[TopicPartition(r.topic, r.partition)])
        return messages
    finally:
        consumer.close()


def missing_from_inbox(database_url: str, group: str, event_ids: list[str]) -> list[str]:
    """Event ids that the consumer group never recorded as applied."""
    engine = create_engine(database_url)
    found: set[str] = set()
    with engine.connect() as conn:
        for i in range(0, len(event_ids), 1000):
            chunk = event_ids[i:i + 1000]
            found.update(conn.execute(text("SELECT event_id FROM inbox WHERE consumer_group = :g AND event_id = ANY(:ids)"),
                                      {"g": group, "ids": chunk}).scalars())
    engine.dispose()
    return [e for e in event_ids if e not in found]


def state_digest(database_url: str) -> dict[str, str]:
    """An MD5 of every row of every table of a service's PostgreSQL database (inbox and outbox
    included), per table: two equal digests mean not one stored value differs."""
    engine = create_engine(database_url)
    with engine.connect() as conn:
        tables = conn.execute(text("SELECT quote_ident(table_name) FROM information_schema.tables "
                                   "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                                   "AND table_name <> 'alembic_version' ORDER BY 1")).scalars().all()
        digest = {table: conn.execute(text(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                                           f"FROM {table} t")).scalar_one() for table in tables}
    engine.dispose()
    return digest


def group_lag(bootstrap: str, group: str, topics: list[str]) -> int:
    """Messages of these topics the group has not committed yet."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    committed = admin.list_group_offsets({group: None})[group]
    admin.close()
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    partitions = [TopicPartition(t, p) for t in topics for p in (consumer.partitions_for_topic(t) or set())]
    ends = consumer.end_offsets(partitions)
    consumer.close()
    return sum(end - (committed[tp].offset if tp in committed and committed[tp].offset >= 0 else 0)
               for tp, end in ends.items())


def rewind_group(bootstrap: str, group: str, topics: list[str]) -> None:
    """Set the (stopped) group's committed offsets back to the start of every partition."""
    from kafka.structs import OffsetAndMetadata

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    partitions = [TopicPartition(t, p) for t in topics for p in (consumer.partitions_for_topic(t) or set())]
    consumer.assign(partitions)
    starts = consumer.beginning_offsets(partitions)
    consumer.commit({tp: OffsetAndMetadata(offset, "", -1) for tp, offset in starts.items()})
    consumer.close()


def proc_stat(pid: int) -> tuple[float, int]:
    """(CPU seconds used, resident set size in KiB) of a process, from /proc."""
    import os

    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return cpu, rss


def without_clock(value: Any) -> Any:
    """A state snapshot without fields that move with the clock alone."""
    if isinstance(value, dict):
        return {k: without_clock(v) for k, v in value.items()
                if not (k.endswith("_at") or k in {"recency_days", "scored_at", "p_alive", "churn_risk"})}
    if isinstance(value, list):
        return [without_clock(v) for v in value]
    return value


def metric_total(url: str, name: str, **labels: str) -> float:
    """Sum of a Prometheus counter's samples matching the labels."""
    from prometheus_client.parser import text_string_to_metric_families

    total = 0.0
    for family in text_string_to_metric_families(http().get(f"{url}/metrics", timeout=5).text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total
