"""Security headers on every answer (OWASP API8: security misconfiguration)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ALWAYS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin")]
# API answers carry personal data: no cache may keep them; nothing in them may run as a page
_API = [(b"cache-control", b"no-store"), (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")]
# the console: own scripts and styles only, talking to this origin only
_CONSOLE = [(b"cache-control", b"no-cache"), (b"content-security-policy",
            b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'")]
_DOCS = ("/docs", "/redoc")  # Swagger UI loads its own scripts: no CSP there, but no framing either


class SecurityHeadersMiddleware:
    """Adds the headers unless the app set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path in ("/", "/dashboard") or path.startswith("/console/"):
            extra = _CONSOLE
        elif path.startswith(_DOCS):
            extra = [(b"cache-control", b"no-cache")]
        else:
            extra = _API

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in (*_ALWAYS, *extra) if n not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
