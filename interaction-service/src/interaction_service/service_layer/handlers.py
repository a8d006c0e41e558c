"""Event handlers: what identity's and treatment's events mean for interactions.

Each runs inside the consumer's open unit of work (which commits, with the inbox row) and
issues a bounded number of statements per event (set-based where many rows move)."""

from __future__ import annotations

import hashlib

from idic import CloudEvent, Handler, get_logger, utcnow
from idic.contracts import (
    CustomerErased,
    CustomerIdentified,
    CustomersMerged,
    CustomerUnmerged,
    CustomerUpdated,
    EventPayload,
    TreatmentDelivered,
    TreatmentOutcomeRecorded,
)

from ..adapters.uow import InteractionUnitOfWork
from ..config import Settings
from ..domain import triggers as rules
from ..domain.interactions import CHANNELS, CLIENT_KEY_MAX, NewInteraction
from .detection import fire, on_recorded
from .record import RecordPolicy, record_in, record_policy, recorded_event

log = get_logger(__name__)
OFFER_RESPONSE = "offer_response"
TREATMENT = "treatment"


def _erased(uow: InteractionUnitOfWork, *customer_ids: str) -> bool:
    return bool(uow.erasures.erased_among(customer_ids))


def link_keys(*, uow: InteractionUnitOfWork, keys: list[str], customer_id: str, original: str,
              policy: RecordPolicy) -> int:
    """Identity says these keys are this customer's: remember it, and give pending interactions
    carrying one of them their customer (and their InteractionRecorded, once)."""
    if not keys:
        return 0
    uow.identities.serialise_with_identity_events(exclusive=True)  # recording requests commit first, or wait
    uow.identities.link(keys=keys, customer_id=customer_id, original=original)
    linked = uow.identities.link_pending(keys=keys, customer_id=customer_id, original=original)
    if not linked:
        return 0
    for interaction in linked:
        uow.publish(recorded_event(interaction))
    on_recorded(uow=uow, interactions=linked, cfg=policy.triggers, now=utcnow())
    log.info("pending interactions linked", customer_id=customer_id, linked=len(linked))
    return len(linked)


def client_key(prefix: str, occurrence: str) -> str:
    """The client key naming one occurrence of another service's event (``prefix:occurrence``), so that
    redeliveries record once; hashed when longer than the client-key column (long treatment ids)."""
    key = f"{prefix}:{occurrence}"
    return key if len(key) <= CLIENT_KEY_MAX else f"{prefix}:" + hashlib.sha256(key.encode()).hexdigest()


IDENTITY_EVENTS = frozenset({CustomerIdentified.event_type, CustomerUpdated.event_type, CustomersMerged.event_type,
                             CustomerUnmerged.event_type, CustomerErased.event_type})
"""The events whose handlers link identifiers, move or delete interactions: applied under the exclusive lock."""


def identity_events_first(uow: InteractionUnitOfWork, events: list[tuple[CloudEvent, EventPayload]]) -> None:
    """A consumer batch takes the identity-events lock before anything else, in the strongest mode its events
    need: exclusive when one of them is an identity event, shared otherwise. A batch of treatment events
    alone then records beside the recording requests (shared too) instead of making every one of them wait
    for its commit; and no transaction ever asks for the exclusive lock while holding the shared one
    (two doing that would deadlock)."""
    if events:
        uow.identities.serialise_with_identity_events(
            exclusive=any(event.type in IDENTITY_EVENTS for event, _ in events))


def record_from_event(*, uow: InteractionUnitOfWork, item: NewInteraction, policy: RecordPolicy) -> None:
    """Record an interaction another service's event stands for, as a request would (the consumer commits).
    In a batch the lock is already held in the batch's mode (``identity_events_first``); applied alone (a
    batch's retry, record by record) it takes it shared, like a request: there is no later identity event in
    its transaction that could want it exclusive."""
    record_in(uow=uow, items=[item], policy=policy, now=utcnow())


