"""Settings shared by every service; each service subclasses with its own env prefix. Any setting
may come from a file instead (``NAME_FILE``: Docker and Kubernetes secrets), and the database URL
from its parts, escaped."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars
from sqlalchemy.engine import URL

from .kafka_connection import KafkaConnection, SaslMechanism, SecurityProtocol


def env_names(cls: type[BaseSettings]) -> dict[str, bool]:
    """The environment variables a settings class reads -> whether the setting has a default."""
    prefix = str(cls.model_config.get("env_prefix", "")).upper()
    names: dict[str, bool] = {}
    for field_name, info in cls.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            choices = [c for c in alias.choices if isinstance(c, str) and c.isupper()]
        elif isinstance(alias, str):
            choices = [alias.upper()]
        else:
            choices = [f"{prefix}{field_name.upper()}"]
        for choice in choices:
            names[choice] = not info.is_required()
    return names


def read_secret(path: str, variable: str) -> str:
    """A secret file's content without the line end editors and ``echo`` leave."""
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise ValueError(f"{variable}: cannot read {path!r} ({exc.strerror})") from exc


class FileEnvSettingsSource(EnvSettingsSource):
    """``NAME_FILE=<path>`` gives setting ``NAME`` the content of that file: the convention of the official
    Docker images, so a password or key can live in a Docker or Kubernetes secret instead of the
    environment. Only the names the settings class reads are looked at; both ``NAME`` and ``NAME_FILE``
    set is refused as ambiguous."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        found: dict[str, str | None] = {}
        for name in env_names(self.settings_cls):
            path = os.environ.get(f"{name}_FILE")
            if not path:
                continue
            if os.environ.get(name):
                raise ValueError(f"{name} and {name}_FILE are both set: keep one")
            found[name] = read_secret(path, f"{name}_FILE")
        return parse_env_vars(found, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


class SecretFileSettings(BaseSettings):
    """Settings that also read ``NAME_FILE`` (after the environment, before defaults)."""

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, FileEnvSettingsSource(settings_cls), dotenv_settings, file_secret_settings


def _unprefixed(name: str) -> AliasChoices:
    return AliasChoices(name.upper(), name)


class KafkaClientSettings(SecretFileSettings):
    """How to reach the Kafka cluster: ``KAFKA_BOOTSTRAP_SERVERS`` and Kafka's TLS/SASL client settings, read
    without prefix (one cluster), each also from a file (``*_FILE``). The services and the gateway's view
    cache share them."""

    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "kafka_bootstrap_servers"),
    )
    # a secured or managed cluster: Kafka's own client settings, every one also from a file (*_FILE)
    kafka_security_protocol: SecurityProtocol = Field(
        default="PLAINTEXT", validation_alias=_unprefixed("kafka_security_protocol"),
        description="PLAINTEXT, SSL (TLS), SASL_PLAINTEXT or SASL_SSL (a login over TLS).")
    kafka_sasl_mechanism: SaslMechanism | None = Field(
        default=None, validation_alias=_unprefixed("kafka_sasl_mechanism"),
        description="PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; needed by the SASL_* protocols.")
    kafka_sasl_username: str | None = Field(default=None, validation_alias=_unprefixed("kafka_sasl_username"))
    kafka_sasl_password: str | None = Field(default=None, validation_alias=_unprefixed("kafka_sasl_password"),
                                            repr=False)
    kafka_ssl_cafile: str | None = Field(
        default=None, validation_alias=_unprefixed("kafka_ssl_cafile"),
        description="PEM file of the CA that signed the brokers' certificates; empty: the system's CAs.")
    kafka_ssl_certfile: str | None = Field(default=None, validation_alias=_unprefixed("kafka_ssl_certfile"),
                                           description="The client's PEM certificate, for mutual TLS.")
    kafka_ssl_keyfile: str | None = Field(default=None, validation_alias=_unprefixed("kafka_ssl_keyfile"),
                                          description="The client's PEM private key, for mutual TLS.")
    kafka_ssl_key_password: str | None = Field(default=None, validation_alias=_unprefixed("kafka_ssl_key_password"),
                                               repr=False)
    kafka_ssl_check_hostname: bool = Field(default=True, validation_alias=_unprefixed("kafka_ssl_check_hostname"))

    @model_validator(mode="after")
    def _consistent_kafka_security(self) -> KafkaClientSettings:
        _ = self.kafka  # a contradictory or incomplete Kafka security setting fails the start, naming it
        return self

    @property
    def kafka(self) -> KafkaConnection:
        """The cluster and how to log in to it, for every Kafka client of the process."""
        return KafkaConnection(
            self.kafka_bootstrap_servers, security_protocol=self.kafka_security_protocol,
            sasl_mechanism=self.kafka_sasl_mechanism, sasl_username=self.kafka_sasl_username or None,
            sasl_password=self.kafka_sasl_password or None, ssl_cafile=self.kafka_ssl_cafile or None,
            ssl_certfile=self.kafka_ssl_certfile or None, ssl_keyfile=self.kafka_ssl_keyfile or None,
            ssl_key_password=self.kafka_ssl_key_password or None, ssl_check_hostname=self.kafka_ssl_check_hostname)


class ServiceSettings(KafkaClientSettings):
    """Knobs every service has. ``DATABASE_URL`` and ``KAFKA_BOOTSTRAP_SERVERS`` are read
    without prefix (one process, one database, one cluster); the rest carry the service's
    prefix, e.g. ``IDENTITY_RELAY_BATCH_SIZE``."""

    model_config = SettingsConfigDict(env_prefix="IDIC_", extra="ignore")

    service_name: str = "idic"
    database_url: str = Field(
        default="",
        validation_alias=AliasChoices("DATABASE_URL", "database_url"),
        description="SQLAlchemy URL; empty means DATABASE_HOST and its parts if set, else the embedded default "
        "./var/<service>.db (SQLite). Production: postgresql+psycopg://user:pass@host/db.",
    )
    # the URL from its parts (compose, Kubernetes): the password may hold any character, escaped here, and may
    # come from a file (DATABASE_PASSWORD_FILE) like every setting
    database_host: str = Field(default="", validation_alias=_unprefixed("database_host"),
                               description="PostgreSQL host; builds the URL when DATABASE_URL is empty.")
    database_port: int = Field(default=5432, ge=1, le=65535, validation_alias=_unprefixed("database_port"))
    database_name: str = Field(default="", validation_alias=_unprefixed("database_name"),
                               description="Database name; empty: the service's name (identity, scoring, ...).")
    database_user: str = Field(default="", validation_alias=_unprefixed("database_user"))
    database_password: str = Field(default="", validation_alias=_unprefixed("database_password"), repr=False)
    kafka_topic_partitions: int = Field(default=6, ge=1)
    run_workers: bool = Field(default=True, description="Run the outbox relay and consumers inside the API process.")
    api_threads: int = Field(
        default=40, ge=1, le=1000,
        description="Threads that run the API's (synchronous) endpoints at once; more requests wait for one.")
    metrics_port: int = Field(
        default=9464, ge=0, le=65535,
        description="A worker-only process (entrypoints relay, consumer) serves its Prometheus metrics here, on "
        "HOST (0: none); the API serves /metrics on its own port.")
    migrate_on_start: bool = Field(default=True, description="alembic upgrade head before serving.")
    relay_batch_size: int = Field(default=500, ge=1, le=10_000)
    relay_poll_interval_s: float = Field(default=0.2, gt=0)
    outbox_retention_s: float = Field(default=3600.0, ge=0, description="Sent outbox rows are pruned after this.")
    consumer_max_attempts: int = Field(default=5, ge=1, description="Tries before a message goes to the DLQ.")
    consumer_batch_size: int = Field(default=500, ge=1)
    max_body_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    log_level: str = "INFO"
    log_json: bool = True
    data_dir: str = Field(default="./var", description="Where the embedded SQLite files live.")

    @model_validator(mode="after")
    def _embedded_default_database(self) -> ServiceSettings:
        if not self.database_url and self.database_host:
            self.database_url = URL.create(
                "postgresql+psycopg", username=self.database_user or None, password=self.database_password or None,
                host=self.database_host, port=self.database_port,
                database=self.database_name or self.service_name.removesuffix("-service"),
            ).render_as_string(hide_password=False)
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir}/{self.service_name}.db"
        return self

