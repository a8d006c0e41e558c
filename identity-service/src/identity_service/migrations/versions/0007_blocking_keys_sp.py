"""blocking key sp (street name + postcode digits) for stored customers

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 18:40:00

New records get the key from the engine; customers stored before need it too, or a record whose
names were replaced and whose postcode digits were transposed would not find them. Written as 0005's
keys are (``adapters/blocking_backfill.py``): the engine's own function, only the new kind.
"""
from alembic import op

from identity_service.adapters.blocking_backfill import add_blocking_keys, remove_blocking_keys

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

NEW_KINDS = ("sp:",)


def upgrade() -> None:
    add_blocking_keys(op.get_bind(), NEW_KINDS)


def downgrade() -> None:
    op.execute(remove_blocking_keys(NEW_KINDS))
