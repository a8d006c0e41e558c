"""Event handlers of scoring-service: ``handler(payload, envelope, uow)``, bound to the settings
by ``build_handlers``.

The idic consumer opens the unit of work, skips events already in the inbox, and commits;
handlers never commit. Each does O(1) work per event (a merge: per merged customer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from idic import CloudEvent, Handler, utcnow
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

from ..adapters.uow import ScoringUnitOfWork
from ..domain import reports
from ..domain.features import PURCHASE, CustomerFeatures, Interaction, apply_interaction, apply_trigger, fold
from ..domain.scoring import ScoringConfig
from ..domain.value import CustomerScores, is_material_change, snapshot
from .scorer import score

if TYPE_CHECKING:
    from ..config import Settings


def _store_and_queue_rescore(*, uow: ScoringUnitOfWork, before_features: CustomerFeatures | None,
                             features: CustomerFeatures, now: dt.datetime, config: ScoringConfig) -> None:
    """Store the new features; the customer is re-scored when the transaction commits, once
    for all the events of a consumer batch and vectorised over the batch's customers
    (``rescore_pending``). ``before_features``: the state before this event."""
    uow.features.save(features, now=now)
    _queue_rescore(uow, features.customer_id, before_features, config=config)


def _queue_rescore(uow: ScoringUnitOfWork, customer_id: str, before_features: CustomerFeatures | None, *,
                   config: ScoringConfig) -> None:
    uow.rescore_queue.setdefault(customer_id, before_features)  # the state before the batch
    uow.before_commit("rescore", lambda: rescore_pending(uow, config=config))


def rescore_pending(uow: ScoringUnitOfWork, *, config: ScoringConfig) -> None:
    """Score every customer changed in this transaction under the stored models; publish
    CustomerScored if the value changed materially since before the transaction, and
    SegmentChanged per segment entered or left. Customers merged away or erased since are
    skipped (their scores are gone with them). First, the transaction's interactions go into the
    reports' day counts (``write_interaction_days``)."""
    queued, uow.rescore_queue = uow.rescore_queue, {}
    current = uow.features.get_many(list(queued))
    for refused in uow.refusals.among(list(current)):  # refused profiling: features count, nothing is scored
        del current[refused]
    if not current:
        write_interaction_days(uow, tiers={})
        return
    now = utcnow()
    previous = uow.scores.get_many(list(current))
    # the reports' day counts go under the tier each customer held before this batch: the scores just read
    write_interaction_days(uow, tiers={customer: scores.tier for customer, scores in previous.items()})
    scored = score(list(current.values()), models=uow.models.all(), rule_segments=uow.segments.rules(),
                   previous=previous, now=now, config=config)
    uow.scores.save_many(scored, new_ids=set(current) - set(previous))
    for features, scores in zip(current.values(), scored, strict=True):
        before_scores = previous.get(features.customer_id)
        if is_material_change(snapshot(queued[features.customer_id], before_scores), snapshot(features, scores)):
            uow.publish(_scored_event(features, scores))
        announce_segments(uow=uow, customer_id=features.customer_id,
                          before=before_scores.segments if before_scores else [], after=scores.segments, now=now)


def announce_segments(*, uow: ScoringUnitOfWork, customer_id: str, before: list[str], after: list[str],
                      now: dt.datetime) -> None:
    """Keep segment membership and publish SegmentChanged for each entry and exit."""
    entered = [s for s in after if s not in before]
    left = [s for s in before if s not in after]
    if not entered and not left:
        return
    uow.segments.set_membership(customer_id, entered=entered, left=left, now=now)
    for segment_id in left:
        uow.publish(SegmentChanged(customer_id=customer_id, segment_id=segment_id, entered=False, changed_at=now))
    for segment_id in entered:
        uow.publish(SegmentChanged(customer_id=customer_id, segment_id=segment_id, entered=True, changed_at=now))


def _scored_event(features: CustomerFeatures, scores: CustomerScores) -> CustomerScored:
    return CustomerScored(
        customer_id=features.customer_id, scored_at=scores.scored_at, frequency=features.frequency,
        monetary=features.monetary, currency=features.currency, tier=scores.tier,  # type: ignore[arg-type]
        rfm_segment=scores.rfm_segment, clv_12m=scores.clv_12m, p_alive=scores.p_alive,
        churn_risk=scores.churn_risk,
    )


