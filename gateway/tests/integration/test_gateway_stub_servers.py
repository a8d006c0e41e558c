"""The gateway against real HTTP servers: a uvicorn stub for three services and a closed
port for the fourth (a real connection refusal, real pooled clients and timeouts)."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from gateway_fakes import READ, make_settings

from gateway.adapters.clients import ServiceClient, Timeouts, UpstreamFailure
from gateway.adapters.clients.aiohttp_transport import AiohttpTransport
from gateway.main import create_app
from idic.context import request_id_var
from idic_devstack.waiting import eventually

seen_request_ids: list[str] = []


def interaction(customer_id: str) -> dict[str, object]:
    """One interaction as interaction-service shows it (idic.public.interaction.Interaction)."""
    return {"interaction_id": f"{customer_id}-1", "customer_id": customer_id, "id": None, "channel": "web",
            "type": "visit", "direction": "inbound", "occurred_at": "2024-01-01T00:00:00Z",
            "recorded_at": "2024-01-01T00:00:01Z", "amount": None, "currency": None, "cost": None, "payload": {},
            "treatment_id": None, "actor": None}


def stub_app() -> FastAPI:
    """identity, interaction and scoring paths on one server (their paths do not overlap)."""
    app = FastAPI()

    @app.get("/readyz")
    def readyz() -> dict[str, str]:
        return {"status": "ready"}

    @app.get("/v1/customers/lookup")
    def lookup(type: str, value: str) -> JSONResponse:
        if (type, value) == ("external_id", "crm:42"):
            return JSONResponse({"customer_id": "old"})
        return JSONResponse({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "unknown"},
                            status_code=404, media_type="application/problem+json")

    @app.get("/v1/customers/{customer_id}")
    def profile(customer_id: str, request: Request) -> JSONResponse:
        seen_request_ids.append(request.headers.get("x-request-id", ""))
        if customer_id not in ("old", "new"):
            return JSONResponse({"status": 404, "title": "Not Found", "detail": "unknown", "type": "about:blank"},
                                status_code=404, media_type="application/problem+json")
        return JSONResponse({"customer_id": "new", "attributes": {"city": "Berlin"}, "identifiers": [],
                             "merged_ids": ["old"], "consent": {}, "created_at": "2024-01-01T00:00:00Z",
                             "updated_at": "2024-01-01T00:00:00Z"})

    @app.get("/v1/customers/{customer_id}/value")
    async def value(customer_id: str) -> JSONResponse:
        if customer_id == "new":
            await asyncio.sleep(6)  # far slower than the part bound
        return JSONResponse({"customer_id": customer_id, "tier": "maintain", "tier_status": "scored",
                             "rfm": {"status": "no_purchases", "recency_days": None, "frequency": 0, "monetary": "0",
                                     "currency": None, "r": None, "f": None, "m": None, "segment": None},
                             "clv": {"status": "insufficient_history", "p_alive": None, "expected_purchases_90d": None,
                                     "expected_avg_order_value": None, "clv_12m": None},
                             "segments": [], "churn_risk": None, "churn_risk_status": "not_fitted",
                             "churn_drivers": [], "scored_at": "2024-01-01T00:00:00Z"})

    @app.post("/echo")
    async def echo(request: Request) -> JSONResponse:
        return JSONResponse({"body": (await request.body()).decode(), "rid": request.headers.get("x-request-id"),
                             "content_type": request.headers.get("content-type")}, status_code=201)

    @app.get("/gzip")
    def gzipped() -> Response:
        return Response(gzip.compress(b'{"zipped": true}'), media_type="application/json",
                        headers={"content-encoding": "gzip"})

    @app.get("/internal/customers/{customer_id}/interactions/summary")
    def summary(customer_id: str) -> dict[str, object]:
        return {"recent": [interaction(customer_id)], "count": 1}

    return app


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="module")
def stub_url() -> Iterator[str]:
    sock = free_socket()
    server = uvicorn.Server(uvicorn.Config(stub_app(), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    eventually(lambda: server.started, timeout=10, interval=0.02, what="the stub server started")
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def closed_url() -> str:
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here: connections are refused
    return f"http://127.0.0.1:{port}"


@pytest.fixture(params=["aiohttp", "httpx"])
def real_gateway(stub_url: str, closed_url: str, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    settings = make_settings(identity_url=stub_url, interaction_url=stub_url, scoring_url=stub_url,
                             treatment_url=closed_url, part_timeout_s=0.5, http_transport=request.param)
    with TestClient(create_app(settings)) as client:
        yield client


def test_view_over_real_http_degrades_slow_and_down_services(real_gateway: TestClient) -> None:
    started = time.monotonic()
    response = real_gateway.get("/v1/customers/external_id:crm:42", headers={**READ, "X-Request-ID": "rid-1"})
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["customer_id"] == "new"  # looked up "old", identity answered the survivor
    assert body["interactions"] == {"recent": [interaction("new")], "count": 1}
    assert sorted(body["degraded"]) == ["scoring", "treatment"]  # scoring slow, treatment refused
    assert body["value"] is None and body["next_best_actions"] == []
    assert elapsed < 4.0  # the slow stub answers after 6 s; the 0.5 s part budget must cut it short
    assert "rid-1" in seen_request_ids


def test_unknown_identifier_over_real_http_is_404(real_gateway: TestClient) -> None:
    assert real_gateway.get("/v1/customers/email:x@y.com", headers=READ).status_code == 404


def test_down_service_is_503_without_its_address(real_gateway: TestClient, closed_url: str) -> None:
    response = real_gateway.get("/v1/rules", headers=READ)
    assert response.status_code == 503
    assert closed_url.rsplit(":", 1)[1] not in response.text and "127.0.0.1" not in response.text


def test_readyz_reports_the_down_service(real_gateway: TestClient) -> None:
    response = real_gateway.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"identity": True, "interaction": True, "scoring": True, "treatment": False}


def _client(url: str, **kwargs: object) -> ServiceClient:
    return ServiceClient(base_url=url, transport=AiohttpTransport(), **kwargs)  # type: ignore[arg-type]


def test_aiohttp_transport_sends_body_and_headers(stub_url: str) -> None:
    async def call() -> httpx.Response:
        client = _client(stub_url)
        token = request_id_var.set("rid-echo")
        try:
            return await client.request("POST", "/echo", content=b'{"a": 1}')
        finally:
            request_id_var.reset(token)
            await client.aclose()

    response = asyncio.run(call())
    assert response.status_code == 201
    assert response.json() == {"body": '{"a": 1}', "rid": "rid-echo", "content_type": "application/json"}


def test_aiohttp_transport_decodes_gzip_once(stub_url: str) -> None:
    async def call() -> httpx.Response:
        client = _client(stub_url)
        try:
            return await client.request("GET", "/gzip")
        finally:
            await client.aclose()

    assert asyncio.run(call()).json() == {"zipped": True}


def test_aiohttp_transport_maps_refusal_and_slowness(stub_url: str, closed_url: str) -> None:
    async def call(url: str, path: str) -> int:
        client = _client(url, timeouts=Timeouts(connect_s=1, total_s=0.3))
        try:
            await client.request("GET", path)
        except UpstreamFailure as exc:
            return exc.status
        finally:
            await client.aclose()
        return 200

    assert asyncio.run(call(closed_url, "/readyz")) == 503
    assert asyncio.run(call(stub_url, "/v1/customers/new/value")) == 504  # sleeps 6 s


def test_aiohttp_transport_raises_httpx_errors(closed_url: str) -> None:
    async def call() -> None:
        async with httpx.AsyncClient(transport=AiohttpTransport()) as client:
            await client.get(closed_url + "/x")

    with pytest.raises(httpx.ConnectError):
        asyncio.run(call())
