"""Feature arithmetic: exact sums, min/max dates, latest readings, order independence, merges."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from decimal import Decimal

import pytest

from scoring_service.domain.features import CustomerFeatures, Interaction, InvalidInteraction, apply_interaction, fold

T0 = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


def at(days: float) -> dt.datetime:
    return T0 + dt.timedelta(days=days)


def purchase(days: float, amount: str | None, currency: str | None = "EUR", channel: str = "web",
             cost: str | None = None) -> Interaction:
    return Interaction(channel=channel, type="purchase", occurred_at=at(days),
                       amount=None if amount is None else Decimal(amount), currency=currency,
                       cost=None if cost is None else Decimal(cost))


def visit(days: float, channel: str = "web", cost: str | None = None, nps: int | None = None) -> Interaction:
    return Interaction(channel=channel, type="visit", occurred_at=at(days),
                       cost=None if cost is None else Decimal(cost), nps=nps)


def applied(customer_id: str, *interactions: Interaction) -> CustomerFeatures:
    features = CustomerFeatures(customer_id=customer_id)
    for interaction in interactions:
        apply_interaction(features, interaction)
    return features


def test_purchase_updates_counts_money_and_dates() -> None:
    f = applied("c", purchase(0, "19.99", cost="0.50", channel="store"))
    assert (f.interactions, f.frequency, f.monetary, f.currency) == (1, 1, Decimal("19.99"), "EUR")
    assert f.first_purchase_at == f.last_purchase_at == f.first_interaction_at == f.last_interaction_at == at(0)
    assert f.first_purchase_amount == Decimal("19.99")
    assert f.cost_to_serve == Decimal("0.50")
    assert f.channel_counts == {"store": 1}


def test_visit_counts_an_interaction_but_not_a_purchase() -> None:
    f = applied("c", visit(1, cost="0.10"), visit(2, channel="email"))
    assert (f.interactions, f.frequency, f.monetary, f.currency) == (2, 0, Decimal(0), None)
    assert f.first_purchase_at is None and f.last_purchase_at is None
    assert f.last_interaction_at == at(2)
    assert f.cost_to_serve == Decimal("0.10")
    assert f.channel_counts == {"web": 1, "email": 1}


def test_money_is_exact() -> None:
    f = applied("c", *[purchase(i, "0.1") for i in range(10)])
    assert f.monetary == Decimal("1.0") and str(f.monetary) == "1.0"
    big = applied("c", purchase(0, "12345678901234567890.123456789"), purchase(1, "0.000000001"))
    assert big.monetary == Decimal("12345678901234567890.123456790")


def test_out_of_order_purchases_keep_min_and_max() -> None:
    f = applied("c", purchase(10, "5"), purchase(2, "7"), purchase(6, "1"))
    assert f.first_purchase_at == at(2) and f.last_purchase_at == at(10)
    assert f.first_purchase_amount == Decimal("7")
    assert f.frequency == 3 and f.monetary == Decimal("13")


def test_every_arrival_order_gives_the_same_features() -> None:
    events = [purchase(3, "10.00", cost="1"), visit(1, nps=4), visit(5, channel="phone", nps=9),
              purchase(0, "2.50", channel="store"), visit(5, channel="chat", nps=7)]
    f = applied("c", *events)
    for order in itertools.permutations(events):
        assert applied("c", *order) == f
    assert f.nps == 9 and f.nps_at == at(5)  # same time as the 7: the tie-break is the higher one


def test_latest_nps_wins_by_occurred_at_not_arrival() -> None:
    f = applied("c", visit(5, nps=3), visit(1, nps=10))
    assert (f.nps, f.nps_at) == (3, at(5))
    apply_interaction(f, visit(6, nps=8))
    assert (f.nps, f.nps_at) == (8, at(6))


def test_purchase_without_amount_counts_but_adds_no_money() -> None:
    f = applied("c", purchase(0, None, currency=None))
    assert f.frequency == 1 and f.monetary == 0 and f.currency is None and f.first_purchase_amount is None


def test_other_currencies_are_kept_apart() -> None:
    f = applied("c", purchase(0, "10", "EUR"), purchase(1, "3", "USD"), purchase(2, "4", "USD"), purchase(3, "1", None))
    assert (f.monetary, f.currency, f.frequency) == (Decimal("11"), "EUR", 4)
    assert f.monetary_other == {"USD": Decimal("7")}


def test_refuses_naive_times_and_non_finite_money() -> None:
    with pytest.raises(InvalidInteraction, match="time zone"):
        applied("c", replace(purchase(0, "1"), occurred_at=dt.datetime(2024, 1, 1)))
    with pytest.raises(InvalidInteraction, match="amount"):
        applied("c", replace(purchase(0, "1"), amount=Decimal("NaN")))
    with pytest.raises(InvalidInteraction, match="cost"):
        applied("c", replace(visit(0), cost=Decimal("Infinity")))


def test_times_are_stored_in_utc() -> None:
    plus2 = dt.timezone(dt.timedelta(hours=2))
    f = applied("c", replace(visit(0), occurred_at=dt.datetime(2024, 3, 1, 14, 0, tzinfo=plus2)))
    assert f.last_interaction_at == T0 and f.last_interaction_at.tzinfo == dt.UTC


def test_fold_equals_applying_everything_to_one_customer() -> None:
    a_events = [purchase(4, "10.00", cost="1.00"), visit(7, channel="email", nps=6)]
    b_events = [purchase(1, "2.50", channel="store", cost="0.25"), visit(9, channel="phone", nps=2),
                purchase(8, "3", "USD")]
    survivor, merged = applied("a", *a_events), applied("b", *b_events)
    fold(survivor, merged)
    assert survivor == applied("a", *a_events, *b_events)
    assert survivor.interactions == 5 and survivor.frequency == 3
    assert survivor.monetary == Decimal("12.50") and survivor.monetary_other == {"USD": Decimal("3")}
    assert survivor.first_purchase_at == at(1) and survivor.last_purchase_at == at(8)
    assert survivor.first_purchase_amount == Decimal("2.50")
    assert survivor.channel_counts == {"web": 2, "email": 1, "store": 1, "phone": 1}
    assert survivor.cost_to_serve == Decimal("1.25")
    assert (survivor.nps, survivor.nps_at) == (2, at(9))


def test_fold_into_an_empty_survivor_adopts_the_merged_customer() -> None:
    merged = applied("b", purchase(2, "5", "GBP"), visit(3, nps=9))
    survivor = CustomerFeatures(customer_id="a")
    fold(survivor, merged)
    assert replace(survivor, customer_id="b") == merged


def test_fold_of_an_empty_customer_changes_nothing() -> None:
    survivor = applied("a", purchase(2, "5"))
    before = replace(survivor)
    fold(survivor, CustomerFeatures(customer_id="b"))
    assert survivor == before
