"""merges.explanation: why a probabilistic merge was made (the comparison behind it)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 13:40:00

Null for merges made before (and for identifier, manual and review merges: a person or a
shared identifier decided those).
"""
from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('merges', schema=None) as batch_op:
        batch_op.add_column(sa.Column('explanation', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('merges', schema=None) as batch_op:
        batch_op.drop_column('explanation')
