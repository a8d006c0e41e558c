"""Settings of scoring-service (env prefix ``SCORING_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings

from .domain.scoring import ScoringConfig


class Settings(ServiceSettings):
    """scoring-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="SCORING_", extra="ignore")

    service_name: str = "scoring-service"
    consumer_group: str = Field(
        default="", max_length=200,
        description="Kafka consumer group of the event consumer; empty means service_name. "
        "Its dead-letter topics are <topic>.dlq.<group>.",
    )

    refresh_interval_s: float = Field(
        default=3600.0, ge=0, description="Population refresh (RFM quintiles, tiers, needs segments, re-score) "
        "every so many seconds in the worker process; 0 turns the schedule off.")
    clv_horizon_days: float = Field(default=365.0, gt=0, le=3650, description="Horizon of clv_12m in days.")
    discount_rate_annual: float = Field(default=0.10, ge=0, le=1, description="Annual discount rate of CLV.")
    most_valuable_share: float = Field(default=0.2, gt=0, lt=1,
                                       description="Top share of net value that is most_valuable.")
    most_growable_share: float = Field(default=0.2, gt=0, lt=1,
                                       description="Top share of growth gap (of the rest) that is most_growable.")
    lapse_weight: float = Field(default=0.5, ge=0, le=1, description="Churn risk a lapse trigger adds (0..1).")
    needs_k_max: int = Field(default=8, ge=2, le=30, description="Largest k tried for needs segments.")

    @property
    def scoring(self) -> ScoringConfig:
        """The thresholds of tiers, churn and CLV."""
        return ScoringConfig(horizon_days=self.clv_horizon_days, discount_rate_annual=self.discount_rate_annual,
                             most_valuable_share=self.most_valuable_share,
                             most_growable_share=self.most_growable_share, lapse_weight=self.lapse_weight)

    @property
    def group_id(self) -> str:
        """The consumer group actually used."""
        return self.consumer_group or self.service_name
