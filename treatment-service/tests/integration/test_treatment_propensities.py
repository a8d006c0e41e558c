"""Outcome counts (the propensities' evidence) under concurrent outcomes on PostgreSQL: two API replicas
recording the first outcomes of one action in one segment at the same moment both count. The counter used
to be updated, else inserted: both found no row, both inserted, and the second outcome answered 500."""

from __future__ import annotations

import threading

from treatment_service.config import Settings
from treatment_service.domain.next_best_actions import Outcomes
from treatment_service.main import build_runtime


def test_two_first_outcomes_of_one_action_and_segment_at_once_are_both_counted(pg_url: str) -> None:
    runtime = build_runtime(Settings(database_url=pg_url, run_workers=False, log_json=False))
    runtime.migrate()
    errors: list[BaseException] = []

    def second_outcome() -> None:
        try:
            with runtime.uow() as uow:
                uow.rules.count_outcome(action_id="welcome", segment="new", outcome="declined")
                uow.commit()
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    try:
        with runtime.uow() as first:
            first.rules.count_outcome(action_id="welcome", segment="new", outcome="accepted")
            thread = threading.Thread(target=second_outcome)
            thread.start()
            thread.join(1.5)  # it waits on the row the first outcome is creating
            assert thread.is_alive() and not errors
            first.commit()
        thread.join(30)
        assert errors == []
        with runtime.uow() as uow:
            assert uow.rules.all_propensities() == [("welcome", "new", Outcomes(accepted=1, declined=1, ignored=0))]
            uow.rules.count_outcome(action_id="welcome", segment="new", outcome="ignored")
            uow.commit()
        with runtime.uow() as uow:
            assert uow.rules.all_propensities() == [("welcome", "new", Outcomes(accepted=1, declined=1, ignored=1))]
    finally:
        runtime.stop()
