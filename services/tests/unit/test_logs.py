"""What an operator reads on stdout: one JSON object per line, the same shape from our loggers and from
the libraries' stdlib loggers, correlated by request id."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator
from unittest.mock import patch

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from idic import RequestContextMiddleware
from idic.logs import bind_contextvars, clear_contextvars, configure_logging, get_logger

log = get_logger("idic.tests.logs")  # made before configure_logging, as module-level loggers are


@pytest.fixture(autouse=True)
def logs_back_on_stdout() -> Iterator[None]:
    """Each test logs into capsys's stream, closed after it: point the logs back at stdout for the tests
    that run after these in the same process."""
    yield
    configure_logging(service="tests")


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_our_lines_and_the_stdlibs_have_one_shape(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(service="identity-service")
    clear_contextvars()
    bind_contextvars(request_id="rid-7")
    log.info("matched", customer_id="c1")
    logging.getLogger("uvicorn.error").warning("port %d busy", 8001)
    clear_contextvars()
    ours, theirs = lines(capsys.readouterr().out)
    assert ours == {"event": "matched", "customer_id": "c1", "level": "info", "logger": "idic.tests.logs",
                    "service": "identity-service", "request_id": "rid-7", "timestamp": ours["timestamp"]}
    assert ours["timestamp"].endswith("Z")
    assert theirs == {"event": "port 8001 busy", "level": "warning", "logger": "uvicorn.error",
                      "service": "identity-service", "request_id": "rid-7", "timestamp": theirs["timestamp"]}


def test_a_failure_carries_its_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(service="scoring-service")
    try:
        raise ValueError("model file truncated")
    except ValueError:
        log.exception("refit failed")
    (line,) = lines(capsys.readouterr().out)
    assert line["level"] == "error" and line["event"] == "refit failed"
    assert "ValueError: model file truncated" in line["exception"]


def test_the_level_set_last_applies_to_loggers_already_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(service="s", level="WARNING")
    log.info("hidden")
    log.debug("hidden")
    log.warning("shown")
    configure_logging(service="s", level="DEBUG")
    log.debug("now shown")
    assert [line["event"] for line in lines(capsys.readouterr().out)] == ["shown", "now shown"]


def test_console_form_when_json_is_off(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(service="s", json=False)
    log.info("started", port=8001)
    out = capsys.readouterr().out
    assert "started" in out and "port=8001" in out and not out.lstrip().startswith("{")


def test_lines_from_many_threads_and_both_paths_stay_whole(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(service="s")
    stdlib = logging.getLogger("kafka.consumer.fetcher")
    stdlib.setLevel(logging.INFO)

    def write(n: int) -> None:
        for i in range(300):
            if i % 2:
                log.info("line", n=n, i=i)
            else:
                stdlib.info("line %s %s", n, i)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stdlib.setLevel(logging.NOTSET)
    assert len(lines(capsys.readouterr().out)) == 8 * 300  # every line parses: none was cut into another


def test_every_request_leaves_an_access_line_with_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    app = FastAPI()
    app.add_middleware(RequestContextMiddleware)

    @app.get("/v1/customers/{customer_id}")
    def profile(customer_id: str) -> dict[str, str]:
        return {"customer_id": customer_id}

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    configure_logging(service="identity-service")
    with TestClient(app) as client:
        answer = client.get("/v1/customers/c9", headers={"X-Request-ID": "rid-42"})
        client.get("/healthz")  # probes are not logged
    assert answer.headers["x-request-id"] == "rid-42"
    (access,) = [line for line in lines(capsys.readouterr().out) if line["event"] == "http request"]
    assert access["request_id"] == "rid-42" and access["status"] == 200 and access["method"] == "GET"
    assert access["path"] == "/v1/customers/c9" and access["route"] == "/v1/customers/{customer_id}"
    assert access["logger"] == "idic.http" and isinstance(access["duration_ms"], float)


def test_a_closed_stdout_does_not_fail_the_request(capsys: pytest.CaptureFixture[str]) -> None:
    app = FastAPI()
    app.add_middleware(RequestContextMiddleware)

    @app.get("/v1/customers/{customer_id}")
    def profile(customer_id: str) -> dict[str, str]:
        log.info("read", customer_id=customer_id)
        return {"customer_id": customer_id}

    closed = io.StringIO()
    closed.close()
    with patch("sys.stdout", closed):
        configure_logging(service="identity-service")
        with TestClient(app) as client:
            assert client.get("/v1/customers/c9").json() == {"customer_id": "c9"}
    assert "logging error" in capsys.readouterr().err
