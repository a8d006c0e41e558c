"""Who may call what: API keys and the scope each route needs."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence

READ, WRITE, ADMIN = "read", "write", "admin"

# Paths that are open to anyone: probes, metrics and the API's own documentation.
PUBLIC_PATHS: frozenset[str] = frozenset({
    "/healthz", "/readyz", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json",
})

# Writes that change what everyone gets (rules, segments, policy) or run a job over every customer.
ADMIN_WRITES: frozenset[str] = frozenset({
    "/v1/rules", "/v1/contact-policy", "/v1/segments", "/v1/models/rfm:refresh", "/v1/triggers:scan",
    "/v1/models/matching:train", "/v1/customers:dedupe",
})


def required_scope(method: str, route_path: str) -> str | None:
    """The scope a route template needs; None for the open operational routes.

    GET needs read, POST/PUT write; /metrics, DELETE, the GDPR export and erasure status, changes to rules,
    segments and the contact policy, webhooks (every method), and the population-wide jobs (RFM refresh,
    trigger scan, training the matching model, dedupe) need admin."""
    if route_path in PUBLIC_PATHS:
        return None
    method = method.upper()
    if route_path == "/metrics":
        return ADMIN  # the gateway's port is the public one: what it serves, and to whom, is not for everyone
    if (method == "DELETE" or route_path.endswith("/export") or route_path.startswith("/v1/erasures/")
            or route_path == "/v1/webhooks" or route_path.startswith("/v1/webhooks/")):
        return ADMIN  # webhooks: where the platform's events go is an administrator's decision
    if method in ("POST", "PUT", "PATCH") and (route_path in ADMIN_WRITES or route_path.startswith("/v1/rules/")):
        return ADMIN
    if method in ("GET", "HEAD", "OPTIONS"):
        return READ
    return WRITE


def _digest(key: str) -> bytes:
    # equal-length digests so compare_digest's timing says nothing about key lengths
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


def authenticate(presented: str, keys: Mapping[str, Sequence[str]]) -> frozenset[str] | None:
    """The scopes of the presented key, or None when it matches no configured key."""
    grant = grant_of(presented, {key: (frozenset(scopes), None) for key, scopes in keys.items()})
    return None if grant is None else grant[0]


def grant_of(presented: str, grants: Mapping[str, tuple[frozenset[str], str | None]]
             ) -> tuple[frozenset[str], str | None] | None:
    """(scopes, actor name) of the presented key, or None when it matches no configured key.

    Every configured key is compared (no early exit), in constant time each."""
    wanted = _digest(presented)
    found: tuple[frozenset[str], str | None] | None = None
    for key, grant in grants.items():
        if hmac.compare_digest(wanted, _digest(key)):
            found = grant
    return found


class MalformedCredentials(ValueError):
    """Credentials that cannot be read one way only: refused, never guessed at."""


def presented_key(*, authorization: str | None, api_key: str | None) -> str | None:
    """The key from ``Authorization: Bearer <key>`` and/or ``X-API-Key``; None if neither is sent.

    Ambiguity is refused (``MalformedCredentials``): an Authorization header that is not a
    Bearer token, or two headers naming different keys, never fall back to the other one."""
    bearer: str | None = None
    if authorization is not None:
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise MalformedCredentials("Authorization must be 'Bearer <api key>'")
        bearer = token.strip()
    header = api_key.strip() if api_key is not None else None
    if header == "":
        raise MalformedCredentials("X-API-Key is empty")
    if bearer is not None and header is not None and not hmac.compare_digest(_digest(bearer), _digest(header)):
        raise MalformedCredentials("Authorization and X-API-Key name different keys")
    return bearer or header


def actor_of(key: str, name: str | None = None) -> str:
    """Who made a change, as the services record it: the key's actor name if it has one, else a short
    digest of the key; never the key."""
    return name or key_id(key)


def key_id(key: str) -> str:
    """A short digest naming a key without revealing it (rate limits count per key)."""
    return "key:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
