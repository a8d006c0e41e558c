"""Column-wise bulk access for population runs: one streamed query loads what scoring needs of
every customer into numpy arrays, and changed scores, segment memberships and outbox events go
back in bulk. PostgreSQL uses COPY (psycopg 3) both ways; SQLite one query and executemany in
the run's transaction. Row-by-row ORM objects cost ~250 us per customer; this path ~10."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import psycopg
from psycopg import sql as psycopg_sql
from sqlalchemy.orm import Session

from idic import bulk_insert

from ..domain.features import DAYPARTS
from ..domain.needs import CHANNELS
from .orm import messaging

SCORE_COLUMNS = ("customer_id", "scored_at", "r", "f", "m", "rfm_segment", "tier", "churn_risk", "p_alive",
                 "expected_purchases_90d", "expected_avg_order_value", "clv_12m", "segments", "churn_drivers",
                 "run_tier")
OUTBOX_COLUMNS = ("event_id", "topic", "key", "event_type", "body", "created_at")
# COPY types of SCORE_COLUMNS as ``compare`` builds them (money and JSON arrive as text)
_SCORE_TYPES = ("text", "timestamptz", "int2", "int2", "int2", "text", "text", "float8", "float8", "float8",
                "text", "text", "text", "text", "text")
_TEXT = ("customer_id", "prev_rfm_segment", "prev_tier", "prev_run_tier", "prev_segments", "prev_drivers",
         "monetary_text", "currency")


@dataclass
class Loaded:
    """Every customer's scoring inputs and stored scores, one array per column (nan / None = null)."""

    columns: dict[str, Any]
    categories: list[str]

    def __len__(self) -> int:
        return len(self.columns["customer_id"])

    def __getitem__(self, name: str) -> Any:
        return self.columns[name]


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _driver(session: Session) -> Any:
    """The psycopg connection under the session, inside the session's transaction."""
    return session.connection().connection.driver_connection


def top_categories(session: Session, *, limit: int) -> list[str]:
    """The most frequent interaction categories over every customer (ties by name)."""
    if _dialect(session) == "postgresql":
        sql = ("SELECT e.key, sum(e.value::bigint) AS n FROM customer_features f, jsonb_each_text(f.category_counts) e "
               "GROUP BY e.key ORDER BY n DESC, e.key LIMIT %(limit)s")
        rows = _driver(session).execute(sql, {"limit": limit}).fetchall()
    else:
        sql = ("SELECT e.key, sum(e.value) AS n FROM customer_features f, json_each(f.category_counts) e "
               "GROUP BY e.key ORDER BY n DESC, e.key LIMIT ?")
        rows = session.connection().exec_driver_sql(sql, (limit,)).fetchall()
    return [str(k) for k, _ in rows]


def _select(dialect: str, categories: list[str]) -> tuple[str, list[str], list[Any]]:
    """The population query, its column names and parameters (category keys are bound, never spliced)."""
    pg = dialect == "postgresql"
    p = "%s" if pg else "?"

    def money(col: str) -> str:
        return f"{col}::float8" if pg else f"{col}"  # SQLite keeps exact text: Python's float() rounds correctly

    def epoch(col: str) -> list[str]:
        if pg:
            # date_part's float8 is int64 microseconds / 1e6 in one correctly rounded division: the same
            # double as extract()'s exact numeric cast to float8, without numeric arithmetic per row
            return [f"date_part('epoch', {col})", "0"]
        # naive UTC text 'YYYY-MM-DD HH:MM:SS.ffffff': whole seconds and microseconds, exact
        return [f"CAST(strftime('%s', {col}) AS INTEGER)", f"CAST(substr({col}, 21, 6) AS INTEGER)"]

    def count(doc: str, key: str) -> str:
        return f"({doc}->>'{key}')::int" if pg else f"{doc} ->> '{key}'"

    def cents(col: str) -> str:
        return f"round({col} * 100)::int8" if pg else f"CAST(round(CAST({col} AS REAL) * 100) AS INTEGER)"

    exprs: list[tuple[str, str]] = [
        ("customer_id", "f.customer_id"), ("interactions", "f.interactions"), ("frequency", "f.frequency"),
        ("purchase_days", "f.purchase_days"), ("offers", "f.offer_responses"),
        ("monetary", money("f.monetary")), ("first_day_amount", money("f.first_day_amount")),
        ("cost_to_serve", money("f.cost_to_serve")), ("nps", "f.nps"),
        ("complaints", count("f.trigger_counts", "complaint"))]  # the linkage report's "what they say"
    for name in ("first_purchase", "last_purchase", "first_interaction"):
        seconds, micros = epoch(f"f.{name}_at")
        exprs += [(f"{name}_s", seconds), (f"{name}_us", micros)]
    exprs.append(("lapsed", "CASE WHEN f.last_lapse_at IS NOT NULL AND (f.last_purchase_at IS NULL "
                            "OR f.last_lapse_at > f.last_purchase_at) THEN 1 ELSE 0 END"))
    exprs += [(f"channel:{c}", count("f.channel_counts", c)) for c in CHANNELS]
    exprs += [(f"daypart:{d}", count("f.daypart_counts", d)) for d in DAYPARTS]
    params: list[Any] = []
    for i, category in enumerate(categories):
        exprs.append((f"category:{i}", f"(f.category_counts->>{p})::int" if pg else
                      f"(SELECT value FROM json_each(f.category_counts) WHERE key = {p})"))
        params.append(category)
    exprs.append(("category_total", "(SELECT sum(value::int) FROM jsonb_each_text(f.category_counts))" if pg else
                  "(SELECT total(value) FROM json_each(f.category_counts))"))
    exprs += [("prev_exists", "CASE WHEN s.customer_id IS NULL THEN 0 ELSE 1 END"), ("prev_r", "s.r"),
              ("prev_f", "s.f"), ("prev_m", "s.m"), ("prev_rfm_segment", "s.rfm_segment"), ("prev_tier", "s.tier"),
              ("prev_run_tier", "s.run_tier"),
              ("prev_churn_risk", "s.churn_risk"), ("prev_p_alive", "s.p_alive"),
              ("prev_expected_purchases_90d", "s.expected_purchases_90d"),
              ("prev_aov_cents", cents("s.expected_avg_order_value")), ("prev_clv_cents", cents("s.clv_12m")),
              ("prev_segments", "s.segments::text" if pg else "s.segments"),
              ("prev_drivers", "s.churn_drivers::text" if pg else "s.churn_drivers"),
              ("monetary_text", "f.monetary::text" if pg else "f.monetary"), ("currency", "f.currency")]
    # customers who refused profiling are neither scored nor segmented (an anti-join: cheap when few)
    sql = ("SELECT " + ", ".join(e for _, e in exprs) +
           " FROM customer_features f LEFT JOIN customer_scores s ON s.customer_id = f.customer_id"
           " WHERE NOT EXISTS (SELECT 1 FROM profiling_refusals x WHERE x.customer_id = f.customer_id)")
    return sql, [n for n, _ in exprs], params


