"""Writes through this gateway drop the cached 360 views they change at once, not when their event arrives.

The event a write causes reaches the change feed a relay poll later (~0.2 s); a caller that writes and then
reads its customer's view through the same replica must see its write. A route that knows which customers
it changed names them (``changed``); any other successful write drops every view, which is safe for the
writes that reach many customers (a rule, a model, a batch) and for routes added later without a thought
for the cache. Writes that change no view (webhooks, a simulation) are listed in ``_CHANGE_NO_VIEW``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from fastapi import Request, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..domain.view_cache import ViewCache

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_STATE_KEY = "changed_customers"
_CHANGE_NO_VIEW = ("/v1/webhooks", "/v1/rules:simulate", "/v1/models/matching:train")


def changed(request: Request, customer_ids: Iterable[str | None]) -> None:
    """The customers this request changes: only their views are dropped when it succeeds."""
    named: list[str] = request.scope.setdefault("state", {}).setdefault(_STATE_KEY, [])
    named.extend(c for c in customer_ids if c)


def changed_per_answer(request: Request, answer: Response, *fields: str) -> Response:
    """``changed`` with the customer ids the service's JSON answer names in ``fields`` (``customer_id``...)."""
    try:
        document = json.loads(bytes(answer.body)) if answer.status_code < 300 else None
    except ValueError:
        document = None
    if isinstance(document, dict):
        changed(request, (document[f] for f in fields if isinstance(document.get(f), str)))
    return answer


class ForgetViewsOnWrites:
    """ASGI middleware: after a successful write, drop the views it changed (or all of them)."""

    def __init__(self, app: ASGIApp, *, cache: ViewCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send)
            return

        async def forget_on_success(message: Message) -> None:
            # before the answer leaves: a read the caller sends after it must not find the old view
            if message["type"] == "http.response.start" and message["status"] < 400:
                self._forget(scope)
            await send(message)

        await self.app(scope, receive, forget_on_success)

    def _forget(self, scope: Scope) -> None:
        path: str = scope["path"]
        if path.startswith(_CHANGE_NO_VIEW):
            return
        named = scope.get("state", {}).get(_STATE_KEY)
        if named:
            self.cache.forget(named)
        else:
            self.cache.clear()
