"""Identify and the single face: routes under /v1/customers owned by identity, the 360
view and the export (composed by the gateway)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from idic.public.identity import (
    EXPLAIN_DESCRIPTION,
    SEARCH_NAME_PATTERN,
    ConsentRequest,
    ConsentResult,
    IdentifyBatchRequest,
    IdentifyBatchResult,
    IdentifyRequest,
    IdentifyResult,
    LookupResult,
    MergeRequest,
    Profile,
    SearchResult,
    UnmergeRequest,
    UnmergeResult,
)
from idic.public.views import CustomerExport, CustomerView, ErasureAccepted

from ...adapters.clients.services import segment
from ...domain.identifiers import MAX_REF_LENGTH, IdentifierType
from ...service_layer import customers as svc
from ..proxy import ClientsDep, errors, forward
from ..security import Authorized, SettingsDep
from ..view_freshness import changed, changed_per_answer

router = APIRouter(prefix="/v1/customers", dependencies=[Authorized])
search_router = APIRouter(dependencies=[Authorized])
CustomerRef = Annotated[str, Path(
    min_length=1, max_length=MAX_REF_LENGTH,
    description="A customer id, or any identifier written type:value (email:a@b.com, external_id:crm:42)")]


Explain = Annotated[bool, Query(description=EXPLAIN_DESCRIPTION)]


def _explained(explain: bool) -> dict[str, Any] | None:
    return {"explain": "true"} if explain else None


@router.post("/identify", tags=["identify"], response_model=IdentifyResult, responses=errors())
async def identify(body: IdentifyRequest, request: Request, clients: ClientsDep, explain: Explain = False) -> Response:
    """Find the one customer these identifiers and attributes belong to, creating or merging as the rules say."""
    answer = await forward(clients.identity, request, "POST", "/v1/customers/identify", with_body=True,
                           params=_explained(explain))
    return changed_per_answer(request, answer, "customer_id")


@router.post("/identify:batch", tags=["identify"], response_model=IdentifyBatchResult, responses=errors(413))
async def identify_batch(body: IdentifyBatchRequest, request: Request, clients: ClientsDep,
                         explain: Explain = False) -> Response:
    """Identify up to 10,000 records; results in the same order. A record that fails validation is answered
    with its error in its place; the others are identified."""
    return await forward(clients.identity, request, "POST", "/v1/customers/identify:batch", with_body=True,
                         params=_explained(explain))


@router.get("/lookup", tags=["identify"], response_model=LookupResult, responses=errors(404))
async def lookup(type: Annotated[IdentifierType, Query()], value: Annotated[str, Query(min_length=1, max_length=512)],
                 request: Request, clients: ClientsDep) -> Response:
    """The current customer (the survivor after merges) owning an identifier."""
    return await forward(clients.identity, request, "GET", "/v1/customers/lookup",
                         params={"type": type, "value": value})


@router.post("/merge", tags=["identify"], response_model=Profile, responses=errors(404, 409))
async def merge(body: MergeRequest, request: Request, clients: ClientsDep) -> Response:
    """Merge customers into a survivor (by hand); answers the survivor's profile."""
    changed(request, [body.survivor_id, *body.merged_ids])
    return await forward(clients.identity, request, "POST", "/v1/customers/merge", with_body=True)


@router.post("/{customer_id}/unmerge", tags=["identify"], response_model=UnmergeResult, responses=errors(404, 409))
async def unmerge(customer_id: CustomerRef, body: UnmergeRequest, request: Request, clients: ClientsDep) -> Response:
    """Split a customer that was merged in back out of this one, with the identifiers and attributes it brought."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    changed(request, [resolved, body.customer_id])
    return await forward(clients.identity, request, "POST", f"/v1/customers/{segment(resolved)}/unmerge",
                         with_body=True)


@router.put("/{customer_id}/consent", tags=["customize"], response_model=ConsentResult, responses=errors(404))
async def put_consent(customer_id: CustomerRef, body: ConsentRequest, request: Request,
                      clients: ClientsDep) -> Response:
    """Record the customer's consent per channel and for profiling (owned by identity; keys not given keep
    their value); answers the whole consent map."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    changed(request, [resolved])
    return await forward(clients.identity, request, "PUT", f"/v1/customers/{segment(resolved)}/consent",
                         with_body=True)


