"""App factory of treatment-service."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app, get_logger, utcnow
from idic.contracts import TOPICS
from idic.contracts.identity import TOPIC as IDENTITY_TOPIC
from idic.contracts.interaction import TOPIC as INTERACTION_TOPIC
from idic.contracts.scoring import TOPIC as SCORING_TOPIC
from idic.contracts.treatment import TOPIC

from .adapters.orm import messaging
from .adapters.uow import TreatmentUnitOfWork
from .adapters.webhook_http import WebhookPoster
from .api.routes import internal, reports_router, router, rules_router, webhooks_router
from .config import Settings
from .domain.webhooks import DueDelivery, SendResult
from .service_layer.handlers import build_handlers, prepare_batch
from .service_layer.outcomes import expire_due
from .service_layer.reports import fold_report_changes
from .service_layer.webhook_sending import Schedule, deliver_due, prune_finished
from .service_layer.webhooks import build_fan_out_handlers

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package
PRUNE_EVERY_S = 600.0  # finished webhook deliveries past their retention are deleted this often
log = get_logger(__name__)


class TreatmentRuntime(ServiceRuntime[TreatmentUnitOfWork]):
    """idic's runtime plus the expiry sweep (unanswered treatments become ignored, then the treatments
    report's changes are folded) and the webhook sender, next to the consumers."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        settings: Settings = self.settings  # type: ignore[assignment]
        self.webhook_wake = threading.Event()
        if settings.webhook_send_interval_s > 0:
            self.add_worker("webhook-sender", self._run_webhook_sender, wake=self.webhook_wake)

    def uow(self) -> TreatmentUnitOfWork:
        """A fresh unit of work; committing it wakes the relay, and the sender when deliveries became due."""
        uow = super().uow()
        uow.on_deliveries_due = self.webhook_wake.set
        return uow

    def start_workers(self, *, relay: bool = True, consumers: bool = True) -> None:
        super().start_workers(relay=relay, consumers=consumers)
        settings: Settings = self.settings  # type: ignore[assignment]
        if consumers and settings.expiry_sweep_interval_s > 0:
            self._spawn("treatment-expiry", self._run_expiry)

    def _run_expiry(self, stop: threading.Event) -> None:
        """The expiry sweep, then the fold of the treatments report's changes into its day rows (the
        report reads both; folding keeps what it reads small)."""
        settings: Settings = self.settings  # type: ignore[assignment]
        while not stop.wait(settings.expiry_sweep_interval_s):
            try:
                # a full batch means more are due: go on without waiting for the next tick
                while expire_due(now=utcnow(), batch=settings.expiry_sweep_batch,
                                 uow_factory=self.uow) >= settings.expiry_sweep_batch and not stop.is_set():
                    pass
            except Exception as exc:  # noqa: BLE001 - a failed round is retried at the next tick
                log.warning("expiry sweep failed", error=repr(exc))
            try:
                fold_report_changes(uow_factory=self.uow)
            except Exception as exc:  # noqa: BLE001 - the changes stay; folded at the next tick
                log.warning("treatments report fold failed", error=repr(exc))

    def _run_webhook_sender(self, stop: threading.Event) -> None:
        """Send due deliveries until stopped: woken by new ones, else every webhook_send_interval_s."""
        settings: Settings = self.settings  # type: ignore[assignment]
        poster = WebhookPoster(timeout_s=settings.webhook_timeout_s)
        pool = ThreadPoolExecutor(settings.webhook_concurrency, thread_name_prefix="webhook-post")
        schedule = Schedule(base_s=settings.webhook_retry_base_s, cap_s=settings.webhook_retry_cap_s,
                            lease_s=settings.webhook_lease_s)

        def send(due: list[DueDelivery]) -> list[SendResult]:
            return list(pool.map(lambda d: poster.post(d, at=utcnow()), due))

        pruned_at = 0.0
        try:
            while not stop.is_set():
                if time.monotonic() - pruned_at > PRUNE_EVERY_S:
                    pruned_at = time.monotonic()
                    try:
                        prune_finished(now=utcnow(), retention_s=settings.webhook_retention_s, uow_factory=self.uow)
                    except Exception as exc:  # noqa: BLE001 - tried again at the next prune time
                        log.warning("webhook deliveries prune failed", error=repr(exc))
                self.webhook_wake.clear()  # a commit after this point wakes the wait below
                try:
                    sent = deliver_due(batch=settings.webhook_batch, schedule=schedule, send=send,
                                       uow_factory=self.uow)
                except Exception as exc:  # noqa: BLE001 - the leases expire; retried at the next round
                    log.warning("webhook sender round failed", error=repr(exc))
                    sent = 0
                if sent < settings.webhook_batch:
                    self.webhook_wake.wait(settings.webhook_send_interval_s)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            poster.close()


def build_runtime(settings: Settings) -> ServiceRuntime[TreatmentUnitOfWork]:
    """Engine, unit of work and workers: consumes scoring, interaction and identity; produces treatment;
    a second group fans every event out to webhook subscriptions."""
    consumer = ConsumerSpec(group_id=settings.group_id, topics=(SCORING_TOPIC, INTERACTION_TOPIC, IDENTITY_TOPIC),
                            handlers=build_handlers(settings), prepare=prepare_batch)
    webhooks = ConsumerSpec(group_id=settings.webhook_group_id, topics=TOPICS,
                            handlers=build_fan_out_handlers(settings))
    return TreatmentRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                            uow_class=TreatmentUnitOfWork, produces=(TOPIC,), consumers=(consumer, webhooks))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The treatment-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="treatment-service", version="0.3.0",
        description="Customize: next-best-actions and real-time treatments from each customer's context; "
                    "webhooks deliver the platform's events to subscribers.",
        settings=settings, runtime_factory=lambda: build_runtime(settings),
        routers=[router, rules_router, reports_router, webhooks_router, internal],
    )
