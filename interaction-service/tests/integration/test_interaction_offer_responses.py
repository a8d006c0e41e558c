"""Treatment outcomes become offer_response interactions, once per outcome; delivered treatments become
one outbound interaction each."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from idic.contracts import TreatmentDelivered, TreatmentOutcomeRecorded
from idic_devstack.waiting import eventually


def _timeline(client, cid: str, kind: str = "offer_response") -> list[dict]:
    return client.get(f"/v1/customers/{cid}/timeline", params={"type": kind}).json()["items"]


@pytest.fixture
def database_url(pg_url: str) -> str:
    """PostgreSQL only: SQLite is covered by the recording, query and linking tests; the time budget is short."""
    return pg_url


def test_outcome_is_recorded_once_with_its_treatment(client, customer, publish, topic_reader):
    cid, treatment = customer(), f"t-{uuid.uuid4().hex[:10]}"
    at = dt.datetime(2024, 7, 1, 12, tzinfo=dt.UTC)
    outcome = TreatmentOutcomeRecorded(treatment_id=treatment, customer_id=cid, outcome="accepted",
                                       action_id="offer-10pc", kind="offer", channel="email", recorded_at=at)
    publish(outcome)
    publish(outcome)  # the same outcome again under a new event id (a producer retry): still once
    [item] = eventually(lambda: _timeline(client, cid))
    assert item["treatment_id"] == treatment and item["channel"] == "email" and item["direction"] == "inbound"
    assert item["payload"] == {"treatment_id": treatment, "outcome": "accepted", "action_id": "offer-10pc",
                               "kind": "offer", "treatment_channel": "email"}
    assert dt.datetime.fromisoformat(item["occurred_at"]) == at
    [(_, envelope)] = topic_reader(cid, 1)
    assert envelope["data"]["treatment_id"] == treatment and envelope["data"]["type"] == "offer_response"
    # a different outcome of another treatment on a channel we do not know falls back to the default channel
    publish(TreatmentOutcomeRecorded(treatment_id=f"{treatment}-2", customer_id=cid, outcome="declined",
                                     action_id="a", kind="offer", channel="sms", recorded_at=at))
    items = eventually(lambda: len(_timeline(client, cid)) == 2 and _timeline(client, cid))
    assert {i["channel"] for i in items} == {"email", "web"}
    assert client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"] == 2


def test_a_delivered_treatment_is_one_outbound_interaction_whichever_way_it_left(client, customer, publish):
    cid, treatment = customer(), f"t-{uuid.uuid4().hex[:10]}"
    at = dt.datetime(2024, 7, 2, 9, tzinfo=dt.UTC)
    for via in ("api", "webhook", "api"):  # served to a caller, received by a subscriber, a redelivery
        publish(TreatmentDelivered(treatment_id=treatment, customer_id=cid, action_id="recovery-call",
                                   kind="service_recovery", channel="phone", rule_id="service-recovery-top",
                                   via=via, delivered_at=at))  # type: ignore[arg-type]
    [item] = eventually(lambda: _timeline(client, cid, "treatment"))
    assert item["direction"] == "outbound" and item["type"] == "treatment" and item["channel"] == "phone"
    assert item["payload"]["treatment_id"] == treatment and item["payload"]["rule_id"] == "service-recovery-top"
    assert dt.datetime.fromisoformat(item["occurred_at"]) == at
    # a marker after the duplicates proves they were consumed before we count
    publish(TreatmentDelivered(treatment_id=f"{treatment}-2", customer_id=cid, action_id="a", kind="offer",
                               channel=None, via="api", delivered_at=at))
    items = eventually(lambda: len(_timeline(client, cid, "treatment")) == 2 and _timeline(client, cid, "treatment"))
    assert [i["payload"]["treatment_id"] for i in items].count(treatment) == 1
    assert {i["channel"] for i in items} == {"phone", "web"}  # no channel: the default one
