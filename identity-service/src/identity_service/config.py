"""Settings of identity-service (env prefix ``IDENTITY_``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings

Rule = Literal["most_recent", "most_frequent", "source_priority"]


class Settings(ServiceSettings):
    """identity-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="IDENTITY_", extra="ignore")

    service_name: str = "identity-service"
    default_phone_region: str = "US"
    email_provider_rules: bool = Field(
        default=False, description="Also apply provider rules to e-mails: Gmail ignores dots, +tags are dropped.")
    strong_identifier_types: list[str] = Field(
        default_factory=lambda: ["national_id"],
        description="Types a person has one value of: customers with different values never auto-merge.")
    survivorship: dict[str, Rule] = Field(
        default_factory=dict, description='Rule per attribute, JSON, e.g. {"last_name": "source_priority"}.')
    survivorship_default: Rule = "most_recent"
    source_priority: list[str] = Field(default_factory=list, description="Sources best first, JSON list.")
    probabilistic_matching: bool = True
    match_threshold: float = Field(default=0.95, gt=0, le=1, description="At or above: merge automatically.")
    review_threshold: float = Field(default=0.60, gt=0, le=1, description="At or above (below match): review.")
    link_identified: bool = Field(
        default=True, description="A record matched by identifier also merges in a customer its attributes match "
        "at or above match_threshold (the same person under another e-mail).")
    max_candidates: int = Field(default=200, ge=1, description="Customers compared per record at most.")
    model_refresh_s: float = Field(default=10.0, ge=0, description="How often a process re-reads the model.")

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> Settings:
        if self.review_threshold > self.match_threshold:
            raise ValueError("review_threshold must not exceed match_threshold")
        return self
