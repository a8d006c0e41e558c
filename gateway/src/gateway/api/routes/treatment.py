"""Customize: routes owned by treatment-service."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Path, Query, Request, Response
from pydantic import WithJsonSchema

from idic import ProblemError
from idic.public.common import Channel, Time
from idic.public.treatment import (
    ContactPolicy,
    NextBestAction,
    OutcomeRequest,
    Rule,
    RulePerformance,
    RuleRequest,
    RuleVersion,
    SimulateRequest,
    Simulation,
    Treatment,
    TreatmentPage,
)

from ...adapters.clients.services import segment
from ...service_layer import customers as svc
from ..proxy import ClientsDep, errors, forward
from ..security import Authorized
from ..view_freshness import changed_per_answer
from .customers import CustomerRef

router = APIRouter(tags=["customize"], dependencies=[Authorized])
# '.'-led ids would become dot segments in the upstream URL
IF_MATCH = r'^"?[0-9]{1,9}"?$'
ResourceId = Annotated[str, Path(min_length=1, max_length=256, pattern=r"^[^.][^/]*$")]


@router.get("/v1/customers/{customer_id}/next-best-actions", response_model=list[NextBestAction],
            responses=errors(404))
async def next_best_actions(customer_id: CustomerRef, request: Request, clients: ClientsDep,
                            channel: Annotated[Channel | None, Query()] = None,
                            limit: Annotated[int | None, Query(ge=1, le=50)] = None) -> Response:
    """Ranked next-best-actions, respecting consent and contact policy."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.treatment, request, "GET", f"/v1/customers/{segment(resolved)}/next-best-actions",
                         params={"channel": channel, "limit": limit})


@router.get("/v1/rules", response_model=list[Rule], responses=errors())
async def list_rules(request: Request, clients: ClientsDep,
                     status: Annotated[Literal["draft", "active", "retired"] | None, Query()] = None,
                     limit: Annotated[int | None, Query(ge=1, le=1000)] = None,
                     cursor: Annotated[str | None, Query(min_length=1, max_length=256, description=(
                         "The last rule_id of the previous page: rules after it."))] = None,
                     after: Annotated[str | None, Query(min_length=1, max_length=256, deprecated=True,
                                                        description="Deprecated name of cursor.")] = None,
                     ) -> Response:
    """All rules (current versions), by id, a page of ``limit`` at a time."""
    return await forward(clients.treatment, request, "GET", "/v1/rules",
                         params={"status": status, "limit": limit, "cursor": cursor, "after": after})


@router.post("/v1/rules", status_code=201, response_model=Rule, responses=errors(409))
async def create_rule(body: RuleRequest, request: Request, clients: ClientsDep) -> Response:
    """Create a rule (admin)."""
    return await forward(clients.treatment, request, "POST", "/v1/rules", with_body=True)


@router.post("/v1/rules:simulate", response_model=Simulation, responses=errors(404))
async def simulate_rule(body: SimulateRequest, request: Request, clients: ClientsDep) -> Response:
    """Whether a rule (given, or stored by id) fires for a customer, and why."""
    return await forward(clients.treatment, request, "POST", "/v1/rules:simulate", with_body=True)


@router.get("/v1/rules/{rule_id}", response_model=Rule, responses=errors(404))
async def get_rule(rule_id: ResourceId, request: Request, clients: ClientsDep) -> Response:
    """One rule."""
    return await forward(clients.treatment, request, "GET", f"/v1/rules/{segment(rule_id)}")


@router.put("/v1/rules/{rule_id}", response_model=Rule, responses=errors(404, 409, 412))
async def replace_rule(rule_id: ResourceId, body: RuleRequest, request: Request, clients: ClientsDep,
                       if_match: Annotated[str | None, Header(alias="If-Match", pattern=IF_MATCH,
                                                              description="The version this change is based "
                                                                          "on (412 if it is not current)"),
                                           WithJsonSchema({"type": "string", "pattern": IF_MATCH})] = None,
                       ) -> Response:
    """Write a new version of a rule (admin)."""
    return await forward(clients.treatment, request, "PUT", f"/v1/rules/{segment(rule_id)}", with_body=True,
                         headers={"if-match": if_match} if if_match else None)


