from decimal import Decimal

import pytest

from interaction_service.domain.money import from_units, to_units


@pytest.mark.parametrize(("value", "units"), [
    (Decimal("19.9"), 199_000), (Decimal("0.0001"), 1), (Decimal("-5"), -50_000), (Decimal("1000"), 10_000_000),
])
def test_to_units_is_exact(value, units):
    assert to_units(value) == units


def test_more_places_than_stored_is_refused():
    with pytest.raises(ValueError, match="decimal places"):
        to_units(Decimal("0.00001"))


@pytest.mark.parametrize(("units", "shown"), [
    (199_000, "19.90"), (10_000_000, "1000.00"), (1, "0.0001"), (12_345, "1.2345"), (0, "0.00"), (-50_000, "-5.00"),
])
def test_from_units_shows_at_least_cents(units, shown):
    assert str(from_units(units)) == shown
    assert str(from_units(Decimal(units))) == shown  # PostgreSQL's SUM(bigint) is numeric
