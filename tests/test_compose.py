"""docker-compose.yml is checked here because no Docker engine runs in CI: it parses, every
build context and Dockerfile exists, each service gets the environment it reads (and
nothing it would ignore), ports are unique and the start order follows health."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import AliasChoices
from pydantic_settings import BaseSettings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APPS = {  # compose service -> (settings class, api module, port)
    "identity": ("identity_service.config:Settings", "identity_service.entrypoints.api", 8001),
    "interaction": ("interaction_service.config:Settings", "interaction_service.entrypoints.api", 8002),
    "scoring": ("scoring_service.config:Settings", "scoring_service.entrypoints.api", 8003),
    "treatment": ("treatment_service.config:Settings", "treatment_service.entrypoints.api", 8004),
    "gateway": ("gateway.config:Settings", "gateway.entrypoints.api", 8000),
}


def settings_class(path: str) -> type[BaseSettings]:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def env_names(cls: type[BaseSettings]) -> dict[str, bool]:
    """Environment variables a settings class reads -> whether it has a usable default."""
    prefix = str(cls.model_config.get("env_prefix", "")).upper()
    names: dict[str, bool] = {}
    for field_name, info in cls.model_fields.items():
        has_default = not info.is_required()
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            choices = [c for c in alias.choices if isinstance(c, str) and c.isupper()]
        elif isinstance(alias, str):
            choices = [alias.upper()]
        else:
            choices = [f"{prefix}{field_name.upper()}"]
        for choice in choices:
            names[choice] = has_default
    return names


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def test_compose_file_has_the_whole_suite() -> None:
    assert set(SERVICES) == {"kafka", "postgres", *APPS}
    assert SERVICES["kafka"]["image"].startswith("apache/kafka:")
    assert SERVICES["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper


@pytest.mark.parametrize("name", APPS)
def test_build_context_and_dockerfile_exist_and_start_the_right_module(name: str) -> None:
    build = SERVICES[name]["build"]
    context = ROOT / build["context"]
    dockerfile = context / build["dockerfile"]
    assert context.is_dir() and dockerfile.is_file()
    text = dockerfile.read_text()
    _, module, port = APPS[name]
    importlib.import_module(module)
    assert f'"{module}"' in text and f"EXPOSE {port}" in text and f"PORT={port}" in text
    for copied in re.findall(r"^COPY (?!--)(\S+)", text, flags=re.M):
        assert (context / copied).exists(), f"{dockerfile} copies missing {copied}"


@pytest.mark.parametrize("name", APPS)
def test_every_variable_a_service_needs_is_set_and_none_is_ignored(name: str) -> None:
    reads = env_names(settings_class(APPS[name][0]))
    given = environment(SERVICES[name])
    required = {env for env, has_default in reads.items() if not has_default}
    if name != "gateway":  # in compose every service runs on PostgreSQL and the compose Kafka
        required |= {"DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS"}
    assert required <= set(given), f"{name} lacks {required - set(given)}"
    assert set(given) <= set(reads), f"{name} would ignore {set(given) - set(reads)}"


def test_databases_are_separate_and_created_by_the_init_script() -> None:
    init = (ROOT / "infra/postgres/init.sql").read_text()
    urls = {n: environment(SERVICES[n])["DATABASE_URL"] for n in APPS if n != "gateway"}
    names = {n: url.rsplit("/", 1)[1] for n, url in urls.items()}
    assert len(set(names.values())) == len(names), "two services share a database"
    for db in names.values():
        assert f"CREATE DATABASE {db};" in init
    mounts = " ".join(SERVICES["postgres"]["volumes"])
    assert "infra/postgres/init.sql:/docker-entrypoint-initdb.d/" in mounts


def test_gateway_points_at_each_service_on_its_container_port() -> None:
    env = environment(SERVICES["gateway"])
    for name, (_, _, port) in APPS.items():
        if name != "gateway":
            assert env[f"GATEWAY_{name.upper()}_URL"] == f"http://{name}:{port}"


def test_published_host_ports_are_unique_and_only_the_gateway_is_public() -> None:
    published = [str(p).rsplit(":", 1)[0] for s in SERVICES.values() for p in s.get("ports", [])]
    assert len(published) == len(set(published))
    assert [n for n, s in SERVICES.items() if s.get("ports")] == ["gateway"]


def test_start_order_follows_health() -> None:
    for name, service in SERVICES.items():
        assert "healthcheck" in service, f"{name} has no healthcheck"
        for dependency, condition in service.get("depends_on", {}).items():
            assert dependency in SERVICES
            assert condition == {"condition": "service_healthy"}, (name, dependency)
    for name in ("identity", "interaction", "scoring", "treatment"):
        assert set(SERVICES[name]["depends_on"]) == {"kafka", "postgres"}
    assert set(SERVICES["gateway"]["depends_on"]) == {"identity", "interaction", "scoring", "treatment"}

    order: list[str] = []  # a topological order exists (no cycle)
    pending = dict(SERVICES)
    while pending:
        ready = [n for n, s in pending.items() if set(s.get("depends_on", {})) <= set(order)]
        assert ready, f"dependency cycle among {sorted(pending)}"
        order.extend(ready)
        for n in ready:
            del pending[n]
    assert order.index("gateway") == len(order) - 1


@pytest.mark.parametrize("name", [n for n in APPS if n != "gateway"])
def test_images_ship_the_migrations_they_run_at_start(name: str) -> None:
    """The Dockerfile does a normal (non-editable) install: alembic.ini and the migration
    scripts must be package data or the container cannot migrate its database."""
    import tomllib

    package = APPS[name][1].split(".")[0]
    project = tomllib.loads((ROOT / SERVICES[name]["build"]["dockerfile"]).with_name("pyproject.toml").read_text())
    data = project["tool"]["setuptools"]["package-data"][package]
    assert "alembic.ini" in data and "migrations/versions/*.py" in data and "migrations/*.py" in data
    source = ROOT / SERVICES[name]["build"]["dockerfile"]
    assert (source.parent / "src" / package / "alembic.ini").is_file()
