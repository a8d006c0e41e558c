"""Webhooks through the gateway on the real suite: an admin subscribes a real HTTP receiver, a
served next-best-action reaches it signed per Standard Webhooks, its delivery is listed, and
keys without admin get 403."""

from __future__ import annotations

import json
import uuid

import httpx
from standardwebhooks import Webhook

from idic_devstack.receiver import WebhookReceiver
from idic_devstack.waiting import eventually


def test_a_served_action_reaches_the_subscriber_through_the_gateway(gateway: httpx.Client) -> None:
    base = str(gateway.base_url)
    for key in ("e2e-read-key", "e2e-write-key"):
        assert httpx.get(f"{base}/v1/webhooks", headers={"X-API-Key": key}).status_code == 403
        denied = httpx.post(f"{base}/v1/webhooks", headers={"X-API-Key": key},
                            json={"url": "https://h.example.com/x", "events": ["treatment.decided"]})
        assert denied.status_code == 403 and denied.headers["content-type"].startswith("application/problem+json")
    bad = gateway.post("/v1/webhooks", json={"url": "ftp://h.example.com/x", "events": ["treatment.decided"]})
    assert bad.status_code == 422 and "body.url" in [e["field"] for e in bad.json()["errors"]]

    with WebhookReceiver() as receiver:
        created = gateway.post("/v1/webhooks", json={"url": receiver.url, "events": ["treatment.decided"],
                                                     "description": "e2e"})
        assert created.status_code == 201, created.text
        hook = created.json()
        assert hook["secret"].startswith("whsec_")
        listed = gateway.get("/v1/webhooks").json()["webhooks"]
        assert hook["webhook_id"] in [w["webhook_id"] for w in listed] and "secret" not in listed[0]

        email = f"hook-{uuid.uuid4().hex[:8]}@example.com"
        customer_id = gateway.post("/v1/customers/identify", json={
            "identifiers": [{"type": "email", "value": email}], "source": "web"}).json()["customer_id"]
        assert gateway.post("/v1/interactions", json={
            "customer_id": customer_id, "channel": "web", "type": "purchase", "direction": "inbound",
            "amount": "42.50", "currency": "EUR"}).status_code == 202
        actions = eventually(lambda: gateway.get(f"/v1/customers/{customer_id}/next-best-actions").json(),
                             timeout=120, interval=0.25, what="a next-best-action for the customer")
        served = {a["treatment_id"] for a in actions}

        def arrived() -> list:
            return [r for r in receiver.requests() if json.loads(r.body)["data"].get("treatment_id") in served]
        got = eventually(arrived, timeout=60, interval=0.25, what="the decision delivered to the receiver")[0]
        event = Webhook(hook["secret"]).verify(got.body, got.headers)
        assert event["type"] == "idic.treatment.decided.v1" and event["subject"] == customer_id

        page = eventually(lambda: [d for d in gateway.get(f"/v1/webhooks/{hook['webhook_id']}/deliveries",
                                                          params={"status": "succeeded"}).json()["deliveries"]
                                   if d["delivery_id"] == got.headers["webhook-id"]],
                          timeout=60, interval=0.25, what="delivery listed")
        assert page[0]["event_id"] == event["id"] and page[0]["attempts"] == 1
        again = gateway.post(f"/v1/webhooks/{hook['webhook_id']}/deliveries/{page[0]['delivery_id']}:retry")
        assert again.status_code == 409
        assert gateway.post(f"/v1/webhooks/{hook['webhook_id']}/deliveries/msg_nope:retry").status_code == 404
        assert gateway.delete(f"/v1/webhooks/{hook['webhook_id']}").status_code == 204
        assert gateway.get(f"/v1/webhooks/{hook['webhook_id']}").status_code == 404
