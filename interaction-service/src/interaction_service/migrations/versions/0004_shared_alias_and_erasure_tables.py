"""customer_aliases and erasures as idic.identities declares them for every service: ids of 255
characters instead of 64 (a merge or erasure naming a longer id was refused by PostgreSQL). Widening
keeps every row; on PostgreSQL it rewrites nothing.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = {'customer_aliases': ('merged_id', 'survivor_id'), 'erasures': ('customer_id',)}


def _retype(old: int, new: int) -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.alter_column(column, existing_type=sa.String(length=old), type_=sa.String(length=new),
                                      existing_nullable=False)


def upgrade() -> None:
    _retype(64, 255)


def downgrade() -> None:
    # fails (PostgreSQL) rather than truncating when an id longer than 64 characters was stored since
    _retype(255, 64)
