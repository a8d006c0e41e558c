"""docker-compose.yml is checked here because no Docker engine runs in CI: it parses, every
build context and Dockerfile exists, each service gets the environment it reads (and
nothing it would ignore), ports are unique and the start order follows health."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic_settings import BaseSettings

from idic.settings import env_names

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
    given = {k.removesuffix("_FILE") for k in environment(SERVICES[name])}  # NAME_FILE sets NAME from a file
    required = {env for env, has_default in reads.items() if not has_default}
    if name != "gateway":  # in compose every service runs on PostgreSQL and the compose Kafka
        required |= {"DATABASE_HOST", "DATABASE_NAME", "DATABASE_USER", "DATABASE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS"}
    else:
        required |= {"IDIC_API_KEYS"}
    assert required <= given, f"{name} lacks {required - given}"
    assert given <= set(reads), f"{name} would ignore {given - set(reads)}"


SECRET_WORDS = re.compile(r"PASSWORD|API_KEYS|SECRET|TOKEN", re.I)


def test_no_secret_is_an_environment_value_each_is_a_docker_secret_file() -> None:
    declared = COMPOSE["secrets"]
    for name, service in SERVICES.items():
        mounted = set(service.get("secrets", []))
        for variable, value in environment(service).items():
            if not SECRET_WORDS.search(variable):
                continue
            assert variable.endswith("_FILE"), f"{name}: {variable} is a secret in the environment"
            assert value.startswith("/run/secrets/"), (name, variable, value)
            secret = value.removeprefix("/run/secrets/")
            assert secret in mounted, f"{name} reads {secret} without mounting it"
        for secret in mounted:
            assert declared[secret]["file"].startswith("./secrets/"), secret
    assert "secrets/" in (ROOT / ".gitignore").read_text().splitlines()


def test_the_secrets_script_makes_keys_the_gateway_accepts_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gateway.config import Settings as GatewaySettings

    script = tmp_path / "infra/compose/make-secrets.sh"
    script.parent.mkdir(parents=True)
    shutil.copy(ROOT / "infra/compose/make-secrets.sh", script)
    first = subprocess.run(["sh", str(script)], capture_output=True, text=True, check=True)
    files = {secret["file"].removeprefix("./"): tmp_path / secret["file"] for secret in COMPOSE["secrets"].values()}
    assert all(path.is_file() and path.stat().st_size for path in files.values()), files
    made = {name: path.read_text() for name, path in files.items()}
    again = subprocess.run(["sh", str(script)], capture_output=True, text=True, check=True)
    assert again.stdout == "" and {n: p.read_text() for n, p in files.items()} == made  # made once, never overwritten
    assert (tmp_path / "secrets").stat().st_mode & 0o077 == 0  # the directory is its owner's alone

    monkeypatch.delenv("IDIC_API_KEYS", raising=False)
    monkeypatch.setenv("IDIC_API_KEYS_FILE", str(files["secrets/api_keys.json"]))
    gateway = GatewaySettings(env="production")  # what the gateway's container reads: it starts
    [(key, (scopes, _))] = gateway.grants().items()
    assert len(key) >= gateway.min_key_length and scopes == {"read", "write", "admin"}
    assert key in first.stdout  # the operator learns the key once, from the script


def test_kafka_keeps_its_data_on_its_volume_and_every_container_restarts_with_bounded_logs() -> None:
    kafka = SERVICES["kafka"]
    mounts = dict(v.split(":", 1) for v in kafka["volumes"])
    assert kafka["environment"]["KAFKA_LOG_DIRS"] == mounts["kafka-data"]  # the image's default is under /tmp
    for name, service in SERVICES.items():
        assert service.get("restart") == "unless-stopped", name
        logging = service.get("logging", {})  # rotated, or the default json-file log fills the disk
        assert logging.get("driver") == "json-file" and logging["options"]["max-size"] and \
            int(logging["options"]["max-file"]) > 1, name


def test_databases_are_separate_and_created_by_the_init_script() -> None:
    init = (ROOT / "infra/postgres/init.sql").read_text()
    names = {n: environment(SERVICES[n])["DATABASE_NAME"] for n in APPS if n != "gateway"}
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
