"""Use case: record interactions (one or a batch) and announce each as InteractionRecorded.

An interaction sent with ``identifiers`` instead of ``customer_id`` is linked through the
identifier keys identity has announced; when none is known yet it is stored *pending*
(customer_id null, no event) until identity's event arrives (handlers.link_keys)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import cast

from sqlalchemy.exc import IntegrityError

from idic import utcnow
from idic.contracts import InteractionRecorded
from idic.contracts.identifiers import InvalidIdentifier, identifier_key, normalise
from idic.contracts.interaction import Channel, Direction

from ..adapters.uow import InteractionUnitOfWork
from ..config import Settings
from ..domain.interactions import (
    DISCARDED,
    Accepted,
    InteractionRuleError,
    InvalidInteractions,
    NewInteraction,
    StoredInteraction,
    Violation,
    check_not_in_future,
)
from ..domain.triggers import TriggerConfig
from .detection import on_recorded

UowFactory = Callable[[], InteractionUnitOfWork]


@dataclass(frozen=True)
class RecordPolicy:
    """The settings recording obeys."""

    max_future_skew: dt.timedelta = dt.timedelta(minutes=5)
    channel_costs: dict[str, Decimal] = field(default_factory=dict)
    triggers: TriggerConfig = field(default_factory=TriggerConfig)


def record_policy(settings: Settings) -> RecordPolicy:
    """What recording needs from the settings."""
    return RecordPolicy(max_future_skew=dt.timedelta(seconds=settings.max_future_skew_s),
                        channel_costs={str(ch): cost for ch, cost in settings.channel_costs.items()},
                        triggers=settings.triggers)


def check_times(*, items: Sequence[NewInteraction], now: dt.datetime, max_future_skew: dt.timedelta) -> None:
    """InvalidInteractions naming every interaction whose occurred_at lies in the future (before anything
    is written)."""
    violations = []
    for index, item in enumerate(items):
        if item.occurred_at is None:
            continue
        try:
            check_not_in_future(item.occurred_at, now=now, skew=max_future_skew)
        except InteractionRuleError as exc:
            violations.append(Violation(index=index, field=exc.field, message=str(exc)))
    if violations:
        raise InvalidInteractions(violations)


def check_identifiers(*, items: Sequence[NewInteraction]) -> None:
    """InvalidInteractions naming every identifier that has no normal form (the key identity would
    announce for it)."""
    violations = []
    for index, item in enumerate(items):
        if item.customer_id is not None:
            continue  # identifiers are ignored then
        for position, identifier in enumerate(item.identifiers):
            try:
                normalise(identifier.type, identifier.value)
            except InvalidIdentifier as exc:
                violations.append(Violation(index=index, field=f"identifiers.{position}.value", message=str(exc)))
    if violations:
        raise InvalidInteractions(violations)


def record(*, items: Sequence[NewInteraction], uow_factory: UowFactory, policy: RecordPolicy) -> list[Accepted]:
    """Store interactions and their events in one transaction; answers in the order given."""
    now = utcnow()
    check_times(items=items, now=now, max_future_skew=policy.max_future_skew)
    check_identifiers(items=items)
    for attempt in range(3):
        try:
            with uow_factory() as uow:
                results = record_in(uow=uow, items=items, policy=policy, now=now)
                uow.commit()
                return results
        except IntegrityError:
            # a concurrent request recorded one of these idempotency keys (or triggers) first: answer with it now
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def keys_of(item: NewInteraction) -> list[str]:
    """The identifier keys of an interaction, in the order the client gave its identifiers."""
    return [identifier_key(i.type, normalise(i.type, i.value)) for i in item.identifiers]


def record_in(*, uow: InteractionUnitOfWork, items: Sequence[NewInteraction], policy: RecordPolicy,
              now: dt.datetime) -> list[Accepted]:
    """Record inside an open unit of work (the caller commits): HTTP requests and treatment events."""
    repo = uow.interactions
    known = repo.by_client_keys([i.client_key for i in items if i.client_key is not None])
    item_keys = {index: keys_of(item) for index, item in enumerate(items) if item.customer_id is None}
    # before reading links and erasures: a consumer linking keys or erasing a person now waits, or we wait for it
    uow.identities.serialise_with_identity_events(exclusive=False)
    links = uow.identities.links_of([k for keys in item_keys.values() for k in keys])
    linked = [cid for pair in links.values() for cid in pair]
    survivors = uow.aliases.resolve_many([i.customer_id for i in items if i.customer_id is not None] + linked)
    erased = uow.erasures.erased_among([*survivors, *survivors.values()])
    results: list[Accepted] = []
    new: list[StoredInteraction] = []
    pending: list[dict[str, str]] = []
    for index, item in enumerate(items):
        if item.client_key is not None and item.client_key in known:
            results.append(Accepted.stored(*known[item.client_key]))
            continue
        # original: who it was recorded for before merges (an unmerge gives it back to them); for
        # identifiers, the customer identity first announced the identifier for
        current: str | None = item.customer_id
        original = item.customer_id
        if item.customer_id is None:
            current, original = next((links[k] for k in item_keys[index] if k in links), (None, None))
        customer_id = survivors.get(current, current) if current is not None else None
        if original in erased or customer_id in erased:
            # GDPR: a late interaction of an erased person is not stored again
            results.append(DISCARDED)
            continue
        stored = _stored(item, customer_id=customer_id, original=original, now=now, policy=policy)
        new.append(stored)
        if customer_id is None:
            pending.extend({"identifier_key": k, "interaction_id": stored.interaction_id}
                           for k in dict.fromkeys(item_keys[index]))
        else:
            uow.publish(recorded_event(stored))
        if item.client_key is not None:  # the same key twice in one batch records once
            known[item.client_key] = (stored.interaction_id, customer_id)
        results.append(Accepted.stored(stored.interaction_id, customer_id))
    repo.add_many(new)
    uow.identities.add_pending(pending)
    on_recorded(uow=uow, interactions=[i for i in new if i.customer_id is not None], cfg=policy.triggers, now=now)
    return results


def _stored(item: NewInteraction, *, customer_id: str | None, original: str | None, now: dt.datetime,
            policy: RecordPolicy) -> StoredInteraction:
    """A new interaction as it will be stored (customer_id already resolved past merges)."""
    return StoredInteraction(
        interaction_id=str(uuid.uuid4()), client_key=item.client_key, customer_id=customer_id,
        original_customer_id=original, channel=item.channel, type=item.type, direction=item.direction,
        occurred_at=item.occurred_at or now, recorded_at=now, amount=item.amount, currency=item.currency,
        cost=item.cost if item.cost is not None else policy.channel_costs.get(item.channel), payload=item.payload,
        actor=item.actor)


def recorded_event(interaction: StoredInteraction) -> InteractionRecorded:
    """The InteractionRecorded of a stored, linked interaction."""
    i, payload = interaction, interaction.payload
    assert i.customer_id is not None  # linked: callers announce only interactions that have their customer
    return InteractionRecorded(
        # channel and direction as stored (recorded through the same literals): the event validates them
        interaction_id=i.interaction_id, customer_id=i.customer_id, channel=cast(Channel, i.channel), type=i.type,
        direction=cast(Direction, i.direction), occurred_at=i.occurred_at, amount=i.amount, currency=i.currency,
        cost=i.cost,
        treatment_id=payload.get("treatment_id"), nps=payload.get("nps"), csat=payload.get("csat"),
        life_event=payload.get("life_event"), category=payload.get("category"), actor=i.actor,
    )
