"""The services' routers: a plain ``def`` endpoint makes one trip to the thread pool, not two, and
otherwise behaves as FastAPI's own (dependencies, bodies, validation of its answer, OpenAPI)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated

import anyio.to_thread
import pytest
from fastapi import APIRouter, Depends, FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

from idic import RequestContextMiddleware, ServiceRouter, install_problem_handlers
from idic.context import request_id_var


class Order(BaseModel):
    item: str
    quantity: int


class Receipt(BaseModel):
    customer_id: str
    item: str
    quantity: int
    by: str
    thread: str
    request_id: str


def current_clerk() -> str:
    return "anna"


Clerk = Annotated[str, Depends(current_clerk)]  # a string annotation here (__future__): resolved in this module


def make_app(router: APIRouter) -> FastAPI:
    @router.post("/v1/customers/{customer_id}/orders", response_model=Receipt)
    def order(customer_id: str, body: Order, clerk: Clerk) -> Receipt:
        return Receipt(customer_id=customer_id, item=body.item, quantity=body.quantity, by=clerk,
                       thread=threading.current_thread().name, request_id=request_id_var.get())

    @router.get("/v1/broken", response_model=Receipt)
    def broken() -> dict[str, str]:
        return {"customer_id": "c1"}  # not a Receipt: the service's bug must not reach the caller as data

    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(router)
    app.add_middleware(RequestContextMiddleware)
    return app


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the functions handed to the thread pool, in order."""
    handed: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counting(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        handed.append(getattr(getattr(func, "func", func), "__name__", repr(func)))  # starlette hands partials
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    yield handed


def test_an_endpoint_takes_its_dependencies_body_and_context_in_a_worker_thread(hops: list[str]) -> None:
    with TestClient(make_app(ServiceRouter())) as client:
        answer = client.post("/v1/customers/c1/orders", json={"item": "tea", "quantity": 2},
                             headers={"X-Request-ID": "rid-1"})
    assert answer.status_code == 200, answer.text
    receipt = answer.json()
    assert {k: receipt[k] for k in ("customer_id", "item", "quantity", "by", "request_id")} == {
        "customer_id": "c1", "item": "tea", "quantity": 2, "by": "anna", "request_id": "rid-1"}
    assert receipt["thread"] != threading.main_thread().name  # blocking work stays off the event loop


def test_one_trip_to_the_thread_pool_where_fastapi_makes_two(hops: list[str]) -> None:
    for router, trips in ((ServiceRouter(), 1), (APIRouter(), 2)):
        hops.clear()
        with TestClient(make_app(router)) as client:
            assert client.post("/v1/customers/c1/orders", json={"item": "tea", "quantity": 1}).status_code == 200
        # the sync dependency makes a trip of its own either way (the services' own dependencies are async)
        assert hops.count("current_clerk") == 1
        assert len(hops) - 1 == trips, (type(router).__name__, hops)


def test_what_an_endpoint_answers_is_still_validated() -> None:
    with TestClient(make_app(ServiceRouter()), raise_server_exceptions=False) as client:
        answer = client.get("/v1/broken")
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/problem+json"


def test_bad_input_is_refused_as_before() -> None:
    with TestClient(make_app(ServiceRouter())) as client:
        answer = client.post("/v1/customers/c1/orders", json={"item": "tea", "quantity": "many"})
    assert answer.status_code == 422
    assert any(e["field"] == "body.quantity" for e in answer.json()["errors"])


def test_the_openapi_is_the_endpoints_own() -> None:
    ours = make_app(ServiceRouter()).openapi()["paths"]
    fastapis = make_app(APIRouter()).openapi()["paths"]
    assert ours == fastapis
    assert [p["name"] for p in ours["/v1/customers/{customer_id}/orders"]["post"]["parameters"]] == ["customer_id"]
