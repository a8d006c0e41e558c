"""HTTP routes of rules, simulation and the contact policy."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Header, Path, Query

from idic import ProblemError, ServiceRouter
from idic.public import treatment as public
from idic.types import Rfc3339

from ...service_layer import rules as rules_svc
from .. import bodies
from ..dependencies import INVALID, PROBLEM, UowFactoryDep

rules_router = ServiceRouter(tags=["rules"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Unknown rule", **PROBLEM}, **INVALID}
RuleId = Annotated[str, Path(pattern=public.SLUG, description="Rule id (lowercase letters, digits, . _ -).")]
# who changed a rule: set by the gateway from the API key's name; direct callers may set it
Actor = Annotated[str, Header(alias="X-Actor", min_length=1, max_length=200, pattern=r"^[\x20-\x7e]+$",
                              description="Who makes the change (the gateway sets it from the API key).")]


@rules_router.get("/v1/rules", response_model=list[public.Rule], responses=INVALID)
def list_rules(uow_factory: UowFactoryDep, status: Annotated[Literal["draft", "active", "retired"] | None,
                                                              Query()] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               cursor: Annotated[str | None, Query(pattern=public.SLUG, description="The last rule_id of the "
                                                   "previous page: rules after it.")] = None,
               after: Annotated[str | None, Query(pattern=public.SLUG, deprecated=True,
                                                  description="Deprecated name of cursor.")] = None,
               ) -> list[public.Rule]:
    """Current version of each rule, by id (``cursor``: the last id of the previous page)."""
    return [bodies.rule(r) for r in rules_svc.list_rules(status=status, limit=limit, after=cursor or after,
                                                        uow_factory=uow_factory)]


@rules_router.post("/v1/rules", status_code=201, response_model=public.Rule, responses={
    409: {"description": "Rule id taken", **PROBLEM}, **INVALID})
def create_rule(body: public.RuleRequest, uow_factory: UowFactoryDep, actor: Actor = "anonymous") -> public.Rule:
    """Create a rule (version 1); a bad condition is 422 naming its exact place."""
    return bodies.rule(rules_svc.create_rule(rule_id=body.rule_id, doc=body.document(), actor=actor,
                                            uow_factory=uow_factory))


@rules_router.post("/v1/rules:simulate", response_model=public.Simulation, responses={
    404: {"description": "Unknown rule or customer", **PROBLEM}, **INVALID})
def simulate(body: public.SimulateRequest, uow_factory: UowFactoryDep) -> public.Simulation:
    """Would this rule fire for this customer now? Each comparison, suppression and rank."""
    return bodies.simulation(rules_svc.simulate(customer_id=body.customer_id, doc=body.rule, rule_id=body.rule_id,
                                             channel=body.channel, uow_factory=uow_factory))


@rules_router.get("/v1/rules/{rule_id}", response_model=public.Rule, responses=NOT_FOUND)
def get_rule(rule_id: RuleId, uow_factory: UowFactoryDep) -> public.Rule:
    """The current version of a rule."""
    return bodies.rule(rules_svc.get_rule(rule_id=rule_id, uow_factory=uow_factory))


@rules_router.put("/v1/rules/{rule_id}", response_model=public.Rule, responses={
    **NOT_FOUND, 412: {"description": "If-Match names an older version", **PROBLEM}})
def replace_rule(rule_id: RuleId, body: public.RuleRequest, uow_factory: UowFactoryDep, actor: Actor = "anonymous",
                 if_match: Annotated[str | None, Header(alias="If-Match", pattern=r'^"?[0-9]{1,9}"?$',
                                                        description="Version this change is based on.")] = None,
                 ) -> public.Rule:
    """Replace the rule: a new version (the old ones stay in the history)."""
    if body.rule_id is not None and body.rule_id != rule_id:
        raise ProblemError(422, "Unprocessable Content", "rule_id in the body differs from the path",
                           errors=[{"field": "body.rule_id", "message": "must match the path or be omitted"}])
    expected = int(if_match.strip('"')) if if_match else None
    return bodies.rule(rules_svc.replace_rule(rule_id=rule_id, doc=body.document(), actor=actor,
                                             expected_version=expected, uow_factory=uow_factory))


@rules_router.delete("/v1/rules/{rule_id}", response_model=public.Rule, responses=NOT_FOUND)
def retire_rule(rule_id: RuleId, uow_factory: UowFactoryDep, actor: Actor = "anonymous") -> public.Rule:
    """Retire the rule (a new version with status retired; history is kept)."""
    return bodies.rule(rules_svc.retire_rule(rule_id=rule_id, actor=actor, uow_factory=uow_factory))


@rules_router.get("/v1/rules/{rule_id}/versions", response_model=list[public.RuleVersion], responses=NOT_FOUND)
def rule_versions(rule_id: RuleId, uow_factory: UowFactoryDep) -> list[public.RuleVersion]:
    """Every version of the rule, newest first, with who changed it and when."""
    return [bodies.rule_version(v) for v in rules_svc.rule_versions(rule_id=rule_id, uow_factory=uow_factory)]


@rules_router.get("/v1/rules/{rule_id}/performance", response_model=public.RulePerformance, responses=NOT_FOUND)
def rule_performance(rule_id: RuleId, uow_factory: UowFactoryDep,
                     since: Annotated[Rfc3339 | None,
                                      Query(description="From (default: 30 days before).")] = None,
                     until: Annotated[Rfc3339 | None, Query(description="Before (default: now).")] = None,
                     ) -> public.RulePerformance:
    """Presented, accepted, declined, ignored, converted, rates and revenue of the rule's treated
    and control groups, and the uplift (treated minus control conversion rate)."""
    return bodies.rule_performance(rules_svc.performance(rule_id=rule_id, since=since, until=until,
                                                         uow_factory=uow_factory))


@rules_router.get("/v1/contact-policy", response_model=public.ContactPolicy)
def get_contact_policy(uow_factory: UowFactoryDep) -> public.ContactPolicy:
    """The contact policy every decision applies."""
    return bodies.contact_policy(rules_svc.get_policy(uow_factory=uow_factory))


@rules_router.put("/v1/contact-policy", response_model=public.ContactPolicy, responses=INVALID)
def set_contact_policy(body: public.ContactPolicy, uow_factory: UowFactoryDep,
                       actor: Actor = "anonymous") -> public.ContactPolicy:
    """Replace the contact policy."""
    policy = rules_svc.set_policy(policy=bodies.to_contact_policy(body), actor=actor, uow_factory=uow_factory)
    return bodies.contact_policy(policy)
