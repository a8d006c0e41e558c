"""jobs (idic.jobs) and profiling refusals

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:00:00

``jobs`` holds the long operations (clv_fit, rfm_refresh), whether asked by the API or by the
schedule; the partial unique index lets one job of a kind be queued or running at a time.
``profiling_refusals`` lists the customers who refused profiling (consent): they are neither
scored nor segmented while listed.
"""
from alembic import op
import sqlalchemy as sa
import idic.db
from idic.migrations import create_jobs_table, drop_jobs_table

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

def upgrade() -> None:
    create_jobs_table()
    op.create_table(
        'profiling_refusals',
        sa.Column('customer_id', sa.String(length=255), nullable=False),
        sa.Column('refused_at', idic.db.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_profiling_refusals')),
    )


def downgrade() -> None:
    op.drop_table('profiling_refusals')
    drop_jobs_table()
