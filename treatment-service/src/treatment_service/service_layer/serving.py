"""Serving next-best-actions as recorded decisions: every action returned is a treatment,
the same one until it expires or is answered, and the rule's control group is held back."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from idic import get_logger, utcnow
from idic.contracts import TreatmentDecided, TreatmentDelivered

from ..adapters.uow import TreatmentUnitOfWork
from ..domain.facts import FactView
from ..domain.lifecycle import in_control
from ..domain.next_best_actions import ContactPolicy, Propensities, evaluate, next_best_actions, segment_of
from ..domain.rules import Action, Rule
from ..domain.ruleset import RuleSet
from ..domain.treatments import CONTROL_LIVE, LIVE, TreatmentRecord
from .decisions import LazyPropensities, view_of
from .services import UowFactory

log = get_logger(__name__)
ATTEMPTS = 3
"""Two readers racing for the same new treatment: the loser's insert fails on the unique key
and it reads the winner's back on the next attempt."""


@dataclass(frozen=True)
class Served:
    """One action as served: the ranked action and the treatment that records it."""

    action: Action
    treatment: TreatmentRecord


def new_treatment(*, customer_id: str, action: Action, rule: Rule, occurrence: str, segment: str, now: dt.datetime,
                  cause_event_id: str | None = None, control: bool = False,
                  delivered_at: dt.datetime | None = None) -> TreatmentRecord:
    """A decision (treated or control), with its validity and attribution window; no answer yet."""
    return TreatmentRecord(
        treatment_id=str(uuid.uuid4()), customer_id=customer_id, rule_id=action.rule_id,
        rule_version=action.rule_version, occurrence=occurrence, action_id=action.action_id, kind=action.kind,
        channel=action.channel,
        score=action.score, reasons=list(action.reasons), cause_event_id=cause_event_id, decided_at=now,
        segment=segment[:64], expires_at=rule.expires_at(now), attribution_until=rule.attribution_until(now),
        delivered_at=delivered_at, control=control, outcome=None, outcome_at=None)


def decided_event(t: TreatmentRecord, action: Action, *, cause_event_id: str | None = None) -> TreatmentDecided:
    return TreatmentDecided(
        treatment_id=t.treatment_id, customer_id=t.customer_id, action_id=t.action_id, kind=t.kind, channel=t.channel,
        rule_id=t.rule_id, rule_version=t.rule_version, score=t.score, value=action.value, reasons=list(t.reasons),
        decided_at=t.decided_at, cause_event_id=cause_event_id, expires_at=t.expires_at)


def _delivered(t: TreatmentRecord, *, at: dt.datetime) -> TreatmentDelivered:
    return TreatmentDelivered(treatment_id=t.treatment_id, customer_id=t.customer_id, action_id=t.action_id,
                              kind=t.kind, channel=t.channel, rule_id=t.rule_id, via="api", delivered_at=at)


def serve_next_best_actions(*, customer_id: str, channel: str | None, limit: int, uow_factory: UowFactory,
                            read_uow_factory: UowFactory | None = None) -> list[Served]:
    """Ranked actions, each recorded as (or matched to) a treatment; [] for an unknown customer.

    With ``read_uow_factory`` the actions are first decided in a transaction that only reads: when every
    action already has its open, delivered treatment (a customer seen again within the actions' validity,
    the common case) that is the answer, and no write lock is taken. Otherwise they are decided again, and
    recorded, in a writing transaction."""
    if read_uow_factory is not None:
        with read_uow_factory() as uow:
            served = _decide(uow, customer_id=customer_id, channel=channel, limit=limit, record=False)
        if served is not None:
            return served
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with uow_factory() as uow:
                served = _decide(uow, customer_id=customer_id, channel=channel, limit=limit, record=True)
                uow.commit()
            assert served is not None
            return served
        except IntegrityError:
            if attempt == ATTEMPTS:
                raise
            log.info("concurrent next-best-actions decided first; reading its treatments", customer_id=customer_id)
    raise AssertionError("unreachable")


def _split_control(rules: RuleSet, customer_id: str) -> tuple[RuleSet, list[Rule]]:
    """The rules the customer is treated by, and those whose control group holds them back."""
    held = [r for r in rules.controlled if in_control(customer_id, r.rule_id, r.doc.control_share)]
    if not held:
        return rules, []
    held_ids = {r.rule_id for r in held}
    return RuleSet(r for r in rules if r.rule_id not in held_ids), held


