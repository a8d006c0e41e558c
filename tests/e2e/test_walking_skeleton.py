"""Identify → interact → scored and treated over Kafka → one face, through the gateway."""

from __future__ import annotations

import http.client
import time
import uuid

import httpx

from gateway.adapters.clients.aiohttp_transport import AiohttpTransport
from idic import parse_event
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

from ..support import topic_messages

AIOHTTP_POOL_KEEPALIVE_S = AiohttpTransport()._keepalive_s


def test_a_purchase_reaches_every_service_and_shows_in_the_single_face(gateway: httpx.Client, kafka) -> None:
    email = f"walk-{uuid.uuid4().hex[:8]}@example.com"
    identified = gateway.post("/v1/customers/identify", json={
        "identifiers": [{"type": "email", "value": email}], "attributes": {"first_name": "Wanda"}, "source": "web"})
    assert identified.status_code == 200, identified.text
    customer_id = identified.json()["customer_id"]
    assert identified.json()["created"] is True

    recorded = gateway.post("/v1/interactions", json={
        "customer_id": customer_id, "channel": "web", "type": "purchase", "direction": "inbound",
        "amount": "42.50", "currency": "EUR"})
    assert recorded.status_code == 202, recorded.text
    assert recorded.json()["customer_id"] == customer_id

    def complete() -> dict | None:
        face = gateway.get(f"/v1/customers/{customer_id}").json()
        value = face.get("value") or {}
        on_timeline = {i["treatment_id"] for i in face["interactions"]["recent"] if i["type"] == "treatment"}
        served = {a["treatment_id"] for a in face["next_best_actions"]}
        # the purchase scored, actions served, and every served action delivered onto the timeline
        if (value.get("rfm") or {}).get("frequency") == 1 and served and served <= on_timeline:
            return face
        return None

    last: dict = {}

    def complete_or_remember() -> dict | None:
        face = complete()
        if face is None:
            last.update(gateway.get(f"/v1/customers/{customer_id}").json())
        return face

    try:
        face = eventually(complete_or_remember, timeout=120, interval=0.25,
                          what="scoring and treatment applied the purchase")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; last face: {last}") from None
    assert face["customer_id"] == customer_id and face["degraded"] == []
    assert face["profile"]["attributes"]["first_name"] == "Wanda"                       # identity
    purchases = [i for i in face["interactions"]["recent"] if i["type"] == "purchase"]  # interaction
    assert len(purchases) == 1 and purchases[0]["direction"] == "inbound"
    assert face["interactions"]["count"] >= 1 + len(face["next_best_actions"])          # + one per delivery
    assert all(i["direction"] == "outbound" for i in face["interactions"]["recent"] if i["type"] == "treatment")
    assert face["value"]["rfm"]["frequency"] == 1                                        # scoring, via Kafka
    assert float(face["value"]["rfm"]["monetary"]) == 42.5
    assert any(a["kind"] == "message" for a in face["next_best_actions"])               # treatment, via Kafka

    by_identifier = gateway.get(f"/v1/customers/email:{email.upper()}")
    assert by_identifier.status_code == 200 and by_identifier.json()["customer_id"] == customer_id

    # every served action is a decision published once on treatment's own topic (CloudEvents about this
    # customer), and its delivery to the caller too
    events = [parse_event(m.value) for m in topic_messages(kafka.bootstrap_servers, "idic.treatment")
              if m.key == customer_id.encode()]
    decided = [e.data["treatment_id"] for e in events if e.type == "idic.treatment.decided.v1"]
    delivered = [e.data["treatment_id"] for e in events if e.type == "idic.treatment.delivered.v1"]
    assert decided and len(decided) == len(set(decided))  # no decision announced twice
    served = {a["treatment_id"] for a in face["next_best_actions"]}
    assert served <= set(decided) and served <= set(delivered)


def test_unknown_customer_and_bad_input_through_the_gateway(gateway: httpx.Client) -> None:
    assert gateway.get(f"/v1/customers/{uuid.uuid4()}").status_code == 404
    assert gateway.get("/v1/customers/email:nobody-here@example.com").status_code == 404
    r = gateway.post("/v1/interactions", json={"customer_id": "x", "channel": "pigeon", "type": "visit"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    assert any("channel" in e["field"] for e in r.json()["errors"])
    assert httpx.get(str(gateway.base_url) + "/v1/customers/abc").status_code == 401



def test_services_keep_an_idle_connection_longer_than_the_gateway_pools_it(stack: Stack) -> None:
    """The gateway keeps idle upstream connections for 15 s. A service that closed them sooner (uvicorn's
    default is 5 s) raced the gateway's next call on that connection: 503 "the identity service is
    unavailable" on an identify:batch sent 5.1 s after the previous one. The same connection, idle 16 s,
    must still carry the next request."""
    url = httpx.URL(stack.url("identity"))
    connection = http.client.HTTPConnection(url.host, url.port, timeout=10)
    try:
        for pause in (0.0, AIOHTTP_POOL_KEEPALIVE_S + 1):
            time.sleep(pause)
            connection.request("GET", "/healthz")
            answer = connection.getresponse()
            answer.read()
            assert answer.status == 200, pause
    finally:
        connection.close()
