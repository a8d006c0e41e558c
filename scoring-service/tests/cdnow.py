"""The CDNOW sample (tests/data/README.md): per-customer purchase days up to the 39-week calibration end."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "CDNOW_sample.txt"
CALIBRATION_END = dt.date(1997, 9, 30)
# Fader, Hardie & Lee (2005) "Counting your customers the easy way"; Fader & Hardie, "The Gamma-Gamma model of monetary value"
PAPER_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PAPER_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "v": 15.44}


def purchase_days() -> dict[str, dict[dt.date, Decimal]]:
    """customer -> day -> spend (same-day purchases added: one transaction, as in the paper)."""
    days: dict[str, dict[dt.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    with DATA.open() as lines:
        for line in lines:
            _, customer, day, _cds, value = line.split()
            days[customer][dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))] += Decimal(value)
    return days


def calibration_rows() -> list[tuple[str, dt.date, Decimal]]:
    """(customer, day, spend) up to the calibration end, by customer then day."""
    return [(c, d, a) for c, ds in sorted(purchase_days().items()) for d, a in sorted(ds.items())
            if d <= CALIBRATION_END]


def sig3(value: float) -> float:
    """Rounded to 3 significant digits."""
    return float(f"{value:.3g}")