def build_handlers(settings: Settings) -> dict[str, Handler]:
    """The consumer's handlers (event type -> handler), bound to the service's settings."""
    policy = record_policy(settings)

    def channel_of(treatment_channel: str | None) -> str:
        # treatments may name channels we do not have (sms) or none: the configured one stands in
        return treatment_channel if treatment_channel in CHANNELS else settings.offer_response_channel

    def on_identified(event: CustomerIdentified, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """Link the customer's identifier keys (and the interactions that waited for them)."""
        customer_id = uow.aliases.resolve(event.customer_id)
        if not _erased(uow, event.customer_id, customer_id):
            link_keys(uow=uow, keys=event.identifier_keys, customer_id=customer_id,
                      original=event.customer_id, policy=policy)

    def on_updated(event: CustomerUpdated, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """New identifier keys, a birthday to watch, a move (a life event)."""
        customer_id = uow.aliases.resolve(event.customer_id)
        if _erased(uow, event.customer_id, customer_id):
            return
        link_keys(uow=uow, keys=event.added_identifier_keys, customer_id=customer_id, original=event.customer_id,
                  policy=policy)
        if event.birthday_month_day is not None:
            uow.triggers.set_birthday(customer_id=customer_id, month_day=event.birthday_month_day)
        if event.moved and rules.MOVED in policy.triggers.enabled:
            fire(uow=uow, found=[rules.moved(customer_id=customer_id, event_id=envelope.id, at=envelope.time)],
                 now=utcnow())

    def on_merged(event: CustomersMerged, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """Re-key the merged customers' interactions and what we derived from them to the survivor."""
        # the event's survivor may itself have been merged away since, by a merge we applied first (merges
        # are keyed by their survivor, so two merges may come on different partitions): everything goes to
        # the survivor standing for it now, and recording the merge keeps that one standing. Requests recording
        # for a merged id commit first or wait; the lock comes before any row lock (customer_activity), or a
        # request holding it shared and waiting for such a row deadlocks with this batch's next identity event
        uow.identities.serialise_with_identity_events(exclusive=True)
        survivor = uow.aliases.resolve(event.customer_id)
        merged = [m for m in dict.fromkeys(event.merged_ids) if m != survivor]
        moved = uow.interactions.rekey(merged_ids=merged, survivor_id=survivor)
        uow.aliases.record_merge(survivor_id=survivor, merged_ids=merged, at=utcnow())
        uow.identities.rekey_links(merged_ids=merged, survivor_id=survivor)
        uow.triggers.rekey_triggers(merged_ids=merged, survivor_id=survivor)
        uow.triggers.move_birthdays(merged_ids=merged, survivor_id=survivor)
        uow.triggers.drop_activity(merged)
        uow.triggers.recompute_activity(survivor)
        log.info("interactions re-keyed", survivor_id=survivor, merged=len(merged), moved=moved)

    def on_unmerged(event: CustomerUnmerged, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """Give the restored customer back the interactions and identifier keys first recorded for it."""
        uow.identities.serialise_with_identity_events(exclusive=True)  # as a merge: before any row lock
        uow.aliases.undo_merge(restored_id=event.restored_id, survivor_id=event.customer_id)
        moved = uow.interactions.restore(restored_id=event.restored_id, from_id=event.customer_id)
        uow.identities.restore_links(restored_id=event.restored_id, from_id=event.customer_id)
        uow.triggers.recompute_activity(event.customer_id)
        uow.triggers.recompute_activity(event.restored_id)
        log.info("interactions restored", restored_id=event.restored_id, moved=moved)

    def on_erased(event: CustomerErased, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """GDPR art. 17: delete everything of the person, keep a tombstone without personal data (for the
        ids merged into them too: their interactions were re-keyed to the person and are deleted with them)."""
        cid = event.customer_id
        uow.identities.serialise_with_identity_events(exclusive=True)  # no request stores one more meanwhile
        deleted = uow.interactions.delete_customer(cid)
        merged = uow.aliases.forget(cid)
        uow.identities.drop_links(cid)
        uow.triggers.drop_triggers(cid)
        uow.triggers.drop_activity([cid])
        uow.triggers.drop_birthday(cid)
        uow.erasures.record([cid, *merged], at=event.erased_at)
        log.info("interactions erased", customer_id=cid, deleted=deleted)

    def on_outcome(event: TreatmentOutcomeRecorded, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """The customer answered a treatment: an offer_response on the timeline, once per outcome."""
        payload = {"treatment_id": event.treatment_id, "outcome": event.outcome, "action_id": event.action_id,
                   "kind": event.kind}
        if event.channel is not None:
            payload["treatment_channel"] = event.channel
        record_from_event(uow=uow, policy=policy, item=NewInteraction(
            client_key=client_key("treatment-outcome", f"{event.treatment_id}:{event.outcome}"),
            customer_id=event.customer_id, channel=channel_of(event.channel), type=OFFER_RESPONSE,
            direction="inbound", occurred_at=event.recorded_at, payload=payload))

    def on_delivered(event: TreatmentDelivered, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
        """A treatment reached the customer's side: one outbound interaction per treatment,
        whichever way (api or webhook) told us first."""
        payload = {"treatment_id": event.treatment_id, "action_id": event.action_id, "kind": event.kind,
                   "rule_id": event.rule_id, "via": event.via}
        if event.channel is not None:
            payload["treatment_channel"] = event.channel
        record_from_event(uow=uow, policy=policy, item=NewInteraction(
            client_key=client_key("treatment-delivered", event.treatment_id),  # no `via`: api and webhook once
            customer_id=event.customer_id, channel=channel_of(event.channel), type=TREATMENT,
            direction="outbound", occurred_at=event.delivered_at, payload=payload))

    return {
        CustomerIdentified.event_type: on_identified,
        CustomerUpdated.event_type: on_updated,
        CustomersMerged.event_type: on_merged,
        CustomerUnmerged.event_type: on_unmerged,
        CustomerErased.event_type: on_erased,
        TreatmentOutcomeRecorded.event_type: on_outcome,
        TreatmentDelivered.event_type: on_delivered,
    }
