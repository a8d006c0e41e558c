"""Running the trigger detectors: on recorded interactions, on identity events, and by scan."""

from __future__ import annotations

import datetime as dt
import uuid

from idic import get_logger
from idic.contracts import TriggerDetected

from ..adapters.uow import InteractionUnitOfWork
from ..domain import triggers as rules
from ..domain.interactions import StoredInteraction
from ..domain.triggers import Activity, Detected, Seen, TriggerConfig

log = get_logger(__name__)
_TRIGGER_EVENT_IDS = uuid.UUID("5b0c3f7e-8a52-4d7e-9d0b-6f1f3e2a9c41")  # namespace of TriggerDetected ids


def fire(*, uow: InteractionUnitOfWork, found: list[Detected], now: dt.datetime) -> list[Detected]:
    """Store and announce the triggers not seen before (their ids name the occurrence)."""
    unique = list({d.trigger_id: d for d in found}.values())
    if not unique:
        return []
    existing = uow.triggers.existing_triggers([d.trigger_id for d in unique])
    new = [d for d in unique if d.trigger_id not in existing]
    uow.triggers.add_triggers(new, at=now)
    for d in new:
        # a deterministic event id too, so a consumer's inbox also recognises a repeat
        uow.publish(TriggerDetected(trigger_id=d.trigger_id, customer_id=d.customer_id, kind=d.kind,
                                    occurred_at=d.occurred_at, interaction_id=d.interaction_id, details=d.details),
                    event_id=str(uuid.uuid5(_TRIGGER_EVENT_IDS, d.trigger_id)))
    return new


def _seen(interaction: StoredInteraction) -> Seen:
    if interaction.customer_id is None:
        raise ValueError(f"interaction {interaction.interaction_id} is pending: no customer, no trigger")
    return Seen(interaction_id=interaction.interaction_id, customer_id=interaction.customer_id,
                type=interaction.type, occurred_at=interaction.occurred_at, amount=interaction.amount,
                currency=interaction.currency, nps=interaction.nps, life_event=interaction.payload.get("life_event"))


def on_recorded(*, uow: InteractionUnitOfWork, interactions: list[StoredInteraction], cfg: TriggerConfig,
                now: dt.datetime) -> list[Detected]:
    """Update the customers' histories with new (stored, linked) interactions and fire their triggers."""
    if not interactions:
        return []
    seen = [_seen(i) for i in interactions]
    customer_ids = sorted({s.customer_id for s in seen})
    before = uow.triggers.activities(customer_ids, lock=True)
    state = {cid: before.get(cid, Activity(customer_id=cid)) for cid in customer_ids}
    found: list[Detected] = []
    complaints: list[Seen] = []
    for one in sorted(seen, key=lambda s: (s.occurred_at, s.interaction_id)):  # history in time order
        found.extend(rules.detect(one, state[one.customer_id], cfg))
        state[one.customer_id] = rules.observe(state[one.customer_id], one)
        if one.type == rules.COMPLAINT_TYPE:
            complaints.append(one)
    uow.triggers.save_activities(list(state.values()))
    if rules.REPEATED_COMPLAINTS in cfg.enabled:
        for complaint in complaints:  # rare: one indexed query per complaint, after the rows were inserted
            window = uow.triggers.complaints(customer_id=complaint.customer_id,
                                             since=complaint.occurred_at - cfg.complaint_window,
                                             until=complaint.occurred_at)
            repeated = rules.repeated_complaints(customer_id=complaint.customer_id, complaints=window, cfg=cfg)
            if repeated is not None:
                found.append(repeated)
    return fire(uow=uow, found=found, now=now)


def scan(*, uow: InteractionUnitOfWork, cfg: TriggerConfig, now: dt.datetime) -> dict[str, int]:
    """The periodic part: lapses (no purchase for longer than the customer's usual gap) and
    birthdays in the next N days. Returns how many new triggers of each kind fired."""
    found: list[Detected] = []
    if rules.LAPSE in cfg.enabled:
        for activity in uow.triggers.lapse_candidates(min_purchases=cfg.lapse_min_purchases):
            lapsed = rules.lapse(activity, now=now, cfg=cfg)
            if lapsed is not None:
                found.append(lapsed)
    if rules.BIRTHDAY in cfg.enabled:
        today = now.date()
        upcoming = rules.upcoming_birthdays(today, cfg.birthday_days_ahead)
        for customer_id, month_day in uow.triggers.birthdays_on(list(upcoming)):
            found.append(rules.birthday(customer_id=customer_id, on=upcoming[month_day], today=today))
    new = fire(uow=uow, found=found, now=now)
    counts = {rules.LAPSE: 0, rules.BIRTHDAY: 0}
    for d in new:
        counts[d.kind] += 1
    log.info("trigger scan", **counts)
    return counts
