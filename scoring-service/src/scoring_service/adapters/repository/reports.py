"""What each population run found about the population as a whole (report snapshots), by kind and
time: the latest in a window, or all of them for history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..orm import ReportSnapshotRow


@dataclass(frozen=True)
class Snapshot:
    """One run's findings of one kind."""

    taken_at: dt.datetime
    body: dict[str, Any]


class ReportRepository:
    """Report snapshots of population runs."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, kind: str, body: dict[str, Any], *, taken_at: dt.datetime) -> None:
        """Keep what a run found (in the run's transaction)."""
        self.session.add(ReportSnapshotRow(kind=kind, taken_at=taken_at, body=body))
        self.session.flush()

    def _window(self, kind: str, since: dt.datetime | None, until: dt.datetime | None) -> Any:
        query = select(ReportSnapshotRow.taken_at, ReportSnapshotRow.body).where(ReportSnapshotRow.kind == kind)
        if since is not None:
            query = query.where(ReportSnapshotRow.taken_at >= since)
        if until is not None:
            query = query.where(ReportSnapshotRow.taken_at < until)
        return query

    def latest(self, kind: str, *, since: dt.datetime | None = None,
               until: dt.datetime | None = None) -> Snapshot | None:
        """The newest snapshot of this kind taken in [since, until), if any."""
        row = self.session.execute(self._window(kind, since, until)
                                   .order_by(ReportSnapshotRow.taken_at.desc(), ReportSnapshotRow.id.desc())
                                   .limit(1)).first()
        return None if row is None else Snapshot(taken_at=row.taken_at, body=row.body)

    def between(self, kind: str, *, since: dt.datetime | None = None,
                until: dt.datetime | None = None) -> list[Snapshot]:
        """Every snapshot of this kind taken in [since, until), oldest first."""
        rows = self.session.execute(self._window(kind, since, until)
                                    .order_by(ReportSnapshotRow.taken_at, ReportSnapshotRow.id))
        return [Snapshot(taken_at=r.taken_at, body=r.body) for r in rows]
