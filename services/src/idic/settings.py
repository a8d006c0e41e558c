"""Settings shared by every service; each service subclasses with its own env prefix."""

from __future__ import annotations

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """Knobs every service has. ``DATABASE_URL`` and ``KAFKA_BOOTSTRAP_SERVERS`` are read
    without prefix (one process, one database, one cluster); the rest carry the service's
    prefix, e.g. ``IDENTITY_RELAY_BATCH_SIZE``."""

    model_config = SettingsConfigDict(env_prefix="IDIC_", extra="ignore")

    service_name: str = "idic"
    database_url: str = Field(
        default="",
        validation_alias=AliasChoices("DATABASE_URL", "database_url"),
        description="SQLAlchemy URL; empty means the embedded default ./var/<service>.db (SQLite). "
        "Production: postgresql+psycopg://user:pass@host/db.",
    )
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "kafka_bootstrap_servers"),
    )
    kafka_topic_partitions: int = Field(default=6, ge=1)
    run_workers: bool = Field(default=True, description="Run the outbox relay and consumers inside the API process.")
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
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir}/{self.service_name}.db"
        return self
