"""Envelopes and contracts: pure logic, no broker."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import idic
from idic import CloudEvent, MalformedEvent, parse_event
from idic.contracts import EVENT_TYPES, TOPICS, CustomerIdentified, CustomersMerged

REQUIRED_TYPES = {
    "idic.customer.identified.v1", "idic.customer.updated.v1", "idic.customers.merged.v1",
    "idic.customer.erased.v1", "idic.interaction.recorded.v1", "idic.trigger.detected.v1",
    "idic.customer.scored.v1", "idic.segment.changed.v1", "idic.treatment.decided.v1",
}


def test_every_event_of_the_design_has_a_typed_payload_on_its_producers_topic() -> None:
    assert REQUIRED_TYPES <= set(EVENT_TYPES)
    for event_type, model in EVENT_TYPES.items():
        assert event_type.endswith(".v1") and model.topic in TOPICS


def test_envelope_round_trip_keeps_type_subject_and_payload() -> None:
    payload = CustomerIdentified(customer_id="c1", created=True, matched_by="new", confidence=1.0)
    event = CloudEvent.wrap(payload, source="/identity-service", request_id="r-1")
    parsed = parse_event(event.to_json_bytes())
    assert parsed.type == "idic.customer.identified.v1" and parsed.subject == "c1"
    assert parsed.requestid == "r-1" and parsed.time.tzinfo is not None
    assert parsed.payload() == payload
    assert json.loads(event.to_json_bytes())["specversion"] == "1.0"


@pytest.mark.parametrize("raw, reason", [
    (None, "tombstone"),
    (b"\xff\xfe", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"id": "x"}', "not a CloudEvent"),
])
def test_malformed_messages_are_refused_with_a_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(MalformedEvent, match=reason):
        parse_event(raw)


def test_payload_that_breaks_its_contract_is_malformed() -> None:
    event = CloudEvent(id="e", source="/s", type="idic.customers.merged.v1", time=dt.datetime.now(dt.UTC),
                       data={"customer_id": "a", "merged_ids": []})
    with pytest.raises(MalformedEvent, match="payload invalid"):
        event.payload()
    with pytest.raises(MalformedEvent, match="unknown event type"):
        event.model_copy(update={"type": "idic.nope.v1"}).payload()


def test_contracts_forbid_unknown_fields_and_are_frozen() -> None:
    with pytest.raises(ValueError):
        CustomersMerged(customer_id="a", merged_ids=["b"], surprise=1)  # type: ignore[call-arg]
    merged = CustomersMerged(customer_id="a", merged_ids=["b"])
    with pytest.raises(ValueError):
        merged.customer_id = "z"  # type: ignore[misc]


def test_public_names_are_all_exported() -> None:
    for name in idic.__all__:
        assert hasattr(idic, name), name
