"""The console's pages: the agent's cockpit at ``/`` and the analyst's dashboard at ``/dashboard``,
static files (no framework, no build step) served with their scripts, style sheet and the vendored
charting library (``console/vendor``: no CDN at run time).

A page holds no key: the person types one, the browser keeps it in sessionStorage and calls this
gateway's public API with it, like any other client."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from fastapi import APIRouter, HTTPException, Response

router = APIRouter(include_in_schema=False)
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8"}
PAGES = {"/": "index.html", "/dashboard": "dashboard.html"}
ASSETS = {"common.js", "app.js", "dashboard.js", "app.css", "vendor/echarts.min.js"}
# the vendored library never changes under its name within a release: browsers may keep it a day
_CACHED = {"vendor/echarts.min.js": "public, max-age=86400"}


@cache
def _asset(name: str) -> bytes:
    return files("gateway.console").joinpath(name).read_bytes()


def _answer(name: str) -> Response:
    headers = {"cache-control": _CACHED[name]} if name in _CACHED else None
    return Response(_asset(name), media_type=_TYPES[name[name.rindex("."):]], headers=headers)


@router.get("/")
async def console_page() -> Response:
    """The agent's cockpit."""
    return _answer(PAGES["/"])


@router.get("/dashboard")
async def dashboard_page() -> Response:
    """The analyst's dashboard: one picture per report."""
    return _answer(PAGES["/dashboard"])


@router.get("/console/{name:path}")
async def console_asset(name: str) -> Response:
    """A script, the style sheet or a vendored library of the pages (nothing else is served)."""
    if name not in ASSETS:
        raise HTTPException(404)
    return _answer(name)
