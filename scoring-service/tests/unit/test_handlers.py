"""Event handlers against in-memory fakes: what they store and what they announce."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from idic import CloudEvent
from idic.contracts import (
    CustomerErased,
    CustomerScored,
    CustomersMerged,
    CustomerUnmerged,
    CustomerUpdated,
    InteractionRecorded,
    SegmentChanged,
)
from scoring_service.config import Settings
from scoring_service.domain.features import InvalidInteraction
from scoring_service.service_layer.handlers import build_handlers

from .fakes import FakeUow

T0 = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
HANDLERS = build_handlers(Settings())
_n = 0


def handle(uow: FakeUow, payload: Any, *, commit: bool = True) -> None:
    """Apply one event; ``commit=False`` leaves it in the open transaction, as in a consumer batch."""
    HANDLERS[payload.event_type](payload, CloudEvent.wrap(payload, source="/test"), uow)
    if commit:
        uow.commit()


def interaction(customer_id: str, kind: str = "purchase", *, days: int = 0, amount: str | None = None,
                channel: str = "web", **extra: Any) -> InteractionRecorded:
    global _n
    _n += 1
    if kind == "purchase" and amount is None:
        amount = "10.00"
    return InteractionRecorded(
        interaction_id=f"i{_n}", customer_id=customer_id, channel=channel, type=kind, direction="inbound",
        occurred_at=T0 + dt.timedelta(days=days), amount=None if amount is None else Decimal(amount),
        currency="EUR" if amount is not None else None, **extra)


def test_purchase_creates_features_scores_and_one_scored_event() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", amount="19.90", cost=Decimal("0.30")))
    f = uow.features.rows["a"]
    assert (f.frequency, f.monetary, f.currency, f.cost_to_serve) == (1, Decimal("19.90"), "EUR", Decimal("0.30"))
    assert uow.scores.rows["a"].rfm_segment == "new"
    [event] = uow.events
    assert isinstance(event, CustomerScored)
    assert (event.customer_id, event.frequency, event.monetary, event.currency, event.rfm_segment) == (
        "a", 1, Decimal("19.90"), "EUR", "new")
    assert event.tier is None and event.clv_12m is None and event.churn_risk is None


def test_visits_are_stored_but_not_announced() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", "visit"))
    assert uow.features.rows["a"].interactions == 1 and uow.events == []
    handle(uow, interaction("a", days=1))
    handle(uow, interaction("a", "visit", days=2))
    handle(uow, interaction("a", "survey", days=3, nps=9))
    assert [e.frequency for e in uow.events] == [1]
    handle(uow, interaction("a", days=-5, amount="1"))  # late, out of order: still a frequency change
    assert [e.frequency for e in uow.events] == [1, 2]
    assert uow.events[-1].rfm_segment is None
    f = uow.features.rows["a"]
    assert (f.interactions, f.nps, f.first_purchase_at) == (5, 9, T0 - dt.timedelta(days=5))


def test_merge_folds_into_survivor_and_forgets_merged() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", amount="10"))
    handle(uow, interaction("b", amount="5", channel="store", days=-3))
    handle(uow, interaction("c", "visit", channel="phone", days=4))
    uow.events.clear()
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["b", "c", "a", "b"]))
    f = uow.features.rows["a"]
    assert (f.interactions, f.frequency, f.monetary) == (3, 2, Decimal("15"))
    assert f.first_purchase_at == T0 - dt.timedelta(days=3) and f.last_interaction_at == T0 + dt.timedelta(days=4)
    assert f.channel_counts == {"web": 1, "store": 1, "phone": 1}
    assert set(uow.features.rows) == {"a"} and set(uow.scores.rows) == {"a"}
    assert [(e.customer_id, e.frequency, e.monetary) for e in uow.events] == [("a", 2, Decimal("15"))]
    # late events of a merged customer count for the survivor
    handle(uow, interaction("b", "visit", days=6))
    assert uow.features.rows["a"].interactions == 4 and "b" not in uow.features.rows


def test_merge_of_customers_without_value_changes_nothing() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", "visit"))
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["ghost"]))
    assert uow.features.rows["a"].interactions == 1 and uow.events == []
    assert uow.aliases.resolve("ghost") == "a"


def test_chained_merges_point_to_the_last_survivor() -> None:
    uow = FakeUow()
    handle(uow, interaction("c", amount="1"))
    handle(uow, CustomersMerged(customer_id="b", merged_ids=["c"]))
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["b"]))
    handle(uow, interaction("c", amount="2"))
    assert set(uow.features.rows) == {"a"}
    assert (uow.features.rows["a"].frequency, uow.features.rows["a"].monetary) == (2, Decimal("3"))


def test_unmerge_lets_new_events_count_for_the_restored_customer() -> None:
    uow = FakeUow()
    handle(uow, interaction("b", amount="5"))
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["b"]))
    handle(uow, CustomerUnmerged(customer_id="a", restored_id="b"))
    handle(uow, interaction("b", amount="7"))
    assert uow.features.rows["a"].monetary == Decimal("5") and uow.features.rows["b"].monetary == Decimal("7")


def test_erasure_deletes_features_scores_and_aliases() -> None:
    uow = FakeUow()
    handle(uow, interaction("a"))
    handle(uow, interaction("b"))
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["b"]))
    handle(uow, interaction("other"))
    handle(uow, CustomerErased(customer_id="a", erased_at=T0))
    assert set(uow.features.rows) == {"other"} and set(uow.scores.rows) == {"other"}
    assert uow.aliases.rows == {}


def test_invalid_interaction_is_refused_before_anything_is_stored() -> None:
    uow = FakeUow()
    fields = dict(interaction_id="x", customer_id="a", channel="web", type="purchase",
                  direction="inbound", occurred_at=dt.datetime(2024, 1, 1), amount=Decimal("1"))
    with pytest.raises(ValueError, match="timezone"):  # the contract refuses naive times ...
        InteractionRecorded(**fields)
    naive = InteractionRecorded.model_construct(**fields)  # ... and the handler would too
    with pytest.raises(InvalidInteraction):
        handle(uow, naive)
    assert uow.features.rows == {} and uow.events == []


def test_same_day_purchases_are_one_clv_transaction_and_merges_recount_days() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", days=0, amount="10"))
    handle(uow, interaction("a", days=0, amount="5"))
    handle(uow, interaction("a", days=3, amount="7"))
    handle(uow, interaction("b", days=3, amount="1"))
    handle(uow, interaction("b", days=9, amount="2"))
    f = uow.features.rows["a"]
    assert (f.frequency, f.purchase_days, f.first_day_amount) == (3, 2, Decimal("15"))
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["b"]))
    f = uow.features.rows["a"]
    assert (f.frequency, f.purchase_days, f.first_day_amount) == (5, 3, Decimal("15"))  # day 3 counted once


def test_scoring_per_event_uses_the_stored_models() -> None:
    uow = FakeUow()
    uow.models.rows = {
        "clv": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "p": 6.25, "q": 3.74, "v": 15.44,
                "time_unit": "weeks"},
        "rfm": {"recency_edges": [10, 20, 30, 40], "frequency_edges": [1, 1, 2, 3], "monetary_edges": [5, 10, 20, 40]},
        "tiers": {"valuable_cutoff": 1e9, "growable_cutoff": None},
    }
    handle(uow, interaction("a", days=0, amount="30"))
    handle(uow, interaction("a", days=14, amount="30"))
    s = uow.scores.rows["a"]
    assert (s.f, s.m) == (3, 5) and s.rfm_segment is not None and s.tier == "maintain"
    assert 0 < s.p_alive <= 1 and s.clv_12m is not None and s.clv_12m > 0  # type: ignore[operator]
    assert s.expected_avg_order_value is not None and Decimal("20") < s.expected_avg_order_value < Decimal("40")
    assert s.churn_risk == pytest.approx(1 - s.p_alive, abs=1e-4)  # type: ignore[operator]


def test_a_lapse_trigger_raises_churn_risk_and_says_so() -> None:
    from idic.contracts import TriggerDetected

    uow = FakeUow()
    handle(uow, interaction("a", amount="30"))
    handle(uow, TriggerDetected(trigger_id="t1", customer_id="a", kind="lapse", occurred_at=T0 + dt.timedelta(days=60)))
    s = uow.scores.rows["a"]
    assert s.churn_risk == 0.5 and s.churn_drivers == [{"input": "lapse_trigger", "value": True, "adds": 0.5}]
    assert uow.features.rows["a"].trigger_counts == {"lapse": 1}
    handle(uow, TriggerDetected(trigger_id="t2", customer_id="nobody", kind="lapse", occurred_at=T0))
    assert "nobody" not in uow.features.rows


def test_erasure_keeps_a_tombstone_only() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", amount="30"))
    handle(uow, CustomerErased(customer_id="a", erased_at=T0))
    assert "a" in uow.erasures.rows and uow.features.rows == {} and uow.days.rows == {}


def test_tombstones_carry_the_time_of_the_erasure_not_of_its_arrival() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", amount="30"))
    handle(uow, interaction("b", amount="5"))
    handle(uow, CustomersMerged(customer_id="a", merged_ids=["b"]))
    erased_at = T0 + dt.timedelta(days=3, hours=4)  # the event is consumed long after: the tombstone says when
    handle(uow, CustomerErased(customer_id="a", erased_at=erased_at))
    assert uow.erasures.rows == {"a": erased_at, "b": erased_at}


def test_a_batch_scores_each_customer_once_against_its_state_before_the_batch() -> None:
    uow = FakeUow()
    for day in range(5):  # five purchases of one customer and one of another, one transaction
        handle(uow, interaction("a", days=day, amount="20.00"), commit=False)
    handle(uow, interaction("b", amount="5.00"), commit=False)
    assert uow.scores.rows == {} and uow.events == []  # nothing scored before the commit
    uow.commit()
    assert uow.scores.rows["a"].customer_id == "a" and uow.scores.rows["b"].customer_id == "b"
    scored = [e for e in uow.events if isinstance(e, CustomerScored)]
    assert sorted(e.customer_id for e in scored) == ["a", "b"]  # one announcement each, not one per event
    assert next(e for e in scored if e.customer_id == "a").frequency == 5


def test_a_customer_erased_or_merged_later_in_the_batch_is_not_scored_back() -> None:
    uow = FakeUow()
    handle(uow, interaction("gone", amount="20.00"), commit=False)
    handle(uow, CustomerErased(customer_id="gone", erased_at=T0), commit=False)
    handle(uow, interaction("loser", amount="7.00"), commit=False)
    handle(uow, CustomersMerged(customer_id="winner", merged_ids=["loser"]), commit=False)
    uow.commit()
    assert "gone" not in uow.scores.rows and "loser" not in uow.scores.rows
    assert {e.customer_id for e in uow.events if isinstance(e, CustomerScored)} == {"winner"}
    assert uow.features.rows["winner"].frequency == 1


def test_profiling_refused_deletes_scores_and_memberships_and_resumes_on_consent() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", amount="19.90"))
    uow.scores.rows["a"].segments = ["rule-big"]
    uow.segments.members = {("rule-big", "a")}
    uow.events.clear()
    handle(uow, CustomerUpdated(customer_id="a", consent={"email": True, "profiling": False}))
    assert "a" not in uow.scores.rows and uow.segments.members == set()
    [left] = uow.events
    assert isinstance(left, SegmentChanged) and left.segment_id == "rule-big" and not left.entered
    handle(uow, interaction("a", amount="5.00", days=1))  # counted, not scored
    assert uow.features.rows["a"].frequency == 2 and "a" not in uow.scores.rows and len(uow.events) == 1
    handle(uow, CustomerUpdated(customer_id="a", consent={"profiling": False}))  # again: nothing more
    handle(uow, CustomerUpdated(customer_id="a", changed_attributes=["city"]))  # no consent: nothing
    assert len(uow.events) == 1 and uow.refusals.rows
    handle(uow, CustomerUpdated(customer_id="a", consent={"profiling": True}))
    assert "a" in uow.scores.rows and not uow.refusals.rows
    assert isinstance(uow.events[-1], CustomerScored) and uow.events[-1].frequency == 2


def test_a_refusal_before_any_interaction_is_kept() -> None:
    uow = FakeUow()
    handle(uow, CustomerUpdated(customer_id="b", consent={"profiling": False}))
    handle(uow, interaction("b"))
    assert uow.features.rows["b"].frequency == 1 and "b" not in uow.scores.rows and uow.events == []


def test_a_batch_of_interactions_adds_its_day_counts_once_under_the_tier_held_before() -> None:
    uow = FakeUow()
    handle(uow, interaction("a", amount="10.00"))
    uow.scores.rows["a"].tier = "most_valuable"  # as a population run would have tiered her
    handle(uow, interaction("a", amount="20.00", cost=Decimal("0.50")), commit=False)
    handle(uow, interaction("a", "survey", channel="email", nps=3), commit=False)
    handle(uow, interaction("b", "visit"), commit=False)
    uow.commit()
    day = T0.date()
    assert uow.reports.days == {
        (day, "web", "", "EUR"): [1, 0, 1, Decimal("10.00"), 0, 0, 0, 0, 0],  # her first purchase: not tiered yet
        (day, "web", "most_valuable", "EUR"): [1, Decimal("0.50"), 1, Decimal("20.00"), 0, 0, 0, 0, 0],
        (day, "email", "most_valuable", ""): [1, 0, 0, 0, 1, 0, 1, 0, 0],     # a detractor's answer
        (day, "web", "", ""): [1, 0, 0, 0, 0, 0, 0, 0, 0]}                    # b: never scored before
