"""A single-node Apache Kafka broker in KRaft mode, run from jars fetched by Maven.

The jars come from Maven Central through ``infra/kafka/pom.xml`` (pinned version); the
broker runs with plain ``java`` so that no Docker engine or tarball download is needed.
"""

from __future__ import annotations

import base64
import os
import secrets
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .ports import free_port, port_open

REPO_ROOT = Path(__file__).resolve().parents[3]
KAFKA_HOME = REPO_ROOT / "infra" / "kafka"
LIB_DIR = KAFKA_HOME / "lib"

LOG4J2_PROPERTIES = """\
status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = ${sys:kafka.logs.dir}/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
"""


# The JVM of a broker that serves one test session: the C1 compiler only (C2's compile threads cost
# more CPU than they save over a few minutes) and the serial collector. Measured on the 2-core box:
# start to ready 17 s -> 9 s and 10 s -> 6 s of CPU; 62,000 messages produced and consumed with
# 7.7 s -> 3.8 s of broker CPU. Long-lived brokers (`make run`, benchmarks) keep the JVM's defaults.
TEST_JVM_OPTIONS: tuple[str, ...] = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
SERVER_JVM_OPTIONS: tuple[str, ...] = ("-XX:+UseG1GC",)


def cluster_id() -> str:
    """A KRaft cluster id as ``kafka-storage random-uuid`` makes it (URL-safe base64 of 16 random bytes,
    never starting with '-'), without starting a JVM for it."""
    while True:
        value = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not value.startswith("-"):
            return value


def pinned_version() -> str:
    """The Kafka version pinned in infra/kafka/pom.xml."""
    text = (KAFKA_HOME / "pom.xml").read_text()
    start = text.index("<kafka.version>") + len("<kafka.version>")
    return text[start : text.index("</kafka.version>", start)]


def fetch_jars() -> Path:
    """Download the broker's jars with Maven unless the pinned version is already there."""
    marker = LIB_DIR / f".complete-{pinned_version()}"
    if marker.exists():
        return LIB_DIR
    if shutil.which("mvn") is None:
        raise RuntimeError("Maven (mvn) is needed to fetch the Kafka jars: apt-get install -y maven")
    if LIB_DIR.exists():
        shutil.rmtree(LIB_DIR)
    subprocess.run(
        [
            "mvn", "-q", "-B", "-f", str(KAFKA_HOME / "pom.xml"),
            "dependency:copy-dependencies", f"-DoutputDirectory={LIB_DIR}", "-DincludeScope=runtime",
        ],
        check=True,
    )
    marker.touch()
    return LIB_DIR


@dataclass(frozen=True)
class BrokerLogin:
    """A broker that takes clients only over TLS with a SASL/SCRAM login, as a managed or secured cluster
    does: its certificate is self-signed for 127.0.0.1 and localhost (``ca_file`` is what clients trust),
    and ``username`` is the one user clients may log in as (the broker talks to itself as another)."""

    username: str = "idic-client"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18), repr=False)
    mechanism: str = "SCRAM-SHA-512"
    broker_password: str = field(default_factory=lambda: secrets.token_urlsafe(18), repr=False)


