"""Reports of scoring through the API (value concentration, tiers and their movements): a small
population whose answers are known, checked exactly in JSON and CSV, and bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import insert, update

from scoring_service.adapters.orm import FeatureRow, PurchaseDayRow
from scoring_service.domain.features import CustomerFeatures, Interaction, apply_interaction

from .test_api import assert_problem
from .test_population import fresh, run_job  # noqa: F401  (fresh: a fixture, an empty database per test)


def load(client: TestClient, spends: dict[str, int]) -> None:
    """Customers with one purchase each of the given amount (EUR), no contact cost."""
    at = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    rows = []
    for customer, amount in spends.items():
        f = CustomerFeatures(customer_id=customer)
        apply_interaction(f, Interaction(channel="web", type="purchase", occurred_at=at, amount=Decimal(amount),
                                         currency="EUR"), new_day=True)
        rows.append({**vars(f), "monetary_other": {}, "updated_at": at})
    with client.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        uow.session.execute(insert(FeatureRow), rows)
        uow.commit()


def spend(client: TestClient, customer: str, monetary: int) -> None:
    with client.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        uow.session.execute(update(FeatureRow).where(FeatureRow.customer_id == customer)
                            .values(monetary=Decimal(monetary)))
        uow.commit()


TEN = {f"c{n:02d}": 10 * n for n in range(1, 11)}  # 10, 20, ... 100 EUR: 550 in all


def test_value_concentration_of_a_known_population(fresh: TestClient) -> None:  # noqa: F811
    empty = fresh.get("/v1/reports/value")
    assert empty.status_code == 200, empty.text
    assert empty.json()["as_of"] is None and empty.json()["customers"] == 0  # before any population run

    load(fresh, TEN)
    run_job(fresh, "/v1/models/rfm:refresh")
    report = fresh.get("/v1/reports/value").json()
    assert report["as_of"] is not None and report["tier"] is None
    assert (report["customers"], report["total_value"], report["currency"]) == (10, "550.00", "EUR")
    # one customer a tenth, the most valuable first: 100 is 18.18 % of 550, the top two 34.55 %
    assert [d["value"] for d in report["deciles"]] == [f"{v}.00" for v in range(100, 0, -10)]
    assert [d["customers"] for d in report["deciles"]] == [1] * 10
    assert report["deciles"][0]["share"] == round(100 / 550, 6)
    assert report["deciles"][1]["cumulative_share"] == round(190 / 550, 6)
    assert report["deciles"][-1]["cumulative_share"] == 1.0
    assert report["clv"]["customers"] == 0 and report["clv"]["mean"] is None  # no CLV model fitted

    # most valuable: the top fifth of net value (cut-off np.quantile(10..100, 0.8) = 82), so 90 and 100
    top = fresh.get("/v1/reports/value", params={"tier": "most_valuable"}).json()
    assert (top["tier"], top["customers"], top["total_value"]) == ("most_valuable", 2, "190.00")
    assert [d["customers"] for d in top["deciles"]] == [1, 1] + [0] * 8
    assert top["deciles"][2]["min_value"] is None and top["deciles"][2]["share"] == 0.0

    # CSV: the deciles, then the histograms, each row naming its table
    answer = fresh.get("/v1/reports/value", headers={"Accept": "text/csv"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"] == 'attachment; filename="value.csv"'
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    deciles = [r for r in rows if r["table"] == "deciles"]
    assert [(r["decile"], r["customers"], r["value"]) for r in deciles[:2]] == [("1", "1", "100.00"), ("2", "1", "90.00")]
    assert float(deciles[1]["cumulative_share"]) == round(190 / 550, 6)
    assert Counter(r["table"] for r in rows) == Counter({"deciles": 10, "churn_risk.histogram": 10})  # no CLV yet
    assert answer.text.startswith("table,decile,customers,value,min_value,max_value,share,cumulative_share,")

    # a window without a run answers as of nothing, not as of the latest
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    assert fresh.get("/v1/reports/value", params={"since": later}).json()["as_of"] is None


def test_tiers_and_who_moved_between_them(fresh: TestClient) -> None:  # noqa: F811
    load(fresh, TEN)
    run_job(fresh, "/v1/models/rfm:refresh")
    report = fresh.get("/v1/reports/tiers").json()
    sizes = {t["tier"]: (t["customers"], t["customer_share"], t["value"], t["value_share"]) for t in report["tiers"]}
    assert sizes == {"most_valuable": (2, 0.2, "190.00", round(190 / 550, 6)),
                     "maintain": (8, 0.8, "360.00", round(360 / 550, 6)),
                     "most_growable": (0, 0.0, "0.00", 0.0), "below_zero": (0, 0.0, "0.00", 0.0)}
    first = Counter({(m["from_tier"], m["to_tier"]): m["customers"] for m in report["movements"]})
    assert first == {(None, "maintain"): 8, (None, "most_valuable"): 2}  # not tiered before the first run

    # c01 now spends 200: she becomes most valuable, and the new cut-off (92) drops the 90 of c09
    spend(fresh, "c01", 200)
    run_job(fresh, "/v1/models/rfm:refresh")
    report = fresh.get("/v1/reports/tiers", params={"period": "year"}).json()
    moved: Counter[tuple[str | None, str]] = Counter()
    for m in report["movements"]:
        assert m["period_start"].endswith("-01-01T00:00:00Z")
        moved[(m["from_tier"], m["to_tier"])] += m["customers"]
    assert moved == first + Counter({("maintain", "most_valuable"): 1, ("most_valuable", "maintain"): 1})
    sizes = {t["tier"]: t["customers"] for t in report["tiers"]}
    assert (sizes["most_valuable"], sizes["maintain"]) == (2, 8)

    # a third run with nothing changed moves nobody
    run_job(fresh, "/v1/models/rfm:refresh")
    again = fresh.get("/v1/reports/tiers", params={"period": "year"}).json()
    assert sum(m["customers"] for m in again["movements"]) == sum(moved.values())

    answer = fresh.get("/v1/reports/tiers", headers={"Accept": "text/csv, application/json;q=0.5"})
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [r["tier"] for r in rows if r["table"] == "tiers"] == ["most_valuable", "most_growable", "maintain",
                                                                    "below_zero"]
    assert sum(int(r["customers"]) for r in rows if r["table"] == "movements") == sum(moved.values())
    assert fresh.get("/v1/reports/tiers", headers={"Accept": "application/json, text/csv;q=0.5"}).json()["tiers"]
    assert [r["tier"] for r in rows if r["table"] == "history"] == ["most_valuable", "most_growable", "maintain",
                                                                      "below_zero"]

    # value over time: each tier as the last run of every period left it (a run of 2020 kept by an older release)
    with fresh.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        uow.reports.add("tiers", {"tiers": [{"tier": "maintain", "customers": 3, "value": "42.00"}], "movements": []},
                        taken_at=dt.datetime(2020, 5, 17, 3, tzinfo=dt.UTC))
        uow.commit()
    history = fresh.get("/v1/reports/tiers", params={"period": "year"}).json()["history"]
    assert history[0] == {"period_start": "2020-01-01T00:00:00Z", "as_of": "2020-05-17T03:00:00Z",
                          "tier": "maintain", "customers": 3, "value": "42.00"}
    now = {h["tier"]: (h["customers"], h["value"]) for h in history[1:]}
    assert now == {"most_valuable": (2, "300.00"), "maintain": (8, "440.00"), "most_growable": (0, "0.00"),
                   "below_zero": (0, "0.00")}  # the third run's: c01 (200) and c10 (100) most valuable
    assert {h["as_of"] for h in history[1:]} == {again["as_of"]}


def test_value_tiers_and_linkage_of_one_segment(fresh: TestClient) -> None:  # noqa: F811
    load(fresh, TEN)
    created = fresh.post("/v1/segments", json={"id": "big-spenders", "name": "Big spenders", "conditions": [
        {"field": "monetary", "op": "gte", "value": 60}]})
    assert created.status_code == 201, created.text
    segment = created.json()["id"]
    before = fresh.get("/v1/reports/value", params={"segment": segment}).json()
    assert (before["as_of"], before["segment"], before["customers"]) == (None, segment, 0)  # no run since it exists
    run_job(fresh, "/v1/models/rfm:refresh")

    # its members at the run: 60, 70, 80, 90 and 100 EUR (400 in all); two of them most valuable (90, 100)
    value = fresh.get("/v1/reports/value", params={"segment": segment}).json()
    assert (value["segment"], value["customers"], value["total_value"]) == (segment, 5, "400.00")
    assert value["deciles"][0]["value"] == "100.00" and value["deciles"][0]["share"] == 0.25
    top = fresh.get("/v1/reports/value", params={"segment": segment, "tier": "most_valuable"}).json()
    assert (top["customers"], top["total_value"]) == (2, "190.00")
    assert fresh.get("/v1/reports/value").json()["customers"] == 10  # everyone is still everyone

    tiers = fresh.get("/v1/reports/tiers", params={"segment": segment}).json()
    assert tiers["segment"] == segment
    assert {t["tier"]: t["customers"] for t in tiers["tiers"]} == {
        "most_valuable": 2, "maintain": 3, "most_growable": 0, "below_zero": 0}
    assert sum(m["customers"] for m in tiers["movements"]) == 5  # each member tiered for the first time

    linkage = fresh.get("/v1/reports/linkage", params={"segment": segment}).json()
    assert linkage["segment"] == segment
    assert {g["group"]: g["customers"] for g in linkage["nps_groups"]}["no_answer"] == 5

    answer = fresh.get("/v1/reports/value", params={"segment": segment}, headers={"Accept": "text/csv"})
    deciles = [r for r in csv.DictReader(io.StringIO(answer.text)) if r["table"] == "deciles"]
    assert [r["value"] for r in deciles[:5]] == ["100.00", "90.00", "80.00", "70.00", "60.00"]

    for path in ("/v1/reports/value", "/v1/reports/tiers", "/v1/reports/linkage"):
        unknown = assert_problem(fresh.get(path, params={"segment": "no-such-segment"}), 422)
        assert [e["field"] for e in unknown["errors"]] == ["query.segment"], unknown
        assert "GET /v1/segments" in unknown["errors"][0]["message"]
        malformed = assert_problem(fresh.get(path, params={"segment": "Big Spenders!"}), 422)
        assert "query.segment" in [e["field"] for e in malformed["errors"]]


def test_bad_report_queries_are_refused_with_the_field(fresh: TestClient) -> None:  # noqa: F811
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("/v1/reports/value", {"since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}, "query.until"),
        ("/v1/reports/value", {"tier": "gold"}, "query.tier"),
        ("/v1/reports/value", {"since": "yesterday"}, "query.since"),
        ("/v1/reports/tiers", {"period": "fortnight"}, "query.period"),
        ("/v1/reports/tiers", {"until": "2026-01-01"}, "query.until"),  # a date without time and offset
    ]
    for path, params, field in cases:
        answer = fresh.get(path, params=params)
        assert_problem(answer, 422)
        assert field in [e["field"] for e in answer.json()["errors"]], (params, answer.json())


def months_ago(n: int) -> dt.date:
    today = dt.datetime.now(dt.UTC).date()
    year, month0 = divmod(today.year * 12 + today.month - 1 - n, 12)
    return dt.date(year, month0 + 1, 1)


def test_cohorts_by_first_purchase_month(fresh: TestClient) -> None:  # noqa: F811
    m0, m1, m2 = months_ago(2), months_ago(1), months_ago(0)
    days = [(f"c{n}", m0 + dt.timedelta(days=2), "10.00") for n in range(10)]  # ten first buy in m0
    days += [(f"c{n}", m1 + dt.timedelta(days=5), "20.00") for n in range(3)]  # 3 of 10 buy again in month 2
    days += [("c0", m2, "5.00"), ("d0", m1, "30.00"), ("d1", m1 + dt.timedelta(days=1), "30.00")]
    with fresh.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        uow.session.execute(insert(PurchaseDayRow), [{"customer_id": c, "day": d, "amount": Decimal(a)}
                                                     for c, d, a in days])
        uow.commit()
    assert fresh.get("/v1/reports/cohorts").json()["cohorts"] == []  # before a population run
    run_job(fresh, "/v1/models/rfm:refresh")

    report = fresh.get("/v1/reports/cohorts").json()
    assert report["as_of"] is not None and report["period"] == "month"
    assert report["cohorts"] == [{"cohort_start": m0.isoformat(), "customers": 10, "revenue": "165.00"},
                                 {"cohort_start": m1.isoformat(), "customers": 2, "revenue": "60.00"}]
    cells = [(c["cohort_start"], c["period_index"], c["period_start"], c["active_customers"], c["share_active"],
              c["revenue"]) for c in report["cells"]]
    assert cells == [(m0.isoformat(), 0, m0.isoformat(), 10, 1.0, "100.00"),
                     (m0.isoformat(), 1, m1.isoformat(), 3, 0.3, "60.00"),
                     (m0.isoformat(), 2, m2.isoformat(), 1, 0.1, "5.00"),
                     (m1.isoformat(), 0, m1.isoformat(), 2, 1.0, "60.00"),
                     (m1.isoformat(), 1, m2.isoformat(), 0, 0.0, "0.00")]  # nobody of it bought this month

    # since: cohorts from the month holding it; until: cohorts whose month starts before it
    mid = dt.datetime.combine(m1 + dt.timedelta(days=14), dt.time(), dt.UTC).isoformat()
    assert [c["cohort_start"] for c in fresh.get("/v1/reports/cohorts", params={"since": mid}).json()["cohorts"]] == [
        m1.isoformat()]
    until = dt.datetime.combine(m1, dt.time(), dt.UTC).isoformat()
    assert [c["cohort_start"] for c in fresh.get("/v1/reports/cohorts", params={"until": until}).json()["cohorts"]] == [
        m0.isoformat()]

    answer = fresh.get("/v1/reports/cohorts", headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [(r["table"], r["cohort_start"], r["customers"]) for r in rows[:2]] == [
        ("cohorts", m0.isoformat(), "10"), ("cohorts", m1.isoformat(), "2")]
    assert [(r["period_index"], r["active_customers"], r["share_active"]) for r in rows if r["table"] == "cells"][:3] == [
        ("0", "10", "1.0"), ("1", "3", "0.3"), ("2", "1", "0.1")]

    assert_problem(fresh.get("/v1/reports/cohorts", params={"period": "week"}), 422)


def test_what_customers_say_against_what_they_do(fresh: TestClient) -> None:  # noqa: F811
    now = dt.datetime.now(dt.UTC)
    people = [  # id, spend, days since the purchase, latest NPS, complaints
        ("p1", 100, 3, 10, 0), ("p2", 80, 3, 9, 0), ("q1", 50, 200, 8, 0),
        ("d1", 20, 3, 3, 0), ("d2", 10, 200, 0, 2), ("n1", 30, 3, None, 1)]
    rows = []
    for customer, amount, days, nps, complaints in people:
        f = CustomerFeatures(customer_id=customer)
        apply_interaction(f, Interaction(channel="web", type="purchase", occurred_at=now - dt.timedelta(days=days),
                                         amount=Decimal(amount), currency="EUR"), new_day=True)
        f.nps, f.trigger_counts = nps, ({"complaint": complaints} if complaints else {})
        rows.append({**vars(f), "monetary_other": {}, "updated_at": now})
    with fresh.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        uow.session.execute(insert(FeatureRow), rows)
        uow.commit()
    run_job(fresh, "/v1/models/rfm:refresh")

    report = fresh.get("/v1/reports/linkage").json()
    assert report["active_days"] == 90 and report["tier"] is None

    def said(groups: list[dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
        return {g["group"]: (g["customers"], g["buyers"], g["active_share"], g["value"], g["mean_value"])
                for g in groups}
    # no CLV model: value is spend, and nobody has a churn risk yet
    assert said(report["nps_groups"]) == {"promoter": (2, 2, 1.0, "180.00", "90.00"),
                                          "passive": (1, 1, 0.0, "50.00", "50.00"),
                                          "detractor": (2, 2, 0.5, "30.00", "15.00"),
                                          "no_answer": (1, 1, 1.0, "30.00", "30.00")}
    assert said(report["complaints"]) == {"complained": (2, 2, 0.5, "40.00", "20.00"),
                                          "no_complaint": (4, 4, 0.75, "250.00", "62.50")}
    assert {g["mean_churn_risk"] for g in report["nps_groups"] + report["complaints"]} == {None}

    top = fresh.get("/v1/reports/linkage", params={"tier": "most_valuable"}).json()
    assert sum(g["customers"] for g in top["nps_groups"]) == sum(g["customers"] for g in top["complaints"]) >= 1

    rows_csv = list(csv.DictReader(io.StringIO(fresh.get("/v1/reports/linkage", headers={"Accept": "text/csv"}).text)))
    assert [(r["table"], r["group"]) for r in rows_csv] == [
        ("nps_groups", "promoter"), ("nps_groups", "passive"), ("nps_groups", "detractor"),
        ("nps_groups", "no_answer"), ("complaints", "complained"), ("complaints", "no_complaint")]
    assert_problem(fresh.get("/v1/reports/linkage", params={"tier": "platinum"}), 422)
