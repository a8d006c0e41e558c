"""Run the five deployables as real processes (uvicorn), for `make run` and for tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from .ports import free_port, port_open


@dataclass(frozen=True)
class ServiceDef:
    name: str
    module: str
    default_port: int
    env_prefix: str


SERVICES: tuple[ServiceDef, ...] = (
    ServiceDef("identity", "identity_service.entrypoints.api", 8001, "IDENTITY_"),
    ServiceDef("interaction", "interaction_service.entrypoints.api", 8002, "INTERACTION_"),
    ServiceDef("scoring", "scoring_service.entrypoints.api", 8003, "SCORING_"),
    ServiceDef("treatment", "treatment_service.entrypoints.api", 8004, "TREATMENT_"),
)
GATEWAY = ServiceDef("gateway", "gateway.entrypoints.api", 8000, "GATEWAY_")


@dataclass
class Stack:
    """The four services and the gateway. ``database_urls`` maps a service name to its
    DATABASE_URL (empty: the embedded SQLite default under ``data_dir``)."""

    kafka_bootstrap: str
    workdir: Path
    database_urls: dict[str, str] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for svc in (*SERVICES, GATEWAY):
            self.ports.setdefault(svc.name, free_port())
        (self.workdir / "logs").mkdir(parents=True, exist_ok=True)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def env_for(self, svc: ServiceDef) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update({
            "KAFKA_BOOTSTRAP_SERVERS": self.kafka_bootstrap,
            f"{svc.env_prefix}DATA_DIR": str(self.workdir / "data"),
            "PYTHONUNBUFFERED": "1",
        })
        if self.database_urls.get(svc.name):
            env["DATABASE_URL"] = self.database_urls[svc.name]
        if svc is GATEWAY:
            for backend in SERVICES:
                env[f"GATEWAY_{backend.name.upper()}_URL"] = self.url(backend.name)
        env.update(self.extra_env)
        return env

    def start(self, name: str, *, instance: str | None = None, env: dict[str, str] | None = None) -> None:
        """Start one deployable (its API process, which also runs its relay and consumers).
        ``instance`` starts one more process of the same service (same database, same
        consumer group, its own port) under the key ``name#instance``; ``env`` overrides
        settings of this process only (e.g. a second gateway with other rate limits)."""
        svc = next(s for s in (*SERVICES, GATEWAY) if s.name == name)
        key = name if instance is None else f"{name}#{instance}"
        self.ports.setdefault(key, free_port())
        log = open(self.workdir / "logs" / f"{key}.log", "ab")
        self.processes[key] = subprocess.Popen(
            [sys.executable, "-m", svc.module, "--port", str(self.ports[key])],
            env={**self.env_for(svc), **(env or {})}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def start_worker(self, name: str, role: str, *, instance: str, env: dict[str, str] | None = None) -> str:
        """Start a worker-only process of a service: ``role`` is ``relay`` or ``consumer``, the entrypoints a
        production deployment runs apart from its API replicas (those run with ``<P>RUN_WORKERS=false``).
        Same database and consumer group as the service's other processes; key ``name-role#instance``
        (returned). It serves no API: its Prometheus metrics answer at ``url(key)`` (``<P>METRICS_PORT``,
        any path), so ``wait_healthy`` and a scrape of ``/metrics`` work on it too."""
        if role not in ("relay", "consumer"):
            raise ValueError(f"no worker role {role!r}: relay or consumer")
        svc = next(s for s in SERVICES if s.name == name)
        key = f"{name}-{role}#{instance}"
        self.ports.setdefault(key, free_port())
        module = f"{svc.module.rsplit('.', 1)[0]}.{role}"
        log = open(self.workdir / "logs" / f"{key}.log", "ab")
        self.processes[key] = subprocess.Popen(
            [sys.executable, "-m", module],
            env={**self.env_for(svc), f"{svc.env_prefix}METRICS_PORT": str(self.ports[key]), **(env or {})},
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        return key

    def start_all(self, *, timeout: float = 90.0) -> None:
        for svc in SERVICES:
            self.start(svc.name)
        self.start(GATEWAY.name)
        for name in self.processes:
            self.wait_healthy(name, timeout=timeout)

    def wait_healthy(self, name: str, *, timeout: float = 90.0, ready: bool = False) -> None:
        """Until /healthz (or /readyz) answers 200; fail early if the process died."""
        deadline = time.monotonic() + timeout
        path = "/readyz" if ready else "/healthz"
        while time.monotonic() < deadline:
            proc = self.processes[name]
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}; log: {self.workdir}/logs/{name}.log\n"
                                   + self.log_tail(name))
            if port_open(self.ports[name]):
                try:
                    if httpx.get(self.url(name) + path, timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
            time.sleep(0.2)
        raise TimeoutError(f"{name} not {'ready' if ready else 'healthy'} after {timeout}s\n" + self.log_tail(name))

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.workdir / "logs" / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Kill a deployable (SIGKILL by default: no shutdown hooks, like a crash)."""
        proc = self.processes.get(name)
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, sig)
            proc.wait(30)

    def stop_all(self) -> None:
        for name in list(self.processes):
            proc = self.processes[name]
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.processes.values():
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
