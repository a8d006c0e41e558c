"""App factory of the gateway: no database, no Kafka; pooled HTTP clients of the four services."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI, Request, Response

from idic import BodyGuardMiddleware, RequestContextMiddleware, configure_logging, get_logger, install_problem_handlers

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
from .api.proxy import upstream_response
from .api.routes import customers, interactions, operations, scoring, treatment
from .config import DEV_KEY, Settings

log = get_logger("gateway")
DESCRIPTION = """The single public entry of the I-D-I-C customer platform: one customer, one face.

Authenticate with `Authorization: Bearer <api key>` or `X-API-Key: <api key>`. GET needs the
`read` scope, POST/PUT `write`; DELETE, the export and rule changes need `admin`. Errors are
`application/problem+json` (RFC 9457)."""


def build_clients(settings: Settings, transports: Mapping[str, httpx.AsyncBaseTransport] | None = None) -> Clients:
    """One pooled client per service; ``transports`` (by short name) replace the network in tests."""
    transports = transports or {}
    timeouts = Timeouts(connect_s=settings.connect_timeout_s, total_s=settings.timeout_s)
    urls = settings.service_urls()

    def common(name: str) -> dict[str, Any]:
        transport = transports.get(name)
        if transport is None and settings.http_transport == "aiohttp":
            transport = AiohttpTransport(max_connections=settings.max_connections)
        return {"base_url": urls[name], "timeouts": timeouts, "transport": transport,
                "max_connections": settings.max_connections,
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
        try:
            yield
        finally:
            await clients.aclose()

    app = FastAPI(title="I-D-I-C gateway", version="1.0.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    install_problem_handlers(app)

    @app.exception_handler(UpstreamClientError)
    async def _pass_through(_: Request, exc: UpstreamClientError) -> Response:
        return upstream_response(exc.response)

    app.add_middleware(BodyGuardMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(operations.router)
    # customers first: its fixed paths (/lookup, /merge) must win over /{customer_id}
    for router in (customers.router, interactions.router, scoring.router, treatment.router):
        app.include_router(router)
    return app
