"""HTTP routes of rules, simulation and the contact policy."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query

from idic import ProblemError
from idic.types import Rfc3339

from ..domain.rules import SLUG
from ..service_layer import rules as rules_svc
from .routes import INVALID, PROBLEM, UowFactoryDep
from .rule_schemas import ContactPolicyIO, RuleIn, RuleOut, RuleVersionOut, SimulateIn, SimulateOut
from .schemas import GroupFigures, PerformanceOut

rules_router = APIRouter(tags=["rules"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Unknown rule", **PROBLEM}, **INVALID}
RuleId = Annotated[str, Path(pattern=SLUG, description="Rule id (lowercase letters, digits, . _ -).")]
# who changed a rule: set by the gateway from the API key's name; direct callers may set it
Actor = Annotated[str, Header(alias="X-Actor", min_length=1, max_length=200, pattern=r"^[\x20-\x7e]+$",
                              description="Who makes the change (the gateway sets it from the API key).")]


@rules_router.get("/v1/rules", response_model=list[RuleOut], responses=INVALID)
def list_rules(uow_factory: UowFactoryDep, status: Annotated[Literal["draft", "active", "retired"] | None,
                                                              Query()] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               after: Annotated[str | None, Query(pattern=SLUG, description="Rules after this id.")] = None,
               ) -> list[RuleOut]:
    """Current version of each rule, by id (``after`` pages on)."""
    return [RuleOut.of(r) for r in rules_svc.list_rules(status=status, limit=limit, after=after,
                                                        uow_factory=uow_factory)]


@rules_router.post("/v1/rules", status_code=201, response_model=RuleOut, responses={
    409: {"description": "Rule id taken", **PROBLEM}, **INVALID})
def create_rule(body: RuleIn, uow_factory: UowFactoryDep, actor: Actor = "anonymous") -> RuleOut:
    """Create a rule (version 1); a bad condition is 422 naming its exact place."""
    return RuleOut.of(rules_svc.create_rule(rule_id=body.rule_id, doc=body.document(), actor=actor,
                                            uow_factory=uow_factory))


@rules_router.post("/v1/rules:simulate", response_model=SimulateOut, responses={
    404: {"description": "Unknown rule or customer", **PROBLEM}, **INVALID})
def simulate(body: SimulateIn, uow_factory: UowFactoryDep) -> SimulateOut:
    """Would this rule fire for this customer now? Each comparison, suppression and rank."""
    return SimulateOut.of(rules_svc.simulate(customer_id=body.customer_id, doc=body.rule, rule_id=body.rule_id,
                                             channel=body.channel, uow_factory=uow_factory))


@rules_router.get("/v1/rules/{rule_id}", response_model=RuleOut, responses=NOT_FOUND)
def get_rule(rule_id: RuleId, uow_factory: UowFactoryDep) -> RuleOut:
    """The current version of a rule."""
    return RuleOut.of(rules_svc.get_rule(rule_id=rule_id, uow_factory=uow_factory))


@rules_router.put("/v1/rules/{rule_id}", response_model=RuleOut, responses={
    **NOT_FOUND, 412: {"description": "If-Match names an older version", **PROBLEM}})
def replace_rule(rule_id: RuleId, body: RuleIn, uow_factory: UowFactoryDep, actor: Actor = "anonymous",
                 if_match: Annotated[str | None, Header(alias="If-Match", pattern=r'^"?[0-9]{1,9}"?$',
                                                        description="Version this change is based on.")] = None,
                 ) -> RuleOut:
    """Replace the rule: a new version (the old ones stay in the history)."""
    if body.rule_id is not None and body.rule_id != rule_id:
        raise ProblemError(422, "Unprocessable Content", "rule_id in the body differs from the path",
                           errors=[{"field": "body.rule_id", "message": "must match the path or be omitted"}])
    expected = int(if_match.strip('"')) if if_match else None
    return RuleOut.of(rules_svc.replace_rule(rule_id=rule_id, doc=body.document(), actor=actor,
                                             expected_version=expected, uow_factory=uow_factory))


@rules_router.delete("/v1/rules/{rule_id}", response_model=RuleOut, responses=NOT_FOUND)
def retire_rule(rule_id: RuleId, uow_factory: UowFactoryDep, actor: Actor = "anonymous") -> RuleOut:
    """Retire the rule (a new version with status retired; history is kept)."""
    return RuleOut.of(rules_svc.retire_rule(rule_id=rule_id, actor=actor, uow_factory=uow_factory))


@rules_router.get("/v1/rules/{rule_id}/versions", response_model=list[RuleVersionOut], responses=NOT_FOUND)
def rule_versions(rule_id: RuleId, uow_factory: UowFactoryDep) -> list[RuleVersionOut]:
    """Every version of the rule, newest first, with who changed it and when."""
    return [RuleVersionOut.of(v) for v in rules_svc.rule_versions(rule_id=rule_id, uow_factory=uow_factory)]


@rules_router.get("/v1/rules/{rule_id}/performance", response_model=PerformanceOut, responses=NOT_FOUND)
def rule_performance(rule_id: RuleId, uow_factory: UowFactoryDep,
                     since: Annotated[Rfc3339 | None,
                                      Query(description="From (default: 30 days before).")] = None,
                     until: Annotated[Rfc3339 | None, Query(description="Before (default: now).")] = None,
                     ) -> PerformanceOut:
    """Presented, accepted, declined, ignored, converted, rates and revenue of the rule's treated
    and control groups, and the uplift (treated minus control conversion rate)."""
    p = rules_svc.performance(rule_id=rule_id, since=since, until=until, uow_factory=uow_factory)
    return PerformanceOut(rule_id=p.rule_id, since=p.since, until=p.until, control=GroupFigures.of(p.control),
                          uplift=p.uplift, **GroupFigures.of(p.treated).model_dump())


@rules_router.get("/v1/contact-policy", response_model=ContactPolicyIO)
def get_contact_policy(uow_factory: UowFactoryDep) -> ContactPolicyIO:
    """The contact policy every decision applies."""
    return ContactPolicyIO.of(rules_svc.get_policy(uow_factory=uow_factory))


@rules_router.put("/v1/contact-policy", response_model=ContactPolicyIO, responses=INVALID)
def set_contact_policy(body: ContactPolicyIO, uow_factory: UowFactoryDep,
                       actor: Actor = "anonymous") -> ContactPolicyIO:
    """Replace the contact policy."""
    return ContactPolicyIO.of(rules_svc.set_policy(policy=body.policy(), actor=actor, uow_factory=uow_factory))
