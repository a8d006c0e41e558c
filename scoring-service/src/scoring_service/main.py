"""App factory of scoring-service."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app, utcnow
from idic.contracts import identity, interaction, scoring
from idic.logs import get_logger

from .adapters.orm import messaging
from .adapters.uow import ScoringUnitOfWork
from .api.routes import internal, router
from .config import Settings
from .service_layer import handlers, population
from .service_layer.handlers import HANDLERS

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package
log = get_logger(__name__)


class ScoringRuntime(ServiceRuntime[ScoringUnitOfWork]):
    """idic's runtime plus the scheduled population refresh, run next to the consumer."""

    def start_workers(self, *, relay: bool = True, consumers: bool = True) -> None:
        super().start_workers(relay=relay, consumers=consumers)
        settings: Settings = self.settings  # type: ignore[assignment]
        if consumers and settings.refresh_interval_s > 0:
            self._spawn("population-refresh", self._run_refresh)

    def _run_refresh(self, stop: threading.Event) -> None:
        settings: Settings = self.settings  # type: ignore[assignment]
        while not stop.wait(settings.refresh_interval_s):
            try:
                population.refresh(uow_factory=self.uow, now=utcnow(), config=settings.scoring,
                                   k_max=settings.needs_k_max)
            except Exception as exc:  # noqa: BLE001 - a failed run is retried at the next tick
                log.warning("population refresh failed", error=repr(exc))


def build_runtime(settings: Settings) -> ServiceRuntime[ScoringUnitOfWork]:
    """Engine, unit of work, outbox relay (idic.scoring), the consumer of interactions and identity,
    and the scheduled population refresh."""
    handlers.CONFIG["scoring"] = settings.scoring
    consumer = ConsumerSpec(group_id=settings.group_id, topics=(interaction.TOPIC, identity.TOPIC), handlers=HANDLERS)
    return ScoringRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                          uow_class=ScoringUnitOfWork, produces=(scoring.TOPIC,), consumers=(consumer,))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The scoring-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="scoring-service", version="0.1.0",
        description="Differentiate: the value of every customer, kept up to date from interaction events.",
        settings=settings, runtime_factory=lambda: build_runtime(settings), routers=[router, internal],
    )
