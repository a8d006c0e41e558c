"""App factory of identity-service."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI
from sqlalchemy import event

from idic import Jobs, ServiceRuntime, create_service_app, jobs_router
from idic.contracts.identity import TOPIC

from .adapters.orm import jobs as jobs_table
from .adapters.orm import messaging
from .adapters.uow import IdentityUnitOfWork
from .api.routes import internal, models, reviews, router
from .config import Settings
from .service_layer import dedupe, training
from .service_layer.models import ModelCache

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package
SQLITE_CACHE_KIB = 256 * 1024


class IdentityRuntime(ServiceRuntime[IdentityUnitOfWork]):
    """idic's runtime plus the jobs worker (training the match model, deduplicating the stored customers)."""

    def __init__(self, *, models: ModelCache, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # self.settings is identity's Settings (build_runtime), typed as idic's ServiceSettings
        self.jobs = Jobs(engine=self.engine, table=jobs_table, prefix="identity",
                         kinds={**training.job_kinds(uow_factory=self.uow, on_trained=models.invalidate),
                                **dedupe.job_kinds(uow_factory=self.uow, settings=cast(Settings, self.settings),
                                                   models=models)})
        self.add_worker("jobs", self.jobs.run, wake=self.jobs.wake)


def build_runtime(settings: Settings, models: ModelCache | None = None) -> IdentityRuntime:
    """Engine, unit of work and workers (identity only produces; it consumes nothing yet); ``models``
    is the cache a finished training invalidates."""
    runtime = IdentityRuntime(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging,
                              uow_class=IdentityUnitOfWork, produces=(TOPIC,),
                              models=models or ModelCache(refresh_s=settings.model_refresh_s))
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
    cache = ModelCache(refresh_s=settings.model_refresh_s)
    app = create_service_app(
        title="identity-service", version="0.2.0",
        description="Identify: resolves every identifier and fuzzy personal data to one golden customer.",
        settings=settings, runtime_factory=lambda: build_runtime(settings, cache),
        routers=[router, reviews, models, jobs_router(lambda request: request.app.state.runtime.jobs), internal],
    )
    app.state.models = cache
    return app
