"""Fake upstream services (httpx.MockTransport) for the gateway tests."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from gateway.config import Settings

SERVICES = ("identity", "interaction", "scoring", "treatment")
KEYS = {"reader": ["read"], "writer": ["read", "write"], "admin": ["read", "write", "admin"]}
READ, WRITE, ADMIN = ({"X-API-Key": k} for k in ("reader", "writer", "admin"))
Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


def problem(status: int, detail: str) -> httpx.Response:
    return httpx.Response(status, json={"type": "about:blank", "title": "Error", "status": status, "detail": detail},
                          headers={"content-type": "application/problem+json"})


def slow(seconds: float, response: httpx.Response) -> Handler:
    async def handler(_: httpx.Request) -> httpx.Response:
        await asyncio.sleep(seconds)
        return response
    return handler


def down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused to http://10.0.0.7:8003/secret", request=request)


class Upstreams:
    """Routing tables of the four fake services; every call they receive is recorded."""

    def __init__(self) -> None:
        self.routes: dict[str, dict[tuple[str, str], Handler]] = {s: {} for s in SERVICES}
        self.calls: dict[str, list[httpx.Request]] = {s: [] for s in SERVICES}
        self.fallback: dict[str, Handler | None] = {s: None for s in SERVICES}

    def on(self, service: str, method: str, path: str, answer: httpx.Response | Handler) -> None:
        handler: Handler = (lambda _r, a=answer: a) if isinstance(answer, httpx.Response) else answer
        self.routes[service][(method, path)] = handler

    def all(self, service: str, answer: httpx.Response | Handler) -> None:
        """Every path of a service answers this way (e.g. the service is down)."""
        self.fallback[service] = (lambda _r, a=answer: a) if isinstance(answer, httpx.Response) else answer

    def paths(self, service: str) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.calls[service]]

    def transport(self, service: str) -> httpx.MockTransport:
        async def handle(request: httpx.Request) -> httpx.Response:
            await request.aread()
            self.calls[service].append(request)
            handler = self.routes[service].get((request.method, request.url.path)) or self.fallback[service]
            if handler is None:
                return problem(404, f"no such route on {service}")
            result = handler(request)
            return await result if inspect.isawaitable(result) else result
        return httpx.MockTransport(handle)


def make_settings(**overrides: Any) -> Settings:
    # the view cache needs Kafka, which these fakes do not give: its tests run against a real broker
    values: dict[str, Any] = {"api_keys": KEYS, "env": "test", "part_timeout_s": 0.5, "timeout_s": 3.0,
                              "log_json": False, "log_level": "WARNING", "view_cache_max_age_s": 0}
    values.update(overrides)
    return Settings(**values)


