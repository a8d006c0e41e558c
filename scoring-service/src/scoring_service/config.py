"""Settings of scoring-service (env prefix ``SCORING_``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings

from .domain.scoring import ScoringConfig
from .service_layer.schedule import Cadence


class Settings(ServiceSettings):
    """scoring-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="SCORING_", extra="ignore")

    service_name: str = "scoring-service"
    consumer_group: str = Field(
        default="", max_length=200,
        description="Kafka consumer group of the event consumer; empty means service_name. "
        "Its dead-letter topics are <topic>.dlq.<group>.",
    )

    schedule_check_interval_s: float = Field(
        default=20.0, ge=0, description="How often the schedule's leader checks what is due (seconds); "
        "0 turns the schedule off (jobs then run only when asked by the API).")
    refit_interval_s: float = Field(
        default=86_400.0, ge=0, description="Refit CLV (and re-score everyone) when the model is older than this; "
        "0: never refit on schedule.")
    refresh_interval_s: float = Field(
        default=3600.0, ge=0, description="Refresh RFM quintiles, tier cut-offs and needs segments (re-scoring "
        "everyone) when the last refresh is older than this; 0: never refresh on schedule.")
    refit_min_repeat_buyers: int = Field(
        default=30, ge=2, description="Customers with two or more purchase days needed before a scheduled fit.")
    schedule_growth_share: float = Field(
        default=0.2, gt=0, description="Refit / refresh as soon as customers with a purchase grew by this share "
        "since the last fit / refresh.")
    schedule_retry_after_failure_s: float = Field(
        default=600.0, ge=0, description="After a failed job of a kind, the schedule waits this long to retry it.")
    schedule_time_unit: Literal["days", "weeks"] = Field(default="weeks", description="time_unit of scheduled fits.")
    job_stale_after_s: float = Field(
        default=60.0, gt=0, description="SQLite: a running job without heartbeat for this long is re-queued "
        "(PostgreSQL uses the worker's advisory lock).")
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
    def cadence(self) -> Cadence:
        """When the schedule refits and refreshes."""
        return Cadence(check_interval_s=self.schedule_check_interval_s, refit_interval_s=self.refit_interval_s,
                       refresh_interval_s=self.refresh_interval_s, min_repeat_buyers=self.refit_min_repeat_buyers,
                       growth_share=self.schedule_growth_share,
                       retry_after_failure_s=self.schedule_retry_after_failure_s, time_unit=self.schedule_time_unit)

    @property
    def group_id(self) -> str:
        """The consumer group actually used."""
        return self.consumer_group or self.service_name
