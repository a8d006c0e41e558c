"""Population runs: fit the CLV models, refresh RFM quintiles, tier cut-offs and needs segments,
and re-score every customer (vectorised) in one transaction."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from idic import ProblemError

from ..adapters.bulk import Loaded
from ..adapters.uow import ScoringUnitOfWork
from ..domain import clv, needs, reports
from ..domain.clv import Array
from ..domain.features import DAYPARTS
from ..domain.scoring import (
    UNIT_DAYS,
    Columns,
    ScoringConfig,
    day_number,
    rfm_model,
    score_clv,
    tier_model,
    value_and_potential,
)
from . import rescored
from .scorer import DAY_SECONDS, ScoreArrays, score_arrays

UowFactory = Callable[[], ScoringUnitOfWork]
Progress = Callable[[int, int], None]
# A run is column-wise (every customer passes each phase together), so its progress is the
# customers times the share of a typical run's time spent once a phase ends (1M on PostgreSQL).
PHASE_SHARE = {"read": 0.35, "models": 0.45, "score": 0.6, "compare": 0.7, "write_scores": 0.85,
               "write_segments_outbox": 0.9, "commit": 1.0}
NEEDS_FIT_SAMPLE = 50_000  # k-means is fitted on a sample; every customer is then assigned to a centre
_lock = threading.Lock()  # one population run at a time per process (schedule and API)


def calibration_arrays(rows: Any, *, end: dt.date, unit_days: float) -> dict[str, np.ndarray]:  # type: ignore[type-arg]
    """x, t_x, T and mean repeat spend per customer from (customer, day, spend) rows ordered by customer, day."""
    ids, days, amounts = [], [], []
    for customer_id, day, amount in rows:
        ids.append(customer_id)
        days.append(day_number(day))
        amounts.append(float(amount))
    if not ids:
        return {"x": np.zeros(0), "t_x": np.zeros(0), "T": np.zeros(0), "m": np.zeros(0)}
    id_arr, day_arr, amount_arr = np.asarray(ids, dtype=object), np.asarray(days), np.asarray(amounts)
    starts = np.flatnonzero(np.r_[True, id_arr[1:] != id_arr[:-1]])
    counts = np.diff(np.r_[starts, len(id_arr)])
    first, last = day_arr[starts], day_arr[starts + counts - 1]
    total = np.add.reduceat(amount_arr, starts)
    x = counts - 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        m = np.where(x > 0, (total - amount_arr[starts]) / np.maximum(x, 1), 0.0)
    return {"x": x, "t_x": (last - first) / unit_days, "T": (day_number(end) - first) / unit_days, "m": m}


def fit_clv(*, uow_factory: UowFactory, calibration_end: dt.datetime, time_unit: str, now: dt.datetime,
            config: ScoringConfig, k_max: int = 8, phases: dict[str, float] | None = None,
            progress: Progress | None = None) -> dict[str, Any]:
    """Fit BG/NBD and Gamma-Gamma on every customer's purchases up to ``calibration_end``, store
    them, and re-score the population with them (``phases``: seconds per phase, ``progress``:
    customers re-scored so far, see ``refresh``)."""
    unit = UNIT_DAYS[time_unit]
    end = calibration_end.astimezone(dt.UTC).date()
    clock = _Phases(phases)
    with uow_factory() as uow:
        data = calibration_arrays(uow.days.until(end), end=end, unit_days=unit)
    clock.tick("fit_read")
    if progress is not None:
        progress(0, len(data["x"]))  # the fit's sample; the re-score then counts every customer
    started = time.perf_counter()
    try:
        bg = clv.fit_bgnbd(data["x"], data["t_x"], data["T"])
        gg = clv.fit_gamma_gamma(data["x"], data["m"])
    except clv.FitError as exc:
        raise ProblemError(422, "Cannot fit", f"{exc} (customers with purchases up to {end}: {len(data['x'])})",
                           errors=[{"field": "body.calibration_end", "message": str(exc)}]) from exc
    params = {"r": bg.r, "alpha": bg.alpha, "a": bg.a, "b": bg.b, "p": gg.p, "q": gg.q, "v": gg.v,
              "time_unit": time_unit, "calibration_end": calibration_end.astimezone(dt.UTC).isoformat(),
              "customers": len(data["x"]), "fit_seconds": round(time.perf_counter() - started, 4)}
    with uow_factory() as uow:
        uow.models.put("clv", params, now=now)
        uow.commit()
    clock.tick("fit")
    rescored = refresh(uow_factory=uow_factory, now=now, config=config, k_max=k_max, phases=phases, progress=progress)
    return {**params, "fitted_at": now, "rescored": {k: rescored[k] for k in ("customers", "announced", "seconds")}}


def refresh(*, uow_factory: UowFactory, now: dt.datetime, config: ScoringConfig, k_max: int = 8,
            phases: dict[str, float] | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """Recompute the population models (RFM quintiles, tier cut-offs, needs clusters) and every
    customer's scores, column-wise; write back only changed score rows and announce material
    changes; keep what the run found for the reports. ``phases`` (if given) receives the seconds of
    read, models, score, compare, the writes and the commit, then of the reports and cohorts kept after it;
    ``progress(done, total)`` is called as each phase ends."""
    clock = _Phases(phases, progress)
    with _lock, uow_factory() as uow:
        started = time.perf_counter()
        uow.population.lock_for_run()  # events wait: none is overwritten by this run
        models = uow.models.all()
        rule_segments = uow.segments.rules()
        data = uow.population.read(max_categories=needs.MAX_CATEGORIES)
        clock.customers = len(data)
        clock.tick("read")
        cols, vectors = population_columns(data, now=now)
        today = day_number(now.date())
        models["rfm"] = rfm_model(cols, today=today)
        clv_scores = score_clv(cols, models["clv"], today=today, config=config) if "clv" in models else {}
        net, gap = value_and_potential(cols, clv_scores, config=config)
        bought = cols.purchase_days > 0
        models["tiers"] = tier_model(net[bought], gap[bought], config=config)
        needs_model = _fit_needs(data, vectors, k_max=k_max)
        if needs_model is not None:
            models["needs"] = needs_model
        for kind in ("rfm", "tiers", "needs"):
            if kind in models:
                uow.models.put(kind, {k: v for k, v in models[kind].items() if k != "fitted_at"}, now=now)
        purchasers = int(bought.sum())
        # what the schedule compares with to see the population grow (service_layer.schedule)
        uow.models.put("population", {"customers": len(data), "purchasers": purchasers,
                                      "repeat_buyers": int((cols.purchase_days >= 2).sum())}, now=now)
        clock.tick("models")
        arrays = score_arrays(cols, vectors=vectors if "needs" in models else None, models=models,
                              rule_segments=rule_segments, now=now, config=config, clv_scores=clv_scores)
        clock.tick("score")
        changes = rescored.compare(data, arrays, now=now, source=uow.source)
        clock.tick("compare")
        uow.population.write_scores(changes.rows)
        clock.tick("write_scores")
        uow.population.write_memberships(entered=changes.entered, left=changes.left, now=now)
        uow.population.write_outbox(changes.events)
        clock.tick("write_segments_outbox")
        uow.commit()
        clock.tick("commit")
    # What the run found for the reports is kept once the scores are in, in a transaction of its own,
    # so the population lock that events wait on is not held for it (1,000,000 customers on PostgreSQL:
    # the snapshots of everyone and of each segment ~2.5 s from the run's columns; cohorts ~4 s, one
    # aggregate query over every purchase day, as a month's distinct buyers cannot come from columns).
    # A crash in between leaves the reports as of the run before, which their as_of says.
    with uow_factory() as uow:
        _keep_reports(uow, data, arrays, net, cols, clv_fitted="clv" in models, now=now)
        clock.tick("reports")
        uow.reports.add("cohorts", reports.cohorts_snapshot(uow.reports.cohort_cells()), taken_at=now)
        uow.commit()
    clock.tick("cohorts")
    return {"customers": len(data), "purchasers": purchasers, "refreshed_at": now, "rfm": models["rfm"],
            "tiers": models["tiers"],
            "needs": None if needs_model is None else {k: needs_model[k] for k in ("k", "silhouette", "ids")},
            "announced": changes.announced, "seconds": round(time.perf_counter() - started, 3)}


def _keep_reports(uow: ScoringUnitOfWork, data: Loaded, arrays: ScoreArrays, net: Array, cols: Columns, *,
                  clv_fitted: bool, now: dt.datetime) -> None:
    """What this run found about the population as a whole, and about each segment (the reports'
    ``segment`` filter), kept with the run for the reports."""
    currencies = {c for c in data["currency"].tolist() if c}
    currency = currencies.pop() if len(currencies) == 1 else None
    last_ts = cols.last_purchase_ts if cols.last_purchase_ts is not None else np.full(len(data), np.nan)
    columns: dict[str, Any] = {  # arrays of several dtypes; None: no such column (no CLV fit)
        "net": net, "tier": arrays.tier, "previous": data["prev_run_tier"],
        "clv": arrays.clv_cents / 100.0 if clv_fitted else None, "churn": arrays.churn.risk,
        "nps": np.asarray(data["nps"], dtype=float), "complaints": np.asarray(data["complaints"], dtype=float),
        "bought": cols.purchase_days > 0, "last_ts": last_ts}
    everyone: list[tuple[str | None, NDArray[np.bool_] | None]] = [(None, None)]
    for segment, mask in [*everyone, *arrays.segment_masks()]:
        c: dict[str, Any] = columns if mask is None else {
            k: None if v is None else v[mask] for k, v in columns.items()}
        uow.reports.add("value", {"currency": currency, "by_tier": reports.value_snapshot(
            c["net"], tier=c["tier"], clv=c["clv"], churn=c["churn"])}, taken_at=now, segment=segment)
        uow.reports.add("tiers", reports.tiers_snapshot(c["net"], tier=c["tier"], previous=c["previous"]),
                        taken_at=now, segment=segment)
        uow.reports.add("linkage", reports.linkage_snapshot(
            nps=c["nps"], complaints=c["complaints"], net=c["net"], bought=c["bought"], last_purchase_ts=c["last_ts"],
            churn=c["churn"], tier=c["tier"], now_ts=now.timestamp()), taken_at=now, segment=segment)


class _Phases:
    """Seconds per phase of a run, into the caller's dict, and progress as phases end."""

    def __init__(self, into: dict[str, float] | None, progress: Progress | None = None) -> None:
        self.into, self.last = into, time.perf_counter()
        self.progress, self.customers = progress, 0

    def tick(self, name: str) -> None:
        now = time.perf_counter()
        if self.into is not None:
            self.into[name] = round(now - self.last, 3)
        self.last = now
        if self.progress is not None and name in PHASE_SHARE:
            self.progress(round(self.customers * PHASE_SHARE[name]), self.customers)


