"""interactions.actor: who recorded an interaction (the gateway's X-Actor)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 18:45:00

Null for interactions recorded before, and for those that come from other services' events.
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actor', sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_column('actor')
