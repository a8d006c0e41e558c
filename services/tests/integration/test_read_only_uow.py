"""Units of work that only read (``idic.read_only_engine``, ``ServiceRuntime.read_uow``), on SQLite and PostgreSQL:
a read does not wait for a writer's open transaction, sees only what was committed, and cannot commit."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Engine, Integer, String, Table, insert, select

from idic import make_engine, make_sessionmaker, new_metadata
from idic.db import read_only_engine
from idic.messaging import add_messaging_tables
from idic.uow import UnitOfWork

metadata = new_metadata()
messaging = add_messaging_tables(metadata)
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", String(50)))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path}/reads.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    metadata.drop_all(engine)
    metadata.create_all(engine)  # tests only; services use Alembic
    yield engine
    metadata.drop_all(engine)
    engine.dispose()


def writing(engine: Engine) -> UnitOfWork:
    return UnitOfWork(make_sessionmaker(engine), tables=messaging, source="/test")


def reading(engine: Engine) -> UnitOfWork:
    return UnitOfWork(make_sessionmaker(read_only_engine(engine)), tables=messaging, source="/test", read_only=True)


def test_a_read_does_not_wait_for_an_open_write(engine: Engine) -> None:
    with writing(engine) as uow:
        uow.session.execute(insert(notes).values(id=1, text="committed"))
        uow.commit()
    seen: list[list[str]] = []
    with writing(engine) as writer:  # holds SQLite's write lock (BEGIN IMMEDIATE) until it ends
        writer.session.execute(insert(notes).values(id=2, text="not committed yet"))

        def read() -> None:
            with reading(engine) as uow:
                seen.append(list(uow.session.scalars(select(notes.c.text).order_by(notes.c.id))))

        started = time.monotonic()
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=5)
        waited = time.monotonic() - started
        assert seen == [["committed"]], "the read saw the open write or did not finish"
        assert waited < 2, f"the read waited {waited:.1f} s for the writer"
        writer.commit()
    with reading(engine) as uow:
        assert list(uow.session.scalars(select(notes.c.text).order_by(notes.c.id))) == ["committed",
                                                                                         "not committed yet"]


def test_without_read_only_sqlite_queues_the_reader(tmp_path: Path) -> None:
    """The contrast that makes the test above mean something: a writing unit of work that only reads still
    begins IMMEDIATE on SQLite, so it waits for the open writer."""
    engine = make_engine(f"sqlite:///{tmp_path}/queue.db")
    metadata.create_all(engine)
    done = threading.Event()

    def read() -> None:
        with writing(engine) as uow:
            uow.session.execute(select(notes.c.id)).all()
        done.set()

    with writing(engine) as writer:
        writer.session.execute(insert(notes).values(id=1, text="open"))
        reader = threading.Thread(target=read)
        reader.start()
        assert not done.wait(1.0), "the writing unit of work did not queue behind the writer"
        writer.commit()
    assert done.wait(10)
    reader.join()
    engine.dispose()


def test_a_read_only_unit_of_work_cannot_commit(engine: Engine) -> None:
    with reading(engine) as uow:
        with pytest.raises(RuntimeError, match="read-only"):
            uow.commit()