def _decide(uow: TreatmentUnitOfWork, *, customer_id: str, channel: str | None, limit: int,
            record: bool) -> list[Served] | None:
    """The ranked actions and their treatments. ``record=False`` writes nothing and answers None when
    something would have to be written (a new decision, a first delivery, a control-group record)."""
    context = uow.contexts.get(uow.aliases.resolve(customer_id))
    if context is None:
        return []
    rules = uow.rules.active()
    policy = uow.rules.policy()
    now = utcnow()
    view = view_of(uow, context, now=now, policy=policy)
    propensities = LazyPropensities(uow, segment_of(view))
    treated, held = _split_control(rules, context.customer_id)
    actions = next_best_actions(treated, view, policy=policy, channel=channel, limit=limit,
                                propensities=propensities)
    held_actions = _eligible(held, view, policy=policy, propensities=propensities, channel=channel)
    if not record:
        return _already_recorded(uow, customer=context.customer_id, actions=actions, held=held_actions, now=now)
    return _record_served(uow, view=view, rules=rules, actions=actions, held=held_actions, now=now)


def _already_recorded(uow: TreatmentUnitOfWork, *, customer: str, actions: list[Action], held: list[Action],
                      now: dt.datetime) -> list[Served] | None:
    """What ``_record_served`` would answer, when it would write nothing; None otherwise."""
    open_ = uow.treatments.open_by_rule(customer, rule_ids=[a.rule_id for a in [*actions, *held]], now=now)
    if any(open_.get(action.rule_id) is None or not open_[action.rule_id].control for action in held):
        return None
    served = []
    for action in actions:
        existing = open_.get(action.rule_id)
        if existing is None or existing.control:
            return None
        if action.channel is not None and existing.channel not in (None, action.channel):
            continue  # as _record_served: the open treatment is on another channel
        if existing.delivered_at is None:
            return None
        served.append(Served(action=action, treatment=existing))
    return served


def _eligible(held: list[Rule], view: FactView, *, policy: ContactPolicy, propensities: Propensities,
              channel: str | None) -> list[Action]:
    """Actions the control group would have got (they are recorded, never served)."""
    found = []
    for rule in held:
        ev = evaluate(rule, view, policy=policy, propensities=propensities, channel=channel, with_reasons=False)
        if ev.action is not None:
            found.append(ev.action)
    return found


def _record_served(uow: TreatmentUnitOfWork, *, view: FactView, rules: RuleSet, actions: list[Action],
                   held: list[Action], now: dt.datetime) -> list[Served]:
    customer = view.ctx.customer_id
    segment = segment_of(view)
    open_ = uow.treatments.open_by_rule(customer, rule_ids=[a.rule_id for a in [*actions, *held]], now=now)
    for action in held:
        existing = open_.get(action.rule_id)
        rule = rules.get(action.rule_id)
        if (existing is None or not existing.control) and rule is not None:
            uow.treatments.close_live(customer, rule_id=rule.rule_id, now=now, occurrence=CONTROL_LIVE)
            uow.treatments.add(new_treatment(customer_id=customer, action=action, rule=rule,
                                             occurrence=CONTROL_LIVE, segment=segment, now=now, control=True))
    served = []
    for action in actions:
        existing = open_.get(action.rule_id)
        if existing is not None and not existing.control:
            if action.channel is not None and existing.channel not in (None, action.channel):
                continue  # the open treatment is on another channel: one open treatment per rule
            if existing.delivered_at is None and uow.treatments.mark_delivered(existing.treatment_id, at=now):
                uow.publish(_delivered(existing, at=now))
            served.append(Served(action=action, treatment=uow.treatments.get(existing.treatment_id) or existing))
            continue
        rule = rules.get(action.rule_id)
        if rule is None:
            continue
        uow.treatments.close_live(customer, rule_id=rule.rule_id, now=now)
        row = new_treatment(customer_id=customer, action=action, rule=rule, occurrence=LIVE, segment=segment,
                            now=now, delivered_at=now)
        uow.treatments.add(row)
        uow.publish(decided_event(row, action))
        uow.publish(_delivered(row, at=now))
        record = uow.treatments.get(row.treatment_id)
        assert record is not None
        served.append(Served(action=action, treatment=record))
    return served
