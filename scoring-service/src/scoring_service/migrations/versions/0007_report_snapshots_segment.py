"""report snapshots per segment

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:10:00

A population run keeps the value, tiers and linkage snapshots of everyone (``segment`` null) and of
each needs-based and rule-defined segment, so those reports take a ``segment`` filter (API.md
"Reports"). The index leads with kind and segment: a report reads the newest snapshot of one kind and
one segment. Runs before this migration kept snapshots of everyone only.
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report_snapshots') as batch:
        batch.add_column(sa.Column('segment', sa.String(length=64), nullable=True))
    op.drop_index('ix_report_snapshots_kind_taken', table_name='report_snapshots')
    op.create_index('ix_report_snapshots_kind_segment_taken', 'report_snapshots', ['kind', 'segment', 'taken_at'])


def downgrade() -> None:
    op.drop_index('ix_report_snapshots_kind_segment_taken', table_name='report_snapshots')
    op.execute("DELETE FROM report_snapshots WHERE segment IS NOT NULL")
    with op.batch_alter_table('report_snapshots') as batch:
        batch.drop_column('segment')
    op.create_index('ix_report_snapshots_kind_taken', 'report_snapshots', ['kind', 'taken_at'])
