"""Settings of interaction-service (env prefix ``INTERACTION_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings


class Settings(ServiceSettings):
    """interaction-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="INTERACTION_", extra="ignore")

    service_name: str = "interaction-service"
    consumer_group: str = Field(default="", description="Kafka consumer group; empty means service_name.")
    max_future_skew_s: float = Field(default=300.0, ge=0,
                                     description="How far in the future occurred_at may lie (clock skew).")

    @property
    def group_id(self) -> str:
        """The consumer group this process joins."""
        return self.consumer_group or self.service_name
