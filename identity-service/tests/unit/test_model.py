from __future__ import annotations

import dataclasses
import math
from collections import Counter

import numpy as np

from identity_service.domain.golden import normalised_attributes
from identity_service.domain.matching import COMPARISONS, FIELDS, NULL, features
from identity_service.domain.model import (
    TF_FIELDS,
    MatchModel,
    expectation_maximisation,
    level_frequencies,
    starting_model,
)
from identity_service.domain.training import TF_MIN_VALUES, fit, term_frequencies
from idic_devstack.synthetic import generate


def _simulate(rng: np.random.Generator, n: int, probs: dict[str, list[float]]) -> np.ndarray:
    return np.stack([rng.choice(len(probs[f]), size=n, p=probs[f]) for f in FIELDS], axis=1).astype(np.int8)


def test_em_recovers_m_and_the_share_of_matches_from_unlabelled_pairs() -> None:
    rng = np.random.default_rng(1)
    true_m = {f: [0.8, 0.15, 0.05] if n == 3 else [0.75, 0.15, 0.06, 0.04] for f, (_, n) in COMPARISONS.items()}
    true_u = {f: [0.01, 0.04, 0.95] if n == 3 else [0.01, 0.02, 0.07, 0.90] for f, (_, n) in COMPARISONS.items()}
    gammas = np.concatenate([_simulate(rng, 3_000, true_m), _simulate(rng, 7_000, true_u)])
    gammas[rng.random(gammas.shape) < 0.1] = NULL  # missing values say nothing
    u = level_frequencies(_simulate(rng, 20_000, true_u))
    model, iterations = expectation_maximisation(gammas, u=u, start=starting_model())
    assert abs(model.prior - 0.3) < 0.02 and iterations < 50
    for f in FIELDS:
        assert abs(model.m[f][0] - true_m[f][0]) < 0.03, f


def test_agreement_raises_and_disagreement_lowers_the_probability() -> None:
    model = starting_model()
    agree = [0] * len(FIELDS)
    disagree = [len(model.m[f]) - 1 for f in FIELDS]
    nothing = [NULL] * len(FIELDS)
    assert model.probability(agree) > 0.999 > model.probability(nothing)
    assert abs(model.probability(nothing) - model.prior) < 1e-12
    assert model.probability(disagree) < 1e-6


def test_models_survive_a_json_round_trip() -> None:
    model = starting_model()
    assert MatchModel.from_json(model.to_json()) == model


def _names_only(model: MatchModel) -> list[int]:
    """Agreeing exactly on first name, last name and city; nothing else known."""
    return [0 if f in ("first_name", "last_name", "city") else NULL for f in FIELDS]


def test_an_exact_match_on_a_common_name_weighs_less_than_on_a_rare_one() -> None:
    tables = {"last_name": {"smith": 0.02, "jones": 0.01, "okonkwo-baptiste": 0.0004}, "city": {"london": 0.2}}
    model = dataclasses.replace(starting_model(), term_frequencies=tables)
    levels = _names_only(model)
    smith = {"first_name": "anna", "last_name": "smith", "city": "london"}
    rare = {**smith, "last_name": "okonkwo-baptiste"}
    unseen = {**smith, "last_name": "zzyzx"}  # not in the table: as rare as its rarest value
    assert model.probability(levels, smith) < model.probability(levels, rare)
    # a rare value is not boosted above the field's exact-match weight (TF_MAX_BOOST): only london counts
    assert math.isclose(model.weight(levels, rare) - model.weight(levels), math.log2(model.u["city"][0] / 0.2))
    assert model.weight(levels, unseen) == model.weight(levels, rare)
    # u_exact(last_name) 0.005 against tf 0.02: two bits less; london (0.2 against 0.03): log2(0.15) less
    u_last, u_city = model.u["last_name"][0], model.u["city"][0]
    assert math.isclose(model.weight(levels, smith) - model.weight(levels),
                        math.log2(u_last / 0.02) + math.log2(u_city / 0.2))
    # first_name has no table: never adjusted; a field that does not agree exactly is not either
    assert set(model.tf_adjustments(levels, smith)) == {"last_name", "city"}
    fuzzy = [1 if f == "last_name" else level for f, level in zip(FIELDS, levels, strict=True)]
    assert set(model.tf_adjustments(fuzzy, smith)) == {"city"}
    # the explanation's weights still add up to the match weight
    explained = sum(weight for _, _, weight in model.explain(levels, smith))
    assert math.isclose(model.prior_weight + explained, model.weight(levels, smith), abs_tol=1e-3)


def test_a_model_without_frequency_tables_is_not_adjusted_and_tables_survive_the_store() -> None:
    plain = starting_model()
    levels = _names_only(plain)
    values = {"first_name": "anna", "last_name": "smith", "city": "london"}
    assert plain.weight(levels, values) == plain.weight(levels)
    tables = {"first_name": {"anna": 0.01}}
    model = dataclasses.replace(plain, term_frequencies=tables)
    assert MatchModel.from_json(model.to_json()) == model
    assert "term_frequencies" not in model.summary_json()  # the API shows how many values, not the tables


def test_training_learns_how_common_each_name_and_place_is() -> None:
    raw, _ = generate(1500, seed=5)
    profiles = [features(normalised_attributes(r["attributes"])) for r in raw]
    model = fit(profiles)
    tables = model.term_frequencies
    assert set(tables) == set(TF_FIELDS) and model.stats["term_frequency_values"] == {f: len(t) for f, t in tables.items()}
    surnames = Counter(p["last_name"] for p in profiles if p["last_name"])
    commonest, count = surnames.most_common(1)[0]
    assert math.isclose(tables["last_name"][commonest], count / sum(surnames.values()))
    assert all(surnames[name] >= 2 for name in tables["last_name"])  # a value seen once is left out
    # too few values to tell common from rare: no table, so no adjustment
    assert term_frequencies(profiles[:TF_MIN_VALUES // 2]) == {}
