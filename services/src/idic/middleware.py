"""ASGI middleware every service installs: request ids, body limits, unsafe text, metrics."""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .context import request_id_var
from .logs import bind_contextvars, clear_contextvars, get_logger
from .metrics import HTTP_LATENCY, HTTP_REQUESTS

log = get_logger("idic.http")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# Cheap pre-filter: a JSON escape that could encode NUL or a UTF-16 surrogate.
_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|d[89a-f])", re.IGNORECASE)


def _has_unstorable_text(value: Any) -> bool:
    """True when a decoded JSON value holds a string with NUL or an unpaired surrogate."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_unstorable_text(k) or _has_unstorable_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_unstorable_text(v) for v in value)
    return False


def unstorable_text(body: bytes) -> bool:
    """NUL bytes or JSON strings PostgreSQL cannot store (NUL, lone surrogates)."""
    if b"\x00" in body:
        return True
    if not _SUSPECT_ESCAPE.search(body):
        return False
    try:
        return _has_unstorable_text(json.loads(body))
    except ValueError:
        return False  # not JSON: the endpoint's own validation answers 422


async def _send_problem(send: Send, status: int, title: str, detail: str, extra: dict[str, Any] | None = None,
                        headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail,
                       **(extra or {})}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
        *(headers or []),
    ]})
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    """Gives every request an id (``X-Request-ID`` in or a new one), echoes it, binds it to
    logs and to events written during the request, and records metrics and an access log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else str(uuid.uuid4())
        token = request_id_var.set(request_id)
        clear_contextvars()
        bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status_holder = {"status": 500}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            route_name = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            HTTP_REQUESTS.labels(scope["method"], route_name, str(status_holder["status"])).inc()
            HTTP_LATENCY.labels(scope["method"], route_name).observe(elapsed)
            if route_name not in ("/metrics", "/healthz", "/readyz"):
                log.info("http request", method=scope["method"], path=scope["path"], route=route_name,
                         status=status_holder["status"], duration_ms=round(elapsed * 1000, 2))
            request_id_var.reset(token)


class BodyGuardMiddleware:
    """Answers 413 for bodies over the limit (counting streamed bytes, not trusting
    Content-Length) and 422 for text PostgreSQL cannot store (NUL, lone surrogates) in
    the body, path or query. The body is read at most up to the limit, so memory stays
    bounded whatever the client sends."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
        if b"%00" in raw_path or b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            await _send_problem(send, 422, "Unprocessable Content", "NUL characters are not allowed in the URL",
                                {"errors": [{"field": "url", "message": "contains a NUL character"}]})
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body and unstorable_text(body):
            await _send_problem(send, 422, "Unprocessable Content",
                                "text may not contain NUL characters or unpaired UTF-16 surrogates",
                                {"errors": [{"field": "body", "message": "contains NUL or a lone surrogate"}]})
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await _send_problem(send, 413, "Content Too Large",
                            f"request body exceeds {self.max_body_bytes} bytes", headers=[(b"connection", b"close")])
