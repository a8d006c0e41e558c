"""App factory of interaction-service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app
from idic.contracts.identity import TOPIC as IDENTITY_TOPIC
from idic.contracts.interaction import TOPIC

from .adapters.orm import messaging
from .adapters.uow import InteractionUnitOfWork
from .api.routes import internal, router
from .config import Settings
from .service_layer.handlers import HANDLERS

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package


def build_runtime(settings: Settings) -> ServiceRuntime[InteractionUnitOfWork]:
    """Engine, unit of work, the outbox relay (idic.interaction) and the identity consumer."""
    return ServiceRuntime(
        settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging, uow_class=InteractionUnitOfWork,
        produces=(TOPIC,),
        consumers=(ConsumerSpec(group_id=settings.group_id, topics=(IDENTITY_TOPIC,), handlers=HANDLERS),),
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The interaction-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="interaction-service", version="0.1.0",
        description="Interact: records every interaction on every channel, newest first per customer.",
        settings=settings, runtime_factory=lambda: build_runtime(settings), routers=[router, internal],
    )
