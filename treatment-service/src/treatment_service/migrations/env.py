"""Alembic environment of treatment-service."""

from idic.migrations import run_alembic_env
from treatment_service.adapters.orm import Base
from treatment_service.config import Settings

run_alembic_env(Base.metadata, default_url=Settings().database_url)
