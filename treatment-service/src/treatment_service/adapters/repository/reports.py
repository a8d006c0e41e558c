"""The treatments report's counts: the changes each decision, outcome and erasure appended, folded
into day rows by the expiry sweep, and both summed into periods in the database when the report is
read (``domain.report_counts``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, delete, func, select, union_all
from sqlalchemy.orm import Session

from idic.db import add_counts
from idic.reports import Period, as_date, period_start_sql

from ...domain.report_counts import COUNTS, ZERO
from ..orm import ReportChangeRow, ReportDayRow

KEYS = ("day", "rule_id", "channel", "control", "currency")
WHOLE = COUNTS[:-1]  # revenue is money: summed in SQL on PostgreSQL only


class ReportRepository:
    """Counts of the treatments report."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def fold(self, *, limit: int) -> int:
        """Move up to ``limit`` of the oldest changes into the day rows, in this transaction; how many.
        The changes are deleted and returned by one statement, so each is added once: a concurrent
        fold (another replica) skips the rows this one holds (PostgreSQL) or waits for the write
        lock (SQLite)."""
        t = cast(Table, ReportChangeRow.__table__)
        oldest = select(t.c.id).order_by(t.c.id).limit(limit).with_for_update(skip_locked=True)
        summed: dict[tuple[Any, ...], list[Any]] = {}
        moved = 0
        for row in self.session.execute(delete(t).where(t.c.id.in_(oldest))
                                        .returning(*(t.c[k] for k in KEYS), *(t.c[n] for n in COUNTS))):
            moved += 1
            totals = summed.setdefault(tuple(row[:len(KEYS)]), [0] * len(WHOLE) + [ZERO])
            for i, n in enumerate(row[len(KEYS):]):
                totals[i] += n
        add_counts(self.session, cast(Table, ReportDayRow.__table__), keys=KEYS, counts=COUNTS,
                   rows=[{**dict(zip(KEYS, key, strict=True)), **dict(zip(COUNTS, totals, strict=True))}
                         for key, totals in summed.items()])
        return moved

    def totals(self, *, since: dt.date | None, until: dt.date | None, channel: str | None,
               period: Period) -> list[tuple[Any, ...]]:
        """(first day of the period, rule, control, currency, *COUNTS) of the decisions made on the days in
        [since, until) (on one channel): the day rows and the changes not folded yet, summed per period in
        the database. Money exactly: summed in SQL on PostgreSQL (NUMERIC), here on SQLite (text there)."""
        pg = self.session.get_bind().dialect.name == "postgresql"

        def rows(table: Any) -> Any:
            query = select(*(table.c[k] for k in KEYS), *(table.c[n] for n in COUNTS))
            query = query.where(table.c.day >= since) if since is not None else query
            query = query.where(table.c.day < until) if until is not None else query
            return query.where(table.c.channel == channel) if channel is not None else query

        both = union_all(rows(ReportDayRow.__table__), rows(ReportChangeRow.__table__)).subquery("counts")
        start = period_start_sql("counts.day", period, "postgresql" if pg else "sqlite").label("period_start")
        keys = [start, both.c.rule_id, both.c.control, both.c.currency]
        summed = [func.sum(both.c[n]) for n in (COUNTS if pg else WHOLE)]
        revenue: dict[tuple[Any, ...], Decimal] = {}
        if not pg:  # only rows of conversions carry money
            for *group, amount in self.session.execute(select(*keys, both.c.revenue).where(both.c.converted != 0)):
                revenue[tuple(group)] = revenue.get(tuple(group), ZERO) + Decimal(amount)
        out = []
        for row in self.session.execute(select(*keys, *summed).group_by(*keys)):
            key, counts = tuple(row[:4]), [int(n) for n in row[4:4 + len(WHOLE)]]
            money = Decimal(row[4 + len(WHOLE)]) if pg else revenue.get(key, ZERO)
            out.append((as_date(key[0]), key[1], bool(key[2]), key[3], *counts, money))
        return out

