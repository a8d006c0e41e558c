"""Bad input everywhere: oversized bodies are refused without the process growing, and
hostile text in every text field answers 2xx or 422, never 5xx."""

from __future__ import annotations

import json
import urllib.parse
import uuid
from collections.abc import Iterator

import httpx
import pytest

from idic_devstack.stack import SERVICES, Stack

from ..support import proc_stat

HOSTILE = {
    "nul": "a\u0000b",
    "lone surrogate": "\ud800x",
    "emoji": "😀🧾👨‍👩‍👧" * 10,
    "10k chars": "x" * 10_000,
    "rtl and combining": "\u202eabc\u0301\u0336",
}


def streamed(total: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * min(chunk, total - sent)
        sent += chunk


@pytest.mark.parametrize("target", ["gateway", *[s.name for s in SERVICES]])
def test_a_50_mib_body_is_413_and_the_process_does_not_grow(stack: Stack, target: str) -> None:
    pid = stack.processes[target].pid
    before = proc_stat(pid)[1]
    path = {"gateway": "/v1/interactions:batch", "identity": "/v1/customers/identify",
            "interaction": "/v1/interactions:batch", "scoring": "/v1/models/clv:fit",
            "treatment": "/v1/rules"}[target]
    headers = {"content-type": "application/json", "x-api-key": "e2e-admin-key"}
    try:
        r = httpx.post(stack.url(target) + path, content=streamed(50 << 20), headers=headers, timeout=60)
        status = r.status_code
    except httpx.RemoteProtocolError:
        status = 413  # the server answered 413 and closed while we were still sending
    grown_mib = (proc_stat(pid)[1] - before) / 1024
    assert status == 413
    assert grown_mib < 20, f"{target} grew by {grown_mib:.1f} MiB"


def text_fields_of_identify(value: str) -> list[dict]:
    bodies = [{"identifiers": [{"type": kind, "value": value}]}
              for kind in ("email", "phone", "loyalty_card", "cookie", "device", "external_id", "national_id")]
    for attribute in ("first_name", "last_name", "date_of_birth", "address_line1", "city", "postcode", "country"):
        bodies.append({"identifiers": [{"type": "cookie", "value": f"c-{uuid.uuid4()}"}],
                       "attributes": {attribute: value}})
    bodies.append({"identifiers": [{"type": "cookie", "value": f"c-{uuid.uuid4()}"}], "source": value})
    return bodies


def text_fields_of_interaction(value: str, customer_id: str) -> list[dict]:
    base = {"customer_id": customer_id, "channel": "web", "type": "visit"}
    return [
        {**base, "customer_id": value},
        {**base, "type": value},
        {**base, "id": value},
        {**base, "currency": value, "amount": "1.00"},
        {**base, "payload": {"note": value}},
        {**base, "payload": {value: 1}},
        {**base, "payload": {"life_event": value}},
    ]


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_text_in_every_field_never_causes_a_server_error(gateway: httpx.Client, kind: str) -> None:
    value = HOSTILE[kind]
    customer_id = gateway.post("/v1/customers/identify", json={
        "identifiers": [{"type": "cookie", "value": f"c-{uuid.uuid4()}"}]}).json()["customer_id"]
    requests = [("POST", "/v1/customers/identify", b) for b in text_fields_of_identify(value)]
    requests += [("POST", "/v1/interactions", b) for b in text_fields_of_interaction(value, customer_id)]
    quoted = urllib.parse.quote(value.encode("utf-8", "surrogatepass"), safe="")
    requests += [("GET", f"/v1/customers/lookup?type=email&value={quoted}", None),
                 ("GET", f"/v1/customers/{quoted}", None), ("GET", f"/v1/customers/{quoted}/timeline", None)]
    failures = []
    for method, path, body in requests:
        content = None if body is None else json.dumps(body).encode()  # ensure_ascii: \u0000, \ud800 escapes
        r = gateway.request(method, path, content=content, headers={"content-type": "application/json"})
        if r.status_code >= 500 or not (200 <= r.status_code < 300 or r.status_code in (404, 422)):
            failures.append((method, path[:60], json.dumps(body)[:120] if body else None, r.status_code, r.text[:200]))
    assert failures == []
