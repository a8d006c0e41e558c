"""App factory of interaction-service."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app
from idic.contracts.identity import TOPIC as IDENTITY_TOPIC
from idic.contracts.interaction import TOPIC
from idic.contracts.treatment import TOPIC as TREATMENT_TOPIC

from .adapters.orm import messaging
from .adapters.uow import InteractionUnitOfWork
from .api.routes import internal, record_policy, router
from .config import Settings
from .service_layer.handlers import build_handlers
from .service_layer.scanning import run_periodically

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package


class InteractionRuntime(ServiceRuntime[InteractionUnitOfWork]):
    """idic's runtime plus the periodic trigger scan, which runs wherever the consumers run."""

    settings: Settings

    def start_workers(self, *, relay: bool = True, consumers: bool = True) -> None:
        super().start_workers(relay=relay, consumers=consumers)
        if consumers and self.settings.trigger_scan_interval_s > 0:
            self._spawn("trigger-scan", self._run_scan)

    def _run_scan(self, stop: threading.Event) -> None:
        run_periodically(uow_factory=self.uow, cfg=self.settings.triggers,
                         interval_s=self.settings.trigger_scan_interval_s, stop=stop)


def build_runtime(settings: Settings) -> InteractionRuntime:
    """Engine, unit of work, the outbox relay (idic.interaction), the identity and treatment consumer."""
    handlers = build_handlers(record_policy(settings), offer_response_channel=settings.offer_response_channel)
    return InteractionRuntime(
        settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging, uow_class=InteractionUnitOfWork,
        produces=(TOPIC,),
        consumers=(ConsumerSpec(group_id=settings.group_id, topics=(IDENTITY_TOPIC, TREATMENT_TOPIC),
                                handlers=handlers),),
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The interaction-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="interaction-service", version="0.2.0",
        description="Interact: records every interaction on every channel in context; channel economics, "
                    "feedback, triggers and life events.",
        settings=settings, runtime_factory=lambda: build_runtime(settings), routers=[router, internal],
    )
