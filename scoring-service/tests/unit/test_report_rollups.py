"""Rolling day counts into the channels and feedback reports: pure functions, exact answers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from idic.reports import period_start
from scoring_service.domain.reports import channel_rows, feedback_rows, interaction_counts


def month(day: dt.date) -> dt.datetime:
    return period_start(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), "month")


def day_row(day: str, channel: str, tier: str, currency: str, counts: list[int]) -> tuple[object, ...]:
    return (dt.date.fromisoformat(day), channel, tier, currency, *counts)


def test_one_interaction_counts_what_it_is() -> None:
    assert interaction_counts(is_purchase=True, amount=Decimal("19.99"), cost=Decimal("0.25"), nps=None,
                              csat=None) == [1, Decimal("0.25"), 1, Decimal("19.99"), 0, 0, 0, 0, 0]
    assert interaction_counts(is_purchase=False, amount=Decimal("5"), cost=None, nps=7, csat=4) == [
        1, 0, 0, 0, 1, 0, 0, 1, 4]  # an amount on a non-purchase is no revenue; 7 is passive


def test_feedback_per_tier_and_channel() -> None:
    nps = lambda score: interaction_counts(is_purchase=False, amount=None, cost=None, nps=score, csat=None)  # noqa: E731
    days = [day_row("2026-03-02", "email", "most_valuable", "", nps(10)),
            day_row("2026-03-09", "email", "most_valuable", "", nps(10)),
            day_row("2026-03-10", "phone", "", "", nps(0)),
            day_row("2026-03-10", "web", "maintain", "", interaction_counts(
                is_purchase=True, amount=Decimal("10"), cost=None, nps=None, csat=None))]  # no answer
    report = feedback_rows(days, start=month)
    [march] = report["periods"]
    assert (march["nps_responses"], march["promoters"], march["detractors"], march["nps"]) == (3, 2, 1, 33.33)
    assert [(x["tier"], x["nps"]) for x in report["by_tier"]] == [(None, -100.0), ("most_valuable", 100.0)]
    assert [(x["channel"], x["nps_responses"]) for x in report["by_channel"]] == [("email", 2), ("phone", 1)]


def test_channels_sum_currencies_and_days_into_periods() -> None:
    buy = lambda amount, cost: interaction_counts(is_purchase=True, amount=Decimal(amount), cost=Decimal(cost),  # noqa: E731
                                                  nps=None, csat=None)
    days = [day_row("2026-03-02", "store", "", "EUR", buy("10.00", "1.00")),
            day_row("2026-03-31", "store", "maintain", "USD", buy("5.50", "1.00")),
            day_row("2026-03-31", "store", "", "", [1, Decimal("1.00"), 0, Decimal(0), 0, 0, 0, 0, 0])]
    [row] = channel_rows(days, start=month)
    assert row == {"period_start": dt.datetime(2026, 3, 1, tzinfo=dt.UTC), "channel": "store", "interactions": 3,
                   "cost": "3.00", "cost_per_interaction": "1.00", "purchases": 2,
                   "revenue": {"EUR": "10.00", "USD": "5.50"}, "conversion_rate": 0.666667}
