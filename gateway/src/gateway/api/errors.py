"""Framework errors in the gateway's own contract (on top of idic's problem handlers)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from idic.problems import problem_response

_TITLES = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}


def _allowed_methods(request: Request) -> str:
    """Every method some route offers for this path (Starlette names only the first matching route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        route_methods = getattr(route, "methods", None)
        if match != Match.NONE and route_methods:
            methods.update(route_methods)
        if match == Match.NONE and route_methods:
            for method in route_methods:
                if route.matches({**request.scope, "method": method})[0] == Match.FULL:
                    methods.add(method)
    return ", ".join(sorted(methods))


def install_error_handlers(app: FastAPI) -> None:
    """An unreadable body is a 422 like any other invalid body; a 405 names every allowed method."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # e.g. a body that is not UTF-8: API.md answers every unusable body with 422
            return problem_response(422, "Unprocessable Content", "invalid request: body (not valid JSON)",
                                    errors=[{"field": "body", "message": "not valid JSON"}])
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        return problem_response(exc.status_code, _TITLES.get(exc.status_code, "Error"), detail,
                                headers=headers or None)
