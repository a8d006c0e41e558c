"""The common shape of a service's FastAPI app: lifespan, middleware, errors, health."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, FastAPI, Query, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from .logs import configure_logging
from .middleware import BodyGuardMiddleware, RequestContextMiddleware
from .problems import ProblemError, install_problem_handlers
from .public.operations import operation_id
from .routing import ServiceRouter
from .runtime import ServiceRuntime
from .settings import ServiceSettings


def health_router(readiness: Callable[[Request], dict[str, bool]]) -> APIRouter:
    """/healthz (the process is alive), /readyz (its dependencies answer), /metrics."""
    router = ServiceRouter(tags=["operations"])

    @router.get("/healthz", summary="Liveness", responses={200: {"content": {"application/json": {
        "example": {"status": "ok"}}}}})
    def healthz() -> dict[str, str]:
        """Alive: the process answers HTTP."""
        return {"status": "ok"}

    @router.get("/readyz", summary="Readiness", responses={
        200: {"content": {"application/json": {"example": {"status": "ready", "checks": {"database": True,
                                                                                        "kafka": True}}}}},
        503: {"description": "A dependency is down"}})
    async def readyz(request: Request) -> JSONResponse:
        """Ready when every dependency (database, Kafka, ...) answers; 503 otherwise."""
        checks = await run_in_threadpool(readiness, request)
        ready = all(checks.values())
        return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                            status_code=200 if ready else 503)

    @router.get("/metrics", summary="Prometheus metrics", response_class=Response, responses={
        200: {"content": {"text/plain": {"example": "idic_outbox_pending 0.0\n"}}}})
    def metrics() -> Response:
        """Prometheus text exposition of this process's metrics."""
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def dead_letters_router() -> APIRouter:
    """/internal/dead-letters: what each consumer group of this service could not apply, and applying it
    again after a fix (``idic.redrive``). Internal: the gateway routes no /internal path."""
    router = ServiceRouter(prefix="/internal/dead-letters", tags=["operations"])
    problem: dict[str, Any] = {"content": {"application/problem+json": {}}}
    errors: dict[int | str, dict[str, Any]] = {404: {"description": "No such consumer group here", **problem},
                                               422: {"description": "Invalid group or limit", **problem}}

    def groups(request: Request, group: str | None) -> dict[str, Any]:
        from .redrive import dead_letters_of

        letters = dead_letters_of(request.app.state.runtime)
        if group is not None and group not in letters:
            raise ProblemError(404, "Not Found", f"no consumer group {group!r} here (groups: {sorted(letters)})")
        return {g: d for g, d in letters.items() if group in (None, g)}

    @router.get("", summary="Dead letters not applied yet", responses=errors)
    def dead_letters(request: Request, group: Annotated[str | None, Query(max_length=255)] = None,
                     limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
        """Per consumer group, up to ``limit`` dead-lettered messages not applied again yet: why, after how
        many tries, where from, which event."""
        found = {g: [asdict(d) for d in letters.pending(limit=limit)] for g, letters in groups(request, group).items()}
        return {"groups": found}

    @router.post(":redrive", summary="Apply dead letters again", responses=errors)
    def redrive(request: Request, group: Annotated[str | None, Query(max_length=255)] = None,
                limit: Annotated[int | None, Query(ge=1, le=100_000)] = None) -> dict[str, Any]:
        """Apply each group's dead letters again (at most ``limit`` a group) through its handlers and inbox:
        how many were applied, were duplicates, or were dead-lettered again."""
        return {"groups": {g: letters.redrive(limit=limit) for g, letters in groups(request, group).items()}}

    return router


def create_service_app(*, title: str, version: str, description: str, settings: ServiceSettings,
                       runtime_factory: Callable[[], ServiceRuntime[Any]],
                       routers: Sequence[APIRouter]) -> FastAPI:
    """A service app whose lifespan migrates, starts workers, and tears them down."""
    configure_logging(service=settings.service_name, level=settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the endpoints are synchronous (SQLAlchemy sync) and run in anyio's thread pool, in this process
        to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
        runtime = runtime_factory()
        if settings.migrate_on_start:
            await run_in_threadpool(runtime.migrate)
        if settings.run_workers:
            runtime.start_workers()
        app.state.runtime = runtime
        try:
            yield
        finally:
            await run_in_threadpool(runtime.stop)

    app = FastAPI(title=title, version=version, description=description, lifespan=lifespan,
                  generate_unique_id_function=operation_id)
    app.state.settings = settings
    install_problem_handlers(app)
    app.add_middleware(BodyGuardMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(health_router(lambda request: request.app.state.runtime.readiness()))
    app.include_router(dead_letters_router())
    for router in routers:
        app.include_router(router)
    return app