def interaction_recorded(event: InteractionRecorded, _envelope: CloudEvent, uow: ScoringUnitOfWork, *,
                         config: ScoringConfig) -> None:
    """Add one interaction to its customer's features (the survivor's, if merged)."""
    customer_id = uow.aliases.resolve(event.customer_id)
    before = uow.features.get(customer_id, for_update=True)
    features = CustomerFeatures(customer_id=customer_id) if before is None else _copy(before)
    interaction = Interaction(
        channel=event.channel, type=event.type, occurred_at=event.occurred_at, amount=event.amount,
        currency=event.currency, cost=event.cost, nps=event.nps, csat=event.csat,
        category=event.category,
    )
    counted = apply_interaction(features, interaction)
    _count_for_reports(uow, event, customer_id)
    if event.type == PURCHASE:
        # the day table says whether this UTC day already had a purchase (same-day purchases are one)
        if uow.days.add(customer_id, event.occurred_at.astimezone(dt.UTC).date(), counted):
            features.purchase_days += 1
    _store_and_queue_rescore(uow=uow, before_features=before, features=features, now=utcnow(), config=config)


def _count_for_reports(uow: ScoringUnitOfWork, event: InteractionRecorded, customer_id: str) -> None:
    """Keep the interaction for the channels and feedback reports. Its day counts are written once per
    transaction by ``rescore_pending`` (which every interaction queues), under the tier the customer held
    before this batch (the scores it reads before re-scoring)."""
    uow.interaction_days.append((event.occurred_at.astimezone(dt.UTC).date(), event.channel, customer_id,
                                 event.currency or "", reports.interaction_counts(
                                     is_purchase=event.type == PURCHASE, amount=event.amount, cost=event.cost,
                                     nps=event.nps, csat=event.csat)))


def write_interaction_days(uow: ScoringUnitOfWork, *, tiers: dict[str, str | None]) -> None:
    """The transaction's interactions summed per (day, channel, tier, currency), added in one upsert;
    ``tiers``: each customer's tier before this batch (none: not tiered, or gone from the batch)."""
    kept, uow.interaction_days = uow.interaction_days, []
    if not kept:
        return
    summed: dict[tuple[Any, str, str, str], list[int]] = {}
    for day, channel, customer, currency, counts in kept:
        key = (day, channel, tiers.get(customer) or "", currency)
        summed[key] = [a + b for a, b in zip(summed.get(key, [0] * len(counts)), counts, strict=True)]
    uow.reports.add_interaction_days([(*key, counts) for key, counts in sorted(summed.items())])


def trigger_detected(event: TriggerDetected, _envelope: CloudEvent, uow: ScoringUnitOfWork, *,
                     config: ScoringConfig) -> None:
    """Count a trigger; a lapse after the last purchase raises churn risk."""
    customer_id = uow.aliases.resolve(event.customer_id)
    before = uow.features.get(customer_id, for_update=True)
    if before is None:
        return  # a trigger about a customer without interactions carries nothing to score
    features = _copy(before)
    apply_trigger(features, kind=event.kind, occurred_at=event.occurred_at)
    _store_and_queue_rescore(uow=uow, before_features=before, features=features, now=utcnow(), config=config)


def customers_merged(event: CustomersMerged, _envelope: CloudEvent, uow: ScoringUnitOfWork, *,
                     config: ScoringConfig) -> None:
    """Fold the merged customers' features into the survivor's and forget theirs."""
    now = utcnow()
    survivor_id = uow.aliases.resolve(event.customer_id)
    before = uow.features.get(survivor_id, for_update=True)
    features = CustomerFeatures(customer_id=survivor_id) if before is None else _copy(before)
    changed = False
    merged_ids = [m for m in dict.fromkeys(event.merged_ids) if m != survivor_id]
    for merged_id in merged_ids:
        merged = uow.features.get(merged_id, for_update=True)
        if merged is not None:
            fold(features, merged)
            features.purchase_days, features.first_day_amount = uow.days.move(from_id=merged_id, to_id=survivor_id)
            uow.features.delete(merged_id)
            changed = True
        uow.scores.delete(merged_id)
        uow.segments.forget(merged_id)
    uow.aliases.record_merge(survivor_id=survivor_id, merged_ids=merged_ids, at=now)
    if changed:
        _store_and_queue_rescore(uow=uow, before_features=before, features=features, now=now, config=config)


