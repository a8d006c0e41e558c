"""Interactions sent with identifiers instead of a customer id: linked through identity's events."""

from __future__ import annotations

import random
import uuid

from idic.contracts import CustomerIdentified, CustomersMerged, CustomerUnmerged, CustomerUpdated
from idic.contracts.identifiers import identifier_key, normalise
from idic_devstack.waiting import eventually


def _key(kind: str, value: str) -> str:
    return identifier_key(kind, normalise(kind, value))


def _count(client, cid: str) -> int:
    return client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"]


def _identified(cid: str, *keys: str) -> CustomerIdentified:
    return CustomerIdentified(customer_id=cid, created=True, matched_by="new", confidence=1.0,
                              identifier_keys=list(keys))


def test_unknown_identifiers_wait_then_link_and_announce_once(client, customer, publish, topic_reader):
    cid, email = customer(), f"Ann.{uuid.uuid4().hex[:8]}@Example.com"
    body = {"id": f"k-{cid}", "identifiers": [{"type": "email", "value": email}], "channel": "store",
            "type": "purchase", "amount": "30", "currency": "EUR", "occurred_at": "2024-05-01T10:00:00Z"}
    pending = client.post("/v1/interactions", json=body)
    assert pending.status_code == 202
    assert pending.json()["customer_id"] is None and pending.json()["status"] == "pending"
    assert client.post("/v1/interactions", json=body).json() == pending.json()  # idempotent while pending

    # identity announces the key (computed from the normalised value, never the value itself)
    publish(_identified(cid, _key("email", email.lower())))
    eventually(lambda: _count(client, cid) == 1)
    [item] = client.get(f"/v1/customers/{cid}/timeline").json()["items"]
    assert item["interaction_id"] == pending.json()["interaction_id"] and item["customer_id"] == cid
    [(_, envelope)] = topic_reader(cid, 1)
    assert envelope["data"]["interaction_id"] == item["interaction_id"]
    # the retry now answers the linked customer; a new one with the same identifier links at once
    assert client.post("/v1/interactions", json=body).json() == {
        "interaction_id": item["interaction_id"], "customer_id": cid, "status": "recorded"}
    again = client.post("/v1/interactions", json={**body, "id": None}).json()
    assert again["customer_id"] == cid and again["status"] == "recorded"
    assert _count(client, cid) == 2
    # the first-purchase trigger fired once, on the linked interaction
    triggers = client.get(f"/v1/customers/{cid}/triggers", params={"kind": "first_purchase"}).json()["items"]
    assert [t["interaction_id"] for t in triggers] == [item["interaction_id"]]


def _linked(client, cid: str, key: str) -> bool:
    response = client.get(f"/internal/customers/{cid}/export")
    return response.status_code == 200 and key in response.json()["identifier_keys"]


def test_first_known_identifier_wins_and_updated_keys_link(client, customer, publish):
    a, b, c = customer(), customer(), customer()
    # unique per test: the topic is shared, and another test's announcement of the same phone would move it
    digits = f"{random.randrange(2_000_000, 9_999_999)}"
    phone, card = f"+1 415 {digits}", f"card-{uuid.uuid4().hex[:8]}"
    publish(_identified(a, _key("phone", phone)))
    publish(_identified(b, _key("loyalty_card", card)))
    eventually(lambda: _linked(client, a, _key("phone", phone)) and _linked(client, b, _key("loyalty_card", card)))
    card_first = [{"type": "loyalty_card", "value": card},
                  {"type": "phone", "value": f"(415) {digits[:3]}-{digits[3:]}"}]
    assert client.post("/v1/interactions", json={"identifiers": card_first, "channel": "phone",
                                                 "type": "call"}).json()["customer_id"] == b
    assert client.post("/v1/interactions", json={"identifiers": card_first[::-1], "channel": "phone",
                                                 "type": "call"}).json()["customer_id"] == a
    # a key identity adds later (CustomerUpdated) links what waited for it
    cookie = f"ck-{uuid.uuid4().hex}"
    waiting = client.post("/v1/interactions", json={"identifiers": [{"type": "cookie", "value": cookie}],
                                                    "channel": "web", "type": "visit"}).json()
    assert waiting["status"] == "pending"
    publish(CustomerUpdated(customer_id=c, added_identifier_keys=[_key("cookie", cookie)]))
    eventually(lambda: _count(client, c) == 1)
    assert client.get(f"/v1/customers/{c}/timeline").json()["items"][0]["interaction_id"] == \
        waiting["interaction_id"]


def test_links_follow_merges_and_unmerges(client, customer, publish):
    survivor, merged = customer(), customer()
    key = _key("loyalty_card", card := f"card-{uuid.uuid4().hex[:8]}")
    publish(_identified(merged, key))
    eventually(lambda: _linked(client, merged, key))
    item = {"identifiers": [{"type": "loyalty_card", "value": card}], "channel": "store", "type": "visit"}
    assert client.post("/v1/interactions", json=item).json()["customer_id"] == merged
    publish(CustomersMerged(customer_id=survivor, merged_ids=[merged]))
    eventually(lambda: _linked(client, survivor, key))
    assert client.post("/v1/interactions", json=item).json()["customer_id"] == survivor
    assert _count(client, survivor) == 2
    publish(CustomerUnmerged(customer_id=survivor, restored_id=merged))
    eventually(lambda: _linked(client, merged, key))
    assert _count(client, merged) == 2  # both were first recorded for the restored customer's card
    assert client.post("/v1/interactions", json=item).json()["customer_id"] == merged
    assert _count(client, survivor) == 0