def population_columns(data: Loaded, *, now: dt.datetime) -> tuple[Columns, np.ndarray]:  # type: ignore[type-arg]
    """Scoring columns and needs vectors of the loaded customers (what ``scorer.columns`` and
    ``needs.counts`` compute from features in memory, here from the database's columns)."""
    frequency = np.nan_to_num(data["frequency"])
    first_ts, last_ts, seen_ts = data["first_purchase_ts"], data["last_purchase_ts"], data["first_interaction_ts"]
    today = day_number(now.date())
    cols = Columns(
        purchase_days=np.where(frequency > 0, np.maximum(np.nan_to_num(data["purchase_days"]), 1), 0.0),
        first_day=np.floor(first_ts / DAY_SECONDS), last_day=np.floor(last_ts / DAY_SECONDS), frequency=frequency,
        monetary=data["monetary"], first_day_amount=data["first_day_amount"], cost_to_serve=data["cost_to_serve"],
        tenure_days=np.where(np.isnan(seen_ts), 0.0, today - np.floor(seen_ts / DAY_SECONDS)),
        lapsed=data["lapsed"] > 0, last_purchase_ts=last_ts)
    table = np.nan_to_num
    vectors = needs.matrix(
        channel=table(np.column_stack([data[f"channel:{c}"] for c in needs.CHANNELS])),
        daypart=table(np.column_stack([data[f"daypart:{d}"] for d in DAYPARTS])),
        category=table(np.column_stack([data[f"category:{i}"] for i in range(len(data.categories))])
                       if data.categories else np.zeros((len(data), 0))),
        category_total=table(data["category_total"]), interactions=table(data["interactions"]),
        monetary=data["monetary"], frequency=frequency, offers=table(data["offers"]))
    return cols, vectors


def _fit_needs(data: Loaded, vectors: np.ndarray, *, k_max: int) -> dict[str, Any] | None:  # type: ignore[type-arg]
    """k-means on a sample of the population's behavioural vectors (every n-th customer in id
    order, so the sample and the seed make the clustering deterministic)."""
    order = np.argsort(data["customer_id"], kind="stable")  # object array: no fixed-width copy of long ids
    if len(order) > NEEDS_FIT_SAMPLE:
        order = order[(np.arange(NEEDS_FIT_SAMPLE) * (len(order) / NEEDS_FIT_SAMPLE)).astype(np.int64)]
    return needs.fit(vectors[order], needs.feature_names(data.categories), k_max=k_max)
