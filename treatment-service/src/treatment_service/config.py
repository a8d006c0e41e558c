"""Settings of treatment-service (env prefix ``TREATMENT_``)."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings


class Settings(ServiceSettings):
    """treatment-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="TREATMENT_", extra="ignore")

    service_name: str = "treatment-service"
    consumer_group: str = Field(default="", max_length=200,
                                description="Kafka consumer group; empty means service_name.")

    expiry_sweep_interval_s: float = Field(default=60.0, ge=0, description=(
        "How often unanswered treatments past expires_at become ignored and the treatments report's new "
        "counts are folded into its day rows; 0 disables both (the report stays exact, reading more rows)."))
    expiry_sweep_batch: int = Field(default=500, ge=1, le=100_000, description="Treatments expired per round.")

    # webhooks: fan-out consumer group and the sender (see README "Webhooks")
    webhook_consumer_group: str = Field(default="", max_length=200, description=(
        "Consumer group that writes webhook deliveries; empty means <consumer group>-webhooks."))
    webhook_send_interval_s: float = Field(default=1.0, ge=0, description=(
        "Sender's idle poll for due deliveries (new ones wake it at once); 0 disables the sender."))
    webhook_batch: int = Field(default=100, ge=1, le=10_000, description="Deliveries claimed per sender round.")
    webhook_concurrency: int = Field(default=8, ge=1, le=256, description="Deliveries POSTed at once.")
    webhook_timeout_s: float = Field(default=10.0, gt=0, le=120, description="Timeout of one POST.")
    webhook_retry_base_s: float = Field(default=5.0, gt=0, description="First retry after about this long.")
    webhook_retry_cap_s: float = Field(default=3600.0, gt=0, description="Longest wait between two tries.")
    webhook_max_age_s: float = Field(default=172_800.0, gt=0, description=(
        "Retry window: a delivery still failing this long after it was created (or re-sent) is failed."))
    webhook_retention_s: float = Field(default=30 * 86_400.0, gt=0, description=(
        "Succeeded and failed deliveries are deleted this long after they were created."))
    webhook_lease_s: float = Field(default=300.0, gt=0, description=(
        "A claimed delivery is not claimed again for this long (a crashed sender's ones are retried after it)."))

    @property
    def group_id(self) -> str:
        """The consumer group this process joins."""
        return self.consumer_group or self.service_name

    @property
    def webhook_group_id(self) -> str:
        """The consumer group of the webhook fan-out."""
        return self.webhook_consumer_group or f"{self.group_id}-webhooks"

    @model_validator(mode="after")
    def _lease_outlasts_a_post(self) -> Settings:
        # a whole claimed batch must be sent within the lease, else another sender may claim its tail
        rounds = -(-self.webhook_batch // self.webhook_concurrency)
        if self.webhook_lease_s <= self.webhook_timeout_s * rounds:
            raise ValueError("webhook_lease_s must exceed webhook_timeout_s x ceil(webhook_batch / "
                             "webhook_concurrency), the longest a claimed batch can take")
        return self
