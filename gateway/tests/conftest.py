"""Fixtures: fake upstream services and a gateway wired to them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from gateway_fakes import SERVICES, Upstreams, make_settings

from gateway.config import Settings
from gateway.main import create_app


@pytest.fixture
def upstreams() -> Upstreams:
    return Upstreams()


@pytest.fixture
def settings() -> Settings:
    return make_settings()


@pytest.fixture
def gateway(upstreams: Upstreams, settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, transports={s: upstreams.transport(s) for s in SERVICES})
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