def customer_unmerged(event: CustomerUnmerged, _envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
    """New events for the restored customer count for it again. What it brought stays with
    the former survivor: aggregates cannot be split without the history they summarise."""
    uow.aliases.undo_merge(restored_id=event.restored_id, survivor_id=event.customer_id)


def customer_erased(event: CustomerErased, _envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
    """GDPR erasure: delete everything about the customer (and the ids merged into it); keep a tombstone
    of each id, stamped with the time of the erasure (the event's ``erased_at``, not when it arrived)."""
    erased = [event.customer_id, *uow.aliases.forget(event.customer_id)]
    for customer_id in erased:
        uow.features.delete(customer_id)
        uow.scores.delete(customer_id)
        uow.days.delete(customer_id)
        uow.segments.forget(customer_id)
        uow.refusals.remove(customer_id)
    uow.erasures.record(erased, at=event.erased_at)


def customer_updated(event: CustomerUpdated, _envelope: CloudEvent, uow: ScoringUnitOfWork, *,
                     config: ScoringConfig) -> None:
    """Consent ``profiling: false``: delete the customer's scores and segment memberships (announcing
    each exit) and score them no more; ``profiling: true`` again: re-score them at once."""
    if event.consent is None or "profiling" not in event.consent:
        return
    customer_id = uow.aliases.resolve(event.customer_id)
    now = utcnow()
    if not event.consent["profiling"]:
        if uow.refusals.add(customer_id, now=now):
            scores = uow.scores.get(customer_id)
            uow.scores.delete(customer_id)
            announce_segments(uow=uow, customer_id=customer_id, before=scores.segments if scores else [],
                              after=[], now=now)
            uow.segments.forget(customer_id)  # also memberships a score row no longer listed
        return
    if uow.refusals.remove(customer_id):
        features = uow.features.get(customer_id)
        if features is not None:  # scored from the features kept meanwhile, as a customer seen anew
            _queue_rescore(uow, customer_id, None, config=config)


def _copy(features: CustomerFeatures) -> CustomerFeatures:
    """A working copy, so that ``before`` stays the state before the event."""
    return replace(features, channel_counts=dict(features.channel_counts),
                   monetary_other=dict(features.monetary_other), daypart_counts=dict(features.daypart_counts),
                   category_counts=dict(features.category_counts), trigger_counts=dict(features.trigger_counts))


def _beside_population_runs(handler: Handler) -> Handler:
    """The handler, first waiting for a population run in progress (see adapters.locks)."""

    def handle(event: Any, envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
        uow.wait_for_population_runs()
        handler(event, envelope, uow)

    handle.__doc__ = getattr(handler, "func", handler).__doc__  # a partial's own __doc__ is partial's
    return handle


def build_handlers(settings: Settings) -> dict[str, Handler]:
    """event type -> handler of the consumer, bound to the settings' scoring thresholds (tiers, churn, CLV)."""
    config = settings.scoring
    handlers: dict[str, Handler] = {
        InteractionRecorded.event_type: partial(interaction_recorded, config=config),
        CustomersMerged.event_type: partial(customers_merged, config=config),
        CustomerUnmerged.event_type: customer_unmerged,
        CustomerErased.event_type: customer_erased,
        CustomerUpdated.event_type: partial(customer_updated, config=config),
        TriggerDetected.event_type: partial(trigger_detected, config=config),
    }
    # a population run first, then merges and erasures against the rest (several consumers: replicas)
    return {event_type: _beside_population_runs(handler)
            for event_type, handler in serialised_with_identity_changes(handlers).items()}


def prepare_batch(uow: ScoringUnitOfWork, events: list[tuple[CloudEvent, EventPayload]]) -> None:
    """Before a consumer batch: the locks its handlers take, in their order and the strongest mode any of
    them needs, so that no batch asks for a stronger lock half-way (two would deadlock)."""
    uow.wait_for_population_runs()
    identity_changes_first()(uow, events)
