"""What the route modules share: the unit of work and the settings as FastAPI dependencies, and the
problem+json responses they document."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from ..config import Settings
from ..service_layer.services import UowFactory

PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
INVALID: dict[int | str, dict[str, Any]] = {422: {"description": "Invalid input", **PROBLEM}}


async def get_uow_factory(request: Request) -> UowFactory:
    return request.app.state.runtime.uow  # type: ignore[no-any-return]


async def get_read_uow_factory(request: Request) -> UowFactory:
    """Units of work that only read (no write lock on SQLite: a read never waits for a writer)."""
    return request.app.state.runtime.read_uow  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


UowFactoryDep = Annotated[UowFactory, Depends(get_uow_factory)]
ReadUowFactoryDep = Annotated[UowFactory, Depends(get_read_uow_factory)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
