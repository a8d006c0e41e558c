"""Merge aliases and erasure tombstones (idic.identities) on SQLite and PostgreSQL: chains, unmerge,
erasure, the batch forms, and what prefetch remembers staying true through writes."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, inspect, select
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from idic import Aliases, Erasures, add_identity_tables, make_engine, make_sessionmaker, new_metadata

metadata = new_metadata()
tables = add_identity_tables(metadata)
T0 = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path}/identities.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    metadata.create_all(engine)  # tests only; services use Alembic
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_sessionmaker(engine)() as session:
        yield session


def repos(session: Session) -> tuple[Aliases, Erasures]:
    return Aliases(session, tables.aliases), Erasures(session, tables.erasures)


def rows(session: Session) -> dict[str, str]:
    """The alias table as it is: merged id -> survivor."""
    return {m: s for m, s in session.execute(select(tables.aliases.c.merged_id, tables.aliases.c.survivor_id))}


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        if not str(args[2]).startswith("BEGIN"):  # SQLite's BEGIN IMMEDIATE (make_engine) is no query
            seen.append(str(args[2]))

    sa_event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        sa_event.remove(engine, "before_cursor_execute", count)


def test_the_tables_every_service_gets(engine: Engine) -> None:
    schema = inspect(engine)
    assert [c["name"] for c in schema.get_columns("customer_aliases")] == ["merged_id", "survivor_id", "merged_at"]
    assert [c["name"] for c in schema.get_columns("erasures")] == ["customer_id", "erased_at"]
    assert schema.get_pk_constraint("customer_aliases")["constrained_columns"] == ["merged_id"]
    assert [i["name"] for i in schema.get_indexes("customer_aliases")] == ["ix_customer_aliases_survivor_id"]


def test_a_merge_points_merged_ids_and_their_earlier_aliases_at_the_survivor(session: Session) -> None:
    aliases, _ = repos(session)
    assert aliases.resolve("c") == "c" and aliases.merged_into("a") == []
    aliases.record_merge(survivor_id="b", merged_ids=["c"], at=T0)
    aliases.record_merge(survivor_id="a", merged_ids=["b", "b", "a", "d"], at=T0)  # repeats and itself ignored
    assert rows(session) == {"b": "a", "c": "a", "d": "a"}  # one hop deep
    assert [aliases.resolve(c) for c in "abcdx"] == ["a", "a", "a", "a", "x"]
    assert aliases.resolve_many(["b", "c", "x"]) == {"b": "a", "c": "a", "x": "x"}
    assert aliases.merged_into("a") == ["b", "c", "d"]
    # the newest merge wins: a survivor that had been merged away stands for itself again
    aliases.record_merge(survivor_id="c", merged_ids=["e"], at=T0)
    assert rows(session) == {"b": "a", "d": "a", "e": "c"} and aliases.resolve("c") == "c"


def test_reads_follow_chains_and_stop_at_cycles(session: Session) -> None:
    """Aliases written before merges re-pointed earlier ones (or by hand) may chain; reads follow them."""
    session.execute(insert(tables.aliases), [
        {"merged_id": m, "survivor_id": s, "merged_at": T0} for m, s in [("d", "c"), ("c", "b"), ("b", "a"),
                                                                         ("x", "y"), ("y", "x")]])
    aliases, _ = repos(session)
    assert aliases.resolve("d") == "a" and aliases.resolve("a") == "a"
    assert aliases.resolve_many(["d", "c", "a", "z"]) == {"d": "a", "c": "a", "a": "a", "z": "z"}
    assert aliases.merged_into("a") == ["b", "c", "d"] and aliases.merged_into("c") == ["d"]
    assert aliases.resolve("x") in {"x", "y"} and set(aliases.resolve_many(["x", "y"])) == {"x", "y"}
    assert aliases.merged_into("x") == ["y"]


def test_unmerge_restores_the_id_unless_it_was_merged_elsewhere_since(session: Session) -> None:
    aliases, _ = repos(session)
    aliases.record_merge(survivor_id="a", merged_ids=["b", "c"], at=T0)
    assert aliases.undo_merge(restored_id="b", survivor_id="a")
    assert aliases.resolve("b") == "b" and aliases.resolve("c") == "a" and rows(session) == {"c": "a"}
    assert not aliases.undo_merge(restored_id="b", survivor_id="a")  # nothing left to undo
    assert not aliases.undo_merge(restored_id="nobody", survivor_id="a")
    # c merged into y later (events of two survivors are not ordered): the older unmerge leaves it there
    aliases.record_merge(survivor_id="y", merged_ids=["c"], at=T0)
    assert not aliases.undo_merge(restored_id="c", survivor_id="a") and aliases.resolve("c") == "y"
    # the former survivor merged on since: the restored id still stands for the same person, so it is undone
    aliases.record_merge(survivor_id="z", merged_ids=["y"], at=T0)
    assert aliases.resolve("c") == "z" and aliases.undo_merge(restored_id="c", survivor_id="y")
    assert aliases.resolve("c") == "c" and rows(session) == {"y": "z"}


def test_erasure_forgets_aliases_of_and_to_the_id_and_tombstones(session: Session) -> None:
    aliases, erasures = repos(session)
    aliases.record_merge(survivor_id="a", merged_ids=["b", "c"], at=T0)
    aliases.record_merge(survivor_id="k", merged_ids=["j"], at=T0)
    assert aliases.forget("a") == ["b", "c"]
    assert rows(session) == {"j": "k"} and aliases.resolve("b") == "b"
    assert aliases.forget("nobody") == []
    assert not erasures.is_erased("a") and erasures.erased_at("a") is None
    erasures.record(["a", "b", "c", "a"], at=T0)
    erasures.record(["a"], at=T0 + dt.timedelta(days=1))  # again: the first time stands
    assert erasures.is_erased("a") and erasures.erased_at("a") == T0 and not erasures.is_erased("k")
    assert erasures.erased_among(["a", "c", "k"]) == {"a", "c"}
    session.commit()
    _, fresh = repos(session)
    assert fresh.erased_at("b") == T0 and fresh.erased_at("b").tzinfo is not None  # type: ignore[union-attr]


def test_batch_forms_take_more_ids_than_one_in_list_holds(engine: Engine, session: Session) -> None:
    aliases, erasures = repos(session)
    ids = [f"c{i:04d}" for i in range(1200)]
    aliases.record_merge(survivor_id="s", merged_ids=ids[::2], at=T0)
    erasures.record(ids[::3], at=T0)
    aliases, erasures = repos(session)  # these remember what they wrote: ask ones that do not
    with statements(engine) as seen:
        resolved = aliases.resolve_many(ids)
        erased = erasures.erased_among(ids)
    assert resolved == {c: ("s" if i % 2 == 0 else c) for i, c in enumerate(ids)}
    assert erased == set(ids[::3])
    assert len(seen) == 3 + 1 + 3  # three chunks of ids, one round for the survivor, three chunks of tombstones
    assert aliases.merged_into("s") == ids[::2]


def test_prefetched_lookups_need_no_query(engine: Engine, session: Session) -> None:
    aliases, erasures = repos(session)
    aliases.record_merge(survivor_id="a", merged_ids=["b"], at=T0)
    erasures.record(["gone"], at=T0)
    session.commit()
    aliases, erasures = repos(session)  # a new unit of work remembers nothing
    with statements(engine) as seen:
        assert aliases.prefetch(["b", "c", "gone"]) == {"b": "a", "c": "c", "gone": "gone"}
        assert erasures.prefetch(["a", "c", "gone"]) == {"gone"}
    assert len(seen) == 3  # the ids' aliases, the survivor's, the tombstones
    with statements(engine) as seen:
        assert [aliases.resolve(c) for c in ("a", "b", "c", "gone")] == ["a", "a", "c", "gone"]
        assert aliases.resolve_many(["b", "c"]) == {"b": "a", "c": "c"}
        assert [erasures.is_erased(c) for c in ("a", "c", "gone")] == [False, False, True]
        assert erasures.erased_among(["a", "gone"]) == {"gone"} and erasures.erased_at("c") is None
    assert seen == []
    with statements(engine) as seen:
        assert aliases.resolve("elsewhere") == "elsewhere" and not erasures.is_erased("elsewhere")
    assert len(seen) == 2  # what was not prefetched is asked


def test_writes_keep_what_prefetch_remembered_true(session: Session) -> None:
    """Random merges, unmerges and erasures after a prefetch: the prefetched repositories answer as
    fresh ones that ask the database."""
    ids = [f"c{i}" for i in range(12)]
    rng = random.Random(14)
    for step in range(120):
        if step % 30 == 0:  # a new transaction, a new batch
            session.commit()
            aliases, erasures = repos(session)
            aliases.prefetch(ids)
            erasures.prefetch(ids)
        op = rng.choice(["merge", "merge", "unmerge", "erase"])
        if op == "merge":
            survivor, *merged = rng.sample(ids, rng.randint(2, 4))
            aliases.record_merge(survivor_id=survivor, merged_ids=merged, at=T0)
        elif op == "unmerge":
            aliases.undo_merge(restored_id=rng.choice(ids), survivor_id=rng.choice(ids))
        else:
            gone = rng.choice(ids)
            erasures.record([gone, *aliases.forget(gone)], at=T0)
        fresh_aliases, fresh_erasures = repos(session)
        assert aliases.resolve_many(ids) == fresh_aliases.resolve_many(ids), (step, op)
        assert {c: aliases.resolve(c) for c in ids} == fresh_aliases.resolve_many(ids), (step, op)
        assert erasures.erased_among(ids) == fresh_erasures.erased_among(ids), (step, op)
        assert all(s not in rows(session) for s in rows(session).values()), "one hop deep"
