"""Consent profiling: false through Kafka: /value answers refused, the customer leaves its segments
(SegmentChanged), is not scored per event meanwhile, and is re-scored at once after profiling: true."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient

from idic.contracts import CustomerUpdated
from idic_devstack.waiting import eventually

from .conftest import Bus, TopicTap
from .test_events import features_when, recorded
from .test_segments import segment_events

Ids = Callable[..., str]


def members(client: TestClient, segment_id: str) -> list[str]:
    return [m["customer_id"] for m in client.get(f"/v1/segments/{segment_id}/customers").json()["customers"]]


def test_profiling_refused_stops_scoring_and_segmenting_until_consent(client: TestClient, bus: Bus,
                                                                     scoring_tap: TopicTap, cid: Ids) -> None:
    slug = uuid.uuid4().hex[:8]
    created = client.post("/v1/segments", json={"id": f"private-{slug}", "name": "Private", "conditions": [
        {"field": "monetary", "op": "gte", "value": 876543},
        {"field": "monetary", "op": "lte", "value": 876545}]})  # nobody else's spend (other tests' whales)
    segment_id = created.json()["id"]
    a = cid("private")
    bus.publish(recorded(a, amount="876543.00"))
    # the other backend's run of this test published a customer of the same spend on the shared broker
    eventually(lambda: a in members(client, segment_id), what="the customer in the segment")

    bus.publish(CustomerUpdated(customer_id=a, consent={"email": True, "profiling": False}))
    refused = eventually(lambda: (r := client.get(f"/v1/customers/{a}/value")).json().get("profiling") and r,
                         what="the refusal applied")
    assert refused.status_code == 200
    assert refused.json()["customer_id"] == a and refused.json()["profiling"] == "refused"
    assert "rfm" not in refused.json() and "clv" not in refused.json()
    assert a not in members(client, segment_id)
    eventually(lambda: segment_events(scoring_tap, a) == [(segment_id, True), (segment_id, False)],
               what="SegmentChanged left")
    bus.publish(recorded(a, days=1, amount="1.00"))  # still counted (features), never scored
    features_when(client, a, lambda f: f["frequency"] == 2, "the second purchase counted")
    assert client.get(f"/v1/customers/{a}/value").json()["profiling"] == "refused"
    assert a not in members(client, segment_id)
    export = client.get(f"/internal/customers/{a}/export").json()
    assert export["scores"] is None and export["profiling_refused_at"]

    bus.publish(CustomerUpdated(customer_id=a, consent={"email": True, "profiling": True}))
    value = eventually(lambda: "rfm" in (v := client.get(f"/v1/customers/{a}/value").json()) and v,
                       what="scored again")
    assert value["rfm"]["frequency"] == 2 and segment_id in value["segments"]
    assert a in members(client, segment_id)
    eventually(lambda: segment_events(scoring_tap, a)[-1] == (segment_id, True), what="SegmentChanged entered again")
