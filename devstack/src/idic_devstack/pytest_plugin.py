"""pytest fixtures for real infrastructure: one Kafka broker and one PostgreSQL cluster per
test session, started by the project itself (no Docker). Enabled by ``-p idic_devstack.pytest_plugin``
(the root conftest and every service's conftest do this).

Set ``IDIC_TEST_KAFKA`` / ``IDIC_TEST_POSTGRES_PORT`` to reuse running ones instead."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from .kafka import SERVER_JVM_OPTIONS, TEST_JVM_OPTIONS, KafkaBroker
from .postgres import PostgresCluster


@pytest.fixture(scope="session")
def infra_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("infra")


def jvm_options(config: pytest.Config) -> tuple[str, ...]:
    """The quick-starting JVM for test sessions; benchmarks (``-m bench``) measure the broker as it
    would run for real (the JVM's default compilers, G1)."""
    marks = config.getoption("markexpr", "") or ""
    return SERVER_JVM_OPTIONS if "bench" in marks and "not bench" not in marks else TEST_JVM_OPTIONS


@pytest.fixture(scope="session")
def kafka(infra_dir: Path, pytestconfig: pytest.Config) -> Iterator[KafkaBroker]:
    """A real single-node KRaft Kafka broker on a free port."""
    with KafkaBroker(infra_dir / "kafka", jvm_options=jvm_options(pytestconfig)) as broker:
        yield broker


@pytest.fixture(scope="session")
def postgres(infra_dir: Path) -> Iterator[PostgresCluster]:
    """A real PostgreSQL cluster (Debian's packages) on a free port."""
    # Not under pytest's tmp dir: that is private to root, and PostgreSQL runs as `postgres`.
    workdir = Path(tempfile.mkdtemp(prefix="idic-pg-"))
    cluster = PostgresCluster(workdir)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def pg_url(postgres: PostgresCluster) -> str:
    """URL of a fresh, empty PostgreSQL database for one test."""
    return postgres.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def unique_suffix() -> str:
    """Distinct names (topics, groups) per test on the shared broker."""
    return uuid.uuid4().hex[:8]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bench: slow benchmark, run by `make bench` only")
    os.environ.setdefault("IDIC_LOG_JSON", "true")
