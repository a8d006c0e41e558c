"""Translating between the public request and a service's answer (the 1:1 proxy part)."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request, Response

from idic import get_logger
from idic.problems import PROBLEM_JSON
from idic.public.common import Problem

from ..adapters.clients import Clients, ServiceClient, UpstreamFailure
from ..adapters.clients.base import json_or_none

log = get_logger("gateway.proxy")
_TITLES = {400: "Bad Request", 404: "Not Found", 409: "Conflict", 410: "Gone", 413: "Content Too Large",
           422: "Unprocessable Content", 429: "Too Many Requests"}
_DESCRIPTIONS = {401: "No or invalid API key", 403: "The API key lacks the scope", 404: "Unknown customer or resource",
                 409: "Conflict", 413: "Body over the size limit", 422: "Invalid input",
                 429: "Rate limited (see Retry-After)", 501: "Not available yet",
                 502: "A service failed", 503: "A service is unavailable", 504: "A service did not answer in time"}
# what any route may answer: auth, a customer or resource the owning service does not know, the body
# guard, validation, rate limits and upstream failures
_EVERY_ROUTE = (401, 403, 404, 413, 422, 429, 502, 503, 504)


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries (problem+json) for these statuses plus those every route may answer."""
    every = sorted({*_EVERY_ROUTE, *codes})
    return {code: {"model": Problem, "description": _DESCRIPTIONS.get(code, "Error")} for code in every}


def problem_media_types(spec: dict[str, Any]) -> dict[str, Any]:
    """Error answers are documented as ``application/problem+json``, the media type they carry."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content")
                if str(status)[0] in "45" and content and "application/json" in content:
                    content[PROBLEM_JSON] = content.pop("application/json")
    return spec


_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_MAX_DETAIL = 500


def _clean_text(value: object) -> str | None:
    # an upstream message may name an internal host or run long: no URL and a bounded length leave here
    if not isinstance(value, str):
        return None
    return _URL.sub("[url]", value)[:_MAX_DETAIL]


def safe_problem(status: int, body: object) -> dict[str, Any]:
    """A service's 4xx problem body reduced to the RFC 9457 members we promise (plus ``errors``):
    anything else it carried (instance paths, exception names, traces) stays inside."""
    src = body if isinstance(body, dict) else {}
    problem: dict[str, Any] = {
        "type": _clean_text(src.get("type")) or "about:blank",
        "title": _clean_text(src.get("title")) or _TITLES.get(status, "Error"),
        "status": status,
        "detail": _clean_text(src.get("detail")) or "the request was refused",
    }
    errors = src.get("errors")
    if isinstance(errors, list):
        problem["errors"] = [{"field": _clean_text(e.get("field")) or "",
                              "message": _clean_text(e.get("message")) or ""}
                             for e in errors[:100] if isinstance(e, dict)]
    return problem


def _is_json(media_type: str) -> bool:
    kind = media_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def get_clients(request: Request) -> Clients:
    return request.app.state.clients  # type: ignore[no-any-return]


ClientsDep = Annotated[Clients, Depends(get_clients)]


def upstream_response(response: httpx.Response, service: str = "upstream") -> Response:
    """A service's 2xx or 4xx as the gateway's answer: body and status kept, only safe
    headers copied (no internal host names in Location and the like)."""
    headers: dict[str, str] = {}
    for name in ("retry-after", "etag", "last-modified"):
        if name in response.headers:
            headers[name] = response.headers[name]
    location = response.headers.get("location")
    if location and location.startswith("/") and not location.startswith("//"):
        headers["location"] = location
    status = response.status_code
    if status >= 400:
        body = safe_problem(status, json_or_none(response))
        return Response(json.dumps(body), status_code=status, media_type=PROBLEM_JSON, headers=headers)
    if status == 204 or not response.content:
        return Response(status_code=status, headers=headers)
    media_type = response.headers.get("content-type", "")
    if not _is_json(media_type):
        # the public API speaks JSON only: anything else is a broken (or hijacked) service
        raise UpstreamFailure(service, 502)
    return Response(response.content, status_code=status, media_type=media_type, headers=headers)


async def forward(client: ServiceClient, request: Request, method: str, path: str, *,
                  params: dict[str, Any] | None = None, with_body: bool = False,
                  headers: dict[str, str] | None = None) -> Response:
    """Send the (already validated) request on to its service and pass the answer back.

    The answer keeps to this route's documented contract: a success gets the route's status,
    and a refusal this route does not document (405, 401 from a mis-deployed service...) is the
    service's failure (502), not something to hand the caller."""
    content = await request.body() if with_body else None
    response = await client.request(method, path, params=params, content=content, headers=headers)
    return public_answer(request, response, client.name)


def public_answer(request: Request, response: httpx.Response, service: str) -> Response:
    """A service's 2xx/4xx as this route's answer, within the route's documented contract."""
    route = request.scope.get("route")
    declared = getattr(route, "status_code", None) or 200
    # the caller's key was accepted here, so a service's 401/403 is a mis-deployment, not the caller's fault
    if response.status_code in (401, 403) or (
            response.status_code >= 400 and str(response.status_code) not in _documented(route)):
        log.warning("service answered an undocumented status", service=service, status=response.status_code)
        raise UpstreamFailure(service, 502)
    if response.status_code < 300 and response.status_code != declared and (response.content or declared == 204):
        # (an empty 2xx stays 204 No Content: a 200 without its document would be worse)
        response = _with_status(response, declared)
    elif response.status_code < 300 and not response.content:
        response = _with_status(response, 204)
    return upstream_response(response, service)


def _documented(route: object) -> set[str]:
    return {str(code) for code in (getattr(route, "responses", None) or {})}


def _with_status(response: httpx.Response, status: int) -> httpx.Response:
    # 201 vs 200 is the service's detail; the public contract says which one the caller gets
    content = b"" if status == 204 else response.content
    return httpx.Response(status, headers=response.headers, content=content)
