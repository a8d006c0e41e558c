"""Migration 0005 on SQLite and PostgreSQL: erased_customers becomes idic's erasures and alias ids take
255 characters, every alias and tombstone kept, and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, column, inspect, select, table

from idic import Aliases, Erasures, UtcDateTime, alembic_config, make_engine, make_sessionmaker
from treatment_service.adapters.orm import Base, identities
from treatment_service.main import ALEMBIC_INI

T0 = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
ERASED_CUSTOMERS = table("erased_customers", column("customer_id"), column("erased_at", UtcDateTime))


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/treatment.db" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))


def _aliases(engine: Engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(identities.aliases).order_by(identities.aliases.c.merged_id)).all()


def _tombstones(engine: Engine, name: str) -> list:
    tombstones = table(name, column("customer_id"), column("erased_at", UtcDateTime))
    with engine.connect() as conn:
        return conn.execute(select(tombstones).order_by(tombstones.c.customer_id)).all()


def _lengths(engine: Engine, *tables: str) -> set[int]:
    schema = inspect(engine)
    return {c["type"].length for t in tables for c in schema.get_columns(t) if c["name"].endswith("_id")}


def test_0005_moves_tombstones_to_erasures_and_widens_ids_and_back(database_url: str) -> None:
    config = alembic_config(alembic_ini=ALEMBIC_INI, database_url=database_url)
    command.upgrade(config, "0004_webhooks")
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(identities.aliases.insert(), [{"merged_id": "b", "survivor_id": "a", "merged_at": T0}])
        conn.execute(ERASED_CUSTOMERS.insert(), [{"customer_id": c, "erased_at": T0} for c in ("gone", "gone-too")])
    aliases, tombstones = _aliases(engine), _tombstones(engine, "erased_customers")
    assert len(tombstones) == 2 and _lengths(engine, "customer_aliases", "erased_customers") == {128}

    command.upgrade(config, "head")
    assert "erased_customers" not in inspect(engine).get_table_names()
    assert _aliases(engine) == aliases and _tombstones(engine, "erasures") == tombstones
    assert _lengths(engine, "customer_aliases", "erasures") == {255}
    assert inspect(engine).get_pk_constraint("erasures")["name"] == "pk_erasures"
    with engine.connect() as conn:  # the tables are exactly what idic declares
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diffs if "customer_aliases" in repr(d) or "erasures" in repr(d)] == []
    with make_sessionmaker(engine)() as session:
        found_aliases, found_erasures = Aliases(session, identities.aliases), Erasures(session, identities.erasures)
        assert found_aliases.resolve("b") == "a" and found_erasures.erased_among(["gone", "gone-too", "a"]) == {
            "gone", "gone-too"} and found_erasures.erased_at("gone") == T0

    command.downgrade(config, "0004_webhooks")
    assert "erasures" not in inspect(engine).get_table_names()
    assert _aliases(engine) == aliases and _tombstones(engine, "erased_customers") == tombstones
    assert _lengths(engine, "customer_aliases", "erased_customers") == {128}
    engine.dispose()


def test_0006_adds_who_recorded_an_outcome_and_back(database_url: str) -> None:
    config = alembic_config(alembic_ini=ALEMBIC_INI, database_url=database_url)
    command.upgrade(config, "0005_identities")
    engine = make_engine(database_url)
    assert "outcome_by" not in {c["name"] for c in inspect(engine).get_columns("treatments")}
    command.upgrade(config, "0006_outcome_by")
    column = next(c for c in inspect(engine).get_columns("treatments") if c["name"] == "outcome_by")
    assert column["nullable"] and column["type"].length == 128
    with engine.connect() as conn:  # the table is exactly what the models declare
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diffs if "outcome_by" in repr(d)] == []
    command.downgrade(config, "0005_identities")
    assert "outcome_by" not in {c["name"] for c in inspect(engine).get_columns("treatments")}
    engine.dispose()


def test_replicas_starting_together_migrate_one_after_another(pg_url: str) -> None:
    """Four replicas of a new release start at once against an empty database: each runs `upgrade head`
    at start, one at a time behind a PostgreSQL advisory lock, so none fails on a table another made."""
    import threading

    from idic import run_migrations

    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def start_replica() -> None:
        barrier.wait()
        try:
            run_migrations(alembic_ini=ALEMBIC_INI, database_url=pg_url)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    replicas = [threading.Thread(target=start_replica) for _ in range(4)]
    for replica in replicas:
        replica.start()
    for replica in replicas:
        replica.join(timeout=120)
    assert errors == []
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diffs == [] and conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
    engine.dispose()
