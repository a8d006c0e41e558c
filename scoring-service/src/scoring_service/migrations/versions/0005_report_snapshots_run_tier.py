"""report snapshots and each customer's tier at the last population run

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 21:00:00

``report_snapshots`` keeps what every population run found about the population as a whole
(value concentration, tier sizes and movements): reports read them instead of scanning every
customer on request. ``customer_scores.run_tier`` is the tier the last run gave a customer, so the
next run can count who moved between tiers since; it starts as the current tier, so the first run
after the upgrade counts only real movements.
"""
from alembic import op
import sqlalchemy as sa
import idic.db

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'report_snapshots',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('taken_at', idic.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_snapshots')),
    )
    op.create_index('ix_report_snapshots_kind_taken', 'report_snapshots', ['kind', 'taken_at'])
    with op.batch_alter_table('customer_scores') as batch:
        batch.add_column(sa.Column('run_tier', sa.String(length=32), nullable=True))
    op.execute("UPDATE customer_scores SET run_tier = tier")


def downgrade() -> None:
    with op.batch_alter_table('customer_scores') as batch:
        batch.drop_column('run_tier')
    op.drop_index('ix_report_snapshots_kind_taken', table_name='report_snapshots')
    op.drop_table('report_snapshots')
