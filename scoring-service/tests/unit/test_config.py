"""Settings: prefix, defaults and the consumer group (which names the dead-letter topics)."""

from __future__ import annotations

import pytest

from idic import dlq_topic
from scoring_service.config import Settings
from scoring_service.main import build_runtime


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCORING_CONSUMER_GROUP", raising=False)
    monkeypatch.delenv("SCORING_SERVICE_NAME", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings()
    assert settings.service_name == "scoring-service" and settings.group_id == "scoring-service"
    assert settings.database_url == "sqlite:///./var/scoring-service.db"
    assert dlq_topic("idic.interaction", settings.group_id) == "idic.interaction.dlq.scoring-service"


def test_env_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCORING_CONSUMER_GROUP", "scoring-blue")
    monkeypatch.setenv("SCORING_RELAY_BATCH_SIZE", "42")
    settings = Settings()
    assert settings.group_id == "scoring-blue" and settings.relay_batch_size == 42


def test_runtime_consumes_interactions_and_identity(tmp_path) -> None:
    runtime = build_runtime(Settings(database_url=f"sqlite:///{tmp_path}/x.db", consumer_group="g"))
    try:
        [spec] = runtime.consumer_specs
        assert spec.group_id == "g" and set(spec.topics) == {"idic.interaction", "idic.identity"}
        assert set(spec.handlers) == {"idic.interaction.recorded.v1", "idic.customers.merged.v1",
                                      "idic.customer.unmerged.v1", "idic.customer.erased.v1",
                                          "idic.trigger.detected.v1", "idic.customer.updated.v1"}
        assert runtime.produces == ("idic.scoring",)
    finally:
        runtime.engine.dispose()
