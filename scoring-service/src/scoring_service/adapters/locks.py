"""Advisory locks (PostgreSQL): population runs against per-event scoring, and the schedule's leader.

A population run reads every customer's features, scores them all and writes the changed score
rows in one transaction. An event applied meanwhile would have its fresher score overwritten by
the run's (or, after an erasure, a score row written again for an erased customer). So event
handlers hold a shared lock for their transaction and a run holds it exclusively: events wait
for the run (their lag catches up afterwards), never the reverse. API reads take no lock.
SQLite needs none: every transaction there takes the database's single write lock at BEGIN.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.orm import Session

from idic.jobs import lock_key

_KEY = "scoring-service:population"
_SCHEDULE_LEADER_KEY = lock_key("scoring-service:schedule")


def hold_population_lock(session: Session, *, exclusive: bool) -> None:
    """Take the lock until the session's transaction ends (PostgreSQL only)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    session.execute(text(f"SELECT {function}(hashtext(:key))"), {"key": _KEY})


class LeaderLock:
    """Leadership held as a session advisory lock on a dedicated connection (PostgreSQL): one
    process holds it; if that process dies its session ends and the lock with it. Elsewhere
    (SQLite: one process) the holder is always the leader."""

    def __init__(self, engine: Engine, key: int) -> None:
        self._engine = engine
        self._key = key
        self._conn: Connection | None = None

    def acquire(self) -> bool:
        """Whether this process leads: still holds the lock (raises if its session died), or just took it."""
        if self._engine.dialect.name != "postgresql":
            return True
        if self._conn is not None:
            self._conn.execute(select(1))  # a dead session lost the lock: raise, so the caller releases
            self._conn.commit()
            return True
        conn = self._engine.connect()
        if conn.execute(select(func.pg_try_advisory_lock(self._key))).scalar():
            conn.commit()
            self._conn = conn
            return True
        conn.close()
        return False

    def release(self) -> None:
        """Give up leadership (if held): the session ends, not back to the pool, and its lock goes with it."""
        if self._conn is not None:
            try:
                self._conn.invalidate()
                self._conn.close()
            except Exception:  # noqa: BLE001 - already broken
                pass
            self._conn = None


def schedule_leader_lock(engine: Engine) -> LeaderLock:
    """The lock whose holder runs the population schedule (service_layer.schedule)."""
    return LeaderLock(engine, _SCHEDULE_LEADER_KEY)
