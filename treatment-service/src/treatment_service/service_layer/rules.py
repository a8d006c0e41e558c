"""Use cases on rules: versioned CRUD, simulation, and the contact policy."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from idic import ProblemError, utcnow

from ..domain.conditions import InvalidCondition
from ..domain.facts import FactView
from ..domain.lifecycle import GroupCounts, uplift
from ..domain.next_best_actions import ContactPolicy, Evaluation, evaluate, next_best_actions, segment_of
from ..domain.rules import Rule, RuleDocument, RuleVersion, StoredRule
from .decisions import LazyPropensities, view_of
from .services import UowFactory, _not_found


def _compiled(rule_id: str, version: int, doc: RuleDocument, *, field_prefix: str) -> Rule:
    """Compile or answer 422 naming each bad place of the condition (``body.condition.all.1.op``)."""
    try:
        return Rule.compile(rule_id, version, doc)
    except InvalidCondition as exc:
        errors = [{"field": f"{field_prefix}.{i.path}", "message": i.message} for i in exc.issues]
        raise ProblemError(422, "Unprocessable Content", f"invalid condition: {errors[0]['field']}: "
                           f"{errors[0]['message']}", errors=errors) from exc


def _document(doc: RuleDocument) -> dict[str, Any]:
    return doc.model_dump(mode="json")


def create_rule(*, rule_id: str | None, doc: RuleDocument, actor: str, uow_factory: UowFactory) -> StoredRule:
    """Version 1 of a new rule; 409 when the id is taken."""
    rule_id = rule_id or f"rule-{uuid.uuid4().hex[:12]}"
    _compiled(rule_id, 1, doc, field_prefix="body")
    with uow_factory() as uow:
        if uow.rules.get(rule_id) is not None:
            raise ProblemError(409, "Conflict", f"rule {rule_id} already exists; PUT /v1/rules/{rule_id} changes it")
        stored = uow.rules.save_version(rule_id=rule_id, version=1, change="created", document=_document(doc),
                                        at=utcnow(), actor=actor)
        _commit(uow, rule_id)
        return stored


def replace_rule(*, rule_id: str, doc: RuleDocument, actor: str, expected_version: int | None,
                 uow_factory: UowFactory) -> StoredRule:
    """A new version with this document; 404 unknown, 412 when ``expected_version`` is stale."""
    _compiled(rule_id, 0, doc, field_prefix="body")
    with uow_factory() as uow:
        current = _existing(uow.rules.get(rule_id, for_update=True), rule_id)
        if expected_version is not None and expected_version != current.version:
            raise ProblemError(412, "Precondition Failed", f"rule {rule_id} is at version {current.version}, "
                               f"not {expected_version}", version=current.version)
        change = "retired" if doc.status == "retired" and current.document["status"] != "retired" else "updated"
        stored = uow.rules.save_version(rule_id=rule_id, version=current.version + 1, change=change,
                                        document=_document(doc), at=utcnow(), actor=actor)
        _commit(uow, rule_id)
        return stored


def retire_rule(*, rule_id: str, actor: str, uow_factory: UowFactory) -> StoredRule:
    """DELETE retires the rule as a new version (history stays); retiring twice changes nothing."""
    with uow_factory() as uow:
        current = _existing(uow.rules.get(rule_id, for_update=True), rule_id)
        if current.document["status"] == "retired":
            return current
        document = {**current.document, "status": "retired"}
        stored = uow.rules.save_version(rule_id=rule_id, version=current.version + 1, change="retired",
                                        document=document, at=utcnow(), actor=actor)
        _commit(uow, rule_id)
        return stored


def _commit(uow: Any, rule_id: str) -> None:
    try:
        uow.commit()
    except IntegrityError as exc:  # a concurrent writer took this version number first
        raise ProblemError(409, "Conflict", f"rule {rule_id} was changed concurrently; retry") from exc


def _existing(stored: StoredRule | None, rule_id: str) -> StoredRule:
    if stored is None:
        raise _not_found(f"rule {rule_id} not found")
    return stored


def get_rule(*, rule_id: str, uow_factory: UowFactory) -> StoredRule:
    with uow_factory() as uow:
        return _existing(uow.rules.get(rule_id), rule_id)


def list_rules(*, status: str | None, limit: int, after: str | None, uow_factory: UowFactory) -> list[StoredRule]:
    with uow_factory() as uow:
        return uow.rules.list_rules(status=status, limit=limit, after=after)


def rule_versions(*, rule_id: str, uow_factory: UowFactory) -> list[RuleVersion]:
    """Every version, newest first; 404 for an unknown rule."""
    with uow_factory() as uow:
        versions = uow.rules.versions(rule_id)
    if not versions:
        raise _not_found(f"rule {rule_id} not found")
    return versions


@dataclass(frozen=True)
class Simulation:
    customer_id: str
    rule: Rule
    evaluation: Evaluation
    trace: list[dict[str, Any]]
    rank: int | None
    competing: int


def simulate(*, customer_id: str, doc: RuleDocument | None, rule_id: str | None, channel: str | None,
             uow_factory: UowFactory) -> Simulation:
    """Evaluate a draft (``doc``) or stored rule for a customer now, whatever its status:
    each comparison's value, the suppression that applied, and its rank among the active rules."""
    with uow_factory() as uow:
        if doc is not None:
            rule = _compiled(rule_id or "simulated", 0, doc, field_prefix="body.rule")
        else:
            assert rule_id is not None
            stored = _existing(uow.rules.get(rule_id), rule_id)
            rule = Rule.compile(rule_id, stored.version, RuleDocument.model_validate(stored.document))
        context = uow.contexts.get(uow.aliases.resolve(customer_id))
        if context is None:
            raise _not_found(f"no context for customer {customer_id}")
        policy = uow.rules.policy()
        view = view_of(uow, context, now=utcnow(), policy=policy)
        propensities = LazyPropensities(uow, segment_of(view))
        evaluation = evaluate(rule, view, policy=policy, propensities=propensities, channel=channel)
        trace = rule.condition.trace(FactView(ctx=view.ctx, now=view.now, history=view.history))
        rank, competing = None, 0
        if evaluation.action is not None:
            others = [r for r in uow.rules.active() if r.rule_id != rule.rule_id]
            ranked = next_best_actions([*others, rule], view, policy=policy, propensities=propensities,
                                       channel=channel, limit=len(others) + 1)
            competing = len(ranked)
            rank = next(i for i, a in enumerate(ranked, start=1) if a.rule_id == rule.rule_id)
        return Simulation(customer_id=context.customer_id, rule=rule, evaluation=evaluation, trace=trace,
                          rank=rank, competing=competing)


