from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from identity_service.config import Settings
from identity_service.main import create_app

pytest_plugins = ["idic_devstack.pytest_plugin"]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/identity.db"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def client(database_url: str, kafka) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, kafka_bootstrap_servers=kafka.bootstrap_servers, log_json=False)
    with TestClient(create_app(settings)) as c:
        yield c
