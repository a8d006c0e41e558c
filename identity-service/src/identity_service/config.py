"""Settings of identity-service (env prefix ``IDENTITY_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings


class Settings(ServiceSettings):
    """identity-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="IDENTITY_", extra="ignore")

    service_name: str = "identity-service"
    default_phone_region: str = "US"