@dataclass(frozen=True)
class Performance:
    rule_id: str
    since: dt.datetime
    until: dt.datetime
    treated: GroupCounts
    control: GroupCounts

    @property
    def uplift(self) -> float | None:
        return uplift(self.treated, self.control)


PERFORMANCE_DAYS = 30
"""Default window of a rule's performance: the last 30 days of decisions."""


def performance(*, rule_id: str, since: dt.datetime | None, until: dt.datetime | None,
                uow_factory: UowFactory) -> Performance:
    """Outcome counts of the rule's decisions made in [since, until), treated and control;
    404 unknown rule, 422 when since is not before until."""
    until = until or utcnow()
    since = since or until - dt.timedelta(days=PERFORMANCE_DAYS)
    if since >= until:
        raise ProblemError(422, "Unprocessable Content", "since must be before until",
                           errors=[{"field": "query.since", "message": "must be before until"}])
    with uow_factory() as uow:
        _existing(uow.rules.get(rule_id), rule_id)
        treated, control = uow.treatments.performance(rule_id, since=since, until=until)
    return Performance(rule_id=rule_id, since=since, until=until, treated=treated, control=control)


def get_policy(*, uow_factory: UowFactory) -> ContactPolicy:
    with uow_factory() as uow:
        return uow.rules.policy()


def set_policy(*, policy: ContactPolicy, actor: str, uow_factory: UowFactory) -> ContactPolicy:
    with uow_factory() as uow:
        uow.rules.save_policy(policy, at=utcnow(), actor=actor)
        uow.commit()
        return policy
