"""Alembic environment of interaction-service."""

from idic.migrations import run_alembic_env
from interaction_service.adapters.orm import Base
from interaction_service.config import Settings

run_alembic_env(Base.metadata, default_url=Settings().database_url)
