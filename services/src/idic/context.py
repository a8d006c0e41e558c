"""Per-request / per-event context that crosses layers without being passed around."""

from __future__ import annotations

from contextvars import ContextVar

request_id_var: ContextVar[str | None] = ContextVar("idic_request_id", default=None)
