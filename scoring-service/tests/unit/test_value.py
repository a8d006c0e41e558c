"""The value snapshot and the material-change rule for CustomerScored."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from scoring_service.domain.features import CustomerFeatures
from scoring_service.domain.value import (
    UNSCORED,
    CustomerScores,
    is_material_change,
    provisional_segment,
    recency_days,
    rescore,
    snapshot,
)

NOW = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def features(frequency: int = 0, monetary: str = "0", currency: str | None = None,
             interactions: int = 0) -> CustomerFeatures:
    return CustomerFeatures(customer_id="c", frequency=frequency, monetary=Decimal(monetary), currency=currency,
                            interactions=interactions)


def scored(f: CustomerFeatures, previous: CustomerScores | None = None) -> CustomerScores:
    return rescore(features=f, scores=previous, now=NOW)


def test_first_purchase_is_material_a_first_visit_is_not() -> None:
    visitor = features(interactions=1)
    assert not is_material_change(snapshot(None, None), snapshot(visitor, scored(visitor)))
    buyer = features(frequency=1, monetary="9.99", currency="EUR", interactions=1)
    assert is_material_change(snapshot(None, None), snapshot(buyer, scored(buyer)))


def test_visit_after_purchase_is_not_material() -> None:
    before = features(frequency=1, monetary="9.99", currency="EUR", interactions=1)
    after = replace(before, interactions=2)
    before_scores = scored(before)
    assert not is_material_change(snapshot(before, before_scores), snapshot(after, scored(after, before_scores)))


def test_frequency_or_money_change_is_material() -> None:
    base = features(frequency=2, monetary="20", currency="EUR")
    s = scored(base)
    assert is_material_change(snapshot(base, s), snapshot(replace(base, frequency=3), s))
    assert is_material_change(snapshot(base, s), snapshot(replace(base, monetary=Decimal("25")), s))
    assert not is_material_change(snapshot(base, s), snapshot(replace(base, monetary=Decimal("20.00")), s))


def test_tier_or_segment_change_is_material_but_scored_at_alone_is_not() -> None:
    base = features(frequency=2, monetary="20", currency="EUR")
    s = scored(base)
    assert is_material_change(snapshot(base, s), snapshot(base, replace(s, tier="most_valuable")))
    assert is_material_change(snapshot(base, s), snapshot(base, replace(s, rfm_segment="champions")))
    assert not is_material_change(snapshot(base, s), snapshot(base, replace(s, scored_at=NOW + dt.timedelta(1))))
    assert not is_material_change(snapshot(base, s), snapshot(base, replace(s, p_alive=0.4)))


def test_provisional_segment_is_new_after_exactly_one_purchase() -> None:
    assert provisional_segment(features(frequency=0)) is None
    assert provisional_segment(features(frequency=1)) == "new"
    assert provisional_segment(features(frequency=2)) is None
    assert scored(features(frequency=1)).rfm_segment == "new"


def test_rescore_keeps_population_scores() -> None:
    population = CustomerScores(customer_id="c", scored_at=NOW - dt.timedelta(days=1), r=5, f=1, m=2,
                                rfm_segment="promising", tier="maintain")
    s = rescore(features=features(frequency=1), scores=population, now=NOW)
    assert (s.r, s.f, s.m, s.rfm_segment, s.tier, s.scored_at) == (5, 1, 2, "promising", "maintain", NOW)


def test_snapshot_of_nothing_is_unscored() -> None:
    assert snapshot(None, None) == UNSCORED
    assert (UNSCORED.frequency, UNSCORED.monetary, UNSCORED.tier) == (0, 0, None)


def test_recency_days() -> None:
    assert recency_days(None, NOW) is None
    assert recency_days(NOW - dt.timedelta(days=3, hours=23), NOW) == 3
    assert recency_days(NOW + dt.timedelta(days=2), NOW) == 0
