"""Each container of docker-compose.yml, started outside Docker: the command line its Dockerfile runs,
with the environment compose gives it (its variables, the Dockerfile's, compose's `${VAR:-default}`s
resolved) and its Docker secrets as files made by `infra/compose/make-secrets.sh`, against a real
PostgreSQL prepared by `infra/postgres/init.sql` and a real Kafka broker. Only what Docker's network
provides is translated: a compose host name (postgres, kafka, identity, ...) becomes 127.0.0.1 and its
port, and /run/secrets/<name> the secret's file. So a variable misspelt in compose, a secret not
mounted, a database the init script does not create or a module the Dockerfile does not start fails
here. The PostgreSQL role needs its password (SCRAM), one full of URL-breaking characters: the services
must read it from the secret and put it in their URL whole."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url

from idic_devstack.ports import free_port
from idic_devstack.postgres import PostgresCluster
from idic_devstack.processes import serving

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APPS = ("identity", "interaction", "scoring", "treatment", "gateway")  # start order: the gateway needs the four
PASSWORD = "p@ss:w/rd#%?&"
VARIABLE = re.compile(r"\$\{(\w+)(?::([-?])([^}]*))?\}")


def interpolate(value: str) -> str:
    """compose's `${VAR:-default}` with nothing set in the shell: the default; `${VAR:?why}` fails."""
    def one(match: re.Match[str]) -> str:
        name, kind, rest = match.groups()
        if kind == "-":
            return rest
        raise AssertionError(f"compose needs {name} set in the shell: {rest or 'required'}")
    return VARIABLE.sub(one, value)


def dockerfile(name: str) -> tuple[list[str], dict[str, str]]:
    """The Dockerfile's CMD and the variables its ENV lines set."""
    text_ = (ROOT / SERVICES[name]["build"]["dockerfile"]).read_text()
    [cmd] = re.findall(r"^CMD (\[.*\])$", text_, flags=re.M)
    env: dict[str, str] = {}
    for line in re.findall(r"^ENV (.*)$", text_, flags=re.M):
        env.update(pair.split("=", 1) for pair in line.split() if "=" in pair)
    return json.loads(cmd), env


@pytest.fixture(scope="module")
def secrets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """compose's secrets, made by the script an operator runs: /run/secrets/<name> -> its file."""
    root = tmp_path_factory.mktemp("compose")
    script = root / "infra/compose/make-secrets.sh"
    script.parent.mkdir(parents=True)
    shutil.copy(ROOT / "infra/compose/make-secrets.sh", script)
    subprocess.run(["sh", str(script)], check=True, capture_output=True)
    made = {name: root / spec["file"] for name, spec in COMPOSE["secrets"].items()}
    made["postgres_password"].write_text(PASSWORD + "\n")  # the hardest password to put in a URL
    return made


