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
