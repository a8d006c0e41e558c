"""treatments.outcome_by: who recorded a treatment's outcome (the gateway's X-Actor)

Revision ID: 0006_outcome_by
Revises: 0005_identities
Create Date: 2026-12-06 19:00:00

Null for outcomes recorded before, and for those the service sets itself (expiry, conversion).
"""
from alembic import op
import sqlalchemy as sa

revision = '0006_outcome_by'
down_revision = '0005_identities'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('treatments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome_by', sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('treatments', schema=None) as batch_op:
        batch_op.drop_column('outcome_by')
