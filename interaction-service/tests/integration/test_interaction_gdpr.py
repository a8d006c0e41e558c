"""GDPR: export of everything held, erasure with a tombstone that keeps late events out."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from idic.contracts import CustomerErased, CustomerIdentified, CustomerUpdated, TreatmentOutcomeRecorded
from idic.contracts.identifiers import identifier_key
from idic_devstack.waiting import eventually


@pytest.fixture
def database_url(pg_url: str) -> str:
    """PostgreSQL only: SQLite is covered by the recording, query and linking tests; the time budget is short."""
    return pg_url


def test_export_then_erase_then_late_events_are_not_stored(client, customer, publish):
    cid, stays = customer(), customer()
    key = identifier_key("cookie", cookie := f"ck-{uuid.uuid4().hex}")
    assert client.get(f"/internal/customers/{cid}/export").status_code == 404
    assert client.get(f"/internal/erasures/{cid}").status_code == 404
    client.post("/v1/interactions:batch", json={"interactions": [
        {"customer_id": cid, "channel": "web", "type": "purchase", "amount": "5", "currency": "EUR"},
        {"customer_id": stays, "channel": "web", "type": "visit"}]})
    publish(CustomerIdentified(customer_id=cid, created=True, matched_by="new", confidence=1, identifier_keys=[key]))
    publish(CustomerUpdated(customer_id=cid, birthday_month_day="02-29"))
    eventually(lambda: client.get(f"/internal/customers/{cid}/export").json().get("birthday_month_day"))
    export = client.get(f"/internal/customers/{cid}/export").json()
    assert export["customer_id"] == cid and [i["type"] for i in export["interactions"]] == ["purchase"]
    assert [t["kind"] for t in export["triggers"]] == ["first_purchase"]
    assert export["identifier_keys"] == [key] and export["birthday_month_day"] == "02-29"

    erased_at = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    publish(CustomerErased(customer_id=cid, erased_at=erased_at))
    eventually(lambda: client.get(f"/internal/erasures/{cid}").status_code == 200)
    assert client.get(f"/internal/erasures/{cid}").json() == {"customer_id": cid,
                                                              "erased_at": "2026-01-02T03:04:05Z"}
    assert client.get(f"/internal/customers/{cid}/export").status_code == 404
    assert client.get(f"/v1/customers/{cid}/triggers").json()["items"] == []

    # late arrivals for the erased person: an API call, a treatment outcome, identity's keys
    late = client.post("/v1/interactions", json={"customer_id": cid, "channel": "web", "type": "visit"})
    assert late.status_code == 202 and late.json() == {"interaction_id": None, "customer_id": None,
                                                       "status": "discarded"}
    publish(TreatmentOutcomeRecorded(treatment_id="t-late", customer_id=cid, outcome="accepted", action_id="a",
                                     kind="offer", recorded_at=erased_at))
    publish(CustomerIdentified(customer_id=cid, created=False, matched_by="identifier", confidence=1,
                               identifier_keys=[key]))
    publish(CustomerUpdated(customer_id=cid, moved=True))
    # a marker behind them on the same partition (same Kafka key) proves they were all consumed before we look
    marker = identifier_key("cookie", f"ck-{uuid.uuid4().hex}")
    publish(CustomerIdentified(customer_id=stays, created=True, matched_by="new", confidence=1,
                               identifier_keys=[marker]), key=cid)
    eventually(lambda: marker in client.get(f"/internal/customers/{stays}/export").json()["identifier_keys"])
    assert client.get(f"/v1/customers/{cid}/triggers").json()["items"] == []  # no "moved" for the erased
    pending = client.post("/v1/interactions", json={"identifiers": [{"type": "cookie", "value": cookie}],
                                                    "channel": "web", "type": "visit"}).json()
    assert pending["status"] == "pending"  # the erased customer's key is forgotten
    client.post("/v1/interactions", json={"customer_id": stays, "channel": "web", "type": "visit"})
    assert client.get(f"/internal/customers/{stays}/export").status_code == 200
    eventually(lambda: client.get("/v1/channels/stats").json()["channels"][0]["count"] == 3)
    assert client.get(f"/internal/customers/{cid}/export").status_code == 404
    assert client.get(f"/internal/customers/{cid}/interactions/summary").json()["count"] == 0


def test_gdpr_endpoints_bad_input_is_422(client):
    for path in ("/internal/customers/{}/export", "/internal/erasures/{}"):
        response = client.get(path.format("bad id!"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "path.customer_id"
