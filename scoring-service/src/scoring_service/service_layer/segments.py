"""Use case: define a rule segment (its members are evaluated on each scoring and refresh)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from idic import ProblemError

from ..adapters.uow import ScoringUnitOfWork
from ..domain.rules import check_condition

UowFactory = Callable[[], ScoringUnitOfWork]


def create_rule_segment(*, slug: str, name: str, conditions: list[dict[str, Any]], now: dt.datetime,
                        uow_factory: UowFactory) -> str:
    """Store the segment ``rule-<slug>`` (422 naming a condition the value object cannot answer,
    409 when the id is taken); answers its id."""
    errors = [{"field": f"body.conditions.{i}", "message": why} for i, condition in enumerate(conditions)
              if (why := check_condition(condition)) is not None]
    if errors:
        raise ProblemError(422, "Invalid segment", errors[0]["message"], errors=errors)
    segment_id = f"rule-{slug}"
    with uow_factory() as uow:
        if not uow.segments.add_rule(segment_id=segment_id, name=name, conditions=conditions, now=now):
            raise ProblemError(409, "Conflict", f"segment {segment_id!r} exists")
        uow.commit()
    return segment_id
