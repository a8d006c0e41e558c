"""What each population run found about everyone and each segment (report snapshots), by kind and
time: the latest in a window, or all of them for history; the cohort cells; and the channels and
feedback day counts the consumer adds, summed into periods in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from idic.db import add_counts
from idic.reports import Period, as_date, period_start_sql

from ...domain.reports import DAY_COUNTS, MONEY_COUNTS, ZERO
from ..orm import InteractionDayRow, ReportSnapshotRow


@dataclass(frozen=True)
class Snapshot:
    """One run's findings of one kind."""

    taken_at: dt.datetime
    body: dict[str, Any]


class ReportRepository:
    """Report snapshots of population runs."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, kind: str, body: dict[str, Any], *, taken_at: dt.datetime, segment: str | None = None) -> None:
        """Keep what a run found about everyone or one segment (in the run's transaction)."""
        self.session.add(ReportSnapshotRow(kind=kind, segment=segment, taken_at=taken_at, body=body))
        self.session.flush()

    def _window(self, kind: str, since: dt.datetime | None, until: dt.datetime | None, segment: str | None) -> Any:
        t = ReportSnapshotRow
        query = select(t.taken_at, t.body).where(
            t.kind == kind, t.segment.is_(None) if segment is None else t.segment == segment)
        if since is not None:
            query = query.where(ReportSnapshotRow.taken_at >= since)
        if until is not None:
            query = query.where(ReportSnapshotRow.taken_at < until)
        return query

    def latest(self, kind: str, *, since: dt.datetime | None = None, until: dt.datetime | None = None,
               segment: str | None = None) -> Snapshot | None:
        """The newest snapshot of this kind (of everyone, or of one segment) taken in [since, until), if any."""
        row = self.session.execute(self._window(kind, since, until, segment)
                                   .order_by(ReportSnapshotRow.taken_at.desc(), ReportSnapshotRow.id.desc())
                                   .limit(1)).first()
        return None if row is None else Snapshot(taken_at=row.taken_at, body=row.body)

    def between(self, kind: str, *, since: dt.datetime | None = None, until: dt.datetime | None = None,
                segment: str | None = None) -> list[Snapshot]:
        """Every snapshot of this kind (of everyone, or of one segment) taken in [since, until), oldest first."""
        rows = self.session.execute(self._window(kind, since, until, segment)
                                    .order_by(ReportSnapshotRow.taken_at, ReportSnapshotRow.id))
        return [Snapshot(taken_at=r.taken_at, body=r.body) for r in rows]

    def cohort_cells(self) -> list[tuple[dt.date, dt.date, int, Decimal]]:
        """(cohort month, activity month, customers who bought in it, their spend in it) over every
        customer's purchase days, the cohort being the month of their first purchase (customers who
        refused profiling left out, as from every report of scoring). One aggregate query in the
        database: a month's distinct customers cannot be summed from days."""
        pg = self.session.get_bind().dialect.name == "postgresql"

        def month(column: str) -> str:
            return f"date_trunc('month', {column}::timestamp)::date" if pg else f"strftime('%Y-%m-01', {column})"

        # on SQLite money is decimal text: summed as cents in integers, so the total stays exact
        spend = "sum(p.amount)" if pg else "sum(CAST(round(CAST(p.amount AS REAL) * 100) AS INTEGER))"
        rows = self.session.execute(text(
            f"SELECT {month('f.first_day')} AS cohort, {month('p.day')} AS period, "
            f"count(DISTINCT p.customer_id) AS customers, {spend} AS revenue "
            "FROM purchase_days p JOIN (SELECT customer_id, min(day) AS first_day FROM purchase_days "
            "GROUP BY customer_id) f ON f.customer_id = p.customer_id "
            "WHERE NOT EXISTS (SELECT 1 FROM profiling_refusals x WHERE x.customer_id = p.customer_id) "
            "GROUP BY 1, 2 ORDER BY 1, 2"))
        out = []
        for cohort, period, customers, revenue in rows:
            amount = Decimal(revenue or 0) if pg else Decimal(revenue or 0) / 100
            out.append((as_date(cohort), as_date(period), int(customers), amount))
        return out


    def add_interaction_days(self, rows: list[tuple[dt.date, str, str, str, list[Any]]]) -> None:
        """Add counts to their (day, channel, tier, currency) rows, creating the missing ones, in one
        statement (``domain.reports.DAY_COUNTS`` order; money as Decimals, exact and unbounded)."""
        add_counts(self.session, cast(Table, InteractionDayRow.__table__),  # a declarative __table__ is a Table
                   keys=("day", "channel", "tier", "currency"), counts=DAY_COUNTS,
                   rows=[{"day": day, "channel": channel, "tier": tier, "currency": currency,
                          **dict(zip(DAY_COUNTS, counts, strict=True))}
                         for day, channel, tier, currency, counts in rows])

    def interaction_totals(self, *, since: dt.date | None, until: dt.date | None, channel: str | None,
                           tier: str | None, period: Period, by: tuple[str, ...],
                           answered: bool = False) -> list[tuple[Any, ...]]:
        """The day counts of [since, until) summed per period and the columns ``by`` (of channel, tier,
        currency; the others answer ""): rows of (first day of the period, channel, tier, currency,
        *DAY_COUNTS), so a report reads a row per period, not per day. ``answered``: only days with
        NPS or CSAT answers. Money is summed exactly: in SQL on PostgreSQL (NUMERIC); on SQLite, which
        keeps it as text its sum() would turn into floats, here."""
        t = InteractionDayRow.__table__
        pg = self.session.get_bind().dialect.name == "postgresql"
        start = period_start_sql("day", period, "postgresql" if pg else "sqlite").label("period_start")
        keys = [start, *(t.c[name] for name in by)]
        where = [t.c.day >= since] if since is not None else []
        where += [t.c.day < until] if until is not None else []
        where += [t.c.channel == channel] if channel is not None else []
        where += [t.c.tier == tier] if tier is not None else []
        where += [(t.c.nps_responses > 0) | (t.c.csat_responses > 0)] if answered else []
        summed = [func.sum(t.c[n]) for n in DAY_COUNTS if pg or n not in MONEY_COUNTS]
        money: dict[tuple[Any, ...], dict[str, Decimal]] = {}
        if not pg and not answered:  # the feedback report reads no money
            for row in self.session.execute(select(*keys, *(t.c[n] for n in MONEY_COUNTS)).where(*where)):
                sums = money.setdefault(tuple(row[:len(keys)]), dict.fromkeys(MONEY_COUNTS, ZERO))
                for name, amount in zip(MONEY_COUNTS, row[len(keys):], strict=True):
                    sums[name] += Decimal(amount)
        out = []
        for row in self.session.execute(select(*keys, *summed).where(*where).group_by(*keys)):
            key, totals = tuple(row[:len(keys)]), dict(zip(
                [n for n in DAY_COUNTS if pg or n not in MONEY_COUNTS], row[len(keys):], strict=True))
            totals.update(money.get(key, {}) if not pg else {})
            named = dict(zip(by, key[1:], strict=True))
            out.append((as_date(key[0]), named.get("channel", ""), named.get("tier", ""), named.get("currency", ""),
                        *(totals.get(n, ZERO) if n in MONEY_COUNTS else int(totals[n]) for n in DAY_COUNTS)))
        return out
