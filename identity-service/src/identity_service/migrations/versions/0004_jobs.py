"""jobs (idic.jobs): training the match model as a job

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 14:40:00
"""
from idic.migrations import create_jobs_table, drop_jobs_table

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_jobs_table()


def downgrade() -> None:
    drop_jobs_table()
