from __future__ import annotations

import pytest

from identity_service.domain.identifiers import InvalidIdentifier, identifier_key, normalise


@pytest.mark.parametrize("kind, raw, expected", [
    ("email", "  Ann.Lee@Example.COM ", "ann.lee@example.com"),
    ("phone", "(650) 253-0000", "+16502530000"),
    ("phone", "+44 20 7946 0958", "+442079460958"),
    ("loyalty_card", " LC-001 ", "LC-001"),
    ("external_id", "shopify:123", "shopify:123"),
])
def test_equal_identifiers_share_one_normal_form(kind: str, raw: str, expected: str) -> None:
    assert normalise(kind, raw, default_region="US") == expected


def test_default_region_decides_national_numbers() -> None:
    assert normalise("phone", "020 7946 0958", default_region="GB") == "+442079460958"


@pytest.mark.parametrize("kind, raw", [("email", "no-at-sign"), ("email", "a@nodot"), ("phone", "call me"),
                                       ("phone", "123"), ("external_id", "no-system"), ("cookie", "   ")])
def test_values_that_cannot_be_normalised_are_refused(kind: str, raw: str) -> None:
    with pytest.raises(InvalidIdentifier):
        normalise(kind, raw, default_region="US")


def test_identifier_keys_are_pseudonymous_and_stable() -> None:
    key = identifier_key("email", "a@b.com")
    assert key == identifier_key("email", "a@b.com") and "a@b.com" not in key and len(key) == 64
    assert key != identifier_key("cookie", "a@b.com")
