from decimal import Decimal

import pytest
from pydantic import ValidationError

from interaction_service.config import Settings


def test_channel_costs_and_detectors_come_from_json_env(monkeypatch):
    monkeypatch.setenv("INTERACTION_CHANNEL_COSTS", '{"phone": "4.50", "mail": 0.8}')
    monkeypatch.setenv("INTERACTION_TRIGGERS_ENABLED", '["lapse", "birthday"]')
    monkeypatch.setenv("INTERACTION_LIFE_EVENTS", '["new_car"]')
    settings = Settings()
    assert settings.channel_costs == {"phone": Decimal("4.50"), "mail": Decimal("0.8")}
    assert settings.triggers.enabled == frozenset({"lapse", "birthday"})
    assert settings.triggers.life_events == frozenset({"new_car"})


@pytest.mark.parametrize(("env", "value", "message"), [
    ("INTERACTION_CHANNEL_COSTS", '{"fax": "1"}', "fax"),
    ("INTERACTION_CHANNEL_COSTS", '{"phone": "-1"}', "channel costs must be >= 0"),
    ("INTERACTION_TRIGGERS_ENABLED", '["earthquake"]', "unknown trigger kinds"),
    ("INTERACTION_LAPSE_FACTOR", "0", "greater than 0"),
])
def test_bad_settings_are_refused(monkeypatch, env, value, message):
    monkeypatch.setenv(env, value)
    with pytest.raises(ValidationError, match=message):
        Settings()
