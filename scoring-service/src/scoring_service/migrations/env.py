"""Alembic environment of scoring-service."""

from idic.migrations import run_alembic_env
from scoring_service.adapters.orm import Base
from scoring_service.config import Settings

run_alembic_env(Base.metadata, default_url=Settings().database_url)
