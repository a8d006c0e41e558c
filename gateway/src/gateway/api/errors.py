"""Framework errors in the gateway's own contract (on top of idic's problem handlers)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from idic.problems import allowed_methods, problem_response

_TITLES = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}


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
            headers["Allow"] = allowed_methods(request)
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        return problem_response(exc.status_code, _TITLES.get(exc.status_code, "Error"), detail,
                                headers=headers or None)
