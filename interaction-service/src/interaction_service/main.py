"""App factory of interaction-service."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from idic import ConsumerSpec, Jobs, ServiceRuntime, create_service_app, jobs_router
from idic.contracts.identity import TOPIC as IDENTITY_TOPIC
from idic.contracts.interaction import TOPIC
from idic.contracts.treatment import TOPIC as TREATMENT_TOPIC

from .adapters.orm import jobs as jobs_table
from .adapters.orm import messaging
from .adapters.uow import InteractionUnitOfWork
from .api import bodies
from .api.routes import internal, router
from .config import Settings
from .service_layer.handlers import build_handlers, identity_events_first
from .service_layer.scanning import job_kinds, schedule_scans

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package


class InteractionRuntime(ServiceRuntime[InteractionUnitOfWork]):
    """idic's runtime plus the jobs (the trigger scan) and its schedule, run wherever the consumers run."""

    settings: Settings

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.jobs = Jobs(engine=self.engine, table=jobs_table, prefix="interaction",
                         kinds=job_kinds(uow_factory=self.uow, cfg=self.settings.triggers, as_json=bodies.trigger_scan))
        self.add_worker("jobs", self.jobs.run, wake=self.jobs.wake)
        if self.settings.trigger_scan_interval_s > 0:
            self.add_worker("trigger-scan-schedule", self._schedule)

    def _schedule(self, stop: threading.Event) -> None:
        schedule_scans(jobs=self.jobs, interval_s=self.settings.trigger_scan_interval_s, stop=stop)


def build_runtime(settings: Settings) -> InteractionRuntime:
    """Engine, unit of work, the outbox relay (idic.interaction), the identity and treatment consumer."""
    return InteractionRuntime(
        settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging, uow_class=InteractionUnitOfWork,
        produces=(TOPIC,),
        consumers=(ConsumerSpec(group_id=settings.group_id, topics=(IDENTITY_TOPIC, TREATMENT_TOPIC),
                                handlers=build_handlers(settings), prepare=identity_events_first),),
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The interaction-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="interaction-service", version="0.2.0",
        description="Interact: records every interaction on every channel in context; channel economics, "
                    "feedback, triggers and life events.",
        settings=settings, runtime_factory=lambda: build_runtime(settings),
        routers=[router, jobs_router(lambda request: request.app.state.runtime.jobs), internal],
    )
