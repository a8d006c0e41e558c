"""jobs (idic.jobs): the trigger scan as a job

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 14:30:00
"""
from idic.migrations import create_jobs_table, drop_jobs_table

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_jobs_table()


def downgrade() -> None:
    drop_jobs_table()
