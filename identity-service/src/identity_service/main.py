"""App factory of identity-service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy import event

from idic import ServiceRuntime, create_service_app
from idic.contracts.identity import TOPIC

from .adapters.orm import messaging
from .adapters.uow import IdentityUnitOfWork
from .api.routes import internal, models, reviews, router
from .config import Settings
from .service_layer.models import ModelCache

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package
SQLITE_CACHE_KIB = 256 * 1024


def build_runtime(settings: Settings) -> ServiceRuntime[IdentityUnitOfWork]:
    """Engine, unit of work and workers (identity only produces; it consumes nothing yet)."""
    runtime = ServiceRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                             uow_class=IdentityUnitOfWork, produces=(TOPIC,))
    if runtime.engine.dialect.name == "sqlite":
        event.listen(runtime.engine, "connect", _sqlite_page_cache)
    return runtime


def _sqlite_page_cache(dbapi_conn: Any, _record: Any) -> None:
    # SQLite caches 2 MB of pages per connection by default; a batch adds ~60,000 blocking keys
    # at random places of a B-tree many times that size, and would re-read pages it just wrote
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


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