PARALLEL_READ_AT_LEAST = 100_000  # customers; below, one COPY on the run's own connection is as quick


def _copy_out(driver: Any, sql: str, params: Sequence[Any]) -> bytes:
    out = io.BytesIO()
    with driver.cursor() as cur, cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)", params) as copy:
        while data := copy.read():
            out.write(data)
    return out.getvalue()


def _copy_out_in_parallel(session: Session, sql: str, params: list[Any]) -> list[bytes]:
    """The population query's CSV, read as two customer-id ranges by two PostgreSQL backends at
    once (COPY runs no parallel workers itself; the query's per-row work is what the read costs).
    Both read the run's own snapshot (``pg_export_snapshot``), so they see exactly what one query
    in the run's transaction would."""
    driver = _driver(session)
    count = driver.execute("SELECT count(*) FROM customer_features").fetchone()
    middle = None
    if count and count[0] >= PARALLEL_READ_AT_LEAST:
        middle = driver.execute("SELECT customer_id FROM customer_features ORDER BY customer_id OFFSET %s LIMIT 1",
                                (count[0] // 2,)).fetchone()
    if middle is None:  # small (or just emptied) table
        return [_copy_out(driver, sql, params)]
    snapshot = driver.execute("SELECT pg_export_snapshot()").fetchone()[0]
    halves = [(f"{sql} AND f.customer_id < %s", [*params, middle[0]]),
              (f"{sql} AND f.customer_id >= %s", [*params, middle[0]])]
    engine = session.get_bind()

    def read(half: tuple[str, list[Any]]) -> bytes:
        raw = engine.raw_connection()  # type: ignore[union-attr]
        helper = cast("psycopg.Connection[Any]", raw.driver_connection)  # None only once the connection is closed
        try:
            helper.autocommit = True  # explicit BEGIN below: the snapshot must be set first in it
            helper.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            helper.execute(psycopg_sql.SQL("SET TRANSACTION SNAPSHOT {}").format(psycopg_sql.Literal(snapshot)))
            data = _copy_out(helper, *half)
            helper.execute("COMMIT")
            return data
        finally:
            try:  # back to the pool as it came: no open transaction, not in autocommit
                helper.rollback()
                helper.autocommit = False
            except psycopg.Error:
                raw.invalidate()  # a broken connection is not pooled again
            raw.close()

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="population-read") as pool:
        return list(pool.map(read, halves))


def load(session: Session, *, categories: list[str]) -> Loaded:
    """Every customer's inputs and stored scores, column-wise (one streamed query; on PostgreSQL
    two halves read at once for large populations)."""
    dialect = _dialect(session)
    sql, names, params = _select(dialect, categories)
    columns: dict[str, Any] = {}
    if dialect == "postgresql":
        import pandas as pd  # its C CSV parser turns the COPY stream into columns without Python rows

        buffer = io.BytesIO(b"".join(_copy_out_in_parallel(session, sql, params)))
        with warnings.catch_warnings():
            # pandas 3 deprecates the option, but only "round_trip" promises the exact double of PostgreSQL's
            # shortest float text (the default parser was off in the last bit before): scores must match
            warnings.filterwarnings("ignore", message=".*float_precision.*")
            frame = pd.read_csv(buffer, header=None, names=names, dtype={n: object for n in _TEXT},
                                keep_default_na=False, na_values={n: [""] for n in names},
                                float_precision="round_trip", engine="c")
        for name in names:
            values = frame[name].to_numpy()
            columns[name] = np.where(pd.isna(values), None, values) if name in _TEXT else values.astype(float)
    else:
        rows = session.connection().exec_driver_sql(sql, tuple(params)).fetchall()
        transposed = list(zip(*rows, strict=True)) if rows else [() for _ in names]
        for name, values in zip(names, transposed, strict=True):
            if name in _TEXT:
                columns[name] = np.asarray(values, dtype=object)
            elif name in ("monetary", "first_day_amount", "cost_to_serve"):
                columns[name] = np.fromiter((float(v) for v in values), dtype=float, count=len(values))
            else:
                columns[name] = np.fromiter((np.nan if v is None else v for v in values), dtype=float,
                                            count=len(values))
    for name in ("first_purchase", "last_purchase", "first_interaction"):
        seconds, micros = columns.pop(f"{name}_s"), columns.pop(f"{name}_us")
        # exact integer microseconds / 1e6: the same double as datetime.timestamp() (correctly rounded)
        columns[f"{name}_ts"] = seconds if dialect == "postgresql" else (seconds * 1e6 + micros) / 1e6
    return Loaded(columns=columns, categories=list(categories))


def _copy_rows(cur: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]],
               types: Sequence[str] | None = None) -> None:
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        if types is not None:
            copy.set_types(types)  # one dumper per column instead of a lookup per value
        for row in rows:
            copy.write_row(row)


