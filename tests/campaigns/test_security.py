"""Security of the front door and of erasure, against the whole suite as real processes:
keys and scopes on every operation the gateway's OpenAPI lists, admin-only operations,
rate limits, no way through the gateway to an /internal/ endpoint or another host, and
after an erase the person in no table of any service and no event produced afterwards."""

from __future__ import annotations

import json
import random
import socket
import string
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import create_engine, text

from idic.contracts.identifiers import identifier_key, normalise
from idic_devstack.kafka import KafkaBroker
from idic_devstack.ports import free_port
from idic_devstack.stack import SERVICES, Stack
from idic_devstack.waiting import eventually

from ..conftest import API_KEY

READ_KEY, WRITE_KEY = "e2e-read-key", "e2e-write-key"
SINGLE_SCOPE_KEYS = {"read": READ_KEY, "write": WRITE_KEY}
PROBLEM = "application/problem+json"
OPERATIONAL_ROUTES = {"/metrics", "/healthz", "/readyz"}


# ---- what the services were asked, from their own Prometheus counters ----

def service_calls(stack: Stack, *, prefix: str = "") -> dict[str, float]:
    """Per service: HTTP requests it answered on routes starting with ``prefix`` (probes and
    metrics left out), so a test can prove the gateway did not call it."""
    from prometheus_client.parser import text_string_to_metric_families

    calls = {}
    for svc in SERVICES:
        total = 0.0
        for family in text_string_to_metric_families(httpx.get(f"{stack.url(svc.name)}/metrics", timeout=5).text):
            for sample in family.samples:
                route = sample.labels.get("route", "")
                if (sample.name == "idic_http_requests_total" and route not in OPERATIONAL_ROUTES
                        and route.startswith(prefix)):
                    total += sample.value
        calls[svc.name] = total
    return calls


def letters(n: int) -> str:
    return "".join(random.choices(string.ascii_lowercase, k=n))


