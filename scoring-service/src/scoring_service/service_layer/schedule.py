"""The schedule: refit + re-score, and the RFM/tier/needs refresh, submitted as jobs by one leader.

Every ``check_interval_s`` the leader compares the population (customers with a purchase,
repeat buyers) with what the last fit and the last refresh saw, and queues what is due. On
PostgreSQL the leader is whoever holds a session advisory lock on a dedicated connection (one
instance schedules; if it dies its session ends and another takes over at its next check); on
SQLite the process is the leader."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from idic import JobConflict, Jobs, get_logger, utcnow

from ..adapters.locks import LeaderLock
from .jobs import CLV_FIT, RFM_REFRESH
from .population import UowFactory

log = get_logger(__name__)
SYSTEM = "system:schedule"


@dataclass(frozen=True)
class Cadence:
    """When the schedule refits and refreshes (from Settings)."""

    check_interval_s: float = 20.0
    refit_interval_s: float = 86_400.0
    refresh_interval_s: float = 3_600.0
    min_repeat_buyers: int = 30
    growth_share: float = 0.2
    retry_after_failure_s: float = 600.0
    time_unit: str = "weeks"


def due(*, cadence: Cadence, now: dt.datetime, purchasers: int, repeat_buyers: int,
        models: dict[str, dict[str, Any]]) -> list[str]:
    """The job kinds due now, from the population counts and the stored models (pure)."""
    kinds = []

    def stale(model: dict[str, Any] | None, interval_s: float, seen_key: str) -> bool:
        if model is None:
            return True
        grew = purchasers >= (1 + cadence.growth_share) * int(model.get(seen_key) or 0) and purchasers > 0
        return grew or (now - model["fitted_at"]).total_seconds() >= interval_s

    clv = models.get("clv")
    if (cadence.refit_interval_s > 0 and repeat_buyers >= cadence.min_repeat_buyers
            and stale(clv, cadence.refit_interval_s, "customers")):
        kinds.append(CLV_FIT)  # the fit re-scores everyone: a refresh with it would be redundant
    elif cadence.refresh_interval_s > 0 and purchasers > 0 and stale(models.get("population"),
                                                                    cadence.refresh_interval_s, "purchasers"):
        kinds.append(RFM_REFRESH)
    return kinds


class Scheduler:
    """``run(stop)``: the schedule's loop (a thread of the worker process)."""

    def __init__(self, *, leader: LeaderLock, jobs: Jobs, uow_factory: UowFactory, cadence: Cadence,
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._leader = leader
        self._leading = False
        self._jobs = jobs
        self._uow_factory = uow_factory
        self.cadence = cadence
        self._clock = clock
        self.wake = threading.Event()

    def run(self, stop: threading.Event) -> None:
        """Check soon after start, then every ``check_interval_s``, until ``stop``."""
        self.wake.wait(min(2.0, self.cadence.check_interval_s))
        while not stop.is_set():
            try:
                if self._is_leader():
                    self.tick()
            except Exception as exc:  # noqa: BLE001 - the database may be away: try again next time
                log.warning("schedule check failed", error=repr(exc))
                self._resign()
            self.wake.wait(self.cadence.check_interval_s)
        self._resign()

    def tick(self) -> list[str]:
        """Queue the jobs due now (skipping a kind queued, running, or failed a moment ago); their ids."""
        now = self._clock()
        with self._uow_factory() as uow:
            purchasers, repeat_buyers = uow.population.counts()
            models = uow.models.all()
        submitted = []
        for kind in due(cadence=self.cadence, now=now, purchasers=purchasers, repeat_buyers=repeat_buyers,
                        models=models):
            if self._recently_failed(kind, now) or self._busy():
                continue
            params = ({"calibration_end": now.isoformat(), "time_unit": self.cadence.time_unit}
                      if kind == CLV_FIT else {})
            try:
                job = self._jobs.submit(kind=kind, params=params, created_by=SYSTEM)
            except JobConflict:
                continue
            log.info("scheduled a job", kind=kind, job_id=job.job_id, purchasers=purchasers,
                     repeat_buyers=repeat_buyers)
            submitted.append(job.job_id)
        return submitted

    def _busy(self) -> bool:
        """A population job is already queued or running (they would redo each other's work)."""
        return any(self._jobs.list(kind=kind, status=status, limit=1)
                   for kind in (CLV_FIT, RFM_REFRESH) for status in ("queued", "running"))

    def _recently_failed(self, kind: str, now: dt.datetime) -> bool:
        """The last job of the kind failed within ``retry_after_failure_s``: do not hammer a failing fit."""
        last = self._jobs.list(kind=kind, limit=1)
        return bool(last and last[0].status == "failed" and last[0].finished_at is not None
                    and (now - last[0].finished_at).total_seconds() < self.cadence.retry_after_failure_s)

    def _is_leader(self) -> bool:
        if self._leader.acquire():
            if not self._leading:
                self._leading = True
                log.info("this process now leads the schedule")
            return True
        return False

    def _resign(self) -> None:
        self._leader.release()
        self._leading = False
