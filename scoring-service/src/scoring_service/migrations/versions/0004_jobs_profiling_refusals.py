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

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ACTIVE = sa.text("status IN ('queued', 'running')")


def upgrade() -> None:
    op.create_table(
        'jobs',
        sa.Column('job_id', sa.String(length=80), nullable=False),
        sa.Column('kind', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('progress_done', sa.BigInteger(), nullable=False),
        sa.Column('progress_total', sa.BigInteger(), nullable=True),
        sa.Column('result', sa.JSON(), nullable=True),
        sa.Column('error', sa.JSON(), nullable=True),
        sa.Column('created_at', idic.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column('started_at', idic.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column('finished_at', idic.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column('heartbeat_at', idic.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column('created_by', sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint('job_id', name=op.f('pk_jobs')),
    )
    op.create_index('uq_jobs_active_kind', 'jobs', ['kind'], unique=True, postgresql_where=ACTIVE,
                    sqlite_where=ACTIVE)
    op.create_index('ix_jobs_kind_created_at', 'jobs', ['kind', 'created_at'])
    op.create_table(
        'profiling_refusals',
        sa.Column('customer_id', sa.String(length=255), nullable=False),
        sa.Column('refused_at', idic.db.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_profiling_refusals')),
    )


def downgrade() -> None:
    op.drop_table('profiling_refusals')
    op.drop_index('ix_jobs_kind_created_at', table_name='jobs')
    op.drop_index('uq_jobs_active_kind', table_name='jobs')
    op.drop_table('jobs')
