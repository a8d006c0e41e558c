"""API-key authentication and scope checks, as a dependency of every public route."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from idic import ProblemError

from ..config import Settings
from ..domain.access import authenticate, presented_key, required_scope

# auto_error=False: we answer problem+json ourselves; declaring both makes /docs show them
bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <api key>")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <api key>")
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="idic"'}


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def authorize(request: Request,
                    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
                    api_key: Annotated[str | None, Security(api_key_header)]) -> frozenset[str]:
    """The caller's scopes; 401 without a valid key, 403 without the scope the route needs."""
    settings = get_settings(request)
    route = request.scope.get("route")
    needed = required_scope(request.method, getattr(route, "path", request.url.path))
    key = presented_key(authorization=request.headers.get("authorization"), api_key=api_key)
    if key is None:
        raise ProblemError(401, "Unauthorized", "an API key is required (Authorization: Bearer or X-API-Key)",
                           headers=CHALLENGE)
    scopes = authenticate(key, settings.api_keys or {})
    if scopes is None:
        raise ProblemError(401, "Unauthorized", "the API key is not valid",
                           headers={"WWW-Authenticate": 'Bearer realm="idic", error="invalid_token"'})
    if needed is not None and needed not in scopes:
        raise ProblemError(403, "Forbidden", f"this API key lacks the {needed!r} scope")
    return scopes


Authorized = Depends(authorize)
SettingsDep = Annotated[Settings, Depends(get_settings)]
