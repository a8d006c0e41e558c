"""Translating between the public request and a service's answer (the 1:1 proxy part)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import httpx
from fastapi import Depends, Request, Response

from idic.problems import PROBLEM_JSON

from ..adapters.clients import Clients, ServiceClient
from ..adapters.clients.base import json_or_none
from .schemas import Problem

_TITLES = {400: "Bad Request", 404: "Not Found", 409: "Conflict", 410: "Gone", 413: "Content Too Large",
           422: "Unprocessable Content", 429: "Too Many Requests"}
_DESCRIPTIONS = {401: "No or invalid API key", 403: "The API key lacks the scope", 404: "Unknown customer or resource",
                 409: "Conflict", 413: "Body over the size limit", 422: "Invalid input",
                 502: "A service failed", 503: "A service is unavailable", 504: "A service did not answer in time"}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries (problem+json) for these statuses plus auth and upstream ones."""
    every = sorted({401, 403, 422, 502, 503, 504, *codes})
    return {code: {"model": Problem, "description": _DESCRIPTIONS.get(code, "Error")} for code in every}


def get_clients(request: Request) -> Clients:
    return request.app.state.clients  # type: ignore[no-any-return]


ClientsDep = Annotated[Clients, Depends(get_clients)]


def upstream_response(response: httpx.Response) -> Response:
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
        body = json_or_none(response)
        if not isinstance(body, dict):
            body = {"type": "about:blank", "title": _TITLES.get(status, "Error"), "status": status,
                    "detail": "the request was refused"}
        return Response(json.dumps(body), status_code=status, media_type=PROBLEM_JSON, headers=headers)
    if status == 204 or not response.content:
        return Response(status_code=status, headers=headers)
    media_type = response.headers.get("content-type", "application/json")
    return Response(response.content, status_code=status, media_type=media_type, headers=headers)


async def forward(client: ServiceClient, request: Request, method: str, path: str, *,
                  params: dict[str, Any] | None = None, with_body: bool = False) -> Response:
    """Send the (already validated) request on to its service and pass the answer back."""
    content = await request.body() if with_body else None
    response = await client.request(method, path, params=params, content=content)
    return upstream_response(response)
