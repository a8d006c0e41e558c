"""Benchmarks (``make bench``; marked ``bench``): CLV fit on CDNOW next to lifetimes, vectorised
re-scoring of 1,000,000 customers, per-event scoring rate, and a population refresh through the
database. Unmarked smoke versions at small sizes keep the code from rotting."""

from __future__ import annotations

import datetime as dt
import time
import warnings
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from idic import CloudEvent
from idic.contracts import InteractionRecorded
from scoring_service.domain import clv
from scoring_service.domain.scoring import (
    UNIT_DAYS,
    Columns,
    ScoringConfig,
    churn,
    day_number,
    rfm_model,
    score_clv,
    score_rfm,
    score_tiers,
    tier_model,
    value_and_potential,
)
from scoring_service.service_layer.handlers import HANDLERS
from scoring_service.service_layer.population import calibration_arrays

from ..cdnow import CALIBRATION_END, PAPER_BGNBD, PAPER_GAMMA_GAMMA, calibration_rows, sig3
from ..unit.fakes import FakeUow

TODAY = day_number(dt.date(2024, 6, 1))
MODEL = {**PAPER_BGNBD, **PAPER_GAMMA_GAMMA, "alpha": PAPER_BGNBD["alpha"] * 7, "time_unit": "days"}


def synthetic(n: int, seed: int = 7) -> Columns:
    """n customers with BG/NBD-like histories over two years (days)."""
    rng = np.random.default_rng(seed)
    first = TODAY - rng.integers(1, 730, n)
    days = 1 + rng.poisson(2.0, n) * (rng.random(n) < 0.6)
    last = np.minimum(first + rng.random(n) * (TODAY - first) * (days > 1), TODAY)
    spend = days * rng.gamma(6.0, 6.0, n)
    return Columns(purchase_days=days.astype(float), first_day=first.astype(float), last_day=np.floor(last),
                   frequency=days.astype(float), monetary=spend, first_day_amount=spend / days,
                   cost_to_serve=rng.exponential(5.0, n), tenure_days=(TODAY - first).astype(float),
                   lapsed=rng.random(n) < 0.05)


def rescore(cols: Columns) -> dict[str, float]:
    """The population part of a re-score, phase by phase (seconds)."""
    config, timings = ScoringConfig(), {}
    t = time.perf_counter()
    scored = score_clv(cols, MODEL, today=TODAY, config=config)
    timings["clv"] = time.perf_counter() - t
    t = time.perf_counter()
    rfm = score_rfm(cols, rfm_model(cols, today=TODAY), today=TODAY)
    net, gap = value_and_potential(cols, scored, config=config)
    tiers = score_tiers(net, gap, tier_model(net, gap, config=config))
    timings["rfm_tiers"] = time.perf_counter() - t
    t = time.perf_counter()
    risk, drivers = churn(cols, scored, config=config)
    timings["churn_with_drivers"] = time.perf_counter() - t
    assert len(tiers) == len(rfm["r"]) == len(risk) == len(drivers) == len(cols)
    assert np.all((scored["p_alive"] >= 0) & (scored["p_alive"] <= 1)) and np.all(np.isfinite(scored["clv_12m"]))
    timings["total"] = sum(timings.values())
    return timings


def fit_ours(data: dict[str, np.ndarray]) -> tuple[clv.BgNbd, clv.GammaGamma, float]:
    t = time.perf_counter()
    bg = clv.fit_bgnbd(data["x"], data["t_x"], data["T"])
    gg = clv.fit_gamma_gamma(data["x"], data["m"])
    return bg, gg, time.perf_counter() - t


def per_event_rate(n: int) -> float:
    """Interactions scored per second by the handler with fitted models (in-memory repositories)."""
    uow = FakeUow()
    uow.models.rows = {"clv": MODEL, "rfm": {"recency_edges": [10, 30, 90, 180], "frequency_edges": [1, 1, 2, 4],
                                             "monetary_edges": [20, 40, 80, 160]},
                       "tiers": {"valuable_cutoff": 100.0, "growable_cutoff": 20.0}}
    events = [InteractionRecorded(interaction_id=f"i{i}", customer_id=f"c{i % 1000}", channel="web", type="purchase",
                                  direction="inbound", occurred_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
                                  + dt.timedelta(days=i % 300), amount=Decimal("25.00"), currency="EUR")
              for i in range(n)]
    envelopes = [CloudEvent.wrap(e, source="/bench") for e in events]
    handler = HANDLERS[InteractionRecorded.event_type]
    t = time.perf_counter()
    for event, envelope in zip(events, envelopes, strict=True):
        handler(event, envelope, uow)
    return n / (time.perf_counter() - t)


def test_smoke_rescore_fit_and_events() -> None:
    timings = rescore(synthetic(2000))
    assert timings["total"] < 30
    assert per_event_rate(200) > 10


