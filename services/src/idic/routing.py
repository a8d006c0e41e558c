"""Routers whose plain ``def`` endpoints cost one thread hop, not two.

FastAPI runs a ``def`` endpoint in the thread pool, then validates its answer against the response
model in the thread pool again: two hand-offs between the event loop and a worker thread for every
request. Measured on this machine (2 cores, wrk, 1 connection, a profile-sized model): ~443 µs a
request that way, ~343 µs when the endpoint's work makes the one hop and the answer is validated and
serialised on the event loop (validating a model instance against its own class is a type check).
For the services' single-customer GETs (1.1–2.5 ms of CPU each) that is 4–9 %, less than the
run-to-run noise of the stack's benchmark on this machine (README, issue 19's fourth session).

Endpoints stay plain ``def`` (they do blocking database work) and behave as before: same thread pool
and limit (``<P>_API_THREADS``), same context variables, same validation of what they return.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

__all__ = ["OneHopRoute", "ServiceRouter", "in_one_hop"]


def in_one_hop(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """``endpoint`` as a coroutine that runs it in the thread pool. FastAPI reads the parameters and their
    annotations through ``__wrapped__`` (functools.wraps), so dependencies, bodies and the OpenAPI are
    those of the endpoint itself."""
    if inspect.iscoroutinefunction(endpoint) or inspect.isgeneratorfunction(endpoint) \
            or inspect.isasyncgenfunction(endpoint):
        return endpoint

    @functools.wraps(endpoint)
    async def call(*args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(endpoint, *args, **kwargs)

    return call


class OneHopRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, in_one_hop(endpoint), **kwargs)


class ServiceRouter(APIRouter):
    """The services' ``APIRouter``: every route is a ``OneHopRoute``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("route_class", OneHopRoute)
        super().__init__(**kwargs)
