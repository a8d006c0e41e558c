"""Money in the database: exact fixed-point integers, identical on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

from .interactions import MONEY_PLACES

_SCALE = Decimal(10) ** MONEY_PLACES


def to_units(value: Decimal) -> int:
    """Decimal with at most MONEY_PLACES places -> integer count of 1/10^MONEY_PLACES."""
    units = value * _SCALE
    if units != units.to_integral_value():
        raise ValueError(f"{value} has more than {MONEY_PLACES} decimal places")
    return int(units)


def from_units(units: int | Decimal) -> Decimal:
    """Integer units -> Decimal shown with at least two decimal places ("12.50", "0.1234")."""
    value = Decimal(int(units)).scaleb(-MONEY_PLACES).normalize()
    if value.as_tuple().exponent > -2:  # type: ignore[operator]
        value = value.quantize(Decimal("0.01"))
    return value
