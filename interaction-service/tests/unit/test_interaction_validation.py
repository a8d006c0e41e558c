import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from idic.public.interaction import InteractionBatchRequest, InteractionRequest
from interaction_service.domain.interactions import InteractionRuleError, NewInteraction, check_not_in_future

BASE = {"customer_id": "c-1", "channel": "web", "type": "visit"}


def errors_of(body: dict) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        InteractionRequest.model_validate(body)
    return {".".join(str(p) for p in e["loc"]): e["msg"] for e in info.value.errors()}


def test_minimal_interaction_gets_defaults():
    item = InteractionRequest.model_validate(BASE)
    assert item.direction == "inbound" and item.occurred_at is None and item.payload.model_dump(exclude_unset=True) == {}


def test_purchase_with_money_and_survey_answers():
    item = InteractionRequest.model_validate({**BASE, "type": "purchase", "amount": "19.90", "currency": "EUR",
                                         "cost": 0.25, "occurred_at": "2024-01-01T10:00:00+02:00",
                                         "payload": {"nps": 0, "csat": 5, "treatment_id": "t1", "sku": "X"}})
    assert item.amount == Decimal("19.90") and item.cost == Decimal("0.25")
    assert item.occurred_at == dt.datetime(2024, 1, 1, 8, tzinfo=dt.UTC) and item.occurred_at.tzinfo == dt.UTC
    assert item.payload.model_dump(exclude_unset=True) == {"nps": 0, "csat": 5, "treatment_id": "t1", "sku": "X"}


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"customer_id": None}, "customer_id", "customer_id or identifiers is required"),
    ({"customer_id": None, "identifiers": [{"type": "email", "value": "no-at-sign"}]}, "identifiers.0.value",
     "not an e-mail address"),
    ({"customer_id": None, "identifiers": [{"type": "external_id", "value": "123"}]}, "identifiers.0.value",
     "external_id is written system:id"),
    ({"type": "purchase"}, "amount", "a purchase must have an amount"),
    ({"type": "purchase", "amount": "-1", "currency": "EUR"}, "amount", "a purchase amount must be >= 0"),
    ({"type": "purchase", "amount": "10"}, "currency", "an amount needs its ISO 4217 currency"),
    ({"amount": "1", "currency": "eur"}, "currency", "String should match pattern"),
    ({"amount": "1", "currency": "EURO"}, "currency", "String should match pattern"),
    ({"amount": "1.00001", "currency": "EUR"}, "amount", "decimal places"),
    ({"amount": "NaN", "currency": "EUR"}, "amount", "finite"),
    ({"amount": "1e20", "currency": "EUR"}, "amount", "digits"),
    ({"cost": "-0.01"}, "cost", "greater than or equal to 0"),
    ({"channel": "fax"}, "channel", "Input should be"),
    ({"direction": "sideways"}, "direction", "Input should be"),
    ({"type": "Purchase"}, "type", "String should match pattern"),
    ({"type": "x" * 65}, "type", "String should match pattern"),
    ({"occurred_at": "2024-01-01T00:00:00"}, "occurred_at", "offset"),
    ({"occurred_at": 1700000000}, "occurred_at", "RFC 3339"),
    ({"payload": {"nps": 11}}, "payload.nps", "less than or equal to 10"),
    ({"payload": {"nps": "7"}}, "payload.nps", "valid integer"),
    ({"payload": {"nps": 7.5}}, "payload.nps", "valid integer"),
    ({"payload": {"csat": 0}}, "payload.csat", "greater than or equal to 1"),
    ({"payload": {"csat": 6}}, "payload.csat", "less than or equal to 5"),
    ({"payload": {"treatment_id": ""}}, "payload.treatment_id", "at least 1"),
    ({"payload": {"blob": "x" * 20_000}}, "payload", "larger than"),
    ({"payload": []}, "payload", "valid dictionary"),
    ({"id": ""}, "id", "String should match pattern"),
    ({"id": "has space"}, "id", "String should match pattern"),
    ({"customer_id": "a b"}, "customer_id", "String should match pattern"),
    ({"colour": "red"}, "colour", "Extra inputs are not permitted"),
])
def test_bad_input_names_the_field(change, field, message):
    errors = errors_of({**BASE, **change})
    assert field in errors, errors
    assert message in errors[field]


def test_amount_rules_do_not_pile_onto_an_invalid_type():
    errors = errors_of({**BASE, "type": "Bad Type"})
    assert set(errors) == {"type"}


def test_refund_like_types_may_carry_negative_amounts():
    assert InteractionRequest.model_validate({**BASE, "type": "refund", "amount": "-5", "currency": "USD"}).amount == -5


def test_batch_limits():
    with pytest.raises(ValidationError, match="at least 1 item"):
        InteractionBatchRequest.model_validate({"interactions": []})
    with pytest.raises(ValidationError, match="at most 10000 items"):
        InteractionBatchRequest.model_validate({"interactions": [BASE] * 10_001})


def test_future_times_allow_for_clock_skew():
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    skew = dt.timedelta(minutes=5)
    check_not_in_future(now + skew, now=now, skew=skew)
    with pytest.raises(InteractionRuleError) as info:
        check_not_in_future(now + skew + dt.timedelta(seconds=1), now=now, skew=skew)
    assert info.value.field == "occurred_at"


def test_a_new_interaction_from_an_event_obeys_the_rules_the_body_states():
    # treatment events reach recording without a request body: the domain value holds the same rules
    plus_two = dt.timezone(dt.timedelta(hours=2))
    item = NewInteraction(customer_id="c-1", channel="web", type="visit",
                          occurred_at=dt.datetime(2024, 1, 1, 12, tzinfo=plus_two))
    assert item.occurred_at == dt.datetime(2024, 1, 1, 10, tzinfo=dt.UTC) and item.occurred_at.tzinfo is dt.UTC
    cases = [({"channel": "sms"}, "channel"), ({"direction": "sideways"}, "direction"), ({"type": "Visit"}, "type"),
             ({"customer_id": None}, "customer_id"), ({"customer_id": "a b"}, "customer_id"),
             ({"type": "purchase"}, "amount"), ({"type": "purchase", "amount": Decimal(-1), "currency": "EUR"}, "amount"),
             ({"amount": Decimal(1)}, "currency"), ({"cost": Decimal("-0.01")}, "cost"), ({"client_key": "k" * 129}, "id"),
             ({"occurred_at": dt.datetime(2024, 1, 1)}, "occurred_at")]
    for change, field in cases:
        with pytest.raises(InteractionRuleError) as info:
            NewInteraction(**{"customer_id": "c-1", "channel": "web", "type": "visit", **change})
        assert info.value.field == field, change
