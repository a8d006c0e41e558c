"""Blocking keys of a new kind for the customers stored before it existed (used by migrations).

The keys are computed in Python with the engine's own function (``clean`` has no portable SQL
form), over root customers in id order, a few thousand at a time; only the named kinds are
written, so that keys of other kinds stay exactly as stored."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..domain.matching import blocking_keys, features

CHUNK = 5000
_customers = sa.table("customers", sa.column("id", sa.String), sa.column("attributes", sa.JSON),
                      sa.column("survivor_id", sa.String))
_keys = sa.table("blocking_keys", sa.column("key", sa.String), sa.column("customer_id", sa.String))


def add_blocking_keys(bind: sa.Connection, kinds: tuple[str, ...]) -> None:
    """Give every stored root customer its keys whose prefix is one of ``kinds`` (``"sp:"``)."""
    insert = (postgresql.insert(_keys).on_conflict_do_nothing() if bind.dialect.name == "postgresql"
              else _keys.insert().prefix_with("OR IGNORE"))
    after = ""
    while True:
        rows = bind.execute(sa.select(_customers.c.id, _customers.c.attributes)
                            .where(_customers.c.survivor_id.is_(None), _customers.c.id > after)
                            .order_by(_customers.c.id).limit(CHUNK)).all()
        if not rows:
            return
        new = [{"key": key, "customer_id": cid} for cid, attributes in rows
               for key in blocking_keys(features(attributes or {})) if key.startswith(kinds)]
        if new:
            bind.execute(insert, new)
        after = rows[-1].id


def remove_blocking_keys(kinds: tuple[str, ...]) -> sa.Delete:
    """The statement that deletes every key of ``kinds``."""
    return sa.delete(_keys).where(sa.or_(*(_keys.c.key.startswith(kind, autoescape=True) for kind in kinds)))
