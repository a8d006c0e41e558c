"""Webhook subscriptions, and the fan-out of every consumed event into the deliveries outbox.

The fan-out runs in its own consumer group, inside the transaction that records the event in
the inbox: a redelivered event makes no second delivery, and an event is never lost between
Kafka and the outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from idic import CloudEvent, Handler, ProblemError, get_logger, utcnow
from idic.contracts import EVENT_TYPES, CustomerErased, EventPayload
from idic.public.webhooks import event_name

from ..adapters.uow import TreatmentUnitOfWork
from ..config import Settings
from ..domain.webhooks import DeliveryRecord, WebhookRecord, new_delivery_id, new_secret, new_webhook_id
from .services import UowFactory, _not_found

log = get_logger(__name__)
# an outbound treatment (one with a channel) for a customer who refused contact is never delivered
OUTBOUND_TREATMENT_EVENTS = {"idic.treatment.decided.v1", "idic.treatment.delivered.v1"}


def create_webhook(*, url: str, events: list[str], description: str | None,
                   uow_factory: UowFactory) -> WebhookRecord:
    """A new active subscription with a fresh signing secret."""
    now = utcnow()
    with uow_factory() as uow:
        created = uow.webhooks.add(WebhookRecord(webhook_id=new_webhook_id(), url=url, events=sorted(set(events)),
                                                 secret=new_secret(), description=description, active=True,
                                                 created_at=now, updated_at=now))
        uow.commit()
    log.info("webhook created", webhook_id=created.webhook_id, events=created.events)
    return created


def list_webhooks(*, uow_factory: UowFactory) -> list[WebhookRecord]:
    """Every subscription, oldest first."""
    with uow_factory() as uow:
        return uow.webhooks.all()


def get_webhook(*, webhook_id: str, uow_factory: UowFactory) -> WebhookRecord:
    """One subscription; 404 when unknown."""
    with uow_factory() as uow:
        found = uow.webhooks.get(webhook_id)
    if found is None:
        raise _not_found(f"webhook {webhook_id} not found")
    return found


def update_webhook(*, webhook_id: str, changes: dict[str, Any], uow_factory: UowFactory) -> WebhookRecord:
    """Change url, events, description or active (none: the subscription as it is); 404 when unknown."""
    if "events" in changes:
        changes["events"] = sorted(set(changes["events"]))
    with uow_factory() as uow:
        updated = (uow.webhooks.update(webhook_id, {**changes, "updated_at": utcnow()}) if changes
                   else uow.webhooks.get(webhook_id))
        if updated is None:
            raise _not_found(f"webhook {webhook_id} not found")
        uow.commit()
    return updated


def delete_webhook(*, webhook_id: str, uow_factory: UowFactory) -> None:
    """End the subscription: its pending deliveries are dropped, nothing more is sent."""
    with uow_factory() as uow:
        if not uow.webhooks.delete(webhook_id):
            raise _not_found(f"webhook {webhook_id} not found")
        uow.commit()


def page_deliveries(*, webhook_id: str, status: str | None, limit: int, before: tuple[dt.datetime, str] | None,
                    uow_factory: UowFactory) -> list[DeliveryRecord]:
    """A page of the subscription's deliveries, newest first; 404 for an unknown webhook."""
    with uow_factory() as uow:
        if uow.webhooks.get(webhook_id) is None:
            raise _not_found(f"webhook {webhook_id} not found")
        return uow.webhooks.page(webhook_id, status=status, limit=limit, before=before)


def retry_delivery(*, webhook_id: str, delivery_id: str, max_age_s: float,
                   uow_factory: UowFactory) -> DeliveryRecord:
    """Send a failed (or pending) delivery again now, same webhook-id, with a fresh retry window;
    409 for a succeeded one or one whose body was erased."""
    now = utcnow()
    with uow_factory() as uow:
        found = uow.webhooks.get_delivery(webhook_id, delivery_id)
        if found is None:
            raise _not_found(f"delivery {delivery_id} of webhook {webhook_id} not found")
        if found.status == "succeeded":
            raise ProblemError(409, "Conflict", f"delivery {delivery_id} already succeeded", status_now=found.status)
        if found.erased:
            raise ProblemError(409, "Conflict", f"delivery {delivery_id} was erased with its customer")
        uow.webhooks.retry(delivery_id, now=now, give_up_at=now + dt.timedelta(seconds=max_age_s))
        updated = uow.webhooks.get_delivery(webhook_id, delivery_id)
        uow.commit()
    assert updated is not None
    return updated


