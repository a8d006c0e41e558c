"""App factory of the gateway: no database; pooled HTTP clients of the four services, and a view cache kept
true by the customer events on Kafka."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import ResponseValidationError
from fastapi.middleware.cors import CORSMiddleware

from idic import (
    BodyGuardMiddleware,
    ProblemError,
    RequestContextMiddleware,
    configure_logging,
    get_logger,
    install_problem_handlers,
)
from idic.contracts import TOPICS
from idic.problems import problem_response
from idic.public.operations import operation_id

from .adapters.change_feed import ChangeFeed
from .adapters.clients import (
    Clients,
    IdentityClient,
    InteractionClient,
    ScoringClient,
    Timeouts,
    TreatmentClient,
    UpstreamClientError,
)
from .adapters.clients.aiohttp_transport import AiohttpTransport
from .api.errors import install_error_handlers
from .api.headers import SecurityHeadersMiddleware
from .api.proxy import problem_media_types, public_answer
from .api.routes import (
    console,
    customers,
    erasures,
    interactions,
    jobs,
    operations,
    reports,
    reviews,
    scoring,
    treatment,
    webhooks,
)
from .api.routes.docs import install_docs
from .api.security import Limiters, declare_scopes
from .api.view_freshness import ForgetViewsOnWrites
from .config import DEV_KEY, Settings
from .domain.view_cache import ViewCache

log = get_logger("gateway")
DESCRIPTION = """The single public entry of the I-D-I-C customer platform: one customer, one face.

Authenticate with `Authorization: Bearer <api key>` or `X-API-Key: <api key>`. GET needs the
`read` scope, POST/PUT `write`; DELETE, the export and rule changes need `admin` (each operation
names its scope in its `security` requirements). Errors are
`application/problem+json` (RFC 9457)."""


def build_clients(settings: Settings, transports: Mapping[str, httpx.AsyncBaseTransport] | None = None) -> Clients:
    """One pooled client per service; ``transports`` (by short name) replace the network in tests."""
    transports = transports or {}
    timeouts = Timeouts(connect_s=settings.connect_timeout_s, total_s=settings.timeout_s)
    urls = settings.service_urls()

    def common(name: str) -> dict[str, Any]:
        transport = transports.get(name)
        if transport is None and settings.http_transport == "aiohttp":
            transport = AiohttpTransport(max_connections=settings.max_connections,
                                         max_response_bytes=settings.max_upstream_bytes)
        return {"base_url": urls[name], "timeouts": timeouts, "transport": transport,
                "max_connections": settings.max_connections, "max_response_bytes": settings.max_upstream_bytes,
                "max_keepalive_connections": settings.max_keepalive_connections}

    return Clients(identity=IdentityClient(**common("identity")),
                   interaction=InteractionClient(**common("interaction")),
                   scoring=ScoringClient(**common("scoring")),
                   treatment=TreatmentClient(**common("treatment")))


def create_app(settings: Settings | None = None, *,
               transports: Mapping[str, httpx.AsyncBaseTransport] | None = None) -> FastAPI:
    """The gateway ASGI app. Without IDIC_API_KEYS it refuses to start outside development."""
    settings = settings or Settings()
    configure_logging(service=settings.service_name, level=settings.log_level, json=settings.log_json)
    if settings.dev_key_in_use:
        log.warning("IDIC_API_KEYS is not set: the development key has every scope", key=DEV_KEY)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        clients = build_clients(settings, transports)
        app.state.clients = clients
        feed = None
        if view_cache is not None:
            feed = ChangeFeed(view_cache, kafka=settings.kafka, topics=TOPICS, readers=settings.view_cache_readers)
            feed.start()
        try:
            yield
        finally:
            if feed is not None:
                feed.stop()
            await clients.aclose()

    app = FastAPI(title="I-D-I-C gateway", version="1.0.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # served from local files by install_docs
                  generate_unique_id_function=operation_id)
    app.state.settings = settings
    view_cache = (ViewCache(max_age_s=settings.view_cache_max_age_s, max_entries=settings.view_cache_entries)
                  if settings.view_cache_max_age_s > 0 else None)
    app.state.view_cache = view_cache
    app.state.limiters = Limiters(settings)
    app.state.grants = settings.grants()  # each key's scopes and actor name, read once
    install_problem_handlers(app)
    install_error_handlers(app)

    @app.exception_handler(UpstreamClientError)
    async def _pass_through(request: Request, exc: UpstreamClientError) -> Response:
        try:
            return public_answer(request, exc.response, exc.service)
        except ProblemError as failure:
            return problem_response(failure.status, failure.title, failure.detail)

    @app.exception_handler(ResponseValidationError)
    async def _unvouched(request: Request, exc: ResponseValidationError) -> Response:
        # a composed answer (360 view, export, erasure status) built from data a service got wrong:
        # the service failed, not the caller; the details go to the log only
        log.warning("a composed answer failed its schema", path=request.url.path, errors=str(exc.errors())[:500])
        return problem_response(502, "Bad Gateway", "a service answered data the gateway cannot vouch for")

    if view_cache is not None:
        app.add_middleware(ForgetViewsOnWrites, cache=view_cache)
    app.add_middleware(BodyGuardMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                           allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type", "X-Request-ID", "Prefer",
                                          "If-Match"],
                           expose_headers=["X-Request-ID", "Retry-After", "Location", "Preference-Applied"],
                           max_age=600)
    app.add_middleware(SecurityHeadersMiddleware)  # outermost: every answer gets the headers
    app.include_router(operations.router)
    app.include_router(console.router)
    install_docs(app)
    openapi = app.openapi

    def public_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = declare_scopes(problem_media_types(openapi()))
        return app.openapi_schema

    app.openapi = public_openapi  # type: ignore[method-assign]
    # customers first: its fixed paths (/lookup, /merge) must win over /{customer_id}
    for router in (customers.search_router, customers.router, erasures.router, reviews.router,
                   interactions.router, scoring.router, treatment.router, reports.router, webhooks.router,
                   jobs.router):
        app.include_router(router)
    return app
