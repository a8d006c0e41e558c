"""App factory of treatment-service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, ServiceRuntime, create_service_app
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

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package


def build_runtime(settings: Settings) -> ServiceRuntime[TreatmentUnitOfWork]:
    """Engine, unit of work and workers: consumes scoring, interaction and identity; produces treatment."""
    consumer = ConsumerSpec(group_id=settings.group_id, topics=(SCORING_TOPIC, INTERACTION_TOPIC, IDENTITY_TOPIC),
                            handlers=HANDLERS)
    return ServiceRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                          uow_class=TreatmentUnitOfWork, produces=(TOPIC,), consumers=(consumer,))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The treatment-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="treatment-service", version="0.2.0",
        description="Customize: next-best-actions and real-time treatments from each customer's context.",
        settings=settings, runtime_factory=lambda: build_runtime(settings), routers=[router, rules_router, internal],
    )
