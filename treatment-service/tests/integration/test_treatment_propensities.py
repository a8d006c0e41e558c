"""Outcome counts (the propensities' evidence) under concurrent outcomes on PostgreSQL: two API replicas
recording the first outcomes of one action in one segment at the same moment both count (the counter used
to be updated, else inserted: both found no row, both inserted, and the second outcome answered 500); and two
transactions answering the same treatments and counting the same actions in any order do not deadlock."""

from __future__ import annotations

import datetime as dt
import threading

from treatment_factories import record

from idic import utcnow
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
            first.rules.write_outcome_counts()  # what its commit does first: the row is being created now
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


def test_answering_and_counting_in_any_order_does_not_deadlock(pg_url: str) -> None:
    """A request answers treatment A, then counts its action; another transaction (the expiry sweep, a
    consumer's conversions) counted that action for an earlier treatment, then reaches A. Counting at once,
    each waited for the other: PostgreSQL aborted one (a 500 in the scale-out test). Counts are written when a
    transaction commits, after the treatment rows it locked, so the second waits for the first and both count."""
    runtime = build_runtime(Settings(database_url=pg_url, run_workers=False, log_json=False))
    runtime.migrate()
    action = f"deadlock-{utcnow().timestamp()}"
    treatment = record("r-deadlock", 1, utcnow() - dt.timedelta(hours=1), control=False)
    try:
        with runtime.uow() as uow:
            uow.treatments.add(treatment)
            uow.commit()
        errors: list[BaseException] = []
        counted = threading.Event()

        def sweep() -> None:
            try:
                with runtime.uow() as other:
                    other.rules.count_outcome(action_id=action, segment="all", outcome="ignored")
                    counted.set()
                    other.treatments.set_outcome(treatment_id=treatment.treatment_id, outcome="ignored",
                                                 at=utcnow())  # waits for the request's row lock
                    other.commit()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                counted.set()

        with runtime.uow() as request:
            assert request.treatments.set_outcome(treatment_id=treatment.treatment_id, outcome="accepted",
                                                  at=utcnow())
            thread = threading.Thread(target=sweep)
            thread.start()
            assert counted.wait(10)
            request.rules.count_outcome(action_id=action, segment="all", outcome="accepted")
            request.commit()
        thread.join(30)
        assert errors == []
        with runtime.uow() as uow:
            assert [p for p in uow.rules.all_propensities() if p[0] == action] == [
                (action, "all", Outcomes(accepted=1, declined=0, ignored=1))]
            assert (uow.treatments.get(treatment.treatment_id) or treatment).outcome == "accepted"
    finally:
        runtime.stop()
