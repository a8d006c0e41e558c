"""The gateway's view cache waits for the consumer groups that apply customer events; its default list of
them must be the services' own, or a view could be stored before a service applied what changes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.config import DEFAULT_VIEW_READERS
from identity_service import main as identity_main
from identity_service.config import Settings as IdentitySettings
from interaction_service import main as interaction_main
from interaction_service.config import Settings as InteractionSettings
from scoring_service import main as scoring_main
from scoring_service.config import Settings as ScoringSettings
from treatment_service import main as treatment_main
from treatment_service.config import Settings as TreatmentSettings


def test_the_view_cache_waits_for_every_group_that_applies_customer_events(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    readers: dict[str, list[str]] = {}
    for main, settings_class in ((identity_main, IdentitySettings), (interaction_main, InteractionSettings),
                                 (scoring_main, ScoringSettings), (treatment_main, TreatmentSettings)):
        runtime = main.build_runtime(settings_class(data_dir=str(tmp_path)))
        try:
            for spec in runtime.consumer_specs:
                if spec.group_id.endswith("-webhooks"):
                    continue  # webhook deliveries change no view
                readers[spec.group_id] = sorted(spec.topics)
        finally:
            runtime.engine.dispose()
    assert {group: sorted(topics) for group, topics in DEFAULT_VIEW_READERS.items()} == readers
