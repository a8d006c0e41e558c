"""The common shape of a service's FastAPI app: lifespan, middleware, errors, health."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from .logs import configure_logging
from .middleware import BodyGuardMiddleware, RequestContextMiddleware
from .problems import install_problem_handlers
from .public.operations import operation_id
from .runtime import ServiceRuntime
from .settings import ServiceSettings


def health_router(readiness: Callable[[Request], dict[str, bool]]) -> APIRouter:
    """/healthz (the process is alive), /readyz (its dependencies answer), /metrics."""
    router = APIRouter(tags=["operations"])

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


def create_service_app(*, title: str, version: str, description: str, settings: ServiceSettings,
                       runtime_factory: Callable[[], ServiceRuntime[Any]],
                       routers: Sequence[APIRouter]) -> FastAPI:
    """A service app whose lifespan migrates, starts workers, and tears them down."""
    configure_logging(service=settings.service_name, level=settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
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
    for router in routers:
        app.include_router(router)
    return app
