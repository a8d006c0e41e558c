"""Settings of the gateway (env prefix ``GATEWAY_``; ``IDIC_API_KEYS`` unprefixed)."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field, PrivateAttr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Scope = Literal["read", "write", "admin"]
DEV_KEY = "dev-key"


class Settings(BaseSettings):
    """Gateway settings. The gateway has no database and no Kafka, so it does not inherit
    ``idic.ServiceSettings`` (whose DATABASE_URL/Kafka knobs would mean nothing here)."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    service_name: str = "gateway"
    env: Literal["development", "test", "production"] = Field(
        default="production", description="development allows starting without IDIC_API_KEYS (dev key).")
    identity_url: str = "http://127.0.0.1:8001"
    interaction_url: str = "http://127.0.0.1:8002"
    scoring_url: str = "http://127.0.0.1:8003"
    treatment_url: str = "http://127.0.0.1:8004"
    connect_timeout_s: float = Field(default=2.0, gt=0, description="TCP connect timeout to a service.")
    timeout_s: float = Field(default=10.0, gt=0, description="Total time one upstream call may take.")
    part_timeout_s: float = Field(default=2.0, gt=0, description="Bound on each optional part of the 360 view.")
    readiness_timeout_s: float = Field(default=2.0, gt=0, description="Bound on each service's /readyz probe.")
    max_connections: int = Field(default=200, ge=1, description="Pooled connections per service.")
    max_keepalive_connections: int = Field(default=50, ge=0)
    http_transport: Literal["aiohttp", "httpx"] = Field(
        default="aiohttp", description="aiohttp: fast pooled transport under httpx's API; httpx: httpx's own pool.")
    max_body_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    log_level: str = "INFO"
    log_json: bool = True
    api_keys: dict[str, list[Scope]] | None = Field(
        default=None,
        validation_alias=AliasChoices("IDIC_API_KEYS", "api_keys"),
        description='JSON object {"<key>": ["read", "write", "admin"]}.',
    )
    _dev_key_in_use: bool = PrivateAttr(default=False)

    @model_validator(mode="after")
    def _require_api_keys(self) -> Settings:
        # refusing to start is safer than an open gateway; development gets a well-known key
        if self.api_keys and any(not key for key in self.api_keys):
            raise ValueError("IDIC_API_KEYS may not contain an empty key")
        if not self.api_keys:
            if self.env != "development":
                raise ValueError("IDIC_API_KEYS is required unless GATEWAY_ENV=development")
            self.api_keys = {DEV_KEY: ["read", "write", "admin"]}
            self._dev_key_in_use = True
        return self

    @property
    def dev_key_in_use(self) -> bool:
        """True when the development key stands in for missing IDIC_API_KEYS."""
        return self._dev_key_in_use

    def service_urls(self) -> dict[str, str]:
        """Base URL of each backend service by its short name."""
        return {"identity": self.identity_url, "interaction": self.interaction_url,
                "scoring": self.scoring_url, "treatment": self.treatment_url}