def _refuses_contact(consent: dict[str, bool]) -> bool:
    return consent.get("do_not_contact") is True or consent.get("contact") is False


def flush_deliveries(uow: TreatmentUnitOfWork) -> int:
    """Insert the deliveries queued by this batch's events, in one statement, but none about a person
    erased here, nor an outbound treatment (one with a channel) for a customer whose stored consent
    refuses contact; two or three queries for the whole batch. Returns how many were inserted."""
    queued = uow.webhooks.take_queued()
    if not queued:
        return 0
    erased = uow.erasures.erased_among({r["customer_id"] for r in queued if r["customer_id"]
                                        and r["event_type"] != CustomerErased.event_type})
    outbound = {r["id"] for r in queued if r.pop("_outbound")}
    survivors = uow.aliases.resolve_many({r["customer_id"] for r in queued if r["id"] in outbound and r["customer_id"]})
    consents = uow.contexts.consents(set(survivors.values()))
    refusing = {c for c, survivor in survivors.items()
                if survivor in consents and _refuses_contact(consents[survivor])}
    rows = [r for r in queued if r["customer_id"] not in erased or r["event_type"] == CustomerErased.event_type]
    kept = [r for r in rows if not (r["id"] in outbound and r["customer_id"] in refusing)]
    if len(kept) < len(queued):
        log.info("webhook deliveries withheld", erased=len(queued) - len(rows), refused_contact=len(rows) - len(kept))
    uow.webhooks.add_deliveries(kept)
    return len(kept)


def fan_out(payload: EventPayload, envelope: CloudEvent, uow: TreatmentUnitOfWork, *, max_age_s: float) -> int:
    """Queue one pending delivery per active subscription to this event's name that existed when it
    occurred (``flush_deliveries`` inserts them before the batch commits); returns how many. A
    customer's erasure also erases the bodies of their deliveries, and later events about them
    (once this service applied the erasure) are not delivered."""
    name = event_name(envelope.type)
    now = utcnow()
    if isinstance(payload, CustomerErased):
        flush_deliveries(uow)  # earlier events of this consumer batch are erased too
        ids = [payload.customer_id, *uow.aliases.merged_into(payload.customer_id)]
        uow.webhooks.erase_bodies(ids, keep_event_id=envelope.id, now=now)
    subscribers = [w for w in uow.webhooks.active() if name in w.events and w.created_at <= envelope.time]
    if not subscribers:
        return 0
    body = envelope.to_json_bytes().decode()
    give_up_at = now + dt.timedelta(seconds=max_age_s)
    outbound = envelope.type in OUTBOUND_TREATMENT_EVENTS and envelope.data.get("channel") is not None

    def flush() -> None:
        flush_deliveries(uow)
    uow.before_commit("webhook-deliveries", flush)
    uow.webhooks.queue_deliveries([
        {"id": new_delivery_id(), "webhook_id": w.webhook_id, "event_id": envelope.id, "event_type": envelope.type,
         "customer_id": envelope.subject, "body": body, "status": "pending", "attempts": 0, "next_attempt_at": now,
         "give_up_at": give_up_at, "created_at": now, "_outbound": outbound} for w in subscribers])
    return len(subscribers)


def build_fan_out_handlers(settings: Settings) -> dict[str, Handler]:
    """The webhooks consumer's handlers, built like every consumer's (``handlers.build_handlers``): one
    for every event type in the contracts, since a subscriber may ask for any."""
    max_age_s = settings.webhook_max_age_s

    def handle(payload: Any, envelope: CloudEvent, uow: Any) -> None:
        fan_out(payload, envelope, uow, max_age_s=max_age_s)

    return {event_type: handle for event_type in EVENT_TYPES}
