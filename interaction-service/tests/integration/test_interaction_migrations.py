"""Migration 0004 on SQLite and PostgreSQL: the alias and erasure tables become idic's (ids of 255
characters), their rows kept, and back."""

from __future__ import annotations

import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, inspect, select, text

from idic import Aliases, Erasures, alembic_config, make_engine, make_sessionmaker
from interaction_service.adapters.orm import Base, identities
from interaction_service.main import ALEMBIC_INI

T0 = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
LONG = "x" * 200


def _state(engine) -> tuple[list, list, dict[str, int]]:
    with engine.connect() as conn:
        aliases = conn.execute(select(identities.aliases).order_by(identities.aliases.c.merged_id)).all()
        erasures = conn.execute(select(identities.erasures).order_by(identities.erasures.c.customer_id)).all()
    schema = inspect(engine)
    lengths = {f"{t}.{c['name']}": c["type"].length for t in ("customer_aliases", "erasures")
               for c in schema.get_columns(t) if c["name"] != "merged_at" and c["name"] != "erased_at"}
    return aliases, erasures, lengths


def test_0004_widens_alias_and_erasure_ids_keeping_rows_and_back(database_url: str) -> None:
    config = alembic_config(alembic_ini=ALEMBIC_INI, database_url=database_url)
    command.upgrade(config, "0003")
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(identities.aliases.insert(), [{"merged_id": "b", "survivor_id": "a", "merged_at": T0},
                                                   {"merged_id": "c", "survivor_id": "a", "merged_at": T0}])
        conn.execute(identities.erasures.insert(), [{"customer_id": "gone", "erased_at": T0}])
    before = _state(engine)
    assert set(before[2].values()) == {64}

    command.upgrade(config, "head")
    after = _state(engine)
    assert after[:2] == before[:2] and set(after[2].values()) == {255}
    assert [i["name"] for i in inspect(engine).get_indexes("customer_aliases")] == ["ix_customer_aliases_survivor_id"]
    with engine.connect() as conn:  # the tables are exactly what idic declares
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert [d for d in diffs if "customer_aliases" in repr(d) or "'erasures'" in repr(d)] == []
    with make_sessionmaker(engine)() as session:  # an id longer than 64 characters is stored now
        aliases, erasures = Aliases(session, identities.aliases), Erasures(session, identities.erasures)
        aliases.record_merge(survivor_id="a", merged_ids=[LONG], at=T0)
        erasures.record([LONG], at=T0)
        session.commit()
        assert aliases.resolve(LONG) == "a" and erasures.is_erased(LONG) and aliases.merged_into("a") == ["b", "c", LONG]
        session.execute(delete(identities.aliases).where(identities.aliases.c.merged_id == LONG))
        session.execute(delete(identities.erasures).where(identities.erasures.c.customer_id == LONG))
        session.commit()

    command.downgrade(config, "0003")
    assert _state(engine) == before
    engine.dispose()


def test_0005_adds_who_recorded_each_interaction_and_back(database_url: str) -> None:
    from interaction_service.adapters.orm import Interaction

    config = alembic_config(alembic_ini=ALEMBIC_INI, database_url=database_url)
    command.upgrade(config, "0004")
    engine = make_engine(database_url)
    row = {"id": "i-1", "customer_id": "c-1", "original_customer_id": "c-1", "channel": "web", "type": "visit",
           "direction": "inbound", "occurred_at": T0, "recorded_at": T0, "payload": "{}"}
    with engine.begin() as conn:  # a row as 0004 stored it (the ORM's table already has the new column)
        conn.execute(text(f"INSERT INTO interactions ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"),
                     row)
    command.upgrade(config, "0005")
    with engine.connect() as conn:
        assert conn.execute(select(Interaction.id, Interaction.actor)).all() == [("i-1", None)]  # kept, nobody named
    command.downgrade(config, "0004")
    assert "actor" not in {c["name"] for c in inspect(engine).get_columns("interactions")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM interactions")).scalars().all() == ["i-1"]
    engine.dispose()
