"""What every service's Alembic ``env.py`` does, in one place."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData

from .db import make_engine


def run_alembic_env(target_metadata: MetaData, *, default_url: str | None = None) -> None:
    """Run migrations online (or emit SQL offline) against ``sqlalchemy.url``; SQLite gets
    batch mode so that ALTERs work."""
    config = context.config
    url = config.get_main_option("sqlalchemy.url") or default_url
    if not url:
        from .settings import ServiceSettings

        url = ServiceSettings().database_url
    is_sqlite = url.startswith("sqlite")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                          render_as_batch=is_sqlite)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=is_sqlite)
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
    finally:
        engine.dispose()


def create_jobs_table() -> None:
    """The ``jobs`` table of ``idic.jobs.add_jobs_table``, for a service's own migration (one
    definition, so every service's job rows and their one-active-per-kind index are alike)."""
    import sqlalchemy as sa
    from alembic import op

    from .db import UtcDateTime

    active = sa.text("status IN ('queued', 'running')")
    op.create_table(
        "jobs",
        sa.Column("job_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("progress_done", sa.BigInteger(), nullable=False),
        sa.Column("progress_total", sa.BigInteger(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("started_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("job_id", name=op.f("pk_jobs")),
    )
    op.create_index("uq_jobs_active_kind", "jobs", ["kind"], unique=True, postgresql_where=active,
                    sqlite_where=active)
    op.create_index("ix_jobs_kind_created_at", "jobs", ["kind", "created_at"])


def drop_jobs_table() -> None:
    """Undo ``create_jobs_table``."""
    from alembic import op

    op.drop_index("ix_jobs_kind_created_at", table_name="jobs")
    op.drop_index("uq_jobs_active_kind", table_name="jobs")
    op.drop_table("jobs")
