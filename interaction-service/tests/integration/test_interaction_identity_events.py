"""Consumed identity events: merges re-key, unmerges give back, erasures delete."""

from __future__ import annotations

import datetime as dt

from kafka import KafkaProducer

from idic.contracts import CustomerErased, CustomersMerged, CustomerUnmerged
from idic_devstack.waiting import eventually


def _count(client, cid: str) -> int:
    return client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"]


def _visits(client, cid: str, n: int, hour: int = 0) -> list[str]:
    items = [{"customer_id": cid, "channel": "web", "type": "visit",
              "occurred_at": f"2024-01-01T{hour:02d}:{i:02d}:00Z"} for i in range(n)]
    response = client.post("/v1/interactions:batch", json={"interactions": items})
    assert response.status_code == 202
    return [r["interaction_id"] for r in response.json()["results"]]


def test_merge_rekeys_to_survivor_and_later_records_follow(client, customer, publish):
    survivor, b1, b2, bystander = customer(), customer(), customer(), customer()
    own = _visits(client, survivor, 1)
    merged = _visits(client, b1, 2, hour=1) + _visits(client, b2, 1, hour=2)
    _visits(client, bystander, 1)

    publish(CustomersMerged(customer_id=survivor, merged_ids=[b1, b2]))
    eventually(lambda: _count(client, survivor) == 4)
    timeline = client.get(f"/v1/customers/{survivor}/timeline").json()["items"]
    assert {i["interaction_id"] for i in timeline} == set(own + merged)
    assert {i["customer_id"] for i in timeline} == {survivor}
    assert _count(client, b1) == 4  # a merged-away id reads as its survivor
    assert client.get(f"/v1/customers/{b1}/timeline").json()["customer_id"] == survivor
    assert _count(client, bystander) == 1

    # a client that has not heard of the merge yet still lands on the survivor
    late = client.post("/v1/interactions", json={"customer_id": b2, "channel": "store", "type": "visit"}).json()
    assert late["customer_id"] == survivor
    assert _count(client, survivor) == 5


def test_a_merge_into_a_survivor_merged_away_since_goes_to_the_final_survivor(client, customer, publish):
    # identity merged m into s, then s into t; merges are keyed by their survivor, so the second may be
    # consumed first: m's interactions then belong to t, and s must keep standing for t
    t, s, m = customer(), customer(), customer()
    _visits(client, t, 1)
    _visits(client, s, 1, hour=1)
    m_ids = _visits(client, m, 2, hour=2)
    publish(CustomersMerged(customer_id=t, merged_ids=[s]))
    eventually(lambda: _count(client, t) == 2)
    publish(CustomersMerged(customer_id=s, merged_ids=[m]))
    standing = eventually(lambda: (cid := client.get(f"/v1/customers/{m}/timeline").json()["customer_id"]) != m
                          and cid)  # m stands for itself until the late merge is applied
    assert standing == t
    assert _count(client, t) == 4
    assert {i["interaction_id"] for i in client.get(f"/v1/customers/{t}/timeline").json()["items"]} >= set(m_ids)
    for merged_away in (s, m):  # both still read as t, and what arrives for them goes to t
        assert client.get(f"/v1/customers/{merged_away}/timeline").json()["customer_id"] == t
        late = client.post("/v1/interactions", json={"customer_id": merged_away, "channel": "web", "type": "visit"})
        assert late.json()["customer_id"] == t
    assert _count(client, t) == 6


def test_unmerge_gives_back_what_was_recorded_for_the_restored_customer(client, customer, publish):
    a, b = customer(), customer()
    _visits(client, a, 2)
    b_ids = _visits(client, b, 3, hour=5)
    publish(CustomersMerged(customer_id=a, merged_ids=[b]))
    eventually(lambda: _count(client, a) == 5)
    publish(CustomerUnmerged(customer_id=a, restored_id=b))
    eventually(lambda: _count(client, a) == 2)
    timeline = client.get(f"/v1/customers/{b}/timeline").json()
    assert timeline["customer_id"] == b
    assert sorted(i["interaction_id"] for i in timeline["items"]) == sorted(b_ids)
    assert client.post("/v1/interactions", json={"customer_id": b, "channel": "web", "type": "visit"}
                       ).json()["customer_id"] == b


def test_erasure_deletes_the_customers_interactions(client, customer, publish):
    gone, merged_in, stays = customer(), customer(), customer()
    _visits(client, gone, 3)
    _visits(client, merged_in, 2)
    _visits(client, stays, 2)
    publish(CustomersMerged(customer_id=gone, merged_ids=[merged_in]))
    eventually(lambda: _count(client, gone) == 5)
    event = publish(CustomerErased(customer_id=gone, erased_at=dt.datetime.now(dt.UTC)))
    eventually(lambda: _count(client, gone) == 0)
    assert client.get(f"/v1/customers/{merged_in}/timeline").json()["items"] == []
    assert _count(client, stays) == 2
    stats = client.get("/v1/channels/stats").json()["channels"]
    assert stats[0]["customers"] == 1 and stats[0]["count"] == 2
    assert event.subject == gone


def test_redelivered_merge_is_applied_once(client, customer, publish, kafka):
    a, b, c = customer(), customer(), customer()
    _visits(client, b, 1)
    event = publish(CustomersMerged(customer_id=a, merged_ids=[b]))
    eventually(lambda: _count(client, a) == 1)
    publish(CustomerUnmerged(customer_id=a, restored_id=b))
    eventually(lambda: _count(client, b) == 1)
    # the very same merge event again (a redelivery): the inbox knows it, so b keeps its interaction
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers)
    producer.send("idic.identity", value=event.to_json_bytes(), key=a.encode(),
                  headers=[("content-type", b"application/cloudevents+json")]).get(timeout=30)
    producer.close()
    # a marker on the same key proves the redelivery was consumed before we look
    _visits(client, c, 1)
    publish(CustomersMerged(customer_id=a, merged_ids=[c]))
    eventually(lambda: _count(client, a) == 1 and _count(client, c) == 1)
    assert _count(client, b) == 1
    assert client.get(f"/v1/customers/{b}/timeline").json()["customer_id"] == b
