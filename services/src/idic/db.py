"""Database helpers: engines for SQLite (embedded default) and PostgreSQL, an aware-UTC
datetime type, a naming convention for Alembic, and running a service's migrations."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    MetaData,
    Numeric,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
    text,
    tuple_,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator, TypeEngine

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


READ_ONLY = "idic_read_only"  # execution option of read-only transactions


def new_metadata() -> MetaData:
    """A MetaData with the naming convention every migration relies on."""
    return MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> dt.datetime:
    """Timezone-aware now in UTC (the only clock the suite uses)."""
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as UTC and always returns them aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC time is required")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class ExactDecimal(TypeDecorator[Decimal]):
    """Money stored exactly: unconstrained NUMERIC on PostgreSQL; text on SQLite, whose
    NUMERIC affinity would round through a float."""

    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Text())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return value if isinstance(value, Decimal) else Decimal(value)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Engine for the service DB. SQLite gets WAL and a busy timeout so that the API, the
    relay and the consumers (threads of one process) can share the file."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        # pysqlite's own BEGIN handling defers locks; take the write lock at BEGIN so that
        # concurrent writers queue on busy_timeout instead of failing on lock upgrade. A read-only
        # transaction (``read_only_engine``) begins deferred: under WAL it reads a snapshot without
        # the write lock, so reads never queue behind a consumer's batch (they did: p99 ~1 s).
        @event.listens_for(engine, "connect")
        def _no_pysqlite_begin(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn: Any) -> None:
            read_only = conn.get_execution_options().get(READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def read_only_engine(engine: Engine) -> Engine:
    """The same engine and pool, for units of work that only read. On SQLite their transactions begin
    deferred, without the write lock: under WAL they read the last committed snapshot and never queue
    behind a writer. (A unit of work on it refuses to commit: nothing written there ever lands.)"""
    return engine.execution_options(**{READ_ONLY: True})


def make_sessionmaker(engine: Engine) -> sessionmaker[Any]:
    """Sessions that keep loaded objects usable after commit (handlers return them)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def ping(engine: Engine) -> bool:
    """True when the database answers a trivial query."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - readiness only reports, never raises
        return False


def copies(session: Session) -> bool:
    """Whether ``bulk_insert`` streams with COPY here (PostgreSQL through psycopg 3)."""
    dialect = session.get_bind().dialect
    return dialect.name == "postgresql" and dialect.driver == "psycopg"


def bulk_insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows (dicts with the same keys) into a mapped class's or a Table's table, in
    the session's transaction: PostgreSQL's COPY through psycopg (one stream instead of a
    statement per row: several times faster for thousands of rows), an executemany elsewhere."""
    if not rows:
        return
    table = getattr(model, "__table__", model)
    if not copies(session):
        session.execute(insert(table), rows)
        return
    columns = [c for c in table.columns if c.key in rows[0]]
    json_columns = {c.key for c in columns if isinstance(c.type, JSON)}
    raw = session.connection().connection.driver_connection
    assert raw is not None  # a live psycopg connection (copies() said so)
    with raw.cursor() as cursor, cursor.copy(
            f"COPY {table.name} ({', '.join(c.name for c in columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(row[c.key]) if c.key in json_columns else row[c.key] for c in columns])


def add_counts(session: Session, table: Table, *, keys: tuple[str, ...], counts: tuple[str, ...],
               rows: list[dict[str, Any]]) -> None:
    """Add each row's ``counts`` to the stored row of its ``keys``, creating the missing ones, in one
    statement: the report tables counters are kept in. PostgreSQL adds in the upsert (concurrent
    writers wait on the row, none is lost); SQLite keeps money (``ExactDecimal``) as text, which its
    arithmetic would turn into floats, so the stored rows are read and added here (its writers take
    turns anyway). Rows must have distinct keys."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        statement = postgresql_insert(table).values(rows)
        added = {name: table.c[name] + statement.excluded[name] for name in counts}
        session.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=added))
        return
    merged = [dict(r) for r in rows]
    stored = {tuple(r[:len(keys)]): r[len(keys):] for r in session.execute(  # plain rows: no stale ORM copies kept
        select(*(table.c[k] for k in keys), *(table.c[n] for n in counts)).where(
            tuple_(*(table.c[k] for k in keys)).in_([tuple(r[k] for k in keys) for r in merged])))}
    for row in merged:
        before = stored.get(tuple(row[k] for k in keys))
        if before is not None:
            for name, amount in zip(counts, before, strict=True):
                row[name] += amount
    sqlite_statement = sqlite_insert(table).values(merged)
    session.execute(sqlite_statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: sqlite_statement.excluded[name] for name in counts}))


def alembic_config(*, alembic_ini: Path, database_url: str) -> Any:
    """A service's Alembic ``Config`` against the given URL (for ``alembic.command``: tests of a
    migration go up and down with it)."""
    from alembic.config import Config

    config = Config(str(alembic_ini))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    return config


MIGRATION_LOCK = 0x1D1C_0A1E  # a PostgreSQL advisory lock key: one per database, and each service has its own


def run_migrations(*, alembic_ini: Path, database_url: str) -> None:
    """``alembic upgrade head`` for one service, against the given URL, by one process at a time.
    Replicas of a new release start together and each migrates at start: on PostgreSQL they queue on a
    session advisory lock, so the first upgrades and the others find the schema at head (without it they
    race on the same DDL: deadlocks and duplicate tables). SQLite has one writer anyway."""
    from alembic import command

    config = alembic_config(alembic_ini=alembic_ini, database_url=database_url)
    if make_url(database_url).get_backend_name() != "postgresql":
        command.upgrade(config, "head")
        return
    engine = create_engine(database_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as lock:
            lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                command.upgrade(config, "head")
            finally:
                lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
    finally:
        engine.dispose()

