"""App factory of scoring-service."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from idic import ConsumerSpec, Jobs, ServiceRuntime, create_service_app, jobs_router
from idic.contracts import identity, interaction, scoring
from idic.logs import get_logger

from .adapters.locks import schedule_leader_lock
from .adapters.orm import jobs as jobs_table
from .adapters.orm import messaging
from .adapters.uow import ScoringUnitOfWork
from .api.routes import internal, reports, router
from .config import Settings
from .service_layer.handlers import build_handlers, prepare_batch
from .service_layer.jobs import PREFIX, job_kinds
from .service_layer.schedule import Scheduler

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"  # migrations ship inside the package
log = get_logger(__name__)


class ScoringRuntime(ServiceRuntime[ScoringUnitOfWork]):
    """idic's runtime plus the jobs (clv_fit, rfm_refresh) and their schedule, run next to the consumer."""

    def __init__(self, *, settings: Settings, consumer: ConsumerSpec) -> None:
        super().__init__(settings=settings, alembic_ini=ALEMBIC_INI, tables=messaging, uow_class=ScoringUnitOfWork,
                         produces=(scoring.TOPIC,), consumers=(consumer,))
        self.jobs = Jobs(engine=self.engine, table=jobs_table, prefix=PREFIX, stale_after_s=settings.job_stale_after_s,
                         kinds=job_kinds(uow_factory=self.uow, config=settings.scoring, k_max=settings.needs_k_max))
        self.scheduler = Scheduler(leader=schedule_leader_lock(self.engine), jobs=self.jobs, uow_factory=self.uow,
                                   cadence=settings.cadence)
        # both run where the consumers run (the API process by default, or entrypoints/consumer.py)
        self.add_worker("jobs", self.jobs.run, wake=self.jobs.wake)
        if settings.schedule_check_interval_s > 0:
            self.add_worker("schedule", self.scheduler.run, wake=self.scheduler.wake)

    def start_jobs_worker(self) -> None:
        """Run the jobs worker alone (an API process without consumers, e.g. in tests)."""
        self._spawn("jobs", self.jobs.run)


def build_runtime(settings: Settings) -> ScoringRuntime:
    """Engine, unit of work, outbox relay (idic.scoring), the consumer of interactions and identity,
    the jobs worker and the schedule."""
    consumer = ConsumerSpec(group_id=settings.group_id, topics=(interaction.TOPIC, identity.TOPIC),
                            handlers=build_handlers(settings), prepare=prepare_batch)
    return ScoringRuntime(settings=settings, consumer=consumer)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The scoring-service ASGI app."""
    settings = settings or Settings()
    return create_service_app(
        title="scoring-service", version="0.1.0",
        description="Differentiate: the value of every customer, kept up to date from interaction events.",
        settings=settings, runtime_factory=lambda: build_runtime(settings),
        routers=[router, reports, jobs_router(lambda request: request.app.state.runtime.jobs, tags=("jobs",)),
                 internal],
    )