@router.delete("/v1/rules/{rule_id}", response_model=Rule, responses=errors(404))
async def delete_rule(rule_id: ResourceId, request: Request, clients: ClientsDep) -> Response:
    """Retire a rule (admin): a new version with status retired, the history kept."""
    return await forward(clients.treatment, request, "DELETE", f"/v1/rules/{segment(rule_id)}")


@router.get("/v1/rules/{rule_id}/versions", response_model=list[RuleVersion], responses=errors(404))
async def rule_versions(rule_id: ResourceId, request: Request, clients: ClientsDep) -> Response:
    """Every version of a rule, newest first, with who changed it and when."""
    return await forward(clients.treatment, request, "GET", f"/v1/rules/{segment(rule_id)}/versions")


@router.get("/v1/contact-policy", response_model=ContactPolicy, responses=errors())
async def get_contact_policy(request: Request, clients: ClientsDep) -> Response:
    """The contact policy every decision applies."""
    return await forward(clients.treatment, request, "GET", "/v1/contact-policy")


@router.put("/v1/contact-policy", response_model=ContactPolicy, responses=errors())
async def set_contact_policy(body: ContactPolicy, request: Request, clients: ClientsDep) -> Response:
    """Replace the contact policy (admin)."""
    return await forward(clients.treatment, request, "PUT", "/v1/contact-policy", with_body=True)


@router.post("/v1/treatments/{treatment_id}/outcome", response_model=Treatment, responses=errors(404, 409))
async def record_outcome(treatment_id: ResourceId, body: OutcomeRequest, request: Request,
                         clients: ClientsDep) -> Response:
    """Record how the customer answered a treatment, once (409 when it already has an outcome); a
    ``converted`` outcome carries the revenue. It teaches the action's propensity and the rule's performance."""
    answer = await forward(clients.treatment, request, "POST", f"/v1/treatments/{segment(treatment_id)}/outcome",
                           with_body=True)
    return changed_per_answer(request, answer, "customer_id")


@router.get("/v1/customers/{customer_id}/treatments", response_model=TreatmentPage, responses=errors(404))
async def customer_treatments(customer_id: CustomerRef, request: Request, clients: ClientsDep,
                              limit: Annotated[int | None, Query(ge=1, le=200)] = None,
                              cursor: Annotated[str | None, Query(min_length=1, max_length=512,
                                                                  description="next_cursor of the previous page")]
                              = None) -> Response:
    """The customer's treatments (decisions), newest first, with outcomes and delivery."""
    resolved = await svc.resolve_customer_id(ref=customer_id, identity=clients.identity)
    return await forward(clients.treatment, request, "GET", f"/v1/customers/{segment(resolved)}/treatments",
                         params={"limit": limit, "cursor": cursor})


@router.get("/v1/rules/{rule_id}/performance", response_model=RulePerformance, responses=errors(404))
async def rule_performance(rule_id: ResourceId, request: Request, clients: ClientsDep,
                           since: Annotated[Time | None, Query(description="RFC 3339; decisions from then")] = None,
                           until: Annotated[Time | None, Query(description="RFC 3339; decisions before then")] = None,
                           ) -> Response:
    """What a rule's decisions led to (presented, accepted, declined, ignored, converted, revenue) against its
    control group, and the uplift."""
    if since is not None and until is not None and until <= since:
        raise ProblemError(422, "Unprocessable Content", "invalid request: query.until (must lie after since)",
                           errors=[{"field": "query.until", "message": "until must lie after since"}])
    return await forward(clients.treatment, request, "GET", f"/v1/rules/{segment(rule_id)}/performance",
                         params={"since": request.query_params.get("since"),
                                 "until": request.query_params.get("until")})
