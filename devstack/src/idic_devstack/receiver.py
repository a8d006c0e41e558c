"""A real HTTP receiver of webhook deliveries for tests and benchmarks: records every request it
answers, can answer with a chosen status, and can go down and come back on the same port (a
receiver outage, as a subscriber's server would have one)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .ports import free_port


@dataclass(frozen=True)
class Received:
    """One request as it arrived: path, headers (lower-cased names), raw body, arrival time."""

    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.time)


class _Server(ThreadingHTTPServer):
    """Remembers its open connections so that ``down()`` can cut kept-alive ones as well."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.connections: set[socket.socket] = set()
        super().__init__(*args, **kwargs)

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, addr = super().get_request()
        self.connections.add(conn)
        return conn, addr

    def shutdown_request(self, request: Any) -> None:
        self.connections.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        for conn in list(self.connections):
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class WebhookReceiver:
    """``with WebhookReceiver() as hook: ... hook.url ... hook.received``. ``status`` is what it
    answers (e.g. 500 to make the sender retry); ``down()`` closes its socket, ``up()`` opens it again."""

    def __init__(self, *, port: int | None = None, status: int = 204) -> None:
        self.port = port or free_port()
        self.status = status
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Where to subscribe it."""
        return f"http://127.0.0.1:{self.port}/hooks"

    def up(self) -> None:
        """Start answering (again) on the same port."""
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a subscriber's server would

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                arrived = Received(path=self.path, body=body, headers={k.lower(): v for k, v in self.headers.items()})
                with receiver._lock:  # before the answer: whoever sees the answer finds the request recorded
                    receiver.received.append(arrived)
                try:
                    self.send_response(receiver.status)
                    self.send_header("content-length", "0")
                    self.end_headers()  # written to the socket here
                except OSError:
                    # cut by down() before the answer left: the sender saw a failure and will send it again, so
                    # it was not received (a test counting deliveries per webhook-id counted it twice)
                    with receiver._lock:
                        receiver.received[:] = [r for r in receiver.received if r is not arrived]
                    raise

            def log_message(self, *_: Any) -> None:  # keep test output clean
                pass

        self._server = _Server(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def down(self) -> None:
        """Stop answering: connections to the port are refused until ``up()``."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.drop_connections()  # kept-alive connections too: the outage is total
            self._server = None

    def requests(self) -> list[Received]:
        """A copy of what arrived so far (safe to read while deliveries arrive)."""
        with self._lock:
            return list(self.received)

    def __enter__(self) -> WebhookReceiver:
        self.up()
        return self

    def __exit__(self, *_: Any) -> None:
        self.down()
