"""Event handlers: keep each customer's context current and decide real-time treatments.

They run inside the consumer's unit of work (the consumer commits, together with its
inbox row), possibly several events per transaction; every write is flushed so the next
handler sees it. Each is O(1) per event (a merge: O(number of merged ids))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from idic import CloudEvent, Handler, get_logger, utcnow
from idic.contracts import (
    CustomerErased,
    CustomerScored,
    CustomersMerged,
    CustomerUnmerged,
    CustomerUpdated,
    EventPayload,
    InteractionRecorded,
    SegmentChanged,
    TriggerDetected,
)
from idic.identities import identity_changes_first, serialised_with_identity_changes

from ..adapters.uow import TreatmentUnitOfWork
from ..domain.context import CUSTOMER_ID_LENGTH, CustomerContext
from ..domain.facts import EventFacts, FactView
from ..domain.lifecycle import in_control
from ..domain.next_best_actions import newly_decided, segment_of
from .decisions import LazyPropensities, view_of
from .outcomes import convert_on_purchase
from .serving import decided_event, new_treatment

if TYPE_CHECKING:
    from ..config import Settings

log = get_logger(__name__)
Change = Callable[[CustomerContext, dt.datetime], bool]


HISTORY_AFTER = dt.timedelta(days=1)
"""An interaction or trigger that occurred longer ago than this when it arrives is history (an import, a
backfill of last year's purchases): it updates the customer's context, it is no moment to act on. Without
this, loading two years of purchases sent a welcome message for every first purchase made two years ago."""


def _moment(occurred_at: dt.datetime, facts: EventFacts) -> EventFacts | None:
    """The event's facts when it is recent enough to decide on, else None (context only)."""
    return facts if utcnow() - occurred_at <= HISTORY_AFTER else None


class InvalidCustomerId(ValueError):
    """An event names a customer id we cannot store (dead-lettered by the consumer)."""


def checked_id(customer_id: str) -> str:
    """The id if storable: non-empty, bounded, no NUL (PostgreSQL rejects it)."""
    if not customer_id or len(customer_id) > CUSTOMER_ID_LENGTH or "\x00" in customer_id:
        raise InvalidCustomerId(f"customer id must be 1-{CUSTOMER_ID_LENGTH} characters without NUL")
    return customer_id


def _live_target(uow: TreatmentUnitOfWork, customer_id: str) -> str | None:
    """The survivor standing for this id, or None when that person was erased."""
    target = uow.aliases.resolve(checked_id(customer_id))
    if uow.erasures.is_erased(target):
        log.info("event for an erased customer ignored", customer_id=target)
        return None
    return target


def _update_context(uow: TreatmentUnitOfWork, *, customer_id: str, envelope: CloudEvent, change: Change,
                    event: EventFacts | None, target: str | None = None) -> None:
    """Apply ``change`` to the survivor's context and (for ``event``) decide what newly fires.
    ``target``: the survivor, when the caller already resolved it (one alias and tombstone lookup per event)."""
    target = target or _live_target(uow, customer_id)
    if target is None:
        return
    now = utcnow()
    context = uow.contexts.get(target)
    before = context.snapshot() if context is not None else CustomerContext.new(target, now=now)
    context = context or CustomerContext.new(target, now=now)
    if not change(context, now):
        return
    uow.contexts.save(context)
    if event is not None:
        _decide(uow, before=before, after=context, envelope=envelope, now=now, event=event)


def _decide(uow: TreatmentUnitOfWork, *, before: CustomerContext, after: CustomerContext, envelope: CloudEvent,
            now: dt.datetime, event: EventFacts) -> None:
    """Record and publish (same transaction) each rule firing not decided before."""
    rules = uow.rules.active()
    if not rules:
        return
    policy = uow.rules.policy()
    after_view = view_of(uow, after, now=now, policy=policy, event=event)
    before_view = FactView(ctx=before, now=now, event=None, history=list(after_view.history))
    customer = after.customer_id
    decisions = newly_decided(
        rules, before=before_view, after=after_view, policy=policy, event_id=envelope.id,
        propensities=LazyPropensities(uow, segment_of(after_view)),
        already=lambda rule_id, occurrence: uow.treatments.exists(customer_id=customer, rule_id=rule_id,
                                                                  occurrence=occurrence))
    for decision in decisions:
        action = decision.action
        rule = rules.get(action.rule_id)
        if rule is None:
            continue
        control = in_control(customer, rule.rule_id, rule.doc.control_share)
        treatment = new_treatment(customer_id=customer, action=action, rule=rule, occurrence=decision.occurrence,
                                  segment=decision.segment, now=now, cause_event_id=envelope.id[:64], control=control)
        uow.treatments.add(treatment)
        if control:  # held back: recorded to measure uplift, never sent
            continue
        uow.publish(decided_event(treatment, action, cause_event_id=envelope.id))
        log.info("treatment decided", customer_id=after.customer_id, rule_id=action.rule_id,
                 treatment_id=treatment.treatment_id)


def on_customer_scored(payload: CustomerScored, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """New value facts (tier, CLV, churn risk, RFM) for the customer."""
    _update_context(uow, customer_id=payload.customer_id, envelope=envelope,
                    change=lambda c, now: c.apply_scored(payload, now=now), event=EventFacts(type="scored"))


def on_interaction_recorded(payload: InteractionRecorded, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """One more interaction (counters per channel and type, last interaction, purchases); a
    purchase converts the treatments it is attributed to."""
    target = _live_target(uow, payload.customer_id)
    if target is None:
        return
    convert_on_purchase(uow, customer_id=target, purchase=payload)
    _update_context(uow, customer_id=payload.customer_id, envelope=envelope, target=target,
                    change=lambda c, now: c.apply_interaction(payload, now=now),
                    event=_moment(payload.occurred_at, EventFacts(
                        type="interaction", interaction_type=payload.type[:64], channel=payload.channel)))


def on_trigger_detected(payload: TriggerDetected, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """A trigger joins the customer's bounded list of recent triggers."""
    _update_context(uow, customer_id=payload.customer_id, envelope=envelope,
                    change=lambda c, now: c.apply_trigger(payload, now=now),
                    event=_moment(payload.occurred_at, EventFacts(type="trigger", trigger_kind=payload.kind[:64])))


def on_segment_changed(payload: SegmentChanged, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """The customer entered or left a segment (rules may react to entering one)."""
    _update_context(uow, customer_id=payload.customer_id, envelope=envelope,
                    change=lambda c, now: c.apply_segment(payload, now=now), event=EventFacts(type="segment"))


def on_customer_updated(payload: CustomerUpdated, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """Consent (applied to every later decision), birthday and move. A profile change is
    not a reason to contact anyone, so it decides nothing by itself."""
    if payload.consent is None and payload.birthday_month_day is None and not payload.moved:
        return  # nothing we keep: do not create a context for it
    _update_context(uow, customer_id=payload.customer_id, envelope=envelope,
                    change=lambda c, now: c.apply_profile(payload, now=now), event=None)


def on_customers_merged(payload: CustomersMerged, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """Fold the merged customers' contexts and treatments into the survivor's.

    A merge is not customer behaviour, so it decides no treatment by itself."""
    survivor = uow.aliases.resolve(checked_id(payload.customer_id))
    if uow.erasures.is_erased(survivor):
        return
    now = utcnow()
    merged_ids = [m for m in dict.fromkeys(checked_id(m) for m in payload.merged_ids)
                  if m != survivor and not uow.erasures.is_erased(m)]
    for merged_id in merged_ids:
        merged = uow.contexts.get(merged_id)
        if merged is not None:
            context = uow.contexts.get(survivor) or CustomerContext.new(survivor, now=merged.created_at)
            context.fold(merged, now=now)
            uow.contexts.save(context)
            uow.contexts.delete(merged_id)
        uow.treatments.rekey(from_id=merged_id, to_id=survivor)
    uow.aliases.record_merge(survivor_id=survivor, merged_ids=merged_ids, at=now)


def on_customer_unmerged(payload: CustomerUnmerged, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """Events for the restored id apply to its own context again (what was folded stays)."""
    uow.aliases.undo_merge(restored_id=checked_id(payload.restored_id), survivor_id=checked_id(payload.customer_id))


def on_customer_erased(payload: CustomerErased, envelope: CloudEvent, uow: TreatmentUnitOfWork) -> None:
    """GDPR art. 17: delete the context, aliases and treatments of the id and of the ids merged into it,
    and the bodies of their webhook deliveries; keep only a tombstone of each id."""
    customer_id = checked_id(payload.customer_id)
    erased = [customer_id, *uow.aliases.forget(customer_id)]
    uow.contexts.delete(customer_id)
    uow.erasures.record(erased, at=payload.erased_at)
    uow.treatments.delete_for(erased)
    # The webhooks consumer (a group of its own) erases delivery bodies too, but it learns the merged ids
    # from these aliases, which this consumer may have forgotten first: erase what they cover here.
    uow.webhooks.erase_bodies(erased, keep_event_id=envelope.id, now=utcnow())


def prepare_batch(uow: TreatmentUnitOfWork, events: list[tuple[CloudEvent, EventPayload]]) -> None:
    """Before a consumer batch: load the aliases, tombstones and contexts its events will read, in three
    queries, a fourth when some ids were merged away (applying history, a query or two per event less: see
    the README's performance section). The repositories remember what they found for the transaction;
    merges, unmerges and erasures keep it true."""
    identity_changes_first()(uow, events)  # before the reads: a merge another consumer applies is ordered
    ids = {payload.customer_id for _, payload in events if isinstance(payload, _ABOUT_ONE_CUSTOMER)}
    survivors = set(uow.aliases.prefetch({c for c in ids if c}).values())
    uow.erasures.prefetch(survivors)
    uow.contexts.prefetch(survivors)


_ABOUT_ONE_CUSTOMER = (CustomerScored, InteractionRecorded, TriggerDetected, SegmentChanged, CustomerUpdated)


def build_handlers(settings: Settings) -> dict[str, Handler]:
    """event type -> handler of the context consumer (its batches go through ``prepare_batch`` first).
    No handler reads a setting yet: one that needs some is bound to ``settings`` here, as in every service."""
    return serialised_with_identity_changes({
        CustomerScored.event_type: on_customer_scored,
        InteractionRecorded.event_type: on_interaction_recorded,
        TriggerDetected.event_type: on_trigger_detected,
        CustomersMerged.event_type: on_customers_merged,
        CustomerUnmerged.event_type: on_customer_unmerged,
        CustomerErased.event_type: on_customer_erased,
        CustomerUpdated.event_type: on_customer_updated,
        SegmentChanged.event_type: on_segment_changed,
    })
