"""Treatment outcomes become offer_response interactions, once per outcome."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from idic.contracts import TreatmentOutcomeRecorded


def _timeline(client, cid: str) -> list[dict]:
    return client.get(f"/v1/customers/{cid}/timeline", params={"type": "offer_response"}).json()["items"]


@pytest.fixture
def database_url(pg_url: str) -> str:
    """PostgreSQL only: SQLite is covered by the recording, query and linking tests; the time budget is short."""
    return pg_url


def test_outcome_is_recorded_once_with_its_treatment(client, customer, publish, wait_until, topic_reader):
    cid, treatment = customer(), f"t-{uuid.uuid4().hex[:10]}"
    at = dt.datetime(2024, 7, 1, 12, tzinfo=dt.UTC)
    outcome = TreatmentOutcomeRecorded(treatment_id=treatment, customer_id=cid, outcome="accepted",
                                       action_id="offer-10pc", kind="offer", channel="email", recorded_at=at)
    publish(outcome)
    publish(outcome)  # the same outcome again under a new event id (a producer retry): still once
    [item] = wait_until(lambda: _timeline(client, cid))
    assert item["treatment_id"] == treatment and item["channel"] == "email" and item["direction"] == "inbound"
    assert item["payload"] == {"treatment_id": treatment, "outcome": "accepted", "action_id": "offer-10pc",
                               "kind": "offer", "treatment_channel": "email"}
    assert dt.datetime.fromisoformat(item["occurred_at"]) == at
    [(_, envelope)] = topic_reader(cid, 1)
    assert envelope["data"]["treatment_id"] == treatment and envelope["data"]["type"] == "offer_response"
    # a different outcome of another treatment on a channel we do not know falls back to the default channel
    publish(TreatmentOutcomeRecorded(treatment_id=f"{treatment}-2", customer_id=cid, outcome="declined",
                                     action_id="a", kind="offer", channel="sms", recorded_at=at))
    items = wait_until(lambda: len(_timeline(client, cid)) == 2 and _timeline(client, cid))
    assert {i["channel"] for i in items} == {"email", "web"}
    assert client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"] == 2
