"""The population as a whole, for the scheduled runs: its lock, its bulk read and writes, its counts.

A population run reads every customer's features in one query (``bulk``), writes the changed score
rows, memberships and events with COPY, and holds the population lock (``locks``); the schedule
decides from two counts (``counts``). This repository gives the service layer those operations on
the unit of work's session, so it never handles the session itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from .. import bulk, counts
from ..locks import hold_population_lock


class PopulationRepository:
    """Bulk operations over every customer, in the unit of work's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def lock_for_run(self) -> None:
        """Hold the population lock exclusively to the end of the transaction: events wait for the run."""
        hold_population_lock(self.session, exclusive=True)

    def read(self, *, max_categories: int) -> bulk.Loaded:
        """Every customer's features as columns, with the ``max_categories`` most bought categories."""
        return bulk.load(self.session, categories=bulk.top_categories(self.session, limit=max_categories))

    def write_scores(self, rows: list[tuple[Any, ...]]) -> None:
        """Upsert changed score rows (``bulk.SCORE_COLUMNS`` order)."""
        bulk.write_scores(self.session, rows)

    def write_memberships(self, *, entered: list[tuple[str, str]], left: list[tuple[str, str]],
                          now: dt.datetime) -> None:
        """Segment memberships gained and lost, as (customer_id, segment_id)."""
        bulk.write_memberships(self.session, entered=entered, left=left, now=now)

    def write_outbox(self, rows: list[tuple[str, str, str, str, str, dt.datetime]]) -> None:
        """The run's events, into the outbox (``bulk.OUTBOX_COLUMNS`` order)."""
        bulk.write_outbox(self.session, rows)

    def counts(self) -> tuple[int, int]:
        """(customers with a purchase, customers with two or more purchase days)."""
        return counts.population_counts(self.session)

    def repeat_buyers_at_least(self, minimum: int) -> bool:
        """Whether at least ``minimum`` customers bought on two days or more (stops counting there)."""
        return counts.repeat_buyers_at_least(self.session, minimum)
