"""The whole suite as real processes (uvicorn) on a real Kafka and PostgreSQL, shared by the
end-to-end tests and the fault campaigns of one session."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from idic_devstack.kafka import KafkaBroker
from idic_devstack.postgres import PostgresCluster
from idic_devstack.stack import SERVICES, Stack

pytest_plugins = ["idic_devstack.pytest_plugin"]

API_KEY = "e2e-admin-key"
AGENT_KEY, AGENT = "e2e-agent-key", "agent.e2e"  # an agent's key: what they record is theirs


@pytest.fixture(scope="session")
def stack(kafka: KafkaBroker, postgres: PostgresCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    urls = {svc.name: postgres.create_database(f"e2e_{svc.name}") for svc in SERVICES}
    suite = Stack(kafka_bootstrap=kafka.bootstrap_servers, workdir=tmp_path_factory.mktemp("stack"),
                  database_urls=urls,
                  extra_env={"IDIC_API_KEYS": json.dumps({API_KEY: ["read", "write", "admin"],
                                                          "e2e-read-key": ["read"],
                                                          "e2e-write-key": ["write"],
                                                          AGENT_KEY: {"scopes": ["read", "write"],
                                                                      "actor": AGENT}}),
                             "IDIC_LOG_LEVEL": "INFO",
                             # every test client calls from 127.0.0.1: schemathesis' invalid-key
                             # probes must not get the valid key's address throttled for the rest
                             "GATEWAY_AUTH_FAILURES_PER_MINUTE": "0"})
    try:
        suite.start_all()
        for name in suite.processes:
            suite.wait_healthy(name, ready=True, timeout=60)
        yield suite
    finally:
        suite.stop_all()


@pytest.fixture
def gateway(stack: Stack) -> Iterator[httpx.Client]:
    """An outside client of the public API, with an admin key."""
    with httpx.Client(base_url=stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=30) as client:
        yield client

