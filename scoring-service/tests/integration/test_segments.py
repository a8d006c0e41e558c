"""Rule segments and SegmentChanged through real Kafka; GDPR export and erasure tombstones."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient

from idic.contracts import CustomerErased
from idic_devstack.waiting import eventually

from .conftest import Bus, TopicTap
from .test_api import assert_problem
from .test_events import features_when, recorded

Ids = Callable[..., str]


def segment_events(tap: TopicTap, customer_id: str, segment_id: str | None = None) -> list[tuple[str, bool]]:
    """The customer's SegmentChanged events (of one segment: needs segments that another test's refresh
    left in the shared database are joined per event too)."""
    return [(e["data"]["segment_id"], e["data"]["entered"]) for r in tap.of(customer_id)
            if (e := json.loads(r.value))["type"] == "idic.segment.changed.v1"
            and segment_id in (None, e["data"]["segment_id"])]


def test_rule_segment_members_enter_and_leave(client: TestClient, bus: Bus, scoring_tap: TopicTap, cid: Ids) -> None:
    slug = uuid.uuid4().hex[:8]
    # a threshold no other test's customer reaches, so the shared app's other customers stay out
    created = client.post("/v1/segments", json={"id": f"whales-{slug}", "name": "Whales", "conditions": [
        {"field": "monetary", "op": "gte", "value": 987654}, {"field": "frequency", "op": "lte", "value": 1}]})
    assert created.status_code == 201, created.text
    segment_id = created.json()["id"]
    assert segment_id == f"rule-whales-{slug}" and created.json()["size"] == 0
    a, b = cid("whale"), cid("minnow")
    bus.publish(recorded(a, amount="987654.00"))
    bus.publish(recorded(b, amount="5.00"))
    eventually(lambda: segment_events(scoring_tap, a, segment_id) == [(segment_id, True)],
               what="SegmentChanged entered")
    assert segment_id in client.get(f"/v1/customers/{a}/value").json()["segments"]
    members = client.get(f"/v1/segments/{segment_id}/customers").json()
    assert [m["customer_id"] for m in members["customers"]] == [a] and members["next_after"] is None
    listed = {s["id"]: s for s in client.get("/v1/segments").json()["segments"]}[segment_id]
    assert (listed["kind"], listed["size"], listed["description"]) == (
        "rule", 1, "monetary gte 987654 and frequency lte 1")

    bus.publish(recorded(a, days=1, amount="1.00"))  # a second purchase: frequency 2 leaves the segment
    eventually(lambda: segment_events(scoring_tap, a, segment_id) == [(segment_id, True), (segment_id, False)],
               what="SegmentChanged left")
    assert client.get(f"/v1/segments/{segment_id}/customers").json()["customers"] == []
    assert segment_events(scoring_tap, b, segment_id) == []


def test_export_and_erasure_tombstone(client: TestClient, bus: Bus, cid: Ids) -> None:
    a = cid("gdpr")
    assert_problem(client.get(f"/internal/customers/{a}/export"), 404)
    assert_problem(client.get(f"/internal/erasures/{a}"), 404)
    bus.publish(recorded(a, amount="12.00", channel="store"))
    features_when(client, a, lambda f: f["frequency"] == 1, "the purchase")
    export = client.get(f"/internal/customers/{a}/export").json()
    assert export["customer_id"] == a and export["features"]["monetary"] == "12.00"
    assert export["purchase_days"] == [{"day": "2024-03-01", "amount": "12.00"}]
    assert export["scores"]["rfm_segment"] == "new"
    erased_at = dt.datetime.now(dt.UTC)
    bus.publish(CustomerErased(customer_id=a, erased_at=erased_at))
    tombstone = eventually(lambda: (r := client.get(f"/internal/erasures/{a}")).status_code == 200 and r.json(),
                           what="the erasure tombstone")
    assert tombstone["customer_id"] == a and dt.datetime.fromisoformat(tombstone["erased_at"]).tzinfo is not None
    assert dt.datetime.fromisoformat(tombstone["erased_at"]) == erased_at  # the erasure's time, not its arrival's
    assert_problem(client.get(f"/internal/customers/{a}/export"), 404)
    assert_problem(client.get("/internal/erasures/bad%20id"), 422)
    assert_problem(client.get("/internal/customers/bad%20id/export"), 422)
