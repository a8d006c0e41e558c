"""Typed clients of the four backend services (the calls the gateway makes itself)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from .base import ServiceClient, UpstreamFailure, require_json


class UpstreamClientError(Exception):
    """An upstream 4xx (other than 404) that the caller passes through unchanged."""

    def __init__(self, response: httpx.Response, service: str = "identity") -> None:
        super().__init__(response.status_code)
        self.response = response
        self.service = service


def segment(value: str) -> str:
    """One percent-encoded path segment ('/', '?', '#' and '%' cannot escape it)."""
    return quote(value, safe="")


class IdentityClient(ServiceClient):
    """identity-service: lookup and profile."""

    name = "identity"

    async def lookup(self, *, type: str, value: str) -> str | None:
        """The current customer id owning an identifier, or None if nobody has it."""
        response = await self.request("GET", "/v1/customers/lookup", params={"type": type, "value": value})
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            # a 422 here means the identifier is malformed: let the caller pass it through
            raise UpstreamClientError(response)
        body = require_json(self.name, response, dict)
        if not isinstance(body.get("customer_id"), str):
            raise UpstreamFailure(self.name, 502)
        return str(body["customer_id"])

    async def profile(self, *, customer_id: str) -> dict[str, Any] | None:
        """The profile (survivor id after merges), or None if unknown."""
        response = await self.request("GET", f"/v1/customers/{segment(customer_id)}")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise UpstreamClientError(response)
        body = require_json(self.name, response, dict)
        if not isinstance(body.get("customer_id"), str):
            raise UpstreamFailure(self.name, 502)
        return dict(body)


class InteractionClient(ServiceClient):
    """interaction-service: the summary part of the 360 view."""

    name = "interaction"

    async def summary(self, *, customer_id: str, timeout_s: float | None = None) -> dict[str, Any]:
        """``{"recent": [...], "count": n}``; a customer without interactions has none."""
        response = await self.request("GET", f"/internal/customers/{segment(customer_id)}/interactions/summary",
                                      timeout_s=timeout_s)
        if response.status_code == 404:
            return {"recent": [], "count": 0}
        if response.status_code >= 400:
            raise UpstreamFailure(self.name, 502)
        body = require_json(self.name, response, dict)
        recent, count = body.get("recent"), body.get("count")
        if (not isinstance(recent, list) or not all(isinstance(item, dict) for item in recent)
                or not isinstance(count, int) or isinstance(count, bool) or count < 0):
            raise UpstreamFailure(self.name, 502)
        return {"recent": recent, "count": count}


class ScoringClient(ServiceClient):
    """scoring-service: the value part of the 360 view."""

    name = "scoring"

    async def value(self, *, customer_id: str, timeout_s: float | None = None) -> dict[str, Any] | None:
        """The value object, or None while the customer is not scored yet (404)."""
        response = await self.request("GET", f"/v1/customers/{segment(customer_id)}/value", timeout_s=timeout_s)
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise UpstreamFailure(self.name, 502)
        return dict(require_json(self.name, response, dict))


class TreatmentClient(ServiceClient):
    """treatment-service: the next-best-actions part of the 360 view."""

    name = "treatment"

    async def next_best_actions(self, *, customer_id: str, timeout_s: float | None = None) -> list[Any]:
        """Ranked actions; none for a customer treatment does not know."""
        response = await self.request("GET", f"/v1/customers/{segment(customer_id)}/next-best-actions",
                                      timeout_s=timeout_s)
        if response.status_code == 404:
            return []
        if response.status_code >= 400:
            raise UpstreamFailure(self.name, 502)
        body = require_json(self.name, response, (list, dict))
        if isinstance(body, dict):  # tolerate an envelope such as {"actions": [...]}
            body = next((v for v in body.values() if isinstance(v, list)), None)
            if body is None:
                raise UpstreamFailure(self.name, 502)
        if not all(isinstance(action, dict) for action in body):
            raise UpstreamFailure(self.name, 502)
        return list(body)


