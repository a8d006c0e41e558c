"""Blocking candidates load with their stored scoring data (``customers.match_profiles``), fall
back to their observation history where it is missing, and migration 0003 rewrites old keys."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from identity_service.adapters.repository import CustomerRepository
from identity_service.domain.matching import blocking_keys, features
from identity_service.main import ALEMBIC_INI

from .helpers import email
from .test_merges_api import identify


def surname() -> str:
    return "Q" + uuid.uuid4().hex[:7]


def test_a_match_against_a_stored_customer_loads_it_in_full_with_or_without_scoring_data(client: TestClient) -> None:
    engine = client.app.state.runtime.engine  # type: ignore[attr-defined]
    last = surname()
    person = {"first_name": "Robert", "last_name": last, "date_of_birth": "1980-04-05", "postcode": "LS1 4AP",
              "street_number": "12", "address_line1": "High Street"}
    first = identify(client, ("email", email()), **person)["customer_id"]
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT match_profiles FROM customers WHERE id = :id"), {"id": first}).scalar()
    assert stored is not None  # written with the customer (a JSON document or its text)

    # found through its stored scoring data, then loaded in full to take the new values
    second = identify(client, ("email", email()), **{**person, "first_name": "Bob", "city": "Leeds"})
    assert (second["customer_id"], second["matched_by"]) == (first, "probabilistic")
    assert client.get(f"/v1/customers/{first}").json()["attributes"]["city"] == "Leeds"

    # rows written before the column existed (or just unmerged) have none: derived from history
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET match_profiles = NULL WHERE id = :id"), {"id": first})
    third = identify(client, ("email", email()), **{**person, "postcode": "LS2 9JT"})
    assert (third["customer_id"], third["matched_by"]) == (first, "probabilistic")
    with engine.connect() as conn:
        rewritten = conn.execute(text("SELECT match_profiles FROM customers WHERE id = :id"), {"id": first}).scalar()
    assert rewritten is not None and "ls2 9jt" in str(rewritten)  # written again, with the new postcode


def test_erasure_clears_the_scoring_data(client: TestClient) -> None:
    engine = client.app.state.runtime.engine  # type: ignore[attr-defined]
    customer = identify(client, ("email", email()), first_name="Ann", last_name=surname(),
                        date_of_birth="1990-01-02")["customer_id"]
    assert client.delete(f"/v1/customers/{customer}").status_code == 200
    with engine.connect() as conn:
        row = conn.execute(text("SELECT match_profiles FROM customers WHERE id = :id"), {"id": customer}).scalar()
    assert row in (None, "null")


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migration_0003_turns_birthday_keys_into_birth_date_keys(dialect: str, tmp_path: Path,
                                                                   request: pytest.FixtureRequest) -> None:
    url = f"sqlite:///{tmp_path}/old.db" if dialect == "sqlite" else request.getfixturevalue("pg_url")
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "0002")
    engine = create_engine(url)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO customers (id, created_at, updated_at, attributes, consent, observations) "
                          "VALUES ('c1', :now, :now, :attrs, '{}', '[]')"),
                     {"now": now, "attrs": '{"first_name": "Bob", "date_of_birth": "1980-04-05"}'})
        conn.execute(text("INSERT INTO blocking_keys (key, customer_id) VALUES ('fm:RBRT|04-05', 'c1'), "
                          "('d:1980-04-05|r', 'c1')"))
    command.upgrade(config, "0003")
    with engine.connect() as conn:
        keys = set(conn.execute(text("SELECT key FROM blocking_keys WHERE customer_id = 'c1'")).scalars())
    expected = {k for k in blocking_keys(features({"first_name": "Bob", "date_of_birth": "1980-04-05"}))
                if k.startswith("fd:")}
    assert keys == {"d:1980-04-05|r"} | expected and len(expected) == 1
    engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migration_0005_gives_stored_customers_the_birth_date_initial_and_address_keys(
        dialect: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    url = f"sqlite:///{tmp_path}/old.db" if dialect == "sqlite" else request.getfixturevalue("pg_url")
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "0004")
    engine = create_engine(url)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    riley = {"first_name": "Riley", "last_name": "Gloster", "date_of_birth": "1959-01-24", "street_number": "24",
             "address_line1": "Farrer Place", "city": "Frankston", "postcode": "3178"}
    with engine.begin() as conn:
        for cid, attributes, survivor in [("c1", riley, None), ("c2", {"first_name": "Mia"}, None),
                                          ("c3", riley, "c1")]:  # c3 was merged into c1: it keeps no keys
            conn.execute(text("INSERT INTO customers (id, created_at, updated_at, attributes, consent, observations, "
                              "survivor_id) VALUES (:id, :now, :now, :attrs, '{}', '[]', :survivor)"),
                         {"id": cid, "now": now, "attrs": json.dumps(attributes), "survivor": survivor})
        conn.execute(text("INSERT INTO blocking_keys (key, customer_id) VALUES ('pl:3178|g', 'c1')"))
    command.upgrade(config, "0006")

    def stored() -> dict[str, set[str]]:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT customer_id, key FROM blocking_keys")).all()
        return {cid: {k for c, k in rows if c == cid} for cid in {c for c, _ in rows}}

    # exactly the keys the engine computes for a new record (a record with "Gloster" as first name finds it)
    assert stored() == {"c1": {"pl:3178|g", "di:1959-01-24|ri", "di:1959-01-24|gl",
                               "sc:24 farrer place|frankston"}}
    assert stored()["c1"] - {"pl:3178|g"} == {k for k in blocking_keys(features(riley)) if k[:3] in ("di:", "sc:")}
    command.downgrade(config, "0004")
    assert stored() == {"c1": {"pl:3178|g"}}
    engine.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migration_0007_gives_stored_customers_the_street_in_postcode_key(
        dialect: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    url = f"sqlite:///{tmp_path}/old.db" if dialect == "sqlite" else request.getfixturevalue("pg_url")
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "0006")
    engine = create_engine(url)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    riley = {"first_name": "Riley", "street_number": "24", "address_line1": "Farrer Place", "postcode": "3178"}
    with engine.begin() as conn:
        for cid, attributes, survivor in [("c1", riley, None), ("c2", {"first_name": "Mia"}, None),
                                          ("c3", riley, "c1")]:  # c3 was merged into c1: it keeps no keys
            conn.execute(text("INSERT INTO customers (id, created_at, updated_at, attributes, consent, observations, "
                              "survivor_id) VALUES (:id, :now, :now, :attrs, '{}', '[]', :survivor)"),
                         {"id": cid, "now": now, "attrs": json.dumps(attributes), "survivor": survivor})
        conn.execute(text("INSERT INTO blocking_keys (key, customer_id) VALUES ('pl:3178|g', 'c1')"))

    def stored() -> set[tuple[str, str]]:
        with engine.connect() as conn:
            return {(c, k) for c, k in conn.execute(text("SELECT customer_id, key FROM blocking_keys"))}

    command.upgrade(config, "0007")
    # the key a record at "6 Farrer Poace, 3718" computes too (names replaced, postcode digits swapped)
    assert stored() == {("c1", "pl:3178|g"), ("c1", "sp:1378|farre")}
    assert "sp:1378|farre" in blocking_keys(features({"street_number": "6", "address_line1": "Farrer Poace",
                                                      "postcode": "3718"}))
    command.downgrade(config, "0006")
    assert stored() == {("c1", "pl:3178|g")}
    engine.dispose()


def test_the_repository_sends_keys_as_one_string_only_when_no_key_holds_the_separator(pg_url: str) -> None:
    from sqlalchemy.orm import Session

    from idic.db import run_migrations

    run_migrations(alembic_ini=ALEMBIC_INI, database_url=pg_url)
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO blocking_keys (key, customer_id) VALUES ('a', 'c1'), ('b\x1fc', 'c2'), "
                          "('a', 'c3')"))
    with Session(engine) as session:
        repo = CustomerRepository(session)
        found = repo._block_members(["a", "b\x1fc"], max_block=5)
        assert {k: sorted(v) for k, v in found.items()} == {"a": ["c1", "c3"], "b\x1fc": ["c2"]}
        assert len(repo._block_members(["a"], max_block=1)["a"]) == 2  # max_block + 1: enough to tell crowded
    engine.dispose()
