"""Use cases spanning services: resolve ``type:value`` ids, the 360 view, the GDPR export."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from prometheus_client import Counter
from pydantic import TypeAdapter, ValidationError

from idic import ProblemError, get_logger
from idic.public.interaction import InteractionSummary
from idic.public.scoring import CustomerValue, ProfilingRefused
from idic.public.treatment import NextBestAction
from idic.public.views import CustomerView

from ..adapters.clients import Clients, IdentityClient, ServiceClient, UpstreamFailure
from ..adapters.clients.base import require_json
from ..adapters.clients.services import segment
from ..domain.identifiers import CustomerId, InvalidCustomerRef, parse_customer_ref
from ..domain.view_cache import ViewCache

log = get_logger("gateway.customers")
DEGRADED = Counter("gateway_view_degraded_total", "360 views answered without a part", ["service"])
VIEW_CACHE = Counter("gateway_view_cache_total", "360 views by where they came from: hit (the cache), miss "
                     "(read and stored), uncached (read, not storable: degraded, or changing), bypass (the cache "
                     "could not vouch, or the caller asked Cache-Control: no-cache)", ["result"])


def unknown_customer(ref: str) -> ProblemError:
    """404 for a customer id or identifier nobody has."""
    return ProblemError(404, "Not Found", f"unknown customer {ref!r}")


def invalid_ref(exc: InvalidCustomerRef) -> ProblemError:
    """422 naming the path parameter."""
    return ProblemError(422, "Unprocessable Content", f"invalid request: path.customer_id ({exc})",
                        errors=[{"field": "path.customer_id", "message": str(exc)}])


async def resolve_customer_id(*, ref: str, identity: IdentityClient) -> str:
    """The customer id a path names: as is, or looked up when written ``type:value``."""
    try:
        parsed = parse_customer_ref(ref)
    except InvalidCustomerRef as exc:
        raise invalid_ref(exc) from exc
    if isinstance(parsed, CustomerId):
        return parsed.value
    found = await identity.lookup(type=parsed.type, value=parsed.value)
    if found is None:
        raise unknown_customer(ref)
    return found


async def search_by_name(*, name: str, limit: int, identity: IdentityClient) -> dict[str, Any]:
    """Identity's phonetic name search, reduced to ids and attributes (501 from an identity
    version without it)."""
    response = await identity.request("GET", "/internal/customers/search", params={"name": name, "limit": limit})
    if response.status_code in (404, 405, 501):
        raise ProblemError(501, "Not Implemented",
                           "name search is not available yet; search by an identifier (type:value) instead")
    if response.status_code == 422:  # identity matches phonetically on a first and a last name
        raise ProblemError(422, "Unprocessable Content", "query.name: give a first and a last name",
                           errors=[{"field": "query.name", "message": "give a first and a last name"}])
    if response.status_code >= 400:
        raise UpstreamFailure(identity.name, 502)
    body = require_json(identity.name, response, dict)
    hits = body.get("results")
    if not isinstance(hits, list):
        raise UpstreamFailure(identity.name, 502)
    results = [{"customer_id": hit["customer_id"],
                "attributes": hit["attributes"] if isinstance(hit.get("attributes"), dict) else {}}
               for hit in hits[:limit] if isinstance(hit, dict) and isinstance(hit.get("customer_id"), str)]
    return {"results": results}


# what each part must look like (idic.public): an answer the contract does not describe (a service of
# another version, say) degrades that part instead of failing the whole view
PARTS: dict[str, TypeAdapter[Any]] = {
    "scoring": TypeAdapter(CustomerValue | ProfilingRefused | None),
    "interaction": TypeAdapter(InteractionSummary | None),
    "treatment": TypeAdapter(list[NextBestAction]),
}


async def _part(name: str, call: Awaitable[Any], *, bound_s: float) -> tuple[bool, Any]:
    """(answered, result) of one optional part; a slow or failing service, or an answer
    outside the contract, leaves it out."""
    try:
        async with asyncio.timeout(bound_s):
            answer = await call
        PARTS[name].validate_python(answer)
        return True, answer
    except Exception as exc:  # noqa: BLE001 - any failure of an optional part only degrades the view
        DEGRADED.labels(name).inc()
        detail = "timeout" if isinstance(exc, TimeoutError) else repr(exc)[:500]
        log.warning("360 view part degraded", service=name, error=detail)
        return False, None


async def compose_customer_view(*, ref: str, clients: Clients,
                                part_timeout_s: float) -> tuple[dict[str, Any], set[str]]:
    """The single face: identity's profile plus value, interactions and next-best-actions,
    fetched concurrently; a part whose service does not answer in time is null/empty and
    its service is named in ``degraded``. Also the ids of the customers whose events can change it."""
    customer_id = await resolve_customer_id(ref=ref, identity=clients.identity)
    profile = await clients.identity.profile(customer_id=customer_id)
    if profile is None:
        raise unknown_customer(ref)
    survivor = str(profile["customer_id"])  # identity follows merges; the other services keyed by the survivor
    (value_ok, value), (inter_ok, interactions), (nba_ok, actions) = await asyncio.gather(
        _part("scoring", clients.scoring.value(customer_id=survivor, timeout_s=part_timeout_s),
              bound_s=part_timeout_s),
        _part("interaction", clients.interaction.summary(customer_id=survivor, timeout_s=part_timeout_s),
              bound_s=part_timeout_s),
        _part("treatment", clients.treatment.next_best_actions(customer_id=survivor, timeout_s=part_timeout_s),
              bound_s=part_timeout_s),
    )
    degraded = [name for name, ok in (("scoring", value_ok), ("interaction", inter_ok), ("treatment", nba_ok))
                if not ok]
    # the customers whose events can change this view: the one asked for, the survivor, those merged into it
    merged = profile.get("merged_ids")
    depends_on = {customer_id, survivor, *(m for m in merged if isinstance(m, str))} if isinstance(merged, list) \
        else {customer_id, survivor}
    return {
        "customer_id": survivor,
        "profile": {key: profile.get(key, default) for key, default in
                    (("attributes", {}), ("identifiers", []), ("merged_ids", []), ("consent", {}))},
        "value": value,
        "interactions": interactions,
        "next_best_actions": actions if nba_ok else [],
        "degraded": degraded,
    }, depends_on


def _vouched_json(view: dict[str, Any]) -> bytes:
    """The view as the contract's JSON; a part a service got wrong fails the view (502), as FastAPI's response
    validation would."""
    try:
        return CustomerView.model_validate(view).model_dump_json().encode()
    except ValidationError as exc:
        log.warning("a composed answer failed its schema", errors=str(exc.errors(include_url=False))[:500])
        raise ProblemError(502, "Bad Gateway", "a service answered data the gateway cannot vouch for") from exc


async def cached_customer_view(*, ref: str, clients: Clients, part_timeout_s: float, cache: ViewCache | None,
                               revalidate: bool) -> tuple[bytes, dict[str, str]]:
    """The 360 view as JSON and its cache headers (RFC 9211 ``Cache-Status``, RFC 9111 ``Age``): from the
    cache when it may be served, else read from the services and stored unless degraded or changing.
    ``revalidate``: the caller sent ``Cache-Control: no-cache``."""
    if cache is None:
        view, _ = await compose_customer_view(ref=ref, clients=clients, part_timeout_s=part_timeout_s)
        return _vouched_json(view), {}
    if not revalidate:
        found = cache.lookup(ref)
        if found is not None:
            VIEW_CACHE.labels("hit").inc()
            body, age = found
            return body, {"Cache-Status": f"idic-gateway; hit; ttl={max(0, int(cache.max_age_s - age))}",
                          "Age": str(int(age))}
    token = cache.begin()
    view, depends_on = await compose_customer_view(ref=ref, clients=clients, part_timeout_s=part_timeout_s)
    body = _vouched_json(view)
    if view["degraded"]:
        stored = False
    else:
        stored = cache.store(token, ref, body, depends_on)
    forwarded = "request" if revalidate else "uri-miss"
    result = "bypass" if revalidate else ("miss" if stored else "uncached")
    VIEW_CACHE.labels(result).inc()
    return body, {"Cache-Status": f"idic-gateway; fwd={forwarded}" + ("; stored" if stored else "")}


async def _export_part(client: ServiceClient, customer_id: str) -> Any:
    response = await client.request("GET", f"/internal/customers/{segment(customer_id)}/export")
    if response.status_code == 404:
        return None  # the service holds nothing about this person
    if response.status_code >= 400:
        raise UpstreamFailure(client.name, 502)
    return require_json(client.name, response, dict)


async def export_customer(*, ref: str, clients: Clients) -> dict[str, Any]:
    """Everything every service holds about one person (GDPR art. 15/20). Unlike the 360
    view an export is all or nothing: any service failing fails the export."""
    customer_id = await resolve_customer_id(ref=ref, identity=clients.identity)
    profile = await clients.identity.profile(customer_id=customer_id)
    if profile is None:
        raise unknown_customer(ref)
    survivor = str(profile["customer_id"])
    interaction, scoring, treatment = await asyncio.gather(
        _export_part(clients.interaction, survivor), _export_part(clients.scoring, survivor),
        _export_part(clients.treatment, survivor),
    )
    return {"customer_id": survivor, "identity": profile, "interaction": interaction, "scoring": scoring,
            "treatment": treatment}
