"""What one decision adds to the treatments report, and what a change of its outcome adds. The
report sums these per UTC day of decision, rule, channel, group (treated or control) and currency,
so it never counts the decisions themselves on request (millions after a year). Pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

COUNTS = ("presented", "accepted", "declined", "ignored", "converted", "revenue")
"""A report row's counters, in this order: revenue is money (exact), the others whole numbers."""
ZERO = Decimal(0)


@dataclass(frozen=True)
class Answer:
    """Where a decision stands: its outcome, whether it was accepted on the way (an accepted offer
    may be converted later), and the money a conversion brought."""

    outcome: str | None = None
    accepted: bool = False
    amount: Decimal | None = None
    currency: str | None = None

    def counts(self) -> tuple[str, list[int | Decimal]]:
        """(the currency its revenue is counted in, "" for none; its counters in ``COUNTS`` order)."""
        converted = self.outcome == "converted"
        revenue = self.amount if converted and self.amount is not None else None
        return ((self.currency or "") if revenue is not None else "",
                [1, int(self.outcome == "accepted" or self.accepted), int(self.outcome == "declined"),
                 int(self.outcome == "ignored"), int(converted), revenue if revenue is not None else ZERO])


OPEN = Answer()


def change(before: Answer | None, after: Answer | None) -> list[tuple[str, list[int | Decimal]]]:
    """What moving a decision from ``before`` to ``after`` adds to its report rows, per currency (None:
    not there, as before a decision is made or after it is erased); nothing when nothing changes."""
    out: dict[str, list[int | Decimal]] = {}
    for answer, sign in ((before, -1), (after, 1)):
        if answer is None:
            continue
        currency, counts = answer.counts()
        total = out.setdefault(currency, [0, 0, 0, 0, 0, ZERO])
        for i, n in enumerate(counts):
            total[i] += sign * n
    return [(currency, counts) for currency, counts in out.items() if any(counts)]
