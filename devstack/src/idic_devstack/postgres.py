"""A throw-away PostgreSQL cluster from Debian's packages, for tests and benchmarks.

Runs ``initdb``/``pg_ctl`` from /usr/lib/postgresql/<n>/bin on a free port with a private
socket directory, so it never touches a system cluster. PostgreSQL refuses to run as root,
so as root the cluster belongs to the ``postgres`` user that Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .ports import free_port, wait_for_port


def pg_bindir() -> Path:
    """Directory holding initdb/pg_ctl; installs Debian's postgresql package if missing."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if not candidates and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise RuntimeError("PostgreSQL server binaries not found: apt-get install -y postgresql")
    return Path(candidates[-1]).parent


@dataclass
class PostgresCluster:
    """A private PostgreSQL cluster: trust auth on 127.0.0.1, fsync off (test data only)."""

    workdir: Path
    port: int = field(default_factory=free_port)
    user: str = "postgres"

    @property
    def datadir(self) -> Path:
        return self.workdir / "pgdata"

    def url(self, database: str) -> str:
        """SQLAlchemy URL (psycopg 3 driver) of one database in this cluster."""
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL tool, as the ``postgres`` user when we are root."""
        as_root = os.geteuid() == 0
        full = ["runuser", "-u", "postgres", "--", *cmd] if as_root else list(cmd)
        result = subprocess.run(full, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(full)} failed ({result.returncode}): {result.stderr.strip()}")
        return result

    def start(self) -> PostgresCluster:
        """initdb (first time) and start the server; wait until it accepts connections."""
        bindir = pg_bindir()
        self.workdir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres", "postgres")
        if not (self.datadir / "PG_VERSION").exists():
            self._run(str(bindir / "initdb"), "-D", str(self.datadir), "-U", self.user,
                      "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = (
            f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        self._run(str(bindir / "pg_ctl"), "-D", str(self.datadir), "-o", options,
                  "-l", str(self.workdir / "postgres.log"), "-w", "start")
        wait_for_port(self.port, timeout=30)
        return self

    def create_database(self, name: str) -> str:
        """Create a database (dropping an older one of that name) and return its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server immediately (test data needs no clean checkpoint)."""
        if (self.datadir / "postmaster.pid").exists():
            self._run(str(pg_bindir() / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
