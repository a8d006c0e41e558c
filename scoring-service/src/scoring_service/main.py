"""App factory of scoring-service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app
from idic.contracts import identity, interaction, scoring

from .adapters.orm import messaging
from .adapters.uow import ScoringUnitOfWork
from .api.routes import internal, router
from .config import Settings
from .service_layer.handlers import HANDLERS

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package


def build_runtime(settings: Settings) -> ServiceRuntime[ScoringUnitOfWork]:
    """Engine, unit of work, outbox relay (idic.scoring) and the consumer of interactions and identity."""
    consumer = ConsumerSpec(group_id=settings.group_id, topics=(interaction.TOPIC, identity.TOPIC), handlers=HANDLERS)
    return ServiceRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                          uow_class=ScoringUnitOfWork, produces=(scoring.TOPIC,), consumers=(consumer,))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The scoring-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="scoring-service", version="0.1.0",
        description="Differentiate: the value of every customer, kept up to date from interaction events.",
        settings=settings, runtime_factory=lambda: build_runtime(settings), routers=[router, internal],
    )
