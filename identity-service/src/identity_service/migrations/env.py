"""Alembic environment of identity-service."""

from identity_service.adapters.orm import Base
from identity_service.config import Settings
from idic.migrations import run_alembic_env

run_alembic_env(Base.metadata, default_url=Settings().database_url)
