"""A pooled, time-bounded HTTP client of one backend service, and how its failures look."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any

import httpx
from prometheus_client import Counter, Histogram

from idic import ProblemError, get_logger
from idic.context import request_id_var

from ...context import actor_var

log = get_logger("gateway.upstream")
UPSTREAM_REQUESTS = Counter("gateway_upstream_requests_total", "Calls from the gateway to a service",
                            ["service", "outcome"])
UPSTREAM_LATENCY = Histogram("gateway_upstream_request_seconds", "Latency of calls to a service", ["service"])

# Connection-level failures after which an idempotent request may safely be sent again:
# the request never reached the service, or a pooled keep-alive connection was closed under us.
_RETRYABLE = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError)
_IDEMPOTENT = frozenset({"GET", "HEAD"})


class ResponseTooLarge(httpx.ReadError):
    """A service answered more bytes than the gateway accepts (a broken or hostile upstream)."""


class UpstreamFailure(ProblemError):
    """A service did not answer usefully (down, slow, 5xx). The client sees the service's
    short name and nothing else: no URL, no upstream error text."""

    def __init__(self, service: str, status: int, *, retry_after: str | None = None) -> None:
        titles = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
        details = {502: f"the {service} service failed to answer the request",
                   503: f"the {service} service is unavailable",
                   504: f"the {service} service did not answer in time"}
        super().__init__(status, titles[status], details[status],
                         headers={"Retry-After": retry_after} if retry_after else None)
        self.service = service


class Timeouts:
    """Connect and total bounds of one upstream call."""

    def __init__(self, *, connect_s: float = 2.0, total_s: float = 10.0) -> None:
        self.connect_s, self.total_s = connect_s, total_s


class ServiceClient:
    """One backend service behind a pooled ``httpx.AsyncClient``.

    Tests pass ``transport`` (``httpx.MockTransport``, ``httpx.ASGITransport``)."""

    name = "service"

    def __init__(self, *, base_url: str, timeouts: Timeouts | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_connections: int = 200, max_keepalive_connections: int = 50,
                 max_response_bytes: int = 32 * 1024 * 1024) -> None:
        self.timeouts = timeouts or Timeouts()
        self.max_response_bytes = max_response_bytes
        self._base_url = base_url.rstrip("/")
        # a transport that can fetch by itself (AiohttpTransport) is called directly: httpx's client
        # machinery around it (URL parsing, cookies, auth, redirects, a second Response) cost more CPU than
        # the exchange itself; the httpx client stays for other transports (httpx's own pool, tests' mocks)
        self._fetch = getattr(transport, "fetch", None)
        self._http = httpx.AsyncClient(
            base_url=base_url, transport=transport, follow_redirects=False,
            timeout=httpx.Timeout(self.timeouts.total_s, connect=self.timeouts.connect_s),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_keepalive_connections),
        )

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._http.aclose()

    async def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                      content: bytes | None = None, timeout_s: float | None = None,
                      headers: Mapping[str, str] | None = None) -> httpx.Response:
        """Send one call; 2xx/4xx come back, failures and 5xx raise ``UpstreamFailure``.

        ``path`` must already be percent-encoded. GETs are retried once on connection errors."""
        method = method.upper()
        # only headers the gateway chose (validated ones such as If-Match), never the caller's as a whole
        headers = {**(headers or {}), "accept": "application/json"}
        if content is not None:
            headers["content-type"] = "application/json"
        request_id = request_id_var.get()
        if request_id:
            headers["x-request-id"] = request_id
        actor = actor_var.get()
        if actor:
            headers["x-actor"] = actor  # who asked, for the services' audit trails (never the key)
        clean_params = {k: v for k, v in (params or {}).items() if v is not None}
        attempts = 2 if method in _IDEMPOTENT else 1
        started = time.perf_counter()
        for attempt in range(1, attempts + 1):
            try:
                # httpx's timeout bounds each phase; this bounds the whole call
                async with asyncio.timeout(timeout_s or self.timeouts.total_s):
                    response = await self._send(method, path, params=clean_params, content=content,
                                                headers=headers)
                break
            except ResponseTooLarge as exc:
                self._failed("too_large", method, path, exc)
                raise UpstreamFailure(self.name, 502) from exc
            except _RETRYABLE as exc:
                if attempt < attempts:
                    log.info("upstream connection failed, retrying", service=self.name, error=repr(exc))
                    continue
                self._failed("unavailable", method, path, exc)
                raise UpstreamFailure(self.name, 503) from exc
            except (httpx.TimeoutException, TimeoutError) as exc:
                self._failed("timeout", method, path, exc)
                raise UpstreamFailure(self.name, 504) from exc
            except httpx.HTTPError as exc:
                self._failed("unavailable", method, path, exc)
                raise UpstreamFailure(self.name, 503) from exc
        UPSTREAM_LATENCY.labels(self.name).observe(time.perf_counter() - started)
        if response.status_code >= 500 or 300 <= response.status_code < 400:
            # a redirect would carry an internal Location; a 5xx may carry internal text
            self._failed(f"status_{response.status_code}", method, path, None)
            status = response.status_code if response.status_code in (503, 504) else 502
            raise UpstreamFailure(self.name, status, retry_after=response.headers.get("retry-after"))
        UPSTREAM_REQUESTS.labels(self.name, "ok" if response.status_code < 400 else "client_error").inc()
        return response

    async def _send(self, method: str, path: str, *, params: Mapping[str, Any], content: bytes | None,
                    headers: dict[str, str]) -> httpx.Response:
        """One exchange, reading at most ``max_response_bytes`` of the answer (unsafe consumption:
        a service's answer is never trusted to be small)."""
        if self._fetch is not None:  # it bounds the answer itself
            response: httpx.Response = await self._fetch(
                method, self._base_url + path, headers=list(headers.items()), content=content, params=params,
                connect_s=self.timeouts.connect_s, read_s=self.timeouts.total_s)
            return response
        request = self._http.build_request(method, path, params=params, content=content, headers=headers)
        response = await self._http.send(request, stream=True)
        try:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_response_bytes:
                raise ResponseTooLarge(f"declared {declared} bytes", request=request)
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.max_response_bytes:
                    raise ResponseTooLarge(f"over {self.max_response_bytes} bytes", request=request)
                chunks.append(chunk)
        finally:
            await response.aclose()
        return httpx.Response(response.status_code, headers=_decoded(response.headers), content=b"".join(chunks),
                              request=request, extensions=response.extensions)

    def _failed(self, outcome: str, method: str, path: str, exc: Exception | None) -> None:
        UPSTREAM_REQUESTS.labels(self.name, outcome).inc()
        log.warning("upstream call failed", service=self.name, method=method, path=path, outcome=outcome,
                    error=repr(exc) if exc else None)


def _decoded(headers: httpx.Headers) -> list[tuple[str, str]]:
    # the body was decoded already (aiter_bytes), so encoding/length headers no longer describe it
    return [(k, v) for k, v in headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]


def json_or_none(response: httpx.Response) -> Any:
    """The decoded JSON body, or None when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None


def require_json(service: str, response: httpx.Response, kind: type | tuple[type, ...]) -> Any:
    """The JSON body if it is of ``kind``; a garbled answer is the service's failure (502)."""
    body = json_or_none(response)
    if not isinstance(body, kind):
        log.warning("upstream answered an unexpected body", service=service, status=response.status_code)
        raise UpstreamFailure(service, 502)
    return body