@pytest.mark.bench
def test_bench_clv_fit_on_cdnow_against_lifetimes() -> None:
    data = calibration_arrays(calibration_rows(), end=CALIBRATION_END, unit_days=UNIT_DAYS["weeks"])
    # best of 7 for each: the machine is shared, and the minimum is the least disturbed run
    bg, gg, ours = min((fit_ours(data) for _ in range(7)), key=lambda r: r[2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pandas as pd
        from lifetimes import BetaGeoFitter, GammaGammaFitter

        def fit_lifetimes() -> tuple[Any, Any, float]:
            t = time.perf_counter()
            lbg = BetaGeoFitter().fit(pd.Series(data["x"]), pd.Series(data["t_x"]), pd.Series(data["T"]))
            keep = data["x"] > 0
            lgg = GammaGammaFitter().fit(pd.Series(data["x"][keep]), pd.Series(data["m"][keep]))
            return lbg, lgg, time.perf_counter() - t

        lbg, lgg, theirs = min((fit_lifetimes() for _ in range(7)), key=lambda r: r[2])
    rows: list[tuple[str, Any, Any, Any]] = [
        (k, PAPER_BGNBD[k], getattr(bg, k), lbg.params_[k]) for k in PAPER_BGNBD] + [
        (k, PAPER_GAMMA_GAMMA[k], getattr(gg, k), lgg.params_[k]) for k in PAPER_GAMMA_GAMMA]
    print("\nCDNOW (2,357 customers, 39 weeks): parameter  paper  ours  lifetimes")
    for name, paper, mine, lt in rows:
        print(f"  {name:6s} {paper:8.3f} {mine:10.4f} {lt:10.4f}")
    print(f"  wall time: ours {ours * 1000:.0f} ms, lifetimes {theirs * 1000:.0f} ms, "
          f"speed-up {theirs / ours:.1f}x")
    assert all(sig3(mine) == sig3(paper) for _, paper, mine, _ in rows)


@pytest.mark.bench
def test_bench_rescore_one_million_customers() -> None:
    cols = synthetic(1_000_000)
    timings = rescore(cols)
    print("\nre-score 1,000,000 customers (vectorised, s): " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    assert timings["total"] < 30


@pytest.mark.bench
def test_bench_per_event_scoring_rate() -> None:
    rate = per_event_rate(20_000)
    print(f"\nper-event scoring (handler + models, in-memory repositories): {rate:,.0f} events/s")
    assert rate > 100


def refresh_through_database(tmp_path: Any, n: int) -> tuple[float, float]:
    """Seconds of a CLV fit + population refresh (load, score, write scores and memberships) on SQLite."""
    from sqlalchemy import insert

    from scoring_service.adapters.orm import FeatureRow, PurchaseDayRow
    from scoring_service.config import Settings
    from scoring_service.main import build_runtime
    from scoring_service.service_layer import population

    settings = Settings(database_url=f"sqlite:///{tmp_path}/bench.db", run_workers=False, refresh_interval_s=0)
    runtime = build_runtime(settings)
    runtime.migrate()
    cols, now = synthetic(n), dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    epoch = dt.date(1970, 1, 1)
    features, days = [], []
    for i in range(n):
        first, last = epoch + dt.timedelta(days=cols.first_day[i]), epoch + dt.timedelta(days=cols.last_day[i])
        k = int(cols.purchase_days[i])
        at = [dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC) for d in (first, last)]
        features.append({"customer_id": f"c{i:07d}", "interactions": k, "frequency": k, "purchase_days": k,
                         "monetary": Decimal(f"{cols.monetary[i]:.2f}"), "currency": "EUR", "monetary_other": {},
                         "first_day_amount": Decimal(f"{cols.first_day_amount[i]:.2f}"), "first_purchase_at": at[0],
                         "last_purchase_at": at[1], "first_interaction_at": at[0], "last_interaction_at": at[1],
                         "cost_to_serve": Decimal(f"{cols.cost_to_serve[i]:.2f}"),
                         "channel_counts": {["web", "store", "phone"][i % 3]: k}, "updated_at": now})
        days += [{"customer_id": f"c{i:07d}", "day": first, "amount": Decimal("10")}] + (
            [{"customer_id": f"c{i:07d}", "day": last, "amount": Decimal("10")}] if last > first else [])
    with runtime.uow() as uow:
        uow.session.execute(insert(FeatureRow), features)
        uow.session.execute(insert(PurchaseDayRow), days)
        uow.commit()
    t = time.perf_counter()
    population.fit_clv(uow_factory=runtime.uow, calibration_end=now, time_unit="days", now=now,
                       config=settings.scoring)
    first_run = time.perf_counter() - t
    t = time.perf_counter()
    population.refresh(uow_factory=runtime.uow, now=now + dt.timedelta(days=1), config=settings.scoring)
    second = time.perf_counter() - t
    runtime.engine.dispose()
    return first_run, second


def test_smoke_refresh_through_database(tmp_path: Any) -> None:
    first, second = refresh_through_database(tmp_path, 300)
    assert first > 0 and second > 0


@pytest.mark.bench
def test_bench_refresh_through_database(tmp_path: Any) -> None:
    n = 50_000
    first, second = refresh_through_database(tmp_path, n)
    print(f"\nSQLite, {n:,} customers: CLV fit + first population run (all scores inserted, events for all) "
          f"{first:.1f} s; next day's refresh {second:.1f} s ({n / second:,.0f} customers/s)")
