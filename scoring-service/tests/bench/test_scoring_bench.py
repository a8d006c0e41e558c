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
from scoring_service.config import Settings
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
from scoring_service.service_layer.handlers import build_handlers
from scoring_service.service_layer.population import calibration_arrays

from ..cdnow import CALIBRATION_END, PAPER_BGNBD, PAPER_GAMMA_GAMMA, calibration_rows, sig3
from ..unit.fakes import FakeUow

TODAY = day_number(dt.date(2024, 6, 1))
MODEL = {**PAPER_BGNBD, **PAPER_GAMMA_GAMMA, "alpha": PAPER_BGNBD["alpha"] * 7, "time_unit": "days"}


def synthetic(n: int, seed: int = 7) -> Columns:
    """n customers whose purchases follow the BG/NBD process with the paper's parameters (in days):
    rate ~ Gamma(r, alpha), dropout after each purchase with p ~ Beta(a, b), over up to two years."""
    rng = np.random.default_rng(seed)
    age = rng.integers(1, 730, n).astype(float)  # days since the first purchase
    rate = rng.gamma(PAPER_BGNBD["r"], 1.0 / (PAPER_BGNBD["alpha"] * 7), n)
    dropout = rng.beta(PAPER_BGNBD["a"], PAPER_BGNBD["b"], n)
    arrivals = rng.poisson(rate * age)
    x = np.minimum(arrivals, rng.geometric(dropout) - 1)  # repeat purchases before dropping out
    with np.errstate(invalid="ignore"):
        t_x = np.where(x > 0, age * rng.beta(np.maximum(x, 1), np.maximum(arrivals - x + 1, 1)), 0.0)
    first = TODAY - age
    last = first + np.floor(t_x)
    days = np.minimum(x + 1, last - first + 1)  # distinct purchase days
    spend = days * rng.gamma(6.0, 6.0, n)
    return Columns(purchase_days=days.astype(float), first_day=first, last_day=last,
                   frequency=days.astype(float), monetary=spend, first_day_amount=spend / days,
                   cost_to_serve=rng.exponential(5.0, n), tenure_days=age, lapsed=rng.random(n) < 0.05)


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
    explained = churn(cols, scored, config=config)
    timings["churn_with_drivers"] = time.perf_counter() - t
    assert len(tiers) == len(rfm["r"]) == len(explained.risk) == len(explained.lapse_adds) == len(cols)
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
    handler = build_handlers(Settings())[InteractionRecorded.event_type]
    t = time.perf_counter()
    for event, envelope in zip(events, envelopes, strict=True):
        handler(event, envelope, uow)
    return n / (time.perf_counter() - t)


def test_smoke_rescore_fit_and_events() -> None:
    timings = rescore(synthetic(2000))
    assert timings["total"] < 30
    assert per_event_rate(200) > 10


def fit_lifetimes(data: dict[str, np.ndarray]) -> tuple[dict[str, float], float]:
    """lifetimes' BG/NBD and Gamma-Gamma maximum likelihood fits: parameters, seconds."""
    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter

    t = time.perf_counter()
    bg = BetaGeoFitter().fit(pd.Series(data["x"]), pd.Series(data["t_x"]), pd.Series(data["T"]))
    keep = data["x"] > 0
    gg = GammaGammaFitter().fit(pd.Series(data["x"][keep]), pd.Series(data["m"][keep]))
    return {**bg.params_, **gg.params_}, time.perf_counter() - t


def fit_pymc_marketing(data: dict[str, np.ndarray]) -> tuple[dict[str, float], float]:
    """PyMC-Marketing's BetaGeoModel and GammaGammaModel fitted by MAP with flat priors (= the
    maximum likelihood estimate, what the paper reports): parameters, seconds (model build,
    PyTensor compilation or its cache, optimisation)."""
    import pandas as pd
    from pymc_extras.prior import Prior
    from pymc_marketing.clv import BetaGeoModel, GammaGammaModel

    t = time.perf_counter()
    ids, keep = np.arange(len(data["x"])), data["x"] > 0
    bg = BetaGeoModel(data=pd.DataFrame({"customer_id": ids, "frequency": data["x"], "recency": data["t_x"],
                                         "T": data["T"]}),
                      model_config={k: Prior("HalfFlat") for k in ("r", "alpha", "a", "b")})
    bg.fit(method="map", progressbar=False)
    gg = GammaGammaModel(data=pd.DataFrame({"customer_id": ids[keep], "frequency": data["x"][keep],
                                            "monetary_value": data["m"][keep]}),
                         model_config={k: Prior("HalfFlat") for k in ("p", "q", "v")})
    gg.fit(method="map", progressbar=False)
    seconds = time.perf_counter() - t
    params = {k: float(fit.fit_result[k].values.item()) for fit, names in (
        (bg, ("r", "alpha", "a", "b")), (gg, ("p", "q", "v"))) for k in names}
    return params, seconds


