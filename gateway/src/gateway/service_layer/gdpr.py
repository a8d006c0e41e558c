"""GDPR use cases spanning services: erasure progress (art. 17) and export (art. 15/20)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from idic import get_logger

from ..adapters.clients import Clients, ServiceClient, UpstreamFailure
from ..adapters.clients.base import require_json
from ..adapters.clients.services import segment

log = get_logger("gateway.gdpr")


def _aware_time(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


async def _erased_at(client: ServiceClient, customer_id: str, bound_s: float) -> tuple[bool, dt.datetime | None]:
    """(answered, erased_at): 200 → when it applied the erasure, 404 → not yet."""
    try:
        async with asyncio.timeout(bound_s):
            response = await client.request("GET", f"/internal/erasures/{segment(customer_id)}", timeout_s=bound_s)
            if response.status_code == 404:
                return True, None
            if response.status_code >= 400:
                raise UpstreamFailure(client.name, 502)
            body = require_json(client.name, response, dict)
    except (UpstreamFailure, TimeoutError) as exc:
        log.warning("erasure status unknown", service=client.name, error=repr(exc))
        return False, None
    erased_at = _aware_time(body.get("erased_at"))
    if erased_at is None:
        log.warning("erasure status garbled", service=client.name)
        return False, None
    return True, erased_at


async def erasure_status(*, customer_id: str, clients: Clients, bound_s: float) -> dict[str, Any]:
    """Each service's ``erased_at`` (null: not yet, or it did not answer: then it is in ``degraded``)."""
    services = clients.all()
    answers = await asyncio.gather(*(_erased_at(c, customer_id, bound_s) for c in services.values()))
    result = dict(zip(services, answers, strict=True))
    return {
        "customer_id": customer_id,
        "services": {name: erased_at for name, (_, erased_at) in result.items()},
        "complete": all(erased_at is not None for _, erased_at in result.values()),
        "degraded": [name for name, (answered, _) in result.items() if not answered],
    }
