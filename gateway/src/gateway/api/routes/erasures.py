"""GDPR erasure progress: has every service applied identity's erase event yet?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from idic.public.views import ErasureStatus

from ...service_layer import gdpr
from ..proxy import ClientsDep, errors
from ..security import Authorized, SettingsDep

router = APIRouter(tags=["identify"], dependencies=[Authorized])


@router.get("/v1/erasures/{customer_id}", response_model=ErasureStatus, responses=errors())
async def erasure_status(customer_id: Annotated[str, Path(min_length=1, max_length=256, pattern=r"^[^.:/][^:/]*$",
                                                          description="The erased customer's id (not type:value: "
                                                                      "its identifiers are gone)")],
                         clients: ClientsDep, settings: SettingsDep) -> dict[str, object]:
    """When each service applied the erasure (admin); ``complete`` once all four have."""
    return await gdpr.erasure_status(customer_id=customer_id, clients=clients, bound_s=settings.part_timeout_s)
