"""App factory of treatment-service."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app, get_logger, utcnow
from idic.contracts.identity import TOPIC as IDENTITY_TOPIC
from idic.contracts.interaction import TOPIC as INTERACTION_TOPIC
from idic.contracts.scoring import TOPIC as SCORING_TOPIC
from idic.contracts.treatment import TOPIC

from .adapters.orm import messaging
from .adapters.uow import TreatmentUnitOfWork
from .api.routes import internal, router
from .api.rule_routes import rules_router
from .config import Settings
from .service_layer.handlers import HANDLERS
from .service_layer.outcomes import expire_due

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package
log = get_logger(__name__)


class TreatmentRuntime(ServiceRuntime[TreatmentUnitOfWork]):
    """idic's runtime plus the expiry sweep (unanswered treatments become ignored), next to the consumer."""

    def start_workers(self, *, relay: bool = True, consumers: bool = True) -> None:
        super().start_workers(relay=relay, consumers=consumers)
        settings: Settings = self.settings  # type: ignore[assignment]
        if consumers and settings.expiry_sweep_interval_s > 0:
            self._spawn("treatment-expiry", self._run_expiry)

    def _run_expiry(self, stop: threading.Event) -> None:
        settings: Settings = self.settings  # type: ignore[assignment]
        while not stop.wait(settings.expiry_sweep_interval_s):
            try:
                # a full batch means more are due: go on without waiting for the next tick
                while expire_due(now=utcnow(), batch=settings.expiry_sweep_batch,
                                 uow_factory=self.uow) >= settings.expiry_sweep_batch and not stop.is_set():
                    pass
            except Exception as exc:  # noqa: BLE001 - a failed round is retried at the next tick
                log.warning("expiry sweep failed", error=repr(exc))


def build_runtime(settings: Settings) -> ServiceRuntime[TreatmentUnitOfWork]:
    """Engine, unit of work and workers: consumes scoring, interaction and identity; produces treatment."""
    consumer = ConsumerSpec(group_id=settings.group_id, topics=(SCORING_TOPIC, INTERACTION_TOPIC, IDENTITY_TOPIC),
                            handlers=HANDLERS)
    return TreatmentRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                          uow_class=TreatmentUnitOfWork, produces=(TOPIC,), consumers=(consumer,))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The treatment-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="treatment-service", version="0.2.0",
        description="Customize: next-best-actions and real-time treatments from each customer's context.",
        settings=settings, runtime_factory=lambda: build_runtime(settings), routers=[router, rules_router, internal],
    )
