"""customer_aliases and erasures as idic.identities declares them for every service: the tombstones
move from erased_customers to erasures (rows copied), and alias and tombstone ids take 255
characters instead of 128.

Revision ID: 0005_identities
Revises: 0004_webhooks
Create Date: 2026-12-07 10:00:00
"""
from alembic import op
import sqlalchemy as sa
import idic.db


revision = '0005_identities'
down_revision = '0004_webhooks'
branch_labels = None
depends_on = None


def _tombstones(name: str, length: int) -> sa.Table:
    return op.create_table(name,
    sa.Column('customer_id', sa.String(length=length), nullable=False),
    sa.Column('erased_at', idic.db.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', name=op.f(f'pk_{name}'))
    )


def _move_tombstones(old: str, new: str, length: int) -> None:
    """A new table (its own constraint names on both databases) with the old one's rows."""
    _tombstones(new, length)
    op.execute(f'INSERT INTO {new} (customer_id, erased_at) SELECT customer_id, erased_at FROM {old}')
    op.drop_table(old)


def _retype_aliases(old: int, new: int) -> None:
    with op.batch_alter_table('customer_aliases', schema=None) as batch_op:
        for column in ('merged_id', 'survivor_id'):
            batch_op.alter_column(column, existing_type=sa.String(length=old), type_=sa.String(length=new),
                                  existing_nullable=False)


def upgrade() -> None:
    _move_tombstones('erased_customers', 'erasures', 255)
    _retype_aliases(128, 255)


def downgrade() -> None:
    # fails (PostgreSQL) rather than truncating when an id longer than 128 characters was stored since
    _retype_aliases(255, 128)
    _move_tombstones('erasures', 'erased_customers', 128)
