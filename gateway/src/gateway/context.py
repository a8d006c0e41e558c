"""Per-request context the API layer sets and the service clients read."""

from __future__ import annotations

from contextvars import ContextVar

# who is calling (the API key's actor name, else a digest of the key), forwarded to the services as X-Actor
actor_var: ContextVar[str | None] = ContextVar("gateway_actor", default=None)
