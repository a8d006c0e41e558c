"""Every endpoint of every service makes one trip to the thread pool at most (``idic.routing``): a
router made with FastAPI's own ``APIRouter`` would quietly cost its plain ``def`` endpoints a second one."""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from .test_one_contract import _service_app


def api_routes(routes: list[BaseRoute]) -> Iterator[APIRoute]:
    """Every APIRoute, also those of included routers (FastAPI 0.16x keeps an included router whole, as
    ``original_router``, instead of copying its routes into the app)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif (included := getattr(route, "original_router", None)) is not None:
            yield from api_routes(included.routes)


@pytest.mark.parametrize("package", ["identity_service", "interaction_service", "scoring_service", "treatment_service"])
def test_no_service_endpoint_runs_on_fastapis_two_trip_path(package: str) -> None:
    routes = list(api_routes(_service_app(package).routes))
    assert len(routes) > 10
    two_trips = [f"{sorted(r.methods)} {r.path}" for r in routes if not inspect.iscoroutinefunction(r.endpoint)]
    assert not two_trips, f"made without idic.ServiceRouter: {two_trips}"
