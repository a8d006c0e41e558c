"""Recording interactions through the single face: identifiers no customer holds yet are
identified on the way in, so no interaction waits unlinked.

interaction-service alone can only link identifiers it has already learnt from identity's
events (otherwise it keeps the interaction ``pending``). The gateway is the one part that
may call identity, so it asks identity first — which finds the customer, creates a new
(possibly anonymous, e.g. cookie-only) one, or merges customers the identifiers link — and
hands the interaction on with the ``customer_id`` identity answered."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ..adapters.clients import IdentityClient, UpstreamFailure
from ..adapters.clients.base import require_json


class IdentityRefused(Exception):
    """identity answered 4xx for the identifiers (a malformed phone, say): the caller gets it,
    its fields renamed to the places in the caller's body (``body.records.3`` -> ``body.interactions.7``)."""

    def __init__(self, response: httpx.Response, *, places: dict[str, str]) -> None:
        super().__init__(response.status_code)
        self.response = response
        self.places = places

    def renamed(self, problem: dict[str, Any]) -> dict[str, Any]:
        """identity's problem body with its fields named as in the caller's body."""
        for error in problem.get("errors", []):
            error["field"] = _renamed(error["field"], self.places)
        problem["detail"] = _renamed(problem["detail"], self.places)
        return problem


def _renamed(text: str, places: dict[str, str]) -> str:
    # longest first: body.records.12 must not be renamed as body.records.1 + "2"
    for theirs in sorted(places, key=len, reverse=True):
        if theirs in text:
            return text.replace(theirs, places[theirs])
    return text


def _needs_identify(item: dict[str, Any]) -> bool:
    return not item.get("customer_id") and bool(item.get("identifiers"))


def _identify_record(item: dict[str, Any]) -> dict[str, Any]:
    # only identifiers: an interaction carries no personal attributes; the channel is the source
    return {"identifiers": item["identifiers"], "source": item.get("channel")}


def _customer_ids(body: Any, expected: int, service: str) -> list[str]:
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list) or len(results) != expected:
        raise UpstreamFailure(service, 502)
    ids = [r.get("customer_id") if isinstance(r, dict) else None for r in results]
    if not all(isinstance(i, str) and i for i in ids):
        raise UpstreamFailure(service, 502)
    return [str(i) for i in ids]


def _refused_records(answer: dict[str, Any]) -> dict[str, Any] | None:
    """identity's batch refuses records in their place (``{"error": <problem>}``): one problem naming
    every refused record's fields, or None when each record was identified."""
    results = answer.get("results")
    if not isinstance(results, list):
        return None  # _customer_ids answers 502 for a malformed answer
    refusals = [r["error"] for r in results if isinstance(r, dict) and isinstance(r.get("error"), dict)]
    if not refusals:
        return None
    errors = [e for problem in refusals for e in problem.get("errors") or [] if isinstance(e, dict)]
    fields = ", ".join(str(e.get("field")) for e in errors[:5])
    return {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
            "detail": f"invalid request: {fields}", "errors": errors}


async def link_interactions(*, items: list[dict[str, Any]], identity: IdentityClient, batch: bool) -> None:
    """Give every interaction that names only identifiers the ``customer_id`` identity finds
    (or creates) for them, in place; one identity call for the lot, records in order."""
    indexes = [index for index, item in enumerate(items) if _needs_identify(item)]
    todo = [items[index] for index in indexes]
    if not todo:
        return
    if not batch:
        response = await identity.request("POST", "/v1/customers/identify",
                                          content=json.dumps(_identify_record(todo[0])).encode())
        if response.status_code >= 400:
            raise IdentityRefused(response, places={})
        found = require_json(identity.name, response, dict).get("customer_id")
        if not isinstance(found, str) or not found:
            raise UpstreamFailure(identity.name, 502)
        ids = [found]
    else:
        payload = {"records": [_identify_record(item) for item in todo]}
        response = await identity.request("POST", "/v1/customers/identify:batch",
                                          content=json.dumps(payload).encode())
        places = {f"body.records.{j}": f"body.interactions.{index}" for j, index in enumerate(indexes)}
        if response.status_code >= 400:
            raise IdentityRefused(response, places=places)
        answer = require_json(identity.name, response, dict)
        refused = _refused_records(answer)
        if refused is not None:
            # an interactions batch is recorded whole or not at all: one refused record refuses the batch
            # (the customers identity found or created for the others are found again when it is resent)
            raise IdentityRefused(httpx.Response(422, json=refused), places=places)
        ids = _customer_ids(answer, len(todo), identity.name)
    for item, customer_id in zip(todo, ids, strict=True):
        item["customer_id"] = customer_id
