"""Settings of scoring-service (env prefix ``SCORING_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings


class Settings(ServiceSettings):
    """scoring-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="SCORING_", extra="ignore")

    service_name: str = "scoring-service"
    consumer_group: str = Field(
        default="", max_length=200,
        description="Kafka consumer group of the event consumer; empty means service_name. "
        "Its dead-letter topics are <topic>.dlq.<group>.",
    )

    @property
    def group_id(self) -> str:
        """The consumer group actually used."""
        return self.consumer_group or self.service_name
