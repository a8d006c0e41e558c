"""RFC 9457 problem+json errors: one shape for every 4xx/5xx the suite answers."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .logs import get_logger

PROBLEM_JSON = "application/problem+json"
BODY_NOT_PARSED = "There was an error parsing the body"  # fastapi.routing's detail for undecodable bodies
log = get_logger(__name__)


class ProblemError(Exception):
    """Raise from a router or service layer to answer a problem+json error."""

    def __init__(self, status: int, title: str, detail: str, *, type_: str = "about:blank",
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.type = status, title, detail, type_
        self.headers = headers
        self.extra = extra


def problem_response(status: int, title: str, detail: str, *, type_: str = "about:blank",
                     headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    """A problem+json response."""
    body = {"type": type_, "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in loc)


def validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    """pydantic errors as ``[{"field": "body.identifiers.0.value", "message": ...}]``."""
    result = []
    for e in errors:
        loc = tuple(e.get("loc", ()))
        if e.get("type") == "json_invalid":  # loc is ("body", <character position>)
            position = f" at character {loc[1]}" if len(loc) > 1 else ""
            result.append({"field": "body", "message": f"not valid JSON{position}"})
        else:
            result.append({"field": _field_path(loc), "message": str(e.get("msg", "invalid"))})
    return result


def allowed_methods(request: Request) -> str:
    """Every method some route offers for this path: Starlette's 405 names only those of the
    first route whose path matched, though FastAPI declares one route per method."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        for method in getattr(route, "methods", None) or ():
            if route.matches({**request.scope, "method": method})[0] == Match.FULL:
                methods.add(method)
    return ", ".join(sorted(methods))


def install_problem_handlers(app: FastAPI) -> None:
    """Every error leaves as problem+json; a 500 never carries internal details."""

    @app.exception_handler(ProblemError)
    async def _problem(_: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, type_=exc.type, headers=exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(list(exc.errors()))
        fields = ", ".join(e["field"] for e in errors[:5])
        return problem_response(422, "Unprocessable Content", f"invalid request: {fields}", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == BODY_NOT_PARSED:
            # FastAPI's own answer to a body that is not JSON; the contract says 422
            return problem_response(422, "Unprocessable Content", "the request body is not valid JSON",
                                    errors=[{"field": "body", "message": "not valid JSON"}])
        titles = {404: "Not Found", 405: "Method Not Allowed", 401: "Unauthorized", 403: "Forbidden"}
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return problem_response(exc.status_code, titles.get(exc.status_code, "Error"), detail,
                                headers=headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", error=repr(exc))
        return problem_response(500, "Internal Server Error", "the request could not be completed")
