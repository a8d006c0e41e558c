"""``python -m gateway.entrypoints.api``: the public HTTP entry (port 8000, ``GATEWAY_PORT``)."""

from __future__ import annotations

import os

from idic.entrypoints import serve_api

if __name__ == "__main__":
    # API.md: GATEWAY_PORT changes the port; serve_api itself reads PORT and --port
    if "GATEWAY_PORT" in os.environ and "PORT" not in os.environ:
        os.environ["PORT"] = os.environ["GATEWAY_PORT"]
    serve_api("gateway.main:create_app", default_port=8000)
