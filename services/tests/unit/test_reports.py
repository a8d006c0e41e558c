"""What every report shares: periods, the CSV form, and which form the caller asked for."""

from __future__ import annotations

import datetime as dt

import pytest
from starlette.requests import Request

from idic import ProblemError
from idic.reports import check_window, csv_text, period_start, wants_csv

AT = dt.datetime(2026, 8, 13, 22, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # 2026-08-14 03:30 UTC


@pytest.mark.parametrize(("period", "start"), [
    ("day", dt.datetime(2026, 8, 14, tzinfo=dt.UTC)),
    ("week", dt.datetime(2026, 8, 10, tzinfo=dt.UTC)),  # the Monday
    ("month", dt.datetime(2026, 8, 1, tzinfo=dt.UTC)),
    ("quarter", dt.datetime(2026, 7, 1, tzinfo=dt.UTC)),
    ("year", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
])
def test_a_period_starts_at_utc_midnight_of_its_first_day(period: str, start: dt.datetime) -> None:
    assert period_start(AT, period) == start  # type: ignore[arg-type]


def test_csv_flattens_nested_fields_and_leaves_null_empty() -> None:
    rows = [{"tier": "maintain", "value": {"EUR": "1.50"}, "ids": ["a", "b"], "share": None},
            {"tier": "most,valuable", "extra": 1}]
    assert csv_text(rows) == ('tier,value_EUR,ids,share,extra\r\n'
                              'maintain,1.50,a;b,,\r\n'
                              '"most,valuable",,,,1\r\n')


@pytest.mark.parametrize(("accept", "csv"), [
    ("text/csv", True), ("", False), ("*/*", False), ("application/json", False),
    ("text/csv;q=0.5, application/json", False), ("application/json;q=0.2, text/csv", True),
    ("text/html, text/csv", True), ("TEXT/CSV; charset=utf-8", True), ("text/csv;q=oops, application/json", False),
])
def test_csv_only_when_asked_before_json(accept: str, csv: bool) -> None:
    request = Request({"type": "http", "headers": [(b"accept", accept.encode())] if accept else []})
    assert wants_csv(request) is csv


def test_an_empty_window_names_until() -> None:
    check_window(None, AT)
    with pytest.raises(ProblemError) as refused:
        check_window(AT, AT)
    assert refused.value.extra["errors"] == [{"field": "query.until", "message": "until must lie after since"}]
