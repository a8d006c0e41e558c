"""Process entrypoints shared by the services: the API under uvicorn, or workers only."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

import uvicorn

from .logs import configure_logging, get_logger
from .runtime import ServiceRuntime
from .settings import ServiceSettings

# An idle keep-alive connection must be closed by the client, never by the server first: a server that
# closes it while the client's pool still holds it makes the client's next request fail ("Can not write
# request body"). uvicorn's default (5 s) is shorter than the gateway's upstream pool (15 s) and equal to
# httpx's (5 s); 75 s is what nginx and most load balancers use.
KEEP_ALIVE_S = 75


def serve_api(app_path: str, *, default_port: int) -> None:
    """Run ``module:create_app`` under uvicorn (host/port from HOST/PORT or flags)."""
    parser = argparse.ArgumentParser(description=f"serve {app_path}")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", default_port)))
    args = parser.parse_args()
    uvicorn.run(app_path, factory=True, host=args.host, port=args.port, log_config=None,
                access_log=False, proxy_headers=True, timeout_graceful_shutdown=10,
                timeout_keep_alive=KEEP_ALIVE_S)


def run_workers(build_runtime: Callable[[Any], ServiceRuntime[Any]], settings: ServiceSettings, *,
                relay: bool, consumers: bool) -> None:
    """A worker-only process (relay and/or consumers) for deployments that split them
    from the API; set ``<PREFIX>RUN_WORKERS=false`` on the API process then. It serves its Prometheus
    metrics (consumer lag, events applied and dead-lettered, outbox backlog) on ``<PREFIX>METRICS_PORT``:
    the alerts on lag and dead letters can only fire if the processes doing that work are scraped."""
    configure_logging(service=settings.service_name, level=settings.log_level, json=settings.log_json)
    if settings.metrics_port:
        from prometheus_client import start_http_server

        host = os.environ.get("HOST", "127.0.0.1")
        start_http_server(settings.metrics_port, addr=host)
        get_logger(__name__).info("metrics served", host=host, port=settings.metrics_port)
    build_runtime(settings).run_forever(relay=relay, consumers=consumers)


def run_redrive(build_runtime: Callable[[Any], ServiceRuntime[Any]], settings: ServiceSettings) -> None:
    """``python -m <service>.entrypoints.redrive``: list the dead letters of the service's consumer groups
    (the default; one JSON object a line), or ``--apply`` them again after a fix (``idic.redrive``)."""
    import json
    import sys
    from dataclasses import asdict

    from .redrive import dead_letters_of

    parser = argparse.ArgumentParser(description="list or apply again what this service's consumers dead-lettered")
    parser.add_argument("--group", help="one consumer group (default: every group of the service)")
    parser.add_argument("--apply", action="store_true", help="apply them again (default: only list them)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many a group")
    args = parser.parse_args()
    configure_logging(service=settings.service_name, level=settings.log_level, json=settings.log_json)
    letters = dead_letters_of(build_runtime(settings))
    if args.group is not None and args.group not in letters:
        sys.exit(f"no consumer group {args.group!r} in {settings.service_name} (groups: {sorted(letters)})")
    for group, found in letters.items():
        if args.group not in (None, group):
            continue
        if args.apply:
            print(json.dumps({"group": group, "outcomes": found.redrive(limit=args.limit)}), flush=True)
        else:
            for letter in found.pending(limit=args.limit or 1000):
                print(json.dumps(asdict(letter)), flush=True)
