"""Probes (open to anyone, no API key) and metrics (the admin scope: the gateway's port is public;
Prometheus scrapes with `authorization: {credentials_file: ...}`, a Bearer key)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ...adapters.clients import ServiceClient
from ..proxy import ClientsDep, errors
from ..security import Authorized, SettingsDep

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Liveness", responses={200: {"content": {"application/json": {
    "example": {"status": "ok"}}}}})
async def healthz() -> dict[str, str]:
    """Alive: the process answers HTTP."""
    return {"status": "ok"}


async def _ready(client: ServiceClient, bound_s: float) -> bool:
    try:
        response = await client.request("GET", "/readyz", timeout_s=bound_s)
    except Exception:  # noqa: BLE001 - any failure means "not ready", reported per service
        return False
    return response.status_code == 200


@router.get("/readyz", summary="Readiness", responses={
    200: {"content": {"application/json": {"example": {"status": "ready", "checks": {
        "identity": True, "interaction": True, "scoring": True, "treatment": True}}}}},
    503: {"description": "A service is not ready"}})
async def readyz(request: Request, clients: ClientsDep, settings: SettingsDep) -> JSONResponse:
    """Ready when all four services' /readyz answer 200; each is reported."""
    services = clients.all()
    results = await asyncio.gather(*(_ready(c, settings.readiness_timeout_s) for c in services.values()))
    checks = dict(zip(services, results, strict=True))
    ready = all(results)
    return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                        status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response, dependencies=[Authorized], responses={
    200: {"content": {"text/plain": {"example": "http_request_duration_seconds_count 0.0\n"}}}, **errors()})
async def metrics() -> Response:
    """Prometheus text exposition of this process's metrics."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
