from __future__ import annotations

import numpy as np

from identity_service.domain.matching import COMPARISONS, FIELDS, NULL
from identity_service.domain.model import MatchModel, expectation_maximisation, level_frequencies, starting_model


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
