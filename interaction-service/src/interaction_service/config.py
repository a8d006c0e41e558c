"""Settings of interaction-service (env prefix ``INTERACTION_``)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from idic import ServiceSettings
from idic.contracts.interaction import Channel

from .domain.triggers import KINDS, TriggerConfig

DEFAULT_LIFE_EVENTS = ["new_baby", "marriage", "divorce", "new_job", "retirement", "moved_house", "graduation",
                       "bereavement", "new_home"]


class Settings(ServiceSettings):
    """interaction-service settings; DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS are unprefixed."""

    model_config = SettingsConfigDict(env_prefix="INTERACTION_", extra="ignore")

    service_name: str = "interaction-service"
    consumer_group: str = Field(default="", description="Kafka consumer group; empty means service_name.")
    max_future_skew_s: float = Field(default=300.0, ge=0,
                                     description="How far in the future occurred_at may lie (clock skew).")
    # channel economics
    channel_costs: dict[Channel, Decimal] = Field(
        default_factory=dict, description="Cost of one interaction per channel (JSON), used when a request "
        "gives no cost, e.g. {\"phone\": \"4.50\", \"mail\": \"0.80\"}.")
    offer_response_channel: Channel = Field(
        default="web", description="Channel of an offer response whose treatment names none of ours.")
    # triggers
    triggers_enabled: list[str] = Field(default_factory=lambda: list(KINDS),
                                        description="Detectors switched on (JSON list of kinds).")
    large_purchase_factor: Decimal = Field(default=Decimal(3), gt=0)
    large_purchase_min_history: int = Field(default=3, ge=1)
    repeated_complaints_count: int = Field(default=3, ge=2)
    repeated_complaints_window_days: float = Field(default=30.0, gt=0)
    detractor_max_nps: int = Field(default=6, ge=0, le=10)
    life_events: list[str] = Field(default_factory=lambda: list(DEFAULT_LIFE_EVENTS))
    lapse_factor: float = Field(default=1.5, gt=0)
    lapse_min_purchases: int = Field(default=3, ge=2)
    birthday_days_ahead: int = Field(default=7, ge=0, le=366)
    trigger_scan_interval_s: float = Field(default=3600.0, ge=0,
                                           description="Period of the lapse/birthday scan; 0 switches it off.")

    @field_validator("triggers_enabled")
    @classmethod
    def _known_kinds(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown trigger kinds {unknown}; known: {list(KINDS)}")
        return value

    @field_validator("channel_costs")
    @classmethod
    def _costs_not_negative(cls, value: dict[str, Decimal]) -> dict[str, Decimal]:
        negative = sorted(ch for ch, cost in value.items() if cost < 0)
        if negative:
            raise ValueError(f"channel costs must be >= 0: {negative}")
        return value

    @property
    def group_id(self) -> str:
        """The consumer group this process joins."""
        return self.consumer_group or self.service_name

    @property
    def triggers(self) -> TriggerConfig:
        """The detectors' configuration."""
        return TriggerConfig(
            enabled=frozenset(self.triggers_enabled), large_purchase_factor=self.large_purchase_factor,
            large_purchase_min_history=self.large_purchase_min_history,
            repeated_complaints_count=self.repeated_complaints_count,
            repeated_complaints_window_days=self.repeated_complaints_window_days,
            detractor_max_nps=self.detractor_max_nps, life_events=frozenset(self.life_events),
            lapse_factor=self.lapse_factor, lapse_min_purchases=self.lapse_min_purchases,
            birthday_days_ahead=self.birthday_days_ahead,
        )
