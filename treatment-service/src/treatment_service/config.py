"""Settings of treatment-service (env prefix ``TREATMENT_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings


class Settings(ServiceSettings):
    """treatment-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="TREATMENT_", extra="ignore")

    service_name: str = "treatment-service"
    consumer_group: str = Field(default="", max_length=200,
                                description="Kafka consumer group; empty means service_name.")

    expiry_sweep_interval_s: float = Field(default=60.0, ge=0, description=(
        "How often unanswered treatments past expires_at become ignored; 0 disables the sweep."))
    expiry_sweep_batch: int = Field(default=500, ge=1, le=100_000, description="Treatments expired per round.")

    @property
    def group_id(self) -> str:
        """The consumer group this process joins."""
        return self.consumer_group or self.service_name
