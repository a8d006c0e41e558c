"""What every report of the suite shares (API.md "Reports"): its periods, the check of its time
window, and its CSV form. A report is a pydantic body; asked with ``Accept: text/csv`` the same
body is answered as one CSV table, each report saying which rows of its body make the table
(nested fields flattened to ``parent_child`` columns), so JSON and CSV can never disagree."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Date, literal_column

from .problems import ProblemError
from .types import Rfc3339

Period = Literal["day", "week", "month", "quarter", "year"]
CSV = "text/csv"
# the window every report takes (API.md "Reports"); check_window refuses an empty one
Since = Annotated[Rfc3339 | None, Query(description="RFC 3339 with offset; inclusive.")]
Until = Annotated[Rfc3339 | None, Query(description="RFC 3339 with offset; exclusive, after since.")]
PeriodQuery = Annotated[Period, Query(description="Length of each period: day, week (from Monday), month, "
                                                  "quarter or year, in UTC.")]
SegmentQuery = Annotated[str | None, Query(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$",
                                           description="Only the members of this segment (GET /v1/segments) at each "
                                                       "population run; an unknown one is refused.")]


def period_start(at: dt.datetime, period: Period) -> dt.datetime:
    """The start (UTC midnight) of the period holding ``at``; weeks start on Monday (ISO 8601)."""
    day = at.astimezone(dt.UTC).date()
    if period == "week":
        day -= dt.timedelta(days=day.weekday())
    elif period == "month":
        day = day.replace(day=1)
    elif period == "quarter":
        day = day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    elif period == "year":
        day = day.replace(month=1, day=1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def period_start_sql(day_column: str, period: Period, dialect: str) -> ColumnElement[Any]:
    """What ``period_start`` does, in SQL, for a DATE column (``day_column``, a plain column name of
    the query): the first day of its period, so a report sums its days into periods in the database
    instead of reading every day (a year of day counts is tens of thousands of rows). SQLite keeps
    dates as ``YYYY-MM-DD`` text and answers text in the same form."""
    if period == "day":
        return literal_column(day_column, Date)
    if dialect == "postgresql":  # date_trunc's weeks start on Monday (ISO 8601), as period_start's
        return literal_column(f"CAST(date_trunc('{period}', {day_column}) AS DATE)", Date)
    sqlite = {"week": f"date({day_column}, '-6 days', 'weekday 1')",
              "month": f"strftime('%Y-%m-01', {day_column})",
              "quarter": f"printf('%s-%02d-01', strftime('%Y', {day_column}), "
                         f"((CAST(strftime('%m', {day_column}) AS INTEGER) - 1) / 3) * 3 + 1)",
              "year": f"strftime('%Y-01-01', {day_column})"}
    return literal_column(sqlite[period], Date)


def as_date(value: dt.date | str) -> dt.date:
    """A DATE read back from either database (SQLite answers text)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def check_window(since: dt.datetime | None, until: dt.datetime | None) -> None:
    """422 naming ``query.until`` when the window is empty."""
    if since is not None and until is not None and until <= since:
        raise ProblemError(422, "Unprocessable Content", "invalid request: query.until (must lie after since)",
                           errors=[{"field": "query.until", "message": "until must lie after since"}])


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}, "c": [1, 2]}`` → ``{"a_b": 1, "c": "1;2"}``: one CSV cell per leaf."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{name}_"))
        elif isinstance(value, list | tuple):
            out[name] = ";".join(str(v) for v in value)
        else:
            out[name] = value
    return out


def csv_text(rows: Iterable[Mapping[str, Any]]) -> str:
    """Rows as CSV (RFC 4180, CRLF), the columns in the order they first appear; null is empty. Every
    text a report puts in a cell is a name of the platform's own (tiers, slugs, dates) or a number, so
    no cell can start a spreadsheet formula from customer data."""
    flat = [flatten(r) for r in rows]
    columns: dict[str, None] = {}
    for r in flat:
        columns.update(dict.fromkeys(r))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for r in flat:
        writer.writerow({k: "" if v is None else v for k, v in r.items()})
    return out.getvalue()


def wants_csv(request: Request) -> bool:
    """True when the caller asked for CSV before JSON (``Accept: text/csv``)."""
    accept = request.headers.get("accept", "")
    ranked = []
    for n, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, media.strip().lower()))
    for _, _, media in sorted(ranked):
        if media in (CSV, "application/json", "application/*", "*/*"):
            return media == CSV
    return False


def report_response(request: Request, body: BaseModel, *, name: str) -> Response | BaseModel:
    """The report as asked: the body itself (JSON), or as CSV the lists its ``CSV_TABLES`` name in the
    body's JSON (dotted: a list inside an object), one after the other, each row marked with its list's
    name in the column ``table``."""
    if not wants_csv(request):
        return body
    document = body.model_dump(mode="json", by_alias=True)

    def at(path: str) -> list[dict[str, Any]]:
        found: Any = document
        for key in path.split("."):
            found = found[key]
        return list(found)

    tables: tuple[str, ...] = getattr(type(body), "CSV_TABLES")  # noqa: B009 (a ClassVar of each report body)
    rows = [{"table": t, **row} for t in tables for row in at(t)]
    return Response(csv_text(rows), media_type=f"{CSV}; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})


CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {CSV: {"schema": {"type": "string"},
                            "example": "table,decile,customers,value\r\ndeciles,1,100,26100.00\r\n"}},
          "description": "The report: JSON, or its rows as CSV when asked with Accept: text/csv."}}
