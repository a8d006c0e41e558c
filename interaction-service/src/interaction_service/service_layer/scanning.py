"""The periodic trigger scan (lapse, birthday): a job (kind ``triggers_scan``), asked for by the
API or submitted on a schedule."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from idic import Jobs, get_logger, utcnow
from idic.jobs import JobConflict, JobFn, Progress

from ..domain.triggers import ScanResult, TriggerConfig
from .detection import scan
from .record import UowFactory

log = get_logger(__name__)


def scan_now(*, uow_factory: UowFactory, cfg: TriggerConfig) -> ScanResult:
    """One scan in one transaction; a concurrent scan that stored a trigger first makes us retry once."""
    now = utcnow()
    for attempt in range(2):
        try:
            with uow_factory() as uow:
                fired = scan(uow=uow, cfg=cfg, now=now)
                uow.commit()
                return ScanResult(fired=fired, scanned_at=now)
        except IntegrityError:
            if attempt == 1:
                raise
    raise AssertionError("unreachable")


SCAN = "triggers_scan"
SCHEDULE_ACTOR = "system:schedule"


def job_kinds(*, uow_factory: UowFactory, cfg: TriggerConfig,
              as_json: Callable[[ScanResult], dict[str, Any]]) -> dict[str, JobFn]:
    """The jobs this service runs: the scan, whose result is what it fired. A job's result is part of the
    public API (``GET /v1/jobs/{id}``): ``as_json`` writes it as the API does."""
    def run_scan(_params: dict[str, Any], progress: Progress) -> dict[str, Any]:
        progress(0, 1)
        result = scan_now(uow_factory=uow_factory, cfg=cfg)
        progress(1, 1)
        return as_json(result)
    return {SCAN: run_scan}


def schedule_scans(*, jobs: Jobs, interval_s: float, stop: threading.Event) -> None:
    """Submit a scan every ``interval_s`` until stopped. Every instance may do so: the jobs table lets
    one scan be queued or running at a time, so the others' submits are refused (and skipped)."""
    while not stop.wait(interval_s):
        try:
            jobs.submit(kind=SCAN, created_by=SCHEDULE_ACTOR)
        except JobConflict:
            pass  # a scan is already queued or running
        except Exception as exc:  # noqa: BLE001 - keep the schedule alive; the next period retries
            log.warning("could not schedule the trigger scan", error=repr(exc))
