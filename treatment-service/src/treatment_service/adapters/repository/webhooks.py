"""Queries on webhook subscriptions and their deliveries outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ...domain.webhooks import DeliveryRecord, DueDelivery, WebhookRecord
from ..orm import WebhookDeliveryRow, WebhookRow

ERASED = "body erased with the customer (GDPR)"


def _webhook(row: WebhookRow) -> WebhookRecord:
    return WebhookRecord(webhook_id=row.id, url=row.url, events=list(row.events), secret=row.secret,
                         description=row.description, active=bool(row.active), created_at=row.created_at,
                         updated_at=row.updated_at)


def _delivery(row: WebhookDeliveryRow) -> DeliveryRecord:
    return DeliveryRecord(
        delivery_id=row.id, webhook_id=row.webhook_id, event_id=row.event_id, event_type=row.event_type,
        customer_id=row.customer_id, status=row.status, attempts=row.attempts,  # type: ignore[arg-type]
        next_attempt_at=row.next_attempt_at if row.status == "pending" else None,
        give_up_at=row.give_up_at if row.status == "pending" else None, last_status_code=row.last_status_code,
        last_error=row.last_error, created_at=row.created_at, delivered_at=row.delivered_at, erased=row.body is None)


def _changed(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


class WebhookRepository:
    """Subscriptions (read as WebhookRecord) and deliveries (DeliveryRecord, DueDelivery)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.due_now = False  # a delivery became due in this transaction: wake the sender after commit
        self._active: list[WebhookRecord] | None = None  # read once per transaction (a consumer batch)
        self._queued: list[dict[str, Any]] = []

    # -- subscriptions ------------------------------------------------------------
    def add(self, webhook: WebhookRecord) -> WebhookRecord:
        """Store a new subscription; what was stored."""
        w = webhook
        row = WebhookRow(id=w.webhook_id, url=w.url, events=list(w.events), secret=w.secret,
                         description=w.description, active=w.active, created_at=w.created_at, updated_at=w.updated_at)
        self.session.add(row)
        self.session.flush()
        return _webhook(row)

    def get(self, webhook_id: str) -> WebhookRecord | None:
        row = self.session.get(WebhookRow, webhook_id, populate_existing=True)
        return _webhook(row) if row is not None else None

    def all(self) -> list[WebhookRecord]:
        """Every subscription, oldest first."""
        return [_webhook(r) for r in self.session.scalars(select(WebhookRow).order_by(WebhookRow.created_at,
                                                                                      WebhookRow.id))]

    def active(self) -> list[WebhookRecord]:
        """The subscriptions that receive deliveries (few: filtered by event name in Python), read
        once per unit of work so that a consumer batch of hundreds of events asks once."""
        if self._active is None:
            self._active = [_webhook(r) for r in self.session.scalars(
                select(WebhookRow).where(WebhookRow.active.is_(True)))]
        return self._active

    def update(self, webhook_id: str, changes: dict[str, Any]) -> WebhookRecord | None:
        row = self.session.get(WebhookRow, webhook_id)
        if row is None:
            return None
        for name, value in changes.items():
            setattr(row, name, value)
        self.session.flush()
        return _webhook(row)

    def delete(self, webhook_id: str) -> bool:
        """Remove the subscription and its deliveries (pending ones are never sent)."""
        self.session.execute(delete(WebhookDeliveryRow).where(WebhookDeliveryRow.webhook_id == webhook_id))
        return _changed(self.session.execute(delete(WebhookRow).where(WebhookRow.id == webhook_id))) > 0

    # -- deliveries ---------------------------------------------------------------
    def queue_deliveries(self, rows: list[dict[str, Any]]) -> None:
        """Deliveries to insert later in this unit of work (a consumer batch's, checked and inserted together)."""
        self._queued.extend(rows)

    def take_queued(self) -> list[dict[str, Any]]:
        """The queued deliveries (the queue is emptied)."""
        rows, self._queued = self._queued, []
        return rows

    def add_deliveries(self, rows: list[dict[str, Any]]) -> None:
        """Insert deliveries; one that exists for (webhook, event) is left as it is."""
        if not rows:
            return
        self.due_now = True
        insert = pg_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        for start in range(0, len(rows), 1000):
            self.session.execute(insert(WebhookDeliveryRow).values(rows[start:start + 1000])
                                 .on_conflict_do_nothing(index_elements=["webhook_id", "event_id"]))

    def get_delivery(self, webhook_id: str, delivery_id: str) -> DeliveryRecord | None:
        row = self.session.get(WebhookDeliveryRow, delivery_id, populate_existing=True)
        return _delivery(row) if row is not None and row.webhook_id == webhook_id else None

    def page(self, webhook_id: str, *, status: str | None, limit: int,
             before: tuple[dt.datetime, str] | None) -> list[DeliveryRecord]:
        """Newest first, strictly after the keyset ``before`` = (created_at, id) of the last row seen."""
        d = WebhookDeliveryRow
        query = select(d).where(d.webhook_id == webhook_id)
        if status is not None:
            query = query.where(d.status == status)
        if before is not None:
            at, did = before
            query = query.where(or_(d.created_at < at, (d.created_at == at) & (d.id < did)))
        return [_delivery(r) for r in self.session.scalars(query.order_by(d.created_at.desc(), d.id.desc())
                                                           .limit(limit))]

    def claim_due(self, *, now: dt.datetime, lease_until: dt.datetime, limit: int) -> list[DueDelivery]:
        """Pending deliveries due now, leased to this sender until ``lease_until`` (their
        next_attempt_at), so no other sender takes them: only rows still due when the UPDATE runs
        are claimed (RETURNING says which), and on PostgreSQL rows another sender is claiming are
        skipped at once (FOR UPDATE SKIP LOCKED). A sender that dies leaves the lease to expire: the
        delivery is tried again, with the same webhook-id."""
        d, w = WebhookDeliveryRow, WebhookRow
        candidates = list(self.session.scalars(
            select(d.id).where(d.status == "pending", d.next_attempt_at <= now)
            .order_by(d.next_attempt_at).limit(limit).with_for_update(skip_locked=True)))
        if not candidates:
            return []
        claimed = list(self.session.scalars(
            update(d).where(d.id.in_(candidates), d.status == "pending", d.next_attempt_at <= now)
            .values(next_attempt_at=lease_until).returning(d.id)))
        if not claimed:
            return []
        rows = self.session.execute(
            select(d.id, d.webhook_id, w.url, w.secret, d.body, d.attempts, d.give_up_at, d.created_at)
            .join(w, w.id == d.webhook_id).where(d.id.in_(claimed))).all()
        return [DueDelivery(delivery_id=r[0], webhook_id=r[1], url=r[2], secret=r[3], body=r[4], attempts=r[5],
                            give_up_at=r[6], created_at=r[7]) for r in rows if r[4] is not None]

    def succeeded(self, delivery_ids: list[str], *, at: dt.datetime, status_code: int) -> None:
        """Deliveries the receiver answered with ``status_code`` (2xx), in one statement."""
        d = WebhookDeliveryRow
        self.session.execute(update(d).where(d.id.in_(delivery_ids), d.status == "pending").values(
            status="succeeded", attempts=d.attempts + 1, next_attempt_at=None, last_attempt_at=at,
            last_status_code=status_code, last_error=None, delivered_at=at))

    def attempt_failed(self, delivery_id: str, *, at: dt.datetime, status: str, next_attempt_at: dt.datetime | None,
                       status_code: int | None, error: str | None) -> None:
        d = WebhookDeliveryRow
        self.session.execute(update(d).where(d.id == delivery_id, d.status == "pending").values(
            status=status, attempts=d.attempts + 1, next_attempt_at=next_attempt_at, last_attempt_at=at,
            last_status_code=status_code, last_error=(error or "")[:500] or None))

    def retry(self, delivery_id: str, *, now: dt.datetime, give_up_at: dt.datetime) -> None:
        """Pending again, due now, with a fresh retry window; the id (webhook-id) stays."""
        d = WebhookDeliveryRow
        self.due_now = True
        self.session.execute(update(d).where(d.id == delivery_id, d.status != "succeeded").values(
            status="pending", next_attempt_at=now, give_up_at=give_up_at))

    def erase_bodies(self, customer_ids: list[str], *, keep_event_id: str, now: dt.datetime) -> int:
        """GDPR: delete the stored bodies of these customers' deliveries (but the erasure's own
        notification); those not yet sent can never be, so they end failed."""
        d = WebhookDeliveryRow
        scope = (d.customer_id.in_(customer_ids), d.event_id != keep_event_id, d.body.is_not(None))
        erased = _changed(self.session.execute(update(d).where(*scope, d.status == "succeeded").values(body=None)))
        return erased + _changed(self.session.execute(update(d).where(*scope, d.status != "succeeded").values(
            body=None, status="failed", next_attempt_at=None, last_error=ERASED, last_attempt_at=now)))

    def prune(self, *, before: dt.datetime) -> int:
        """Delete finished (succeeded or failed) deliveries created before ``before``; pending ones stay."""
        d = WebhookDeliveryRow
        return _changed(self.session.execute(delete(d).where(d.status != "pending", d.created_at < before)))