def write_scores(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Insert or replace these customers' score rows (``SCORE_COLUMNS`` order; money as decimal text,
    lists as JSON text, ``scored_at`` as an aware datetime)."""
    if not rows:
        return
    cols = ", ".join(SCORE_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in SCORE_COLUMNS[1:])
    if _dialect(session) == "postgresql":
        with _driver(session).cursor() as cur:
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS scoring_batch (LIKE customer_scores) ON COMMIT DROP")
            _copy_rows(cur, "scoring_batch", SCORE_COLUMNS, rows, types=_SCORE_TYPES)
            cur.execute(f"INSERT INTO customer_scores ({cols}) SELECT {cols} FROM scoring_batch "
                        f"ON CONFLICT (customer_id) DO UPDATE SET {updates}")
            cur.execute("TRUNCATE scoring_batch")
        return
    text = {at: _sqlite_time(at) for at in {r[1] for r in rows}}
    session.connection().exec_driver_sql(
        f"INSERT INTO customer_scores ({cols}) VALUES ({', '.join('?' for _ in SCORE_COLUMNS)}) "
        f"ON CONFLICT (customer_id) DO UPDATE SET {updates}", [(r[0], text[r[1]], *r[2:]) for r in rows])


def write_outbox(session: Session, rows: list[tuple[str, str, str, str, str, dt.datetime]]) -> None:
    """Append events to idic's outbox table (``OUTBOX_COLUMNS`` order) in the session's transaction."""
    bulk_insert(session, messaging.outbox, [dict(zip(OUTBOX_COLUMNS, row, strict=True)) for row in rows])


def write_memberships(session: Session, *, entered: list[tuple[str, str]], left: list[tuple[str, str]],
                      now: dt.datetime) -> None:
    """Apply (segment, customer) exits and entries."""
    if _dialect(session) == "postgresql":
        with _driver(session).cursor() as cur:
            if left:
                cur.execute("CREATE TEMP TABLE IF NOT EXISTS segment_exits (segment_id text, customer_id text) "
                            "ON COMMIT DROP")
                _copy_rows(cur, "segment_exits", ("segment_id", "customer_id"), left)
                cur.execute("DELETE FROM segment_members m USING segment_exits x "
                            "WHERE m.segment_id = x.segment_id AND m.customer_id = x.customer_id")
                cur.execute("TRUNCATE segment_exits")
            if entered:
                _copy_rows(cur, "segment_members", ("segment_id", "customer_id", "since"),
                           ((s, c, now) for s, c in entered))
        return
    conn = session.connection()
    if left:
        conn.exec_driver_sql("DELETE FROM segment_members WHERE segment_id = ? AND customer_id = ?", left)
    if entered:
        since = _sqlite_time(now)
        conn.exec_driver_sql("INSERT INTO segment_members (segment_id, customer_id, since) VALUES (?, ?, ?)",
                             [(s, c, since) for s, c in entered])


def _sqlite_time(at: dt.datetime) -> str:
    """idic's UtcDateTime as SQLite stores it (naive UTC text)."""
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
