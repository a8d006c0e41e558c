"""scoring-service's jobs (idic.jobs kinds): the CLV fit with its re-score, and the RFM refresh."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from idic import JobFn, Progress, utcnow

from ..domain.scoring import UNIT_DAYS, ScoringConfig
from . import population

CLV_FIT, RFM_REFRESH = "clv_fit", "rfm_refresh"
PREFIX = "scoring"  # job ids scoring_<hex>: the gateway routes /v1/jobs/{id} by it


def fit_result(params: dict[str, Any]) -> dict[str, Any]:
    """The fit object of API.md from stored (or just fitted) CLV parameters."""
    return {"bgnbd": {k: params[k] for k in ("r", "alpha", "a", "b")},
            "gamma_gamma": {k: params[k] for k in ("p", "q", "v")},
            **{k: params[k] for k in ("customers", "fitted_at", "time_unit", "fit_seconds")},
            "calibration_end": dt.datetime.fromisoformat(params["calibration_end"]),  # stored as text
            **({"rescored": params["rescored"]} if "rescored" in params else {})}


def job_kinds(*, uow_factory: population.UowFactory, config: ScoringConfig, k_max: int,
              clock: Callable[[], dt.datetime] = utcnow) -> dict[str, JobFn]:
    """kind -> job function over this service's unit of work and settings."""

    def clv_fit(params: dict[str, Any], progress: Progress) -> dict[str, Any]:
        if params.get("time_unit", "weeks") not in UNIT_DAYS:
            raise ValueError(f"time_unit must be one of {sorted(UNIT_DAYS)}")
        end = dt.datetime.fromisoformat(params["calibration_end"]) if params.get("calibration_end") else clock()
        fitted = population.fit_clv(uow_factory=uow_factory, calibration_end=end,
                                    time_unit=params.get("time_unit", "weeks"), now=clock(), config=config,
                                    k_max=k_max, progress=progress)
        return fit_result(fitted)

    def rfm_refresh(params: dict[str, Any], progress: Progress) -> dict[str, Any]:
        return population.refresh(uow_factory=uow_factory, now=clock(), config=config, k_max=k_max,
                                  progress=progress)

    return {CLV_FIT: clv_fit, RFM_REFRESH: rfm_refresh}
