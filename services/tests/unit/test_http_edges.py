"""Middleware and error shapes every service shares."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

from idic import BodyGuardMiddleware, ProblemError, RequestContextMiddleware, install_problem_handlers


class Body(BaseModel):
    name: str
    age: int


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = FastAPI()
    install_problem_handlers(app)
    app.add_middleware(BodyGuardMiddleware, max_body_bytes=2048)
    app.add_middleware(RequestContextMiddleware)

    @app.post("/echo")
    def echo(body: Body) -> Body:
        return body

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail at postgresql://10.0.0.5")

    @app.get("/gone")
    def gone() -> None:
        raise ProblemError(404, "Not Found", "customer x not found")

    @app.delete("/gone")
    def delete_gone() -> None:
        raise ProblemError(404, "Not Found", "customer x not found")

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_invalid_body_names_the_field(client: TestClient) -> None:
    r = client.post("/echo", json={"name": "a", "age": "old"})
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"][0]["field"] == "body.age"
    assert {"type", "title", "status", "detail"} <= r.json().keys()


def test_body_that_is_not_json_is_422_naming_the_body(client: TestClient) -> None:
    for raw in (b'{"name": "a", ', b"\xff\xfe{}"):
        r = client.post("/echo", content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 422, raw
        [error] = r.json()["errors"]
        assert error["field"] == "body" and error["message"].startswith("not valid JSON")


def test_body_over_the_limit_is_413_even_without_content_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"x" * 1024

    r = client.post("/echo", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["status"] == 413
    r = client.post("/echo", content=b"x" * 5000, headers={"content-type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize("text", ["a\u0000b", "\ud800", "x\udfff"])
def test_text_postgres_cannot_store_is_422(client: TestClient, text: str) -> None:
    import json
    raw = json.dumps({"name": text, "age": 3})  # ensure_ascii escapes: \u0000, \ud800
    r = client.post("/echo", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_emoji_and_long_text_are_fine(client: TestClient) -> None:
    r = client.post("/echo", json={"name": "😀" * 100, "age": 3})
    assert r.status_code == 200 and r.json()["name"] == "😀" * 100


def test_nul_in_url_is_422(client: TestClient) -> None:
    assert client.get("/gone%00x").status_code == 422


def test_unexpected_error_is_500_without_internals(client: TestClient) -> None:
    r = client.get("/boom")
    assert r.status_code == 500 and "postgresql" not in r.text and "secret" not in r.text


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    assert client.get("/gone", headers={"x-request-id": "abc-123"}).headers["x-request-id"] == "abc-123"
    made = client.get("/gone", headers={"x-request-id": "bad id with spaces"}).headers["x-request-id"]
    assert made != "bad id with spaces" and len(made) == 36
    assert client.get("/gone").json()["detail"] == "customer x not found"


def test_405_names_every_method_of_the_path(client: TestClient) -> None:
    r = client.put("/gone")
    assert r.status_code == 405 and r.headers["allow"] == "DELETE, GET"
