"""Regressions found by schemathesis: long attribute values and training on an empty population."""

from __future__ import annotations

import math

import numpy as np

from identity_service.domain.matching import MAX_KEY_LENGTH, blocking_keys
from identity_service.domain.model import expectation_maximisation, starting_model


def test_blocking_keys_of_very_long_values_fit_the_column_and_stay_equal_for_equal_input() -> None:
    feats = {"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1980-01-02", "postcode": "0" * 256}
    keys = blocking_keys(feats)
    assert keys and all(len(k) <= MAX_KEY_LENGTH for k in keys)
    assert keys == blocking_keys(dict(feats))


def test_training_without_any_blocked_pair_keeps_a_finite_model() -> None:
    start = starting_model()
    model, iterations = expectation_maximisation(np.zeros((0, len(start.m)), dtype=np.int8), u=start.u, start=start)
    assert iterations == 0 and math.isfinite(model.prior)
    assert all(math.isfinite(x) for levels in model.m.values() for x in levels)