@pytest.fixture(scope="module")
def database(postgres: PostgresCluster, secrets: dict[str, Path]) -> Iterator[dict[str, Any]]:
    """The role compose's PostgreSQL image creates from POSTGRES_USER (a superuser, with the secret's
    password), and the databases init.sql creates, run as that role as the image does."""
    user = SERVICES["postgres"]["environment"]["POSTGRES_USER"]
    admin = create_engine(postgres.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        quoted = PASSWORD.replace("'", "''").replace("%", "%%")  # DDL takes no bound parameters; % is the driver's
        conn.exec_driver_sql(f"CREATE ROLE {user} LOGIN SUPERUSER PASSWORD '{quoted}'")
        # the test cluster trusts local connections; this role must prove its password, as in compose
        hba = postgres.datadir / "pg_hba.conf"
        hba.write_text(f"host all {user} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        conn.execute(text("SELECT pg_reload_conf()"))
    as_user = create_engine(URL.create("postgresql+psycopg", username=user, password=PASSWORD, host="127.0.0.1",
                                       port=postgres.port, database="postgres"), isolation_level="AUTOCOMMIT")
    with as_user.connect() as conn:
        for statement in (ROOT / "infra/postgres/init.sql").read_text().split(";"):
            body = "\n".join(line for line in statement.splitlines() if not line.strip().startswith("--")).strip()
            if body:
                conn.execute(text(body))
    yield {"host": "127.0.0.1", "port": postgres.port, "user": user}
    as_user.dispose()
    admin.dispose()


def reachable(variable: str, value: str, addresses: dict[str, str]) -> str:
    """A compose host name (with its container port) as reachable outside Docker."""
    if variable == "DATABASE_HOST":
        return addresses[value]
    if re.fullmatch(r"[a-z-]+:\d+", value):                      # kafka:9092
        return addresses[value.split(":")[0]]
    return re.sub(r"(?<=://)([a-z-]+):\d+", lambda m: addresses[m.group(1)], value)  # http://identity:8001


def container_env(name: str, *, addresses: dict[str, str], secrets: dict[str, Path]) -> dict[str, str]:
    """What the container's process sees: the Dockerfile's ENV, then compose's environment, with Docker's
    network and secret mounts translated."""
    _, env = dockerfile(name)
    env = {k: v for k, v in env.items() if k != "PATH"}
    env |= {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "HOME": os.environ.get("HOME", "/tmp")}
    for variable, value in SERVICES[name]["environment"].items():
        value = interpolate(str(value))
        if value.startswith("/run/secrets/"):
            env[variable] = str(secrets[value.removeprefix("/run/secrets/")])
        else:
            env[variable] = reachable(variable, value, addresses)
    return env


def test_every_container_command_starts_with_the_environment_compose_gives_it(
        kafka: Any, database: dict[str, Any], secrets: dict[str, Path]) -> None:
    ports = {name: free_port() for name in APPS}
    addresses = {"kafka": kafka.bootstrap_servers, "postgres": database["host"],
                 **{name: f"127.0.0.1:{ports[name]}" for name in APPS}}
    with ExitStack() as running:
        for name in APPS:
            command, _ = dockerfile(name)
            env = container_env(name, addresses=addresses, secrets=secrets)
            if name != "gateway":  # compose's PostgreSQL listens on the default port; the test cluster elsewhere
                assert "DATABASE_PORT" not in env
                env["DATABASE_PORT"] = str(database["port"])
            port_at = command.index("--port") + 1
            args = [sys.executable, *command[1:port_at], str(ports[name]), *command[port_at + 1:]]
            package = "gateway" if name == "gateway" else f"{name}_service"
            assert command[0] == "python" and args[1:3] == ["-m", f"{package}.entrypoints.api"]
            running.enter_context(serving(args, env=env, ready_url=f"http://127.0.0.1:{ports[name]}/readyz",
                                          timeout=90))
        # each service migrated its own database, the one init.sql made and compose names
        for name in APPS[:-1]:
            url = make_url(database_url(database, SERVICES[name]["environment"]["DATABASE_NAME"]))
            engine = create_engine(url)
            assert "alembic_version" in inspect(engine).get_table_names(), name
            engine.dispose()
        # the gateway took the key the script made: an outside client identifies a customer through it
        keys = json.loads(secrets["api_keys"].read_text())
        email = f"compose-{uuid.uuid4().hex[:8]}@example.org"
        with httpx.Client(base_url=f"http://127.0.0.1:{ports['gateway']}", headers={"X-API-Key": next(iter(keys))},
                          timeout=30) as client:
            identified = client.post("/v1/customers/identify", json={"identifiers": [{"type": "email", "value": email}]})
            assert identified.status_code == 200, identified.text
            assert client.get(f"/v1/customers/{identified.json()['customer_id']}").status_code == 200
            assert client.get("/v1/customers/x", headers={"X-API-Key": "not-a-key-at-all"}).status_code == 401


def database_url(database: dict[str, Any], name: str) -> URL:
    return URL.create("postgresql+psycopg", username=database["user"], password=PASSWORD, host=database["host"],
                      port=database["port"], database=name)