@dataclass
class KafkaBroker:
    """One KRaft broker+controller process with its own data directory and ports; ``login`` makes its client
    listener SASL_SSL (see ``BrokerLogin``), else it is PLAINTEXT."""

    workdir: Path
    port: int = field(default_factory=free_port)
    controller_port: int = field(default_factory=free_port)
    heap: str = "768m"
    partitions: int = 6
    jvm_options: tuple[str, ...] = SERVER_JVM_OPTIONS
    login: BrokerLogin | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def ca_file(self) -> Path:
        """The PEM certificate a client trusts to talk TLS to this broker (with ``login`` only)."""
        return self.workdir / "tls" / "broker.pem"

    def client_config(self) -> dict[str, object]:
        """What a kafka-python client needs to connect and log in (the bootstrap list alone without ``login``)."""
        config: dict[str, object] = {"bootstrap_servers": self.bootstrap_servers}
        if self.login is not None:
            config.update(security_protocol="SASL_SSL", ssl_cafile=str(self.ca_file),
                          sasl_mechanism=self.login.mechanism, sasl_plain_username=self.login.username,
                          sasl_plain_password=self.login.password)
        return config

    def client_env(self) -> dict[str, str]:
        """The same as the environment the platform's services read (``KAFKA_*``)."""
        env = {"KAFKA_BOOTSTRAP_SERVERS": self.bootstrap_servers}
        if self.login is not None:
            env.update(KAFKA_SECURITY_PROTOCOL="SASL_SSL", KAFKA_SSL_CAFILE=str(self.ca_file),
                       KAFKA_SASL_MECHANISM=self.login.mechanism, KAFKA_SASL_USERNAME=self.login.username,
                       KAFKA_SASL_PASSWORD=self.login.password)
        return env

    def _listener_config(self) -> dict[str, str]:
        controller = f"CONTROLLER://127.0.0.1:{self.controller_port}"
        if self.login is None:
            return {
                "listeners": f"PLAINTEXT://127.0.0.1:{self.port},{controller}",
                "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
                "inter.broker.listener.name": "PLAINTEXT",
                "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            }
        keystore, store_password = self._tls_material()
        mechanism = self.login.mechanism
        return {
            "listeners": f"SASL_SSL://127.0.0.1:{self.port},{controller}",
            "advertised.listeners": f"SASL_SSL://127.0.0.1:{self.port}",
            # the broker reaches itself through the secured listener too, as the "broker" user
            "inter.broker.listener.name": "SASL_SSL",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
            "sasl.enabled.mechanisms": mechanism,
            "sasl.mechanism.inter.broker.protocol": mechanism,
            f"listener.name.sasl_ssl.{mechanism.lower()}.sasl.jaas.config":
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                f'username="broker" password="{self.login.broker_password}";',
            "ssl.keystore.type": "PKCS12",
            "ssl.keystore.location": str(keystore),
            "ssl.keystore.password": store_password,
            "ssl.key.password": store_password,
            "ssl.truststore.type": "PEM",
            "ssl.truststore.location": str(self.ca_file),
        }

    def _tls_material(self) -> tuple[Path, str]:
        """A key pair and self-signed certificate for 127.0.0.1/localhost (keytool, from the JDK the broker
        needs anyway), made once per work directory: the keystore and the PEM certificate clients trust."""
        tls = self.workdir / "tls"
        keystore, password_file = tls / "broker.p12", tls / "keystore-password"
        if not keystore.exists():
            tls.mkdir(parents=True, exist_ok=True)
            password_file.write_text(secrets.token_urlsafe(18))
            password = password_file.read_text()
            keytool = shutil.which("keytool") or "keytool"
            store = ["-keystore", str(keystore), "-storetype", "PKCS12", "-storepass", password]
            subprocess.run([keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048",
                            "-validity", "365", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                            "-keypass", password, *store], check=True, capture_output=True)
            subprocess.run([keytool, "-exportcert", "-rfc", "-alias", "broker", "-file", str(self.ca_file), *store],
                           check=True, capture_output=True)
        return keystore, password_file.read_text()

    @property
    def log_path(self) -> Path:
        return self.workdir / "logs" / "server.log"

    def _write_config(self) -> Path:
        (self.workdir / "logs").mkdir(parents=True, exist_ok=True)
        (self.workdir / "log4j2.properties").write_text(LOG4J2_PROPERTIES)
        props = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.bootstrap.servers": f"127.0.0.1:{self.controller_port}",
            **self._listener_config(),
            "controller.listener.names": "CONTROLLER",
            "log.dirs": str(self.workdir / "data"),
            "num.partitions": str(self.partitions),
            "default.replication.factor": "1",
            "min.insync.replicas": "1",
            # a single node: every internal topic has one replica
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "10",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "true",
            "log.retention.hours": "168",
        }
        path = self.workdir / "server.properties"
        path.write_text("".join(f"{k}={v}\n" for k, v in props.items()))
        return path

    def _java(self, main_class: str, *args: str, **popen: object) -> list[str]:
        java = shutil.which("java") or "java"
        return [
            java, f"-Xmx{self.heap}", f"-Xms{self.heap}", *self.jvm_options, "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={self.workdir / 'log4j2.properties'}",
            f"-Dkafka.logs.dir={self.workdir / 'logs'}",
            "-cp", f"{fetch_jars()}/*", main_class, *args,
        ]

    def format_storage(self, config: Path) -> None:
        """Format the KRaft metadata log once; a formatted directory is reused as is."""
        if (self.workdir / "data" / "meta.properties").exists():
            return
        users: list[str] = []
        if self.login is not None:  # SCRAM users live in the cluster's metadata: written with its first record
            for name, password in (("broker", self.login.broker_password), (self.login.username, self.login.password)):
                users += ["--add-scram", f"{self.login.mechanism}=[name={name},password={password}]"]
        subprocess.run(
            self._java("kafka.tools.StorageTool", "format", "--standalone", "-t", cluster_id(), "-c", str(config),
                       *users),
            check=True, capture_output=True,
        )

    def start(self, *, timeout: float = 90.0) -> KafkaBroker:
        """Start the broker (formatting storage on first start) and wait until it serves metadata."""
        config = self._write_config()
        self.format_storage(config)
        out = open(self.workdir / "logs" / "stdout.log", "ab")
        self.process = subprocess.Popen(
            self._java("kafka.Kafka", str(config)), stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        (self.workdir / "broker.pid").write_text(str(self.process.pid))
        self.wait_ready(timeout=timeout)
        return self

    def __enter__(self) -> KafkaBroker:
        """``with KafkaBroker(dir) as broker:`` a throw-away broker, killed at the end."""
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop(kill=True)

    def wait_ready(self, *, timeout: float) -> None:
        """Wait until the broker answers a metadata request (not just an open port)."""
        from kafka.admin import KafkaAdminClient

        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"Kafka exited with {self.process.returncode}; see {self.log_path}")
            if port_open(self.port):
                try:
                    admin = KafkaAdminClient(**self.client_config(), request_timeout_ms=3000)
                    try:
                        admin.list_topics()
                        return
                    finally:
                        admin.close()
                except Exception as exc:  # noqa: BLE001 - not ready yet, whatever the reason
                    last_error = exc
            time.sleep(0.2)
        raise TimeoutError(f"Kafka not ready on {self.bootstrap_servers} after {timeout}s: {last_error}")

    def stop(self, *, kill: bool = False, timeout: float = 30.0) -> None:
        """Stop the broker: SIGTERM for a clean shutdown, SIGKILL when kill=True or it hangs."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None
        while port_open(self.port):  # the port is the readiness signal of the next start
            time.sleep(0.05)

    def restart(self, *, timeout: float = 90.0) -> None:
        """Stop (if running) and start again on the same ports and data."""
        self.stop()
        self.start(timeout=timeout)
