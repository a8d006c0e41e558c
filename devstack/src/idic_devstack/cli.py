"""`idic-devstack run`: Kafka + the five deployables on the embedded default (SQLite)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .kafka import KafkaBroker, fetch_jars
from .ports import port_open
from .stack import GATEWAY, SERVICES, Stack


def run(args: argparse.Namespace) -> int:
    workdir = Path(args.var).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    fetch_jars()
    kafka_port: int = args.kafka_port if not port_open(args.kafka_port) else 0
    options: dict[str, Any] = {"port": kafka_port} if kafka_port else {}
    broker = KafkaBroker(workdir / "kafka", **options)
    # keep the controller port stable across runs: the formatted metadata log remembers it
    port_file = workdir / "kafka" / "controller.port"
    if port_file.exists() and not port_open(int(port_file.read_text())):
        broker.controller_port = int(port_file.read_text())
    print(f"starting Kafka (KRaft) on {broker.bootstrap_servers} ...", flush=True)
    broker.start()
    port_file.write_text(str(broker.controller_port))
    ports = {s.name: s.default_port for s in SERVICES}
    ports[GATEWAY.name] = int(os.environ.get("GATEWAY_PORT", GATEWAY.default_port))
    busy = [f"{n}:{p}" for n, p in ports.items() if port_open(p)]
    if busy:
        print(f"ports already in use: {', '.join(busy)} (another `make run`?)", file=sys.stderr)
        broker.stop()
        return 1
    extra = {"GATEWAY_ENV": os.environ.get("GATEWAY_ENV", "development")}
    stack = Stack(kafka_bootstrap=broker.bootstrap_servers, workdir=workdir, ports=ports, extra_env=extra)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        stack.start_all()
        gw = stack.url("gateway")
        print(f"""
I-D-I-C is up (data in {workdir}, logs in {workdir}/logs):
  gateway        {gw}            agent console: {gw}/   API docs: {gw}/docs   (dev API key: dev-key)
  identity       {stack.url('identity')}/docs
  interaction    {stack.url('interaction')}/docs
  scoring        {stack.url('scoring')}/docs
  treatment      {stack.url('treatment')}/docs
  kafka          {broker.bootstrap_servers}
Try:  curl -s -H 'X-API-Key: dev-key' -H 'content-type: application/json' \\
        -d '{{"identifiers":[{{"type":"email","value":"ann@example.com"}}]}}' {gw}/v1/customers/identify
Ctrl-C stops everything.""", flush=True)
        while not stop.is_set():
            for name, proc in list(stack.processes.items()):
                if proc.poll() is not None:  # supervise: restart a crashed deployable
                    print(f"{name} exited ({proc.returncode}); restarting", file=sys.stderr, flush=True)
                    time.sleep(1)
                    stack.start(name)
            stop.wait(1.0)
    finally:
        print("stopping ...", flush=True)
        stack.stop_all()
        broker.stop()
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(prog="idic-devstack")
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="Kafka + all five deployables on SQLite; prints the URLs")
    run_p.add_argument("--var", default=os.environ.get("IDIC_VAR", "./var"))
    run_p.add_argument("--kafka-port", type=int, default=int(os.environ.get("KAFKA_PORT", "9092")))
    sub.add_parser("fetch-kafka", help="download the pinned Kafka jars with Maven")
    args = parser.parse_args()
    if args.command == "fetch-kafka":
        print(fetch_jars())
        return
    sys.exit(run(args))