@pytest.mark.bench
def test_bench_clv_fit_on_cdnow_against_lifetimes_and_pymc_marketing() -> None:
    data = calibration_arrays(calibration_rows(), end=CALIBRATION_END, unit_days=UNIT_DAYS["weeks"])
    # best of 7 (3 for PyMC-Marketing) for each: the machine is shared, and the minimum is the least
    # disturbed run; PyMC-Marketing's first fit, which compiles its model, is reported apart
    bg, gg, ours = min((fit_ours(data) for _ in range(7)), key=lambda r: r[2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lt, theirs = min((fit_lifetimes(data) for _ in range(7)), key=lambda r: r[1])
        pm, pm_cold = fit_pymc_marketing(data)
        pm_warm = min(fit_pymc_marketing(data)[1] for _ in range(3))
    mine = {**{k: getattr(bg, k) for k in PAPER_BGNBD}, **{k: getattr(gg, k) for k in PAPER_GAMMA_GAMMA}}
    paper = {**PAPER_BGNBD, **PAPER_GAMMA_GAMMA}
    print("\nCDNOW (2,357 customers, 39 weeks): parameter  paper  ours  lifetimes  PyMC-Marketing (MAP, flat priors)")
    for name in paper:
        print(f"  {name:6s} {paper[name]:8.3f} {mine[name]:10.4f} {lt[name]:10.4f} {pm[name]:10.4f}")
    print(f"  wall time: ours {ours * 1000:.0f} ms, lifetimes {theirs * 1000:.0f} ms ({theirs / ours:.1f}x ours), "
          f"PyMC-Marketing {pm_warm * 1000:.0f} ms warm ({pm_warm / ours:.0f}x ours), "
          f"{pm_cold:.1f} s on its first fit in this process (PyTensor compiles, or loads its compile cache)")
    assert all(sig3(mine[k]) == sig3(v) for k, v in paper.items())
    assert all(sig3(pm[k]) == sig3(v) for k, v in paper.items())  # the reference agrees with the paper too


@pytest.mark.bench
def test_bench_rescore_one_million_customers() -> None:
    cols = synthetic(1_000_000)
    timings = rescore(cols)
    print("\nre-score 1,000,000 customers (vectorised, s): " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items())
          + f"; issue's target < 30 s: {'met' if timings['total'] < 30 else 'NOT met'}")


@pytest.mark.bench
def test_bench_per_event_scoring_rate() -> None:
    rate = per_event_rate(20_000)
    print(f"\nper-event scoring (handler + models, in-memory repositories): {rate:,.0f} events/s")
    assert rate > 100


JSON_CHOICES = {  # a few behaviours, so that the needs clustering has something to find
    "channel_counts": ['{"web": 3}', '{"store": 2, "web": 1}', '{"phone": 1, "email": 2}', '{"mobile_app": 4}'],
    "daypart_counts": ['{"morning": 2}', '{"evening": 3}', '{"afternoon": 1, "night": 1}'],
    "category_counts": ['{"books": 2}', '{"toys": 1, "games": 2}', '{}', '{"garden": 3}', '{"music": 1}'],
}
FEATURE_COLUMNS = ("customer_id", "interactions", "frequency", "monetary", "currency", "monetary_other",
                   "first_purchase_at", "last_purchase_at", "first_interaction_at", "last_interaction_at",
                   "cost_to_serve", "channel_counts", "purchase_days", "first_day_amount", "daypart_counts",
                   "category_counts", "offer_responses", "trigger_counts", "last_lapse_at", "updated_at")


def synthetic_rows(n: int, now: dt.datetime) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Feature rows and purchase-day rows of ``synthetic(n)`` as text (what COPY and SQLite take)."""
    cols, rng = synthetic(n), np.random.default_rng(11)
    epoch = dt.datetime(1970, 1, 1, 12, tzinfo=dt.UTC)
    day_text = {d: (epoch + dt.timedelta(days=d)).strftime("%Y-%m-%d %H:%M:%S.000000")
                for d in np.unique(np.r_[cols.first_day, cols.last_day]).astype(int).tolist()}
    picks = {k: rng.integers(0, len(v), n).tolist() for k, v in JSON_CHOICES.items()}
    ids = [f"c{i:07d}" for i in range(n)]
    first, last = cols.first_day.astype(int), cols.last_day.astype(int)
    k = np.minimum(cols.purchase_days.astype(int), last - first + 1)  # k distinct days fit between first and last
    spread = [(f + np.round(np.linspace(0, la - f, kk))).astype(int).tolist() if kk > 1 else [f]
              for f, la, kk in zip(first.tolist(), last.tolist(), k.tolist(), strict=True)]
    for d in {d for days in spread for d in days} - set(day_text):
        day_text[d] = (epoch + dt.timedelta(days=d)).strftime("%Y-%m-%d %H:%M:%S.000000")
    k, first, last = k.tolist(), first.tolist(), last.tolist()
    money = [f"{v:.2f}" for v in cols.monetary.tolist()]
    first_amount = [f"{v:.2f}" for v in cols.first_day_amount.tolist()]
    cost = [f"{v:.2f}" for v in cols.cost_to_serve.tolist()]
    lapse = [day_text[d] if flag else None for d, flag in zip(last, cols.lapsed.tolist(), strict=True)]
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.000000")
    offers = rng.poisson(0.3, n).tolist()
    features = [(ids[i], k[i] + 1, k[i], money[i], "EUR", "{}", day_text[first[i]], day_text[last[i]],
                 day_text[first[i]], day_text[last[i]], cost[i], JSON_CHOICES["channel_counts"][picks["channel_counts"][i]],
                 k[i], first_amount[i], JSON_CHOICES["daypart_counts"][picks["daypart_counts"][i]],
                 JSON_CHOICES["category_counts"][picks["category_counts"][i]], offers[i], "{}", lapse[i], stamp)
                for i in range(n)]
    repeat = [f"{(m - a) / max(kk - 1, 1):.2f}" for m, a, kk in zip(
        cols.monetary.tolist(), cols.first_day_amount.tolist(), k, strict=True)]
    days = [(ids[i], day_text[d][:10], first_amount[i] if j == 0 else repeat[i])
            for i in range(n) for j, d in enumerate(spread[i])]
    return features, days


def fill(runtime: Any, n: int, now: dt.datetime) -> float:
    """Load n synthetic customers' features and purchase days (COPY on PostgreSQL); seconds."""
    started = time.perf_counter()
    features, days = synthetic_rows(n, now)
    with runtime.uow() as uow:
        if runtime.engine.dialect.name == "postgresql":
            cur = uow.session.connection().connection.driver_connection.cursor()
            for table, columns, rows in (("customer_features", FEATURE_COLUMNS, features),
                                         ("purchase_days", ("customer_id", "day", "amount"), days)):
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for start in range(0, len(rows), 50_000):  # rows are plain text without tabs or backslashes
                        copy.write("".join("\t".join("\\N" if v is None else str(v) for v in row) + "\n"
                                           for row in rows[start:start + 50_000]))
        else:
            conn = uow.session.connection()
            conn.exec_driver_sql(f"INSERT INTO customer_features ({', '.join(FEATURE_COLUMNS)}) VALUES "
                                 f"({', '.join('?' for _ in FEATURE_COLUMNS)})", features)
            conn.exec_driver_sql("INSERT INTO purchase_days (customer_id, day, amount) VALUES (?, ?, ?)", days)
        uow.commit()
    if runtime.engine.dialect.name == "postgresql":
        with runtime.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def rescore_through_database(url: str, n: int) -> dict[str, Any]:
    """Fill, first refresh and CLV fit, a refit with its re-score (timed), a refresh with nothing to change."""
    from sqlalchemy import func, select

    from scoring_service.adapters.orm import ScoreRow, messaging
    from scoring_service.main import build_runtime
    from scoring_service.service_layer import population

    settings = Settings(database_url=url, run_workers=False, refresh_interval_s=0, log_json=False)
    runtime = build_runtime(settings)
    runtime.migrate()
    now = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    out: dict[str, Any] = {"fill": fill(runtime, n, now)}
    first: dict[str, float] = {}
    t = time.perf_counter()  # the first run inserts every score row and announces every buyer
    population.refresh(uow_factory=runtime.uow, now=now, config=settings.scoring, phases=first)
    population.fit_clv(uow_factory=runtime.uow, calibration_end=now - dt.timedelta(days=90), time_unit="days",
                       now=now, config=settings.scoring)
    out["first_runs"], out["first_phases"] = time.perf_counter() - t, first
    with runtime.uow() as uow:
        out["events_first"] = uow.session.scalar(select(func.count()).select_from(messaging.outbox))
        uow.session.execute(messaging.outbox.delete())
        uow.commit()
    # a refit on more data (calibration end 30 days later), re-scoring the next day: the run this issue times
    refit: dict[str, float] = {}
    t = time.perf_counter()
    population.fit_clv(uow_factory=runtime.uow, calibration_end=now - dt.timedelta(days=60), time_unit="days",
                       now=now + dt.timedelta(days=1), config=settings.scoring, phases=refit)
    out["refit_total"], out["refit_phases"] = time.perf_counter() - t, refit
    # the re-score issue 5 times: what holds the population lock (the reports are kept after it)
    out["rescore_after_refit"] = sum(v for k, v in refit.items() if not k.startswith("fit")
                                     and k not in ("reports", "cohorts"))
    with runtime.uow() as uow:
        out["events_refit"] = uow.session.scalar(select(func.count()).select_from(messaging.outbox))
        out["rows_changed_refit"] = uow.session.scalar(
            select(func.count()).where(ScoreRow.scored_at == now + dt.timedelta(days=1)))
    same: dict[str, float] = {}
    t = time.perf_counter()
    result = population.refresh(uow_factory=runtime.uow, now=now + dt.timedelta(days=1), config=settings.scoring,
                                phases=same)
    out["unchanged_refresh"], out["unchanged_phases"], out["unchanged_announced"] = (
        time.perf_counter() - t, same, result["announced"])
    out["report_reads_ms"] = time_report_reads(runtime)
    runtime.engine.dispose()
    return out


def time_report_reads(runtime: Any) -> dict[str, float]:
    """Best of 5 of each report's service-layer read (what its route does before serialising), in ms:
    the reports read what the runs kept, whatever the population's size."""
    from scoring_service.service_layer import reports as reports_svc

    reads = {"value": lambda: reports_svc.value_report(uow_factory=runtime.uow, since=None, until=None, tier=None),
             "tiers": lambda: reports_svc.tiers_report(uow_factory=runtime.uow, since=None, until=None,
                                                       period="month"),
             "cohorts": lambda: reports_svc.cohorts_report(uow_factory=runtime.uow, since=None, until=None)}
    best = {}
    for name, read in reads.items():
        times = []
        for _ in range(5):
            t = time.perf_counter()
            read()
            times.append((time.perf_counter() - t) * 1000)
        best[name] = round(min(times), 2)
    return best


def report(backend: str, n: int, out: dict[str, Any]) -> None:
    print(f"\n{backend}, {n:,} customers: fill {out['fill']:.1f} s; first refresh + first CLV fit and re-score "
          f"{out['first_runs']:.1f} s (first refresh {out['first_phases']}; {out['events_first']:,} events)")
    print(f"  refit + re-score {out['refit_total']:.1f} s {out['refit_phases']}: re-score (read, score, write, outbox) "
          f"{out['rescore_after_refit']:.1f} s = {n / out['rescore_after_refit']:,.0f} customers/s; "
          f"{out['rows_changed_refit']:,} rows changed, {out['events_refit']:,} events")
    print(f"  same-day refresh with nothing changed {out['unchanged_refresh']:.1f} s {out['unchanged_phases']}, "
          f"announced {out['unchanged_announced']}")
    print(f"  reports read (service layer, best of 5, ms): {out['report_reads_ms']} (issue 17's target < 500 ms)")


def test_smoke_rescore_through_sqlite(tmp_path: Any) -> None:
    out = rescore_through_database(f"sqlite:///{tmp_path}/smoke.db", 1000)
    assert out["rows_changed_refit"] > 500 and out["events_refit"] > 0 and out["unchanged_announced"] == 0
    assert set(out["report_reads_ms"]) == {"value", "tiers", "cohorts"}


def test_smoke_rescore_through_postgresql(pg_url: str) -> None:
    out = rescore_through_database(pg_url, 1000)
    assert out["rows_changed_refit"] > 500 and out["events_refit"] > 0 and out["unchanged_announced"] == 0


@pytest.mark.bench
@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_bench_rescore_one_million_through_the_database(backend: str, tmp_path: Any,
                                                        request: pytest.FixtureRequest) -> None:
    n = 1_000_000
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path}/bench.db"
    out = rescore_through_database(url, n)
    report(backend, n, out)
    # a target to measure and report (issue 5), not a timed test: the figure depends on the machine
    print(f"issue's target, re-score 1,000,000 after a refit < 30 s: "
          f"{'met' if out['rescore_after_refit'] < 30 else 'NOT met'} ({out['rescore_after_refit']:.1f} s)")
