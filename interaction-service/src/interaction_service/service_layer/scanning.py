"""The periodic trigger scan (lapse, birthday): on demand and as a background worker."""

from __future__ import annotations

import threading

from sqlalchemy.exc import IntegrityError

from idic import get_logger, utcnow

from ..api.schemas import ScanResult
from ..domain.triggers import TriggerConfig
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


def run_periodically(*, uow_factory: UowFactory, cfg: TriggerConfig, interval_s: float,
                     stop: threading.Event) -> None:
    """Scan every ``interval_s`` until stopped; a failed scan is logged and tried next period."""
    while not stop.wait(interval_s):
        try:
            scan_now(uow_factory=uow_factory, cfg=cfg)
        except Exception as exc:  # noqa: BLE001 - keep the worker alive; the next period retries
            log.warning("trigger scan failed", error=repr(exc))