@pytest.fixture(scope="module")
def spec(stack: Stack) -> dict[str, Any]:
    response = httpx.get(f"{stack.url('gateway')}/openapi.json", timeout=10)
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def secured_operations(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(method, path template, the scope the operation declares) of every secured operation."""
    found = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                scopes = {s for requirement in operation["security"] for v in requirement.values() for s in v}
                assert len(scopes) == 1, f"{method.upper()} {path} declares scopes {scopes}"
                found.append((method.upper(), path, scopes.pop()))
    return found


@pytest.fixture(scope="module")
def victim(stack: Stack) -> dict[str, str]:
    """A customer with a profile, and a real rule: what the refused calls must leave untouched."""
    with httpx.Client(base_url=stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=30) as client:
        email, first_name = f"sec-{uuid.uuid4().hex[:12]}@victim.example", "Vic" + letters(8)
        identified = client.post("/v1/customers/identify", json={
            "identifiers": [{"type": "email", "value": email}], "attributes": {"first_name": first_name}})
        assert identified.status_code == 200, identified.text
        rules = client.get("/v1/rules").json()
        rule_id = (rules["items"] if isinstance(rules, dict) else rules)[0]["rule_id"]
        return {"customer_id": identified.json()["customer_id"], "rule_id": rule_id, "email": email,
                "first_name": first_name}


def concrete(path: str, victim: dict[str, str]) -> str:
    """A path template with real ids where the suite has them (so an unchecked call would act)."""
    return (path.replace("{customer_id}", victim["customer_id"]).replace("{rule_id}", victim["rule_id"])
            .replace("{segment_id}", "champions").replace("{treatment_id}", "t-sec").replace("{review_id}", "r-sec"))


def snapshot(stack: Stack, victim: dict[str, str]) -> dict[str, Any]:
    """The victim's profile and the rule as the owning services hold them."""
    profile = httpx.get(f"{stack.url('identity')}/v1/customers/{victim['customer_id']}", timeout=10)
    rule = httpx.get(f"{stack.url('treatment')}/v1/rules/{victim['rule_id']}", timeout=10)
    return {"profile": (profile.status_code, profile.json()), "rule": (rule.status_code, rule.json())}


def assert_refused(response: httpx.Response, status: int, what: str) -> None:
    assert response.status_code == status, f"{what}: {response.status_code} {response.text[:200]}"
    assert response.headers["content-type"] == PROBLEM, what
    assert response.json()["status"] == status, what
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer"), what


# ---- a. keys and scopes on every id-bearing operation ----

def test_every_id_bearing_operation_refuses_missing_wrong_and_under_scoped_keys(
        stack: Stack, spec: dict[str, Any], victim: dict[str, str]) -> None:
    operations = [op for op in secured_operations(spec) if "{" in op[1]]
    assert len(operations) >= 20, operations  # enumerated from the spec: a new path is covered by itself
    assert {p for _, p, _ in operations} >= {"/v1/customers/{customer_id}", "/v1/rules/{rule_id}"}
    before, calls_before = snapshot(stack, victim), service_calls(stack)
    refused = 0
    with httpx.Client(base_url=stack.url("gateway"), timeout=30) as client:
        for method, template, scope in operations:
            path = concrete(template, victim)
            body = {} if method in ("POST", "PUT", "PATCH") else None
            for label, headers, status in [
                ("no key", {}, 401),
                ("wrong X-API-Key", {"X-API-Key": "e2e-wrong-key-" + letters(8)}, 401),
                ("wrong bearer", {"Authorization": "Bearer e2e-wrong-key-" + letters(8)}, 401),
                *[(f"{name} key for a {scope} operation", {"X-API-Key": key}, 403)
                  for name, key in SINGLE_SCOPE_KEYS.items() if name != scope],
            ]:
                response = client.request(method, path, json=body, headers=headers)
                assert_refused(response, status, f"{method} {template} with {label}")
                refused += 1
    assert service_calls(stack) == calls_before, "a refused call reached a service"
    assert snapshot(stack, victim) == before
    print(f"\n{len(operations)} id-bearing operations, {refused} refused calls, no service called")


# ---- b. admin-only operations ----

ADMIN_BY_ISSUE = {("DELETE", "/v1/customers/{customer_id}"), ("GET", "/v1/customers/{customer_id}/export"),
                  ("GET", "/v1/erasures/{customer_id}"), ("POST", "/v1/rules"), ("PUT", "/v1/rules/{rule_id}"),
                  ("DELETE", "/v1/rules/{rule_id}")}


def test_admin_operations_refuse_read_and_write_keys(stack: Stack, spec: dict[str, Any],
                                                     victim: dict[str, str]) -> None:
    admin = [(m, p) for m, p, scope in secured_operations(spec) if scope == "admin"]
    assert ADMIN_BY_ISSUE <= set(admin), ADMIN_BY_ISSUE - set(admin)
    before, calls_before = snapshot(stack, victim), service_calls(stack)
    with httpx.Client(base_url=stack.url("gateway"), timeout=30) as client:
        for method, template in admin:
            for key in (READ_KEY, WRITE_KEY):
                body = {} if method in ("POST", "PUT") else None
                response = client.request(method, concrete(template, victim), json=body, headers={"X-API-Key": key})
                assert_refused(response, 403, f"{method} {template} with {key}")
        assert service_calls(stack) == calls_before, "a refused admin call reached a service"
        assert snapshot(stack, victim) == before
        # the admin key is let through: the refusals above were about the scope, not the route
        allowed = client.get(f"/v1/customers/{victim['customer_id']}/export", headers={"X-API-Key": API_KEY})
        assert allowed.status_code == 200 and victim["email"] in allowed.text
    print(f"\n{len(admin)} admin operations refused read and write keys")


# ---- c. rate limits ----

def test_a_gateway_with_low_limits_answers_429_with_retry_after(stack: Stack, victim: dict[str, str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # a second gateway process over the same services, with limits low enough to hit
    # 0.2 tokens/s: a token every 5 s, so the burst of four still finds the bucket empty when a loaded machine
    # takes a second per call (at 0.5/s, four calls over 2 s refilled it and the fourth passed)
    for name, value in {"GATEWAY_RATE_LIMIT_RPS": "0.2", "GATEWAY_RATE_LIMIT_BURST": "3",
                        "GATEWAY_AUTH_FAILURES_PER_MINUTE": "3"}.items():
        monkeypatch.setitem(stack.extra_env, name, value)
    stack.start("gateway", instance="limited")
    try:
        stack.wait_healthy("gateway#limited", timeout=60)
        path = f"/v1/customers/{victim['customer_id']}/value"
        with httpx.Client(base_url=stack.url("gateway#limited"), timeout=30) as client:
            statuses = [client.get(path, headers={"X-API-Key": READ_KEY}).status_code for _ in range(3)]
            assert 429 not in statuses and all(s < 500 for s in statuses), statuses
            scoring_before = service_calls(stack)["scoring"]
            limited = client.get(path, headers={"X-API-Key": READ_KEY})
            assert_refused(limited, 429, "fourth call of a burst of 3")
            wait = int(limited.headers["retry-after"])
            assert 1 <= wait <= 5, wait  # 0.2 tokens/s: the next one within 5 s
            assert service_calls(stack)["scoring"] == scoring_before, "a rate-limited call reached scoring"
            assert client.get(path, headers={"X-API-Key": WRITE_KEY}).status_code == 403  # its own bucket
            time.sleep(wait)
            assert client.get(path, headers={"X-API-Key": READ_KEY}).status_code in (200, 404)
            # guessing keys: three failures from this address, then 429 before any key is checked
            guesses = [client.get(path, headers={"X-API-Key": f"guess-{i}-{letters(6)}"}) for i in range(4)]
            assert [g.status_code for g in guesses] == [401, 401, 401, 429]
            assert_refused(guesses[3], 429, "fourth failed authentication")
            assert int(guesses[3].headers["retry-after"]) >= 1
            assert client.get(path, headers={"X-API-Key": API_KEY}).status_code == 429  # the address is blocked
        # the suite's own gateway is not slowed down by the other process's buckets
        assert httpx.get(stack.url("gateway") + path, headers={"X-API-Key": READ_KEY}, timeout=10).status_code in (
            200, 404)
    finally:
        stack.kill("gateway#limited")
        stack.processes.pop("gateway#limited", None)


# ---- d. no way to an /internal/ endpoint or another host ----

class Canary:
    """A loopback HTTP server that records every request: nothing the gateway is asked may reach it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorded = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                recorded.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b'{"canary": true}')

            do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


def raw_request(port: int, target: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """One HTTP/1.1 request written byte for byte (no client normalises the target); (status, raw answer)."""
    lines = [f"GET {target} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items()), "Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall("\r\n".join(lines).encode("latin-1"))
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    if not answer:
        return 0, b""  # the server closed without answering: refused as well
    status_line = answer.split(b"\r\n", 1)[0].split()
    return int(status_line[1]), answer


def about(answer: bytes) -> object:
    """The customer_id a raw JSON answer is about (None if it is not such an answer)."""
    try:
        return json.loads(answer.split(b"\r\n\r\n", 1)[1]).get("customer_id")
    except (ValueError, IndexError, AttributeError):
        return None


def test_no_client_url_or_path_trick_reaches_an_internal_endpoint_or_another_host(
        stack: Stack, victim: dict[str, str], canary: Canary) -> None:
    cid, gw = victim["customer_id"], stack.ports["gateway"]
    identity, c = stack.ports["identity"], canary.port
    internal = f"/internal/customers/{cid}/export"
    # the victim's internal export holds their e-mail: it must not come back through the gateway
    assert victim["email"] in httpx.get(stack.url("identity") + internal, timeout=10).text
    ids = [f"../../../..{internal}", f"{cid}/../../..{internal}", f"x?y={internal}", f"x#{internal}",
           f"x@127.0.0.1:{c}", f"@127.0.0.1:{c}{internal}", f"http://127.0.0.1:{identity}{internal}",
           f"email:x@127.0.0.1:{c}", f"external_id:http://127.0.0.1:{identity}{internal}"]
    targets = [
        f"http://127.0.0.1:{identity}{internal}",  # absolute form naming the service
        f"http://127.0.0.1:{c}/v1/customers/{cid}/value",  # absolute form naming another host
        f"http://127.0.0.1:{identity}/v1/customers/..%2f..%2finternal%2fcustomers%2f{cid}%2fexport",
        internal, f"/internal/erasures/{cid}",
        f"/v1/customers/..%2f..%2finternal%2fcustomers%2f{cid}%2fexport",
        f"/v1/customers/..%2F..%2F..%2Finternal%2Fcustomers%2F{cid}%2Fexport/value",
        f"/v1/customers/%2e%2e/%2e%2e{internal}", "/v1/customers/%2e%2e%2f%2e%2e%2finternal/value",
        f"/v1/customers/%252e%252e%252f%252e%252e%252finternal%252fcustomers%252f{cid}%252fexport/value",
        f"/v1/customers/x/%2e%2e/%2e%2e/%2e%2e{internal}",
        f"/v1/customers/../..{internal}", f"/v1/../internal/customers/{cid}/export",
        f"//127.0.0.1:{identity}{internal}", f"//127.0.0.1:{c}/v1/customers/{cid}/value",
        f"/v1/customers/..\\..\\internal\\customers\\{cid}\\export",
        f"/v1/customers/x\\..\\..\\..{internal}/value", f"\\\\127.0.0.1:{c}/v1/customers/{cid}/value",
        f"/v1/customers/x@127.0.0.1:{c}/value", f"/v1/customers/@127.0.0.1:{c}/value",
        f"/v1/customers/email:x@127.0.0.1:{c}/value",
        f"/v1/customers/{cid};/../../..{internal}", f"/v1/customers/{cid}%00/../../..{internal}",
        *[f"/v1/customers/{ref}/value" for ref in ids],
    ]
    # encoded, each of these ids is one opaque segment: "unknown" (4xx), or an empty answer about that very id
    opaque = {f"/v1/customers/{quote(ref, safe='')}{suffix}": ref for ref in ids for suffix in ("", "/value",
                                                                                              "/timeline")}
    via_headers = [{"Host": f"127.0.0.1:{identity}"}, {"Host": f"127.0.0.1:{c}"},
                   {"X-Forwarded-Host": f"127.0.0.1:{c}"}, {"X-Forwarded-Host": f"127.0.0.1:{identity}"},
                   {"X-Original-URL": internal}, {"X-Rewrite-URL": internal}, {"X-Forwarded-Prefix": internal},
                   {"X-Original-URI": internal}, {"X-Forwarded-Uri": internal},
                   {"Forwarded": f"host=127.0.0.1:{c};proto=http"}, {"X-Forwarded-Proto": f"http://127.0.0.1:{c}"},
                   {"X-HTTP-Method-Override": "DELETE"}]
    internal_before = service_calls(stack, prefix="/internal")
    customer_before = httpx.get(f"{stack.url('identity')}/v1/customers/{cid}", timeout=10).json()
    personal = (victim["email"].encode(), victim["first_name"].encode())
    failures = []
    base = {"Host": f"127.0.0.1:{gw}", "X-API-Key": API_KEY}  # an admin key: only routing may refuse these
    for target in targets:
        status, answer = raw_request(gw, target, base)
        if not (status == 0 or 400 <= status < 500) or any(p in answer for p in personal):
            failures.append((target, status, answer[-300:]))
    for target, ref in opaque.items():
        status, answer = raw_request(gw, target, base)
        if not (400 <= status < 500 or (status == 200 and about(answer) == ref)) or any(p in answer for p in personal):
            failures.append((target, status, answer[-300:]))
    for extra in via_headers:
        for target in (internal, f"/v1/customers/{cid}/value"):  # a 404 here; a public answer without PII there
            status, answer = raw_request(gw, target, {**base, **extra})
            ok = status == 404 if target == internal else status in (200, 404)
            if not ok or any(p in answer for p in personal) or b"observations" in answer:
                failures.append((target, extra, status, answer[-300:]))
    assert failures == []
    assert canary.requests == [], "the gateway connected to a host a client named"
    assert service_calls(stack, prefix="/internal") == internal_before, "an /internal/ endpoint was reached"
    assert httpx.get(f"{stack.url('identity')}/v1/customers/{cid}", timeout=10).json() == customer_before
    print(f"\n{len(targets) + len(opaque)} path tricks and {len(via_headers) * 2} header tricks refused")


# ---- e. after an erase: the person in no table and no later event ----

class Person:
    """Distinctive personal data that appears nowhere else in the suite."""

    def __init__(self) -> None:
        tag = letters(10)
        self.first_name, self.last_name = "Zylphia" + tag[:5], "Quorvath" + tag[5:]
        self.email = f"Z.Quorvath.{tag}@Erase-Probe.example"
        self.email2 = f"zq.{tag}@second-probe.example"
        digits = "".join(random.choices(string.digits, k=8))
        self.phone = f"+33 6 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
        self.e164 = normalise("phone", self.phone)
        self.address = f"{random.randint(10, 99)} Rue {tag.capitalize()}"
        self.loyalty = f"LC-{tag.upper()}"

    def needles(self) -> dict[str, str]:
        """What must be gone, lower-cased (the scans compare case-insensitively)."""
        raw = {"email": self.email, "normalised email": normalise("email", self.email), "email 2": self.email2,
               "phone": self.phone, "phone E.164": self.e164, "phone digits": self.e164.lstrip("+"),
               "first name": self.first_name, "last name": self.last_name, "address": self.address,
               "loyalty card": self.loyalty}
        # identifier keys are unsalted digests of the values: whoever knows the e-mail can recompute them
        keys = {f"key of {kind}": identifier_key(kind, normalise(kind, value))
                for kind, value in (("email", self.email), ("email", self.email2), ("phone", self.phone),
                                    ("loyalty_card", self.loyalty))}
        return {k: v.lower() for k, v in {**raw, **keys}.items()}


def all_tables(conn: Any) -> list[tuple[str, str]]:
    return [(s, t) for s, t in conn.execute(text(
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"))]


def scan_databases(stack: Stack, needles: dict[str, str]) -> tuple[list[tuple[str, str, str, str]], dict[str, int]]:
    """Every row of every table of every service's database, as text, searched for the needles:
    (service, table, needle, row excerpt) found, and tables scanned per service."""
    found, scanned = [], {}
    for svc in SERVICES:
        engine = create_engine(stack.database_urls[svc.name])
        try:
            with engine.connect() as conn:
                tables = all_tables(conn)
                scanned[svc.name] = len(tables)
                for schema, table in tables:
                    rows = conn.execute(text(f'SELECT lower(t::text) FROM "{schema}"."{table}" AS t '
                                             "WHERE lower(t::text) LIKE ANY(:patterns)"),
                                        {"patterns": [f"%{n}%" for n in needles.values()]}).scalars()
                    for row in rows:
                        for name, needle in needles.items():
                            if needle in row:
                                at = row.index(needle)
                                found.append((svc.name, f"{schema}.{table}", name, row[max(0, at - 120):at + 80]))
        finally:
            engine.dispose()
    return found, scanned


def topic_ends(bootstrap: str) -> dict[TopicPartition, int]:
    """The end offset of every partition of every topic (DLQ topics included)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        partitions = [TopicPartition(t, p) for t in consumer.topics() if not t.startswith("__")
                      for p in consumer.partitions_for_topic(t) or ()]
        return consumer.end_offsets(partitions)  # type: ignore[no-any-return]
    finally:
        consumer.close()


def scan_topics(bootstrap: str, since: dict[TopicPartition, int], needles: dict[str, str]) -> tuple[list, int]:
    """Every message written after ``since`` (from the start of partitions born later), key,
    headers and value searched for the needles: (topic, needle, excerpt) found, messages read."""
    ends = topic_ends(bootstrap)
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None)
    found, read = [], 0
    try:
        todo = {tp: end for tp, end in ends.items() if end > since.get(tp, 0)}
        consumer.assign(list(todo))
        for tp in todo:
            consumer.seek(tp, since.get(tp, 0))
        deadline = time.monotonic() + 60
        while todo and time.monotonic() < deadline:
            for tp, messages in consumer.poll(timeout_ms=500, max_records=5000).items():
                for m in messages:
                    if m.offset >= todo.get(tp, 0):
                        continue
                    read += 1
                    blob = b" ".join([m.key or b"", m.value or b"", *(v or b"" for _, v in m.headers)])
                    textual = blob.decode("utf-8", "replace").lower()
                    found += [(tp.topic, name, textual[:300]) for name, needle in needles.items() if needle in textual]
            todo = {tp: end for tp, end in todo.items() if consumer.position(tp) < end}
        assert not todo, f"could not read to the end of {list(todo)}"
    finally:
        consumer.close()
    return found, read


def unsent_outbox_rows(stack: Stack) -> int:
    total = 0
    for svc in SERVICES:
        engine = create_engine(stack.database_urls[svc.name])
        with engine.connect() as conn:
            total += conn.execute(text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).scalar_one()
        engine.dispose()
    return total


def give_a_history(gateway: httpx.Client, stack: Stack, person: Person) -> str:
    """Identify, interactions by identifiers (one naming an e-mail nobody holds yet, identified on the way in),
    a second record merged in, a survey, consent; until scoring and treatment hold state."""
    def identify(body: dict) -> dict:
        r = gateway.post("/v1/customers/identify", json=body)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    first = identify({"identifiers": [{"type": "email", "value": person.email},
                                      {"type": "phone", "value": person.phone}],
                      "attributes": {"first_name": person.first_name, "last_name": person.last_name,
                                     "date_of_birth": "1984-03-09", "address_line1": person.address,
                                     "city": "Lyon", "postcode": "69002", "country": "FR"}, "source": "web"})
    cid = first["customer_id"]
    by_email = [{"type": "email", "value": person.email.upper()}]
    interactions = [
        {"identifiers": [{"type": "email", "value": person.email2}], "channel": "web", "type": "visit",
         "payload": {"note": f"{person.first_name} browsed as {person.email2}"}},  # email2 unknown yet: a new customer
        {"identifiers": by_email, "channel": "store", "type": "purchase", "amount": "129.90", "currency": "EUR",
         "payload": {"category": "shoes", "note": f"{person.first_name} {person.last_name}, {person.address}"}},
        {"identifiers": [{"type": "phone", "value": person.phone}], "channel": "phone", "type": "call",
         "direction": "inbound", "payload": {"note": f"called from {person.phone} about {person.email}"}},
        {"identifiers": by_email, "channel": "email", "type": "survey", "payload": {"nps": 3}},
        {"identifiers": by_email, "channel": "web", "type": "purchase", "amount": "42.00", "currency": "EUR"},
    ]
    answers = []
    for interaction in interactions:
        r = gateway.post("/v1/interactions", json=interaction)
        assert r.status_code == 202, r.text
        answers.append(r.json())
    second = identify({"identifiers": [{"type": "email", "value": person.email2},
                                       {"type": "loyalty_card", "value": person.loyalty}],
                       "attributes": {"first_name": person.first_name, "last_name": person.last_name.upper()},
                       "source": "store"})
    if second["customer_id"] != cid:
        merged = gateway.post("/v1/customers/merge", json={"survivor_id": cid, "merged_ids": [second["customer_id"]]})
        assert merged.status_code == 200, merged.text
    consent = gateway.put(f"/v1/customers/{cid}/consent", json={"email": True, "sms": False, "profiling": True})
    assert consent.status_code == 200, consent.text

    def unsettled() -> dict[str, Any]:
        timeline = gateway.get(f"/v1/customers/{cid}/timeline", params={"limit": 50})
        value = gateway.get(f"/v1/customers/{cid}/value")
        context = httpx.get(f"{stack.url('treatment')}/internal/customers/{cid}/export", timeout=10)
        rows = len(timeline.json()["items"]) if timeline.status_code == 200 else 0
        waiting = {"timeline": rows if timeline.status_code == 200 else timeline.status_code,
                   "frequency": value.json()["rfm"]["frequency"] if value.status_code == 200 else value.status_code,
                   "treatment": context.status_code}
        # the timeline may hold one more row than was sent: the 42.00 purchase converts the welcome treatment
        # when treatment-service chose it first, and that outcome is recorded as an offer_response interaction
        done = rows >= len(interactions) and waiting["frequency"] == 2 and waiting["treatment"] == 200
        return {} if done else waiting

    try:
        eventually(lambda: not unsettled(), timeout=90, interval=0.5, what="interactions linked, scored, in treatment")
    except AssertionError as exc:
        items = gateway.get(f"/v1/customers/{cid}/timeline", params={"limit": 50}).json()["items"]
        raise AssertionError(f"{exc}; still waiting for {unsettled()}; {cid}: {items} {answers}") from None
    return cid  # type: ignore[no-any-return]


def test_after_an_erase_the_person_is_in_no_table_and_no_later_event(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker) -> None:
    person = Person()
    needles = person.needles()
    cid = give_a_history(gateway, stack, person)
    # the scanner finds the person while they are there (a scan that finds nothing proves nothing)
    present, scanned = scan_databases(stack, needles)
    assert {(s, n) for s, _, n, _ in present} >= {("identity", "email"), ("identity", "phone E.164"),
                                                  ("identity", "first name"), ("interaction", "last name")}, present
    assert all(n >= 3 for n in scanned.values()), scanned

    since = topic_ends(kafka.bootstrap_servers)
    erased = gateway.delete(f"/v1/customers/email:{person.email}")
    assert erased.status_code == 202, erased.text
    assert erased.json()["customer_id"] == cid
    eventually(lambda: gateway.get(f"/v1/erasures/{cid}").json()["complete"], timeout=90, interval=0.5,
               what="every service applied the erasure")
    eventually(lambda: unsent_outbox_rows(stack) == 0, timeout=30, interval=0.25, what="every relay published what followed")
    time.sleep(1.0)  # consumers that react to the last events may still write

    left, scanned = scan_databases(stack, needles)
    assert left == [], "\n".join(f"{s} {t}: {n}: ...{x}..." for s, t, n, x in left)
    leaked, read = scan_topics(kafka.bootstrap_servers, since, needles)
    assert leaked == [], leaked
    assert read >= 1  # CustomerErased at least
    assert gateway.get(f"/v1/customers/email:{person.email}").status_code == 404
    print(f"\nafter the erase: {sum(scanned.values())} tables ({scanned}) and {read} later events: "
          f"none holds any of {len(needles)} needles")
