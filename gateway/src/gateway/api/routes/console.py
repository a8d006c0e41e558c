"""The agent console: three static files (no framework, no build step), served at ``/``.

The page holds no key: the agent types one, the browser keeps it in sessionStorage and
calls this gateway's public API with it, like any other client."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from fastapi import APIRouter, Response

router = APIRouter(include_in_schema=False)
_TYPES = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
          "app.css": "text/css; charset=utf-8"}


@cache
def _asset(name: str) -> bytes:
    return files("gateway.console").joinpath(name).read_bytes()


@router.get("/")
async def console_page() -> Response:
    """The console page."""
    return Response(_asset("index.html"), media_type=_TYPES["index.html"])


@router.get("/console/app.js")
async def console_script() -> Response:
    """The console's script."""
    return Response(_asset("app.js"), media_type=_TYPES["app.js"])


@router.get("/console/app.css")
async def console_style() -> Response:
    """The console's style sheet."""
    return Response(_asset("app.css"), media_type=_TYPES["app.css"])
