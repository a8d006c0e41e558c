"""``/docs`` (Swagger UI) and ``/redoc`` from files shipped with the gateway (fastapi-offline's
copies), so the API documentation renders with no CDN: behind a firewall, or offline."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(fastapi_offline.__file__).parent / "static"
router = APIRouter(include_in_schema=False)


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    """Swagger UI over /openapi.json."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title="I-D-I-C gateway - API",
                               swagger_js_url="/docs/static/swagger-ui-bundle.js",
                               swagger_css_url="/docs/static/swagger-ui.css",
                               swagger_favicon_url="/docs/static/favicon.png",
                               oauth2_redirect_url="/docs/oauth2-redirect")


@router.get("/docs/oauth2-redirect")
async def swagger_ui_redirect() -> HTMLResponse:
    """Swagger UI's OAuth2 helper page."""
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc() -> HTMLResponse:
    """ReDoc over /openapi.json."""
    return get_redoc_html(openapi_url="/openapi.json", title="I-D-I-C gateway - API",
                          redoc_js_url="/docs/static/redoc.standalone.js", redoc_favicon_url="/docs/static/favicon.png",
                          with_google_fonts=False)


def install_docs(app: FastAPI) -> None:
    """The two documentation pages and their static files."""
    app.include_router(router)
    app.mount("/docs/static", StaticFiles(directory=STATIC), name="docs-static")
