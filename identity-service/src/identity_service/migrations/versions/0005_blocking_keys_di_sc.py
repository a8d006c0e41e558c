"""blocking keys di (birth date + a name's initial) and sc (street + town) for stored customers

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 13:30:00

New records get these keys from the engine; customers stored before need them too, or a record
whose first name was replaced (or whose names were swapped and one mistyped) would not find them.
They are computed in Python with the engine's own function (``clean`` has no portable SQL form),
over root customers in id order, a few thousand at a time; only the two new kinds are written.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from identity_service.domain.matching import blocking_keys, features

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

NEW_KINDS = ("di:", "sc:")
CHUNK = 5000
customers = sa.table("customers", sa.column("id", sa.String), sa.column("attributes", sa.JSON),
                     sa.column("survivor_id", sa.String))
keys = sa.table("blocking_keys", sa.column("key", sa.String), sa.column("customer_id", sa.String))


def upgrade() -> None:
    bind = op.get_bind()
    insert = (postgresql.insert(keys).on_conflict_do_nothing() if bind.dialect.name == "postgresql"
              else keys.insert().prefix_with("OR IGNORE"))
    after = ""
    while True:
        rows = bind.execute(sa.select(customers.c.id, customers.c.attributes)
                            .where(customers.c.survivor_id.is_(None), customers.c.id > after)
                            .order_by(customers.c.id).limit(CHUNK)).all()
        if not rows:
            return
        new = [{"key": key, "customer_id": cid} for cid, attributes in rows
               for key in blocking_keys(features(attributes or {})) if key.startswith(NEW_KINDS)]
        if new:
            bind.execute(insert, new)
        after = rows[-1].id


def downgrade() -> None:
    op.execute("DELETE FROM blocking_keys WHERE key LIKE 'di:%' OR key LIKE 'sc:%'")
