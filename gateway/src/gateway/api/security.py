"""API-key authentication, scope checks and rate limits, as a dependency of every public route."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from idic import ProblemError

from ..config import Settings
from ..context import actor_var
from ..domain.access import MalformedCredentials, actor_of, grant_of, key_id, presented_key, required_scope
from ..domain.ratelimit import RateLimiter, retry_after_header

# auto_error=False: we answer problem+json ourselves; declaring both makes /docs show them
bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <api key>")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <api key>")
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="idic"'}


class Limiters:
    """The app's rate limiters (None: that limit is off)."""

    def __init__(self, settings: Settings) -> None:
        self.per_key = (RateLimiter(rate=settings.rate_limit_rps, burst=settings.rate_limit_burst)
                        if settings.rate_limit_rps > 0 else None)
        per_minute = settings.auth_failures_per_minute
        self.auth_failures = (RateLimiter(rate=per_minute / 60.0, burst=max(1.0, per_minute))
                              if per_minute > 0 else None)


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _too_many(seconds: float, detail: str) -> ProblemError:
    return ProblemError(429, "Too Many Requests", detail, headers={"Retry-After": retry_after_header(seconds)})


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _refuse(request: Request, limiters: Limiters, detail: str, headers: dict[str, str]) -> ProblemError:
    """401, charged to the caller's address: guessing keys is throttled (429) after a few tries."""
    if limiters.auth_failures is not None:
        wait = limiters.auth_failures.retry_after(_client_address(request))
        if wait > 0:
            return _too_many(wait, "too many failed authentications from this address")
    return ProblemError(401, "Unauthorized", detail, headers=headers)


async def authorize(request: Request,
                    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
                    api_key: Annotated[str | None, Security(api_key_header)]) -> frozenset[str]:
    """The caller's scopes; 401 without a valid key, 403 without the scope the route needs,
    429 (with Retry-After) over the key's rate."""
    limiters: Limiters = request.app.state.limiters
    if limiters.auth_failures is not None:
        # an address that keeps failing is refused before its next guess is even checked
        wait = limiters.auth_failures.peek(_client_address(request))
        if wait > 0:
            raise _too_many(wait, "too many failed authentications from this address")
    route = request.scope.get("route")
    needed = required_scope(request.method, getattr(route, "path", request.url.path))
    try:
        key = presented_key(authorization=request.headers.get("authorization"),
                            api_key=request.headers.get("x-api-key"))
    except MalformedCredentials as exc:
        raise _refuse(request, limiters, str(exc),
                      {"WWW-Authenticate": 'Bearer realm="idic", error="invalid_request"'}) from exc
    if key is None:
        raise _refuse(request, limiters, "an API key is required (Authorization: Bearer or X-API-Key)", CHALLENGE)
    grant = grant_of(key, request.app.state.grants)
    if grant is None:
        raise _refuse(request, limiters, "the API key is not valid",
                      {"WWW-Authenticate": 'Bearer realm="idic", error="invalid_token"'})
    scopes, name = grant
    if limiters.per_key is not None:
        wait = limiters.per_key.retry_after(key_id(key))  # per key, whatever name it carries
        if wait > 0:
            raise _too_many(wait, "this API key is over its rate limit")
    if needed is not None and needed not in scopes:
        raise ProblemError(403, "Forbidden", f"this API key lacks the {needed!r} scope")
    actor_var.set(actor_of(key, name))
    return scopes


def declare_scopes(spec: dict[str, Any]) -> dict[str, Any]:
    """Each secured operation names the scope it needs in its security requirements (OpenAPI 3.1
    allows role names for any scheme), so clients and tests read the policy instead of guessing."""
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            needed = required_scope(method, path)
            if needed is not None and operation.get("security"):
                operation["security"] = [{scheme: [needed] for scheme in requirement}
                                         for requirement in operation["security"]]
    return spec


Authorized = Depends(authorize)
SettingsDep = Annotated[Settings, Depends(get_settings)]
