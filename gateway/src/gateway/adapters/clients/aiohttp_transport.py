"""An httpx transport that sends requests with aiohttp.

Why: httpx's own async connection pool collapses under concurrency (encode/httpx #3215).
Measured here against one uvicorn stub, 32 concurrent GETs: httpx's pool ~310 req/s,
aiohttp ~4,900 req/s. We keep httpx's API (clients, MockTransport in tests, exception
types) and swap only the transport, as DESIGN.md asks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import aiohttp
import httpx

from .base import ResponseTooLarge

# Headers aiohttp computes itself from the URL and body; sending httpx's copies would duplicate them.
_SKIP = frozenset({"host", "content-length", "transfer-encoding", "connection", "keep-alive"})


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Pooled HTTP/1.1 keep-alive connections through one ``aiohttp.ClientSession``.

    The session is created on first use, inside the running event loop (aiohttp binds
    its connector to the loop it was made on)."""

    def __init__(self, *, max_connections: int = 200, keepalive_s: float = 15.0,
                 max_response_bytes: int = 32 * 1024 * 1024) -> None:
        self._max_connections = max_connections
        self._max_response_bytes = max_response_bytes
        self._keepalive_s = keepalive_s
        self._session: aiohttp.ClientSession | None = None

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._max_connections, keepalive_timeout=self._keepalive_s)
            # raw bytes through: httpx.Response decodes Content-Encoding itself
            self._session = aiohttp.ClientSession(connector=connector, auto_decompress=False,
                                                  skip_auto_headers=("User-Agent", "Accept-Encoding"))
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request; aiohttp's failures become the httpx exceptions callers expect."""
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in _SKIP]
        response = await self.fetch(request.method, str(request.url), headers=headers, content=await request.aread(),
                                    connect_s=timeouts.get("connect"), read_s=timeouts.get("read"),
                                    request=request)
        response.request = request
        return response

    async def fetch(self, method: str, url: str, *, headers: list[tuple[str, str]], content: bytes | None,
                    params: Mapping[str, Any] | None = None, connect_s: float | None, read_s: float | None,
                    request: httpx.Request | None = None) -> httpx.Response:
        """One exchange straight through aiohttp, without building httpx's request (URL parsing, cookie
        jar, auth and redirect machinery cost the gateway ~0.3 ms of CPU per upstream call; ServiceClient
        calls this directly). ``request`` is only needed, and only built, for the exceptions."""
        timeout = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=connect_s, sock_read=read_s)
        kwargs: dict[str, Any] = {"headers": headers, "allow_redirects": False, "timeout": timeout}
        if params:  # encoded as httpx does (booleans as true/false, a list as repeated keys)
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(_primitive(params), doseq=True)}"
        if content:
            kwargs["data"] = content

        def failed_request() -> httpx.Request:
            return request or httpx.Request(method, url)

        try:
            async with self._get_session().request(method, url, **kwargs) as response:
                body = await self._read_bounded(response, failed_request)
                raw_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.raw_headers]
                status = response.status
        except ResponseTooLarge:
            raise
        except aiohttp.ConnectionTimeoutError as exc:
            raise httpx.ConnectTimeout(str(exc), request=failed_request()) from exc
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError(str(exc), request=failed_request()) from exc
        except aiohttp.ServerDisconnectedError as exc:
            # a pooled keep-alive connection closed by the server: safe to retry an idempotent call
            raise httpx.RemoteProtocolError(str(exc), request=failed_request()) from exc
        except (aiohttp.SocketTimeoutError, aiohttp.ServerTimeoutError) as exc:
            raise httpx.ReadTimeout(str(exc), request=failed_request()) from exc
        except aiohttp.ClientError as exc:
            raise httpx.ReadError(str(exc), request=failed_request()) from exc
        # the body is complete and decoded by nobody yet: Content-Length/Transfer-Encoding no longer describe a
        # stream, and Content-Encoding is left to httpx.Response (auto_decompress is off)
        raw_headers = [(k, v) for k, v in raw_headers if k.lower() not in ("transfer-encoding", "content-length")]
        return httpx.Response(status, headers=raw_headers, content=body, extensions={"http_version": b"HTTP/1.1"})

    async def _read_bounded(self, response: aiohttp.ClientResponse, request: Callable[[], httpx.Request]) -> bytes:
        """The body, refusing (not buffering) more than the limit."""
        limit = self._max_response_bytes
        if response.content_length is not None and response.content_length > limit:
            raise ResponseTooLarge(f"declared {response.content_length} bytes", request=request())
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_any():
            size += len(chunk)
            if size > limit:
                raise ResponseTooLarge(f"over {limit} bytes", request=request())
            chunks.append(chunk)
        return b"".join(chunks)

    async def aclose(self) -> None:
        """Close the session and its pooled connections."""
        if self._session is not None:
            await self._session.close()
            self._session = None


def _primitive(params: Mapping[str, Any]) -> dict[str, Any]:
    def one(value: Any) -> Any:
        return ("true" if value else "false") if isinstance(value, bool) else value

    return {key: [one(v) for v in value] if isinstance(value, list | tuple) else one(value)
            for key, value in params.items()}
