"""App factory of identity-service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from idic import ServiceRuntime, create_service_app
from idic.contracts.identity import TOPIC

from .adapters.orm import messaging
from .adapters.uow import IdentityUnitOfWork
from .api.routes import internal, models, reviews, router
from .config import Settings
from .service_layer.models import ModelCache

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package


def build_runtime(settings: Settings) -> ServiceRuntime[IdentityUnitOfWork]:
    """Engine, unit of work and workers (identity only produces; it consumes nothing yet)."""
    return ServiceRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                          uow_class=IdentityUnitOfWork, produces=(TOPIC,))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The identity-service ASGI app."""
    settings = settings or Settings()
    app = create_service_app(
        title="identity-service", version="0.2.0",
        description="Identify: resolves every identifier and fuzzy personal data to one golden customer.",
        settings=settings, runtime_factory=lambda: build_runtime(settings),
        routers=[router, reviews, models, internal],
    )
    app.state.models = ModelCache(refresh_s=settings.model_refresh_s)
    return app
