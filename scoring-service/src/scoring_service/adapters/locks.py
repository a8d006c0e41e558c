"""Population runs against per-event scoring (PostgreSQL).

A population run reads every customer's features, scores them all and writes the changed score
rows in one transaction. An event applied meanwhile would have its fresher score overwritten by
the run's (or, after an erasure, a score row written again for an erased customer). So event
handlers hold a shared lock for their transaction and a run holds it exclusively: events wait
for the run (their lag catches up afterwards), never the reverse. API reads take no lock.
SQLite needs none: every transaction there takes the database's single write lock at BEGIN.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

_KEY = "scoring-service:population"


def hold_population_lock(session: Session, *, exclusive: bool) -> None:
    """Take the lock until the session's transaction ends (PostgreSQL only)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    session.execute(text(f"SELECT {function}(hashtext(:key))"), {"key": _KEY})
