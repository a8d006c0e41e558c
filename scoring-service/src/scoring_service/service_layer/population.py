"""Population runs: fit the CLV models, refresh RFM quintiles, tier cut-offs and needs segments,
and re-score every customer (vectorised) in one transaction."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from idic import ProblemError
from idic.contracts import SegmentChanged

from ..adapters.uow import ScoringUnitOfWork
from ..domain import clv, needs
from ..domain.scoring import UNIT_DAYS, ScoringConfig, day_number, rfm_model, score_clv, tier_model, value_and_potential
from ..domain.value import is_material_change, snapshot
from .handlers import _scored_event
from .scorer import columns, score

UowFactory = Callable[[], ScoringUnitOfWork]
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
            config: ScoringConfig) -> dict[str, Any]:
    """Fit BG/NBD and Gamma-Gamma on every customer's purchases up to ``calibration_end``, store
    them, and re-score the population with them."""
    unit = UNIT_DAYS[time_unit]
    end = calibration_end.astimezone(dt.UTC).date()
    with uow_factory() as uow:
        data = calibration_arrays(uow.days.until(end), end=end, unit_days=unit)
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
    refresh(uow_factory=uow_factory, now=now, config=config)
    return {**params, "fitted_at": now}


def refresh(*, uow_factory: UowFactory, now: dt.datetime, config: ScoringConfig, k_max: int = 8) -> dict[str, Any]:
    """Recompute the population models (RFM quintiles, tier cut-offs, needs clusters) and every customer's scores."""
    with _lock, uow_factory() as uow:
        started = time.perf_counter()
        features = list(uow.features.all())
        models = uow.models.all()
        cols = columns(features, now=now)
        today = day_number(now.date())
        models["rfm"] = rfm_model(cols, today=today)
        clv_scores = score_clv(cols, models["clv"], today=today, config=config) if "clv" in models else {}
        net, gap = value_and_potential(cols, clv_scores, config=config)
        bought = cols.purchase_days > 0
        models["tiers"] = tier_model(net[bought], gap[bought], config=config)
        needs_model = _fit_needs(features, k_max=k_max)
        if needs_model is not None:
            models["needs"] = needs_model
        for kind in ("rfm", "tiers", "needs"):
            if kind in models:
                uow.models.put(kind, {k: v for k, v in models[kind].items() if k != "fitted_at"}, now=now)
        previous = uow.scores.all()
        scores = score(features, models=models, rule_segments=uow.segments.rules(), previous=previous, now=now,
                       config=config)
        announced, entered, left = 0, [], []
        for f, s in zip(features, scores, strict=True):
            before = previous.get(f.customer_id)
            if is_material_change(snapshot(f, before), snapshot(f, s)):
                uow.publish(_scored_event(f, s))
                announced += 1
            old = before.segments if before else []
            entered += [(seg, f.customer_id) for seg in s.segments if seg not in old]
            left += [(seg, f.customer_id) for seg in old if seg not in s.segments]
        uow.scores.save_many(scores, new_ids={s.customer_id for s in scores} - set(previous))
        uow.segments.bulk_membership(entered=entered, left=left, now=now)
        _announce_membership(uow, entered=entered, left=left, now=now)
        uow.commit()
    return {"customers": len(features), "refreshed_at": now, "rfm": models["rfm"], "tiers": models["tiers"],
            "needs": None if needs_model is None else {k: needs_model[k] for k in ("k", "silhouette", "ids")},
            "announced": announced, "seconds": round(time.perf_counter() - started, 3)}


def _announce_membership(uow: ScoringUnitOfWork, *, entered: list[tuple[str, str]], left: list[tuple[str, str]],
                         now: dt.datetime) -> None:
    for (segment_id, customer_id), flag in [*((e, True) for e in entered), *((x, False) for x in left)]:
        uow.publish(SegmentChanged(customer_id=customer_id, segment_id=segment_id, entered=flag, changed_at=now))


def _fit_needs(features: list[Any], *, k_max: int) -> dict[str, Any] | None:
    """k-means on a sample of the population's behavioural vectors (deterministic sample and seed)."""
    if len(features) > NEEDS_FIT_SAMPLE:
        step = len(features) / NEEDS_FIT_SAMPLE
        features = [features[int(i * step)] for i in range(NEEDS_FIT_SAMPLE)]
    categories = needs.top_categories(features)
    matrix = np.asarray([needs.vector(f, categories) for f in features]) if features else np.zeros((0, 1))
    return needs.fit(matrix, needs.feature_names(categories), k_max=k_max)
