"""Event handlers of scoring-service: ``handler(payload, envelope, uow)``.

The idic consumer opens the unit of work, skips events already in the inbox, and commits;
handlers never commit. Each does O(1) work per event (a merge: per merged customer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from idic import CloudEvent, Handler, utcnow
from idic.contracts import CustomerErased, CustomerScored, CustomersMerged, CustomerUnmerged, InteractionRecorded

from ..adapters.uow import ScoringUnitOfWork
from ..domain.features import CustomerFeatures, Interaction, apply_interaction, fold
from ..domain.value import CustomerScores, is_material_change, rescore, snapshot


def _rescore_and_announce(*, uow: ScoringUnitOfWork, before_features: CustomerFeatures | None,
                          features: CustomerFeatures, now: dt.datetime) -> None:
    """Store the new features and scores; publish CustomerScored if the value changed materially."""
    before_scores = uow.scores.get(features.customer_id)
    before = snapshot(before_features, before_scores)
    scores = rescore(features=features, scores=before_scores, now=now)
    uow.features.save(features, now=now)
    uow.scores.save(scores)
    if is_material_change(before, snapshot(features, scores)):
        uow.publish(_scored_event(features, scores))


def _scored_event(features: CustomerFeatures, scores: CustomerScores) -> CustomerScored:
    return CustomerScored(
        customer_id=features.customer_id, scored_at=scores.scored_at, frequency=features.frequency,
        monetary=features.monetary, currency=features.currency, tier=scores.tier,  # type: ignore[arg-type]
        rfm_segment=scores.rfm_segment, clv_12m=scores.clv_12m, p_alive=scores.p_alive,
        churn_risk=scores.churn_risk,
    )


def interaction_recorded(event: InteractionRecorded, _envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
    """Add one interaction to its customer's features (the survivor's, if merged)."""
    customer_id = uow.aliases.resolve(event.customer_id)
    before = uow.features.get(customer_id, for_update=True)
    features = CustomerFeatures(customer_id=customer_id) if before is None else _copy(before)
    apply_interaction(features, Interaction(
        channel=event.channel, type=event.type, occurred_at=event.occurred_at, amount=event.amount,
        currency=event.currency, cost=event.cost, nps=event.nps, csat=event.csat,
    ))
    _rescore_and_announce(uow=uow, before_features=before, features=features, now=utcnow())


def customers_merged(event: CustomersMerged, _envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
    """Fold the merged customers' features into the survivor's and forget theirs."""
    now = utcnow()
    survivor_id = uow.aliases.resolve(event.customer_id)
    before = uow.features.get(survivor_id, for_update=True)
    features = CustomerFeatures(customer_id=survivor_id) if before is None else _copy(before)
    changed = False
    for merged_id in dict.fromkeys(event.merged_ids):
        if merged_id == survivor_id:
            continue
        merged = uow.features.get(merged_id, for_update=True)
        if merged is not None:
            fold(features, merged)
            uow.features.delete(merged_id)
            changed = True
        uow.scores.delete(merged_id)
        uow.aliases.point(merged_id=merged_id, survivor_id=survivor_id, now=now)
    if changed:
        _rescore_and_announce(uow=uow, before_features=before, features=features, now=now)


def customer_unmerged(event: CustomerUnmerged, _envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
    """New events for the restored customer count for it again. What it brought stays with
    the former survivor: aggregates cannot be split without the history they summarise."""
    uow.aliases.remove(event.restored_id)


def customer_erased(event: CustomerErased, _envelope: CloudEvent, uow: ScoringUnitOfWork) -> None:
    """GDPR erasure: delete the customer's features, scores and merge aliases."""
    uow.features.delete(event.customer_id)
    uow.scores.delete(event.customer_id)
    uow.aliases.forget(event.customer_id)


def _copy(features: CustomerFeatures) -> CustomerFeatures:
    """A working copy, so that ``before`` stays the state before the event."""
    return replace(features, channel_counts=dict(features.channel_counts),
                   monetary_other=dict(features.monetary_other))


HANDLERS: dict[str, Handler] = {
    InteractionRecorded.event_type: interaction_recorded,
    CustomersMerged.event_type: customers_merged,
    CustomerUnmerged.event_type: customer_unmerged,
    CustomerErased.event_type: customer_erased,
}
