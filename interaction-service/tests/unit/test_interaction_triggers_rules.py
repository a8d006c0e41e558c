import datetime as dt
from dataclasses import asdict
from decimal import Decimal

from interaction_service.domain import triggers as rules
from interaction_service.domain.feedback import nps_breakdown, series
from interaction_service.domain.triggers import Activity, Seen, TriggerConfig

T0 = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
CFG = TriggerConfig()


def _purchase(day: int, amount: str = "10", iid: str = "i") -> Seen:
    return Seen(interaction_id=iid, customer_id="c", type="purchase", occurred_at=T0 + dt.timedelta(days=day),
                amount=Decimal(amount), currency="EUR")


def _history(*days: int) -> Activity:
    activity = Activity(customer_id="c")
    for day in days:
        activity = rules.observe(activity, _purchase(day))
    return activity


def test_usual_gap_does_not_depend_on_arrival_order():
    assert _history(0, 10, 30).usual_gap == _history(30, 0, 10).usual_gap == dt.timedelta(days=15)
    assert _history(5).usual_gap is None
    assert _history(0, 10, 30).purchase_count == 3 and _history(0, 10, 30).mean_amount == Decimal(10)


def test_lapse_is_relative_to_the_customers_own_gap():
    activity = _history(0, 10, 20)  # every 10 days
    assert rules.lapse(activity, now=T0 + dt.timedelta(days=34), cfg=CFG) is None  # 14 days < 1.5 x 10
    lapsed = rules.lapse(activity, now=T0 + dt.timedelta(days=36), cfg=CFG)
    assert lapsed is not None and lapsed.occurred_at == T0 + dt.timedelta(days=35)
    assert lapsed.trigger_id == f"lapse:c:{(T0 + dt.timedelta(days=20)).isoformat()}"
    assert rules.lapse(_history(0, 10), now=T0 + dt.timedelta(days=900), cfg=CFG) is None  # too little history
    assert rules.lapse(activity, now=T0 + dt.timedelta(days=99), cfg=TriggerConfig(enabled=frozenset())) is None


def test_large_purchase_needs_history_and_the_same_currency():
    before = _history(0, 1, 2)  # three purchases of 10
    assert [d.kind for d in rules.detect(_purchase(3, "31", "big"), before, CFG)] == ["large_purchase"]
    assert rules.detect(_purchase(3, "30"), before, CFG) == []
    usd = Seen(interaction_id="x", customer_id="c", type="purchase", occurred_at=T0, amount=Decimal(99), currency="USD")
    assert rules.detect(usd, before, CFG) == []
    assert [d.kind for d in rules.detect(_purchase(3, "99"), _history(0, 1), CFG)] == []
    assert [d.kind for d in rules.detect(_purchase(0, "99"), Activity(customer_id="c"), CFG)] == ["first_purchase"]


def test_repeated_complaints_is_named_by_the_oldest_in_its_window():
    complaints = [(T0 + dt.timedelta(days=d), f"k{d}") for d in (0, 40, 50, 60)]
    found = rules.repeated_complaints(customer_id="c", complaints=complaints, cfg=CFG)
    assert found is not None and found.trigger_id == "repeated_complaints:k40" and found.details["complaints"] == 3
    assert rules.repeated_complaints(customer_id="c", complaints=complaints[:3], cfg=CFG) is None


def test_upcoming_birthdays_include_29_february_in_common_years():
    days = rules.upcoming_birthdays(dt.date(2025, 2, 26), 3)
    assert days == {"02-26": dt.date(2025, 2, 26), "02-27": dt.date(2025, 2, 27), "02-28": dt.date(2025, 2, 28),
                    "02-29": dt.date(2025, 2, 28), "03-01": dt.date(2025, 3, 1)}
    assert "02-29" not in rules.upcoming_birthdays(dt.date(2024, 2, 27), 1)
    assert rules.upcoming_birthdays(dt.date(2025, 12, 31), 1) == {"12-31": dt.date(2025, 12, 31),
                                                                  "01-01": dt.date(2026, 1, 1)}


def test_nps_and_series():
    assert asdict(nps_breakdown(responses=10, promoters=5, detractors=2)) == {
        "responses": 10, "promoters": 5, "passives": 3, "detractors": 2, "nps": 30.0}
    assert nps_breakdown(responses=0, promoters=0, detractors=0).nps is None
    s = series([(8, T0), (8, T0), (7, T0)], flat_within=1.0)
    assert s.latest == 8 and s.trend == 0.5 and s.direction == "flat" and s.responses == 3
    assert series([(4, T0)], flat_within=0.5).trend is None
