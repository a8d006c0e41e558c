"""The sender's round: claim due deliveries, POST them, record each outcome (retry with
exponential backoff, or failed once the retry window has passed)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from prometheus_client import Counter, Histogram

from idic import get_logger, utcnow

from ..domain.webhooks import DueDelivery, SendResult, after_failure
from .services import UowFactory

log = get_logger(__name__)
SendMany = Callable[[list[DueDelivery]], Iterable[SendResult]]
ATTEMPTS = Counter("treatment_webhook_attempts_total", "Webhook POSTs by result",
                   ["result"])  # succeeded | retry | failed (the last try of a delivery failed)
DELIVERY_AGE = Histogram("treatment_webhook_delivery_seconds", "Delivery created -> succeeded",
                         buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 30, 300, 3600, 86400))


@dataclass(frozen=True)
class Schedule:
    """Retry schedule of deliveries (TREATMENT_WEBHOOK_* settings)."""

    base_s: float
    cap_s: float
    lease_s: float


def deliver_due(*, batch: int, schedule: Schedule, send: SendMany, uow_factory: UowFactory,
                clock: Callable[[], dt.datetime] = utcnow, rand: Callable[[], float] = random.random) -> int:
    """One round: up to ``batch`` due deliveries are leased, sent, and their outcome recorded;
    returns how many were sent."""
    now = clock()
    with uow_factory() as uow:
        due = uow.webhooks.claim_due(now=now, lease_until=now + dt.timedelta(seconds=schedule.lease_s), limit=batch)
        uow.commit()
    if not due:
        return 0
    results = list(send(due))
    by_id = {d.delivery_id: d for d in due}
    at = clock()
    with uow_factory() as uow:
        by_code: dict[int, list[str]] = {}
        for result in results:
            if result.ok:
                by_code.setdefault(result.status_code or 200, []).append(result.delivery_id)
        for code, ids in by_code.items():
            uow.webhooks.succeeded(ids, at=at, status_code=code)
            ATTEMPTS.labels("succeeded").inc(len(ids))
            for delivery_id in ids:
                DELIVERY_AGE.observe((at - by_id[delivery_id].created_at).total_seconds())
        for result in results:
            delivery = by_id[result.delivery_id]
            if result.ok:
                continue
            attempts = delivery.attempts + 1
            then = after_failure(attempts=attempts, now=at, give_up_at=delivery.give_up_at, base_s=schedule.base_s,
                                 cap_s=schedule.cap_s, rand=rand)
            uow.webhooks.attempt_failed(result.delivery_id, at=at, status=then.status,
                                        next_attempt_at=then.next_attempt_at, status_code=result.status_code,
                                        error=result.error)
            ATTEMPTS.labels("retry" if then.status == "pending" else "failed").inc()
            if then.status == "failed":
                log.warning("webhook delivery failed for good", delivery_id=result.delivery_id,
                            webhook_id=delivery.webhook_id, attempts=attempts, error=result.error)
        uow.commit()
    return len(results)


def prune_finished(*, now: dt.datetime, retention_s: float, uow_factory: UowFactory) -> int:
    """Forget succeeded and failed deliveries older than the retention (the outbox is not an archive)."""
    with uow_factory() as uow:
        gone = uow.webhooks.prune(before=now - dt.timedelta(seconds=retention_s))
        uow.commit()
    return gone
