"""Periods computed in the database (``period_start_sql``) agree with ``period_start`` on every day
of two years, on SQLite and on PostgreSQL: a report that sums its days in SQL puts each day in the
same period as one that sums them in Python would."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Column, Date, MetaData, Table, create_engine, insert, select

from idic.reports import as_date, period_start, period_start_sql

DAYS = [dt.date(2023, 12, 25) + dt.timedelta(days=n) for n in range(2 * 366 + 10)]  # a leap year, year ends


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_every_day_falls_in_the_period_period_start_gives(backend: str, request: pytest.FixtureRequest,
                                                          tmp_path) -> None:
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path}/p.db"
    engine = create_engine(url)
    days = Table("days", MetaData(), Column("day", Date, primary_key=True))
    days.create(engine)
    with engine.begin() as conn:
        conn.execute(insert(days), [{"day": d} for d in DAYS])
        for period in ("day", "week", "month", "quarter", "year"):
            got = {as_date(day): as_date(start) for day, start in conn.execute(
                select(days.c.day, period_start_sql("day", period, engine.dialect.name)))}
            want = {d: period_start(dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC), period).date() for d in DAYS}
            assert got == want, period
    engine.dispose()