@search_router.get("/v1/customers:search", tags=["identify"], response_model=SearchResult, responses=errors(501))
async def search(name: Annotated[str, Query(min_length=3, max_length=200, pattern=SEARCH_NAME_PATTERN,
                                             description="A first and a last name")],
                 clients: ClientsDep,
                 limit: Annotated[int, Query(ge=1, le=50)] = 20) -> dict[str, object]:
    """Customers whose name matches (identity's name search; 501 while identity offers none).
    To find someone by an identifier, use GET /v1/customers/lookup or GET /v1/customers/type:value."""
    return await svc.search_by_name(name=name, limit=limit, identity=clients.identity)


@router.delete("/{customer_id}", tags=["identify"], status_code=202, response_model=ErasureAccepted,
               responses=errors(404))
async def erase(customer_id: CustomerRef, request: Request, clients: ClientsDep) -> Response:
    """Erase the person everywhere (GDPR art. 17; admin). Identity erases and tells the others by event;
    follow ``status_url`` (GET /v1/erasures/{id}) until every service has applied it."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    changed(request, [resolved])
    answer = await forward(clients.identity, request, "DELETE", f"/v1/customers/{segment(resolved)}")
    if answer.status_code >= 300:
        return answer
    status_url = f"/v1/erasures/{segment(resolved)}"
    return JSONResponse({"customer_id": resolved, "status_url": status_url}, status_code=202,
                        headers={"Location": status_url})


@router.get("/{customer_id}/export", tags=["identify"], response_model=None,
            responses={200: {"model": CustomerExport, "description": "One part per service"}, **errors(404)})
async def export(customer_id: CustomerRef, clients: ClientsDep) -> JSONResponse:
    """All data of the person from every service (GDPR art. 15/20; admin); all or nothing. Each part is passed
    through as its service exported it: a field one service adds must not cost the person their export."""
    return JSONResponse(await svc.export_customer(ref=customer_id, clients=clients))


_VIEW_HEADERS = {
    "Cache-Status": {"description": "RFC 9211: `idic-gateway; hit; ttl=N` (from this replica's view cache), "
                                    "`idic-gateway; fwd=uri-miss[; stored]` or `idic-gateway; fwd=request` "
                                    "(read from the services)", "schema": {"type": "string"}},
    "Age": {"description": "RFC 9111: seconds since a cached view was read from the services (hits only)",
            "schema": {"type": "integer"}},
}


@router.get("/{customer_id}", tags=["single face"], response_model=CustomerView,
            responses={**errors(404), 200: {"description": "The view", "headers": _VIEW_HEADERS}})
async def customer_view(customer_id: CustomerRef, request: Request, clients: ClientsDep,
                        settings: SettingsDep) -> Response:
    """The 360-degree view of one customer; optional parts degrade instead of failing.

    Views are cached per gateway replica and dropped by every event about the customer; one is stored only
    once every service has applied those events, so a view is never older than what the services have
    applied. ``Cache-Status`` says whether the view came from the cache, ``Age`` how long ago it was read
    (time alone can change a part, an offer expiring: at most ``GATEWAY_VIEW_CACHE_MAX_AGE_S``).
    ``Cache-Control: no-cache`` reads it fresh."""
    revalidate = "no-cache" in request.headers.get("cache-control", "").lower()
    body, headers = await svc.cached_customer_view(ref=customer_id, clients=clients,
                                                   part_timeout_s=settings.part_timeout_s,
                                                   cache=request.app.state.view_cache, revalidate=revalidate)
    return Response(body, media_type="application/json", headers=headers)
