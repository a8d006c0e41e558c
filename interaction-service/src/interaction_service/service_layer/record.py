"""Use case: record interactions (one or a batch) and announce each as InteractionRecorded."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from idic import ProblemError, utcnow
from idic.contracts import InteractionRecorded

from ..adapters.uow import InteractionUnitOfWork
from ..api.schemas import InteractionIn, Recorded
from ..domain.interactions import InteractionRuleError, check_not_in_future

UowFactory = Callable[[], InteractionUnitOfWork]


def check_times(*, items: list[InteractionIn], now: dt.datetime, max_future_skew: dt.timedelta,
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


def record(*, items: list[InteractionIn], uow_factory: UowFactory, max_future_skew: dt.timedelta,
           field_prefix: str = "body") -> list[Recorded]:
    """Store interactions and their events in one transaction; answers in the order given."""
    now = utcnow()
    check_times(items=items, now=now, max_future_skew=max_future_skew, field_prefix=field_prefix)
    for attempt in range(3):
        try:
            return _record_once(items=items, uow_factory=uow_factory, now=now)
        except IntegrityError:
            # a concurrent request recorded one of these idempotency keys first: answer with it now
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _record_once(*, items: list[InteractionIn], uow_factory: UowFactory, now: dt.datetime) -> list[Recorded]:
    with uow_factory() as uow:
        repo = uow.interactions
        known = repo.by_client_keys([i.id for i in items if i.id is not None])
        survivors = repo.survivors([i.customer_id for i in items if i.customer_id is not None])
        results: list[Recorded] = []
        rows: list[dict[str, Any]] = []
        for item in items:
            if item.id is not None and item.id in known:
                interaction_id, customer_id = known[item.id]
                results.append(Recorded(interaction_id=interaction_id, customer_id=customer_id))
                continue
            row = _row(item, customer_id=survivors.get(item.customer_id or "", item.customer_id or ""), now=now)
            rows.append(row)
            if item.id is not None:  # the same key twice in one batch records once
                known[item.id] = (row["id"], row["customer_id"])
            results.append(Recorded(interaction_id=row["id"], customer_id=row["customer_id"]))
            uow.publish(_recorded_event(row))
        repo.add_many(rows)
        uow.commit()
        return results


def _row(item: InteractionIn, *, customer_id: str, now: dt.datetime) -> dict[str, Any]:
    """The table row of a new interaction (customer_id already resolved past merges)."""
    return {
        "id": str(uuid.uuid4()), "client_key": item.id, "customer_id": customer_id,
        "original_customer_id": item.customer_id, "channel": item.channel, "type": item.type,
        "direction": item.direction, "occurred_at": item.occurred_at or now, "recorded_at": now,
        "amount": item.amount, "currency": item.currency, "cost": item.cost,
        "payload": item.payload.model_dump(mode="json", exclude_unset=True),
    }


def _recorded_event(row: dict[str, Any]) -> InteractionRecorded:
    payload = row["payload"]
    return InteractionRecorded(
        interaction_id=row["id"], customer_id=row["customer_id"], channel=row["channel"], type=row["type"],
        direction=row["direction"], occurred_at=row["occurred_at"], amount=row["amount"],
        currency=row["currency"], cost=row["cost"], treatment_id=payload.get("treatment_id"),
        nps=payload.get("nps"), csat=payload.get("csat"), life_event=payload.get("life_event"),
    )
