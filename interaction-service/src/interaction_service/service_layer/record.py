"""Use case: record interactions (one or a batch) and announce each as InteractionRecorded.

An interaction sent with ``identifiers`` instead of ``customer_id`` is linked through the
identifier keys identity has announced; when none is known yet it is stored *pending*
(customer_id null, no event) until identity's event arrives (see linking.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError

from idic import ProblemError, utcnow
from idic.contracts import InteractionRecorded
from idic.contracts.identifiers import InvalidIdentifier, identifier_key, normalise
from idic.public.interaction import InteractionAccepted, InteractionRequest

from ..adapters.uow import InteractionUnitOfWork
from ..domain.interactions import InteractionRuleError, check_not_in_future
from ..domain.triggers import TriggerConfig
from .detection import on_recorded

UowFactory = Callable[[], InteractionUnitOfWork]


@dataclass(frozen=True)
class RecordPolicy:
    """The settings recording obeys."""

    max_future_skew: dt.timedelta = dt.timedelta(minutes=5)
    channel_costs: dict[str, Decimal] = field(default_factory=dict)
    triggers: TriggerConfig = field(default_factory=TriggerConfig)


def check_times(*, items: list[InteractionRequest], now: dt.datetime, max_future_skew: dt.timedelta,
                field_prefix: str) -> None:
    """422 naming every interaction whose occurred_at lies in the future (before anything is written)."""
    errors = []
    for index, item in enumerate(items):
        if item.occurred_at is None:
            continue
        try:
            check_not_in_future(item.occurred_at, now=now, skew=max_future_skew)
        except InteractionRuleError as exc:
            prefix = field_prefix.format(index=index)
            errors.append({"field": f"{prefix}.{exc.field}", "message": str(exc)})
    if errors:
        fields = ", ".join(e["field"] for e in errors[:5])
        raise ProblemError(422, "Unprocessable Content", f"invalid request: {fields}", errors=errors)


def check_identifiers(*, items: list[InteractionRequest], field_prefix: str) -> None:
    """422 naming every identifier that has no normal form (the key identity would announce for it)."""
    errors = []
    for index, item in enumerate(items):
        if item.customer_id is not None:
            continue  # identifiers are ignored then
        for position, identifier in enumerate(item.identifiers or []):
            try:
                normalise(identifier.type, identifier.value)
            except InvalidIdentifier as exc:
                field = f"{field_prefix.format(index=index)}.identifiers.{position}.value"
                errors.append({"field": field, "message": str(exc)})
    if errors:
        fields = ", ".join(e["field"] for e in errors[:5])
        raise ProblemError(422, "Unprocessable Content", f"invalid request: {fields}", errors=errors)


def record(*, items: list[InteractionRequest], uow_factory: UowFactory, policy: RecordPolicy,
           field_prefix: str = "body") -> list[InteractionAccepted]:
    """Store interactions and their events in one transaction; answers in the order given."""
    now = utcnow()
    check_times(items=items, now=now, max_future_skew=policy.max_future_skew, field_prefix=field_prefix)
    check_identifiers(items=items, field_prefix=field_prefix)
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


def keys_of(item: InteractionRequest) -> list[str]:
    """The identifier keys of an interaction, in the order the client gave its identifiers."""
    return [identifier_key(i.type, normalise(i.type, i.value)) for i in item.identifiers or []]


def record_in(*, uow: InteractionUnitOfWork, items: list[InteractionRequest], policy: RecordPolicy,
              now: dt.datetime) -> list[InteractionAccepted]:
    """Record inside an open unit of work (the caller commits): HTTP requests and offer responses."""
    repo = uow.interactions
    known = repo.by_client_keys([i.id for i in items if i.id is not None])
    item_keys = {index: keys_of(item) for index, item in enumerate(items) if item.customer_id is None}
    # before reading links and erasures: a consumer linking keys or erasing a person now waits, or we wait for it
    uow.identities.serialise_with_identity_events(exclusive=False)
    links = uow.identities.links_of([k for keys in item_keys.values() for k in keys])
    linked = [cid for pair in links.values() for cid in pair]
    survivors = uow.aliases.resolve_many([i.customer_id for i in items if i.customer_id is not None] + linked)
    erased = uow.erasures.erased_among([*survivors, *survivors.values()])
    results: list[InteractionAccepted] = []
    rows: list[dict[str, Any]] = []
    pending: list[dict[str, str]] = []
    for index, item in enumerate(items):
        if item.id is not None and item.id in known:
            interaction_id, customer_id = known[item.id]
            results.append(InteractionAccepted(interaction_id=interaction_id, customer_id=customer_id,
                                    status="recorded" if customer_id else "pending"))
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
            results.append(InteractionAccepted(interaction_id=None, customer_id=None, status="discarded"))
            continue
        row = _row(item, customer_id=customer_id, original=original, now=now, policy=policy)
        rows.append(row)
        if customer_id is None:
            pending.extend({"identifier_key": k, "interaction_id": row["id"]} for k in dict.fromkeys(item_keys[index]))
        else:
            uow.publish(recorded_event(row))
        if item.id is not None:  # the same key twice in one batch records once
            known[item.id] = (row["id"], row["customer_id"])
        results.append(InteractionAccepted(interaction_id=row["id"], customer_id=customer_id,
                                status="recorded" if customer_id else "pending"))
    repo.add_many(rows)
    uow.identities.add_pending(pending)
    on_recorded(uow=uow, rows=[r for r in rows if r["customer_id"] is not None], cfg=policy.triggers, now=now)
    return results


def _row(item: InteractionRequest, *, customer_id: str | None, original: str | None, now: dt.datetime,
         policy: RecordPolicy) -> dict[str, Any]:
    """The table row of a new interaction (customer_id already resolved past merges)."""
    payload = item.payload.model_dump(mode="json", exclude_unset=True)
    cost = item.cost if item.cost is not None else policy.channel_costs.get(item.channel)
    return {
        "id": str(uuid.uuid4()), "client_key": item.id, "customer_id": customer_id,
        "original_customer_id": original, "channel": item.channel, "type": item.type,
        "direction": item.direction, "occurred_at": item.occurred_at or now, "recorded_at": now,
        "amount": item.amount, "currency": item.currency, "cost": cost, "payload": payload,
        "nps": payload.get("nps"), "csat": payload.get("csat"),
    }


def recorded_event(row: dict[str, Any]) -> InteractionRecorded:
    """The InteractionRecorded of a stored (linked) interaction row."""
    payload = row["payload"]
    return InteractionRecorded(
        interaction_id=row["id"], customer_id=row["customer_id"], channel=row["channel"], type=row["type"],
        direction=row["direction"], occurred_at=row["occurred_at"], amount=row["amount"],
        currency=row["currency"], cost=row["cost"], treatment_id=payload.get("treatment_id"),
        nps=payload.get("nps"), csat=payload.get("csat"), life_event=payload.get("life_event"),
        category=payload.get("category"),
    )
