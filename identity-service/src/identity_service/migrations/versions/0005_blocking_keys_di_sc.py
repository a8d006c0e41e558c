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

from identity_service.adapters.blocking_backfill import add_blocking_keys, remove_blocking_keys

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

NEW_KINDS = ("di:", "sc:")


def upgrade() -> None:
    add_blocking_keys(op.get_bind(), NEW_KINDS)


def downgrade() -> None:
    op.execute(remove_blocking_keys(NEW_KINDS))
