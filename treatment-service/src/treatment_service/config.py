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

    @property
    def group_id(self) -> str:
        """The consumer group this process joins."""
        return self.consumer_group or self.service_name
