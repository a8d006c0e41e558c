"""RFM grid, tiers, churn drivers, rule segments and needs segments on small populations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest

from scoring_service.domain import needs, rules
from scoring_service.domain.features import CustomerFeatures
from scoring_service.domain.scoring import (
    RFM_GRID,
    RFM_SEGMENTS,
    ScoringConfig,
    churn,
    rfm_model,
    score_rfm,
    score_tiers,
    tier_model,
)
from scoring_service.service_layer.scorer import columns, score

NOW = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)
CLV = {"r": 0.243, "alpha": 4.414 * 7, "a": 0.793, "b": 2.426, "p": 6.25, "q": 3.74, "v": 15.44, "time_unit": "days"}


def customer(i: int, *, days_ago_first: int, days_ago_last: int, purchases: int, spend: str, cost: str = "0",
             lapse: bool = False, channel: str = "web") -> CustomerFeatures:
    first = NOW - dt.timedelta(days=days_ago_first)
    last = NOW - dt.timedelta(days=days_ago_last)
    return CustomerFeatures(
        customer_id=f"c{i:03d}", interactions=purchases, frequency=purchases, monetary=Decimal(spend),
        currency="EUR", first_purchase_at=first, last_purchase_at=last, first_interaction_at=first,
        last_interaction_at=last, cost_to_serve=Decimal(cost), channel_counts={channel: purchases},
        purchase_days=purchases, first_day_amount=Decimal(spend) / purchases,
        last_lapse_at=last + dt.timedelta(days=1) if lapse else None)


def test_rfm_grid_names_every_cell_with_the_eight_segments() -> None:
    assert {cell for row in RFM_GRID for cell in row} == set(RFM_SEGMENTS)
    assert RFM_GRID[0][4] == "champions" and RFM_GRID[4][4] == "cant_lose" and RFM_GRID[4][0] == "lost"


def test_rfm_quintiles_over_the_population() -> None:
    pop = [customer(i, days_ago_first=400, days_ago_last=i * 3, purchases=1 + i // 10, spend=str(10 + i))
           for i in range(100)]
    cols = columns(pop, now=NOW)
    today = float((NOW.date() - dt.date(1970, 1, 1)).days)
    out = score_rfm(cols, rfm_model(cols, today=today), today=today)
    assert np.bincount(out["r"])[1:].tolist() == [20] * 5  # distinct recencies: equal quintiles
    assert (out["r"][0], out["f"][0], out["m"][0]) == (5, 1, 1)  # bought today, once, little: new
    assert out["rfm_segment"][0] == "new"
    assert (out["r"][99], out["f"][99], out["m"][99], out["rfm_segment"][99]) == (1, 5, 5, "cant_lose")
    assert out["rfm_segment"][50] == "loyal"  # r=3, f=m=3


def test_ties_stay_in_the_lower_quintile() -> None:
    pop = [customer(i, days_ago_first=100, days_ago_last=10, purchases=1 if i < 80 else 3, spend="10")
           for i in range(100)]
    cols = columns(pop, now=NOW)
    out = score_rfm(cols, rfm_model(cols, today=19875.0), today=19875.0)
    assert set(out["f"][:80].tolist()) == {1} and set(out["f"][80:].tolist()) == {5}


def test_tiers_follow_the_thresholds() -> None:
    net = np.array([-5.0, 100.0, 90.0, 10.0, 10.0, 5.0, 1.0, 0.0, 3.0, 2.0])
    gap = np.array([0.0, 0.0, 0.0, 50.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    model = tier_model(net, gap, config=ScoringConfig(most_valuable_share=0.2, most_growable_share=0.2))
    assert score_tiers(net, gap, model).tolist() == [
        "below_zero", "most_valuable", "most_valuable", "most_growable", "maintain", "maintain", "maintain",
        "maintain", "maintain", "maintain"]


def test_churn_risk_is_explained_by_p_alive_and_lapse() -> None:
    pop = [customer(1, days_ago_first=300, days_ago_last=200, purchases=5, spend="50"),
           customer(2, days_ago_first=300, days_ago_last=200, purchases=5, spend="50", lapse=True)]
    cols = columns(pop, now=NOW)
    explained = churn(cols, {"p_alive": np.array([0.6, 0.6])}, config=ScoringConfig(lapse_weight=0.5))
    assert explained.risk.tolist() == pytest.approx([0.4, 0.7])
    assert explained.drivers(0) == [{"input": "p_alive", "value": 0.6, "adds": 0.4}]
    assert explained.drivers(1)[1] == {"input": "lapse_trigger", "value": True, "adds": 0.3}
    explained = churn(cols, {}, config=ScoringConfig(lapse_weight=0.5))  # no CLV model: only the lapse
    assert np.isnan(explained.risk[0]) and explained.risk[1] == 0.5 and explained.drivers(0) == []


def test_scores_of_a_population_with_models() -> None:
    pop = [customer(i, days_ago_first=300, days_ago_last=(i * 7) % 290, purchases=1 + i % 6,
                    spend=str(20 * (1 + i % 6) + i), cost="400" if i == 0 else "1") for i in range(60)]
    cols = columns(pop, now=NOW)
    today = float((NOW.date() - dt.date(1970, 1, 1)).days)
    models = {"clv": CLV, "rfm": rfm_model(cols, today=today), "tiers": {"valuable_cutoff": 60.0,
                                                                       "growable_cutoff": 20.0}}
    scored = score(pop, models=models, rule_segments=[], previous={}, now=NOW, config=ScoringConfig())
    first = scored[0]
    assert first.tier == "below_zero"  # 400 of cost to serve over 300 days exceeds what it will bring
    assert all(0 <= s.p_alive <= 1 and s.clv_12m is not None and s.clv_12m >= 0 for s in scored)  # type: ignore[operator]
    assert {s.tier for s in scored} >= {"most_valuable", "maintain", "below_zero"}
    assert all(s.churn_risk == pytest.approx(1 - s.p_alive, abs=1e-4) for s in scored)  # type: ignore[operator]


def test_rule_conditions_are_checked_and_matched() -> None:
    assert rules.check_condition({"field": "tier", "op": "gt", "value": "x"}) is not None
    assert rules.check_condition({"field": "nope", "op": "eq", "value": 1}) is not None
    assert rules.check_condition({"field": "clv_12m", "op": "gte", "value": "100"}) is not None
    assert rules.check_condition({"field": "tier", "op": "in", "value": ["maintain"]}) is None
    conditions = [{"field": "tier", "op": "in", "value": ["most_valuable"]}, {"field": "clv_12m", "op": "gt",
                                                                            "value": 100}]
    assert rules.matches(conditions, {"tier": "most_valuable", "clv_12m": 150.0})
    assert not rules.matches(conditions, {"tier": "most_valuable", "clv_12m": None})


def test_needs_segments_are_named_by_behaviour_and_stable() -> None:
    rng = np.random.default_rng(1)
    pop = []
    for i in range(90):
        kind = i % 3
        f = CustomerFeatures(customer_id=f"n{i}", interactions=10, frequency=2 + (8 if kind == 2 else 0),
                             monetary=Decimal(500 if kind == 1 else 40), channel_counts={
                                 ["store", "web", "mobile_app"][kind]: 10},
                             daypart_counts={["morning", "afternoon", "evening"][kind]: 10})
        f.monetary += Decimal(int(rng.integers(0, 5)))
        pop.append(f)
    names = needs.feature_names([])
    matrix = np.asarray([needs.vector(f, []) for f in pop])
    first, again = needs.fit(matrix, names), needs.fit(matrix[::-1].copy(), names)
    assert first is not None and again is not None and first["k"] == 3
    assert sorted(first["ids"]) == sorted(again["ids"])  # same behaviour, same names, whatever the order
    assert len(set(needs.assign(matrix[:3], first))) == 3
    assert needs.fit(matrix[:5], names) is None  # too few customers to cluster
