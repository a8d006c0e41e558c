"""HTTP routes of webhook subscriptions and their deliveries (API.md "Webhooks"; the gateway
makes them admin-only)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Annotated, Any

from fastapi import Query, Response

from idic import ProblemError, ServiceRouter
from idic.public.webhooks import (
    Delivery,
    DeliveryId,
    DeliveryPage,
    DeliveryStatus,
    Webhook,
    WebhookCreate,
    WebhookCreated,
    WebhookId,
    WebhookList,
    WebhookUpdate,
)

from ...domain.webhooks import DeliveryRecord, WebhookRecord
from ...service_layer import webhooks as svc
from ..dependencies import INVALID, PROBLEM, SettingsDep, UowFactoryDep

webhooks_router = ServiceRouter(tags=["webhooks"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Unknown webhook", **PROBLEM}, **INVALID}


def _webhook(w: WebhookRecord) -> Webhook:
    return Webhook(webhook_id=w.webhook_id, url=w.url, events=w.events, description=w.description, active=w.active,
                   created_at=w.created_at, updated_at=w.updated_at)


def _delivery(d: DeliveryRecord) -> Delivery:
    return Delivery(delivery_id=d.delivery_id, webhook_id=d.webhook_id, event_id=d.event_id, event_type=d.event_type,
                    status=d.status, attempts=d.attempts, next_attempt_at=d.next_attempt_at, give_up_at=d.give_up_at,
                    last_status_code=d.last_status_code, last_error=d.last_error, created_at=d.created_at,
                    delivered_at=d.delivered_at)


def _encode_cursor(d: DeliveryRecord) -> str:
    raw = json.dumps([d.created_at.isoformat(), d.delivery_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[dt.datetime, str]:
    """The keyset (created_at, id) a cursor names; 422 naming ``query.cursor`` otherwise."""
    try:
        at, did = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        created = dt.datetime.fromisoformat(at)
        if created.tzinfo is None or not isinstance(did, str):
            raise ValueError("not a cursor")
        return created, did
    except (ValueError, TypeError) as exc:  # binascii.Error and JSONDecodeError are ValueErrors
        raise ProblemError(422, "Unprocessable Content", "cursor is not one this API returned",
                           errors=[{"field": "query.cursor", "message": "invalid cursor"}]) from exc


@webhooks_router.post("/v1/webhooks", status_code=201, response_model=WebhookCreated, responses=INVALID)
def create_webhook(body: WebhookCreate, uow_factory: UowFactoryDep) -> WebhookCreated:
    """Subscribe a URL to events; the signing secret is shown in this answer only."""
    created = svc.create_webhook(url=body.url, events=list(body.events), description=body.description,
                                 uow_factory=uow_factory)
    return WebhookCreated(**_webhook(created).model_dump(), secret=created.secret)


@webhooks_router.get("/v1/webhooks", response_model=WebhookList)
def list_webhooks(uow_factory: UowFactoryDep) -> WebhookList:
    """Every subscription, oldest first (without secrets)."""
    return WebhookList(webhooks=[_webhook(w) for w in svc.list_webhooks(uow_factory=uow_factory)])


@webhooks_router.get("/v1/webhooks/{webhook_id}", response_model=Webhook, responses=NOT_FOUND)
def get_webhook(webhook_id: WebhookId, uow_factory: UowFactoryDep) -> Webhook:
    """One subscription (without its secret)."""
    return _webhook(svc.get_webhook(webhook_id=webhook_id, uow_factory=uow_factory))


@webhooks_router.patch("/v1/webhooks/{webhook_id}", response_model=Webhook, responses=NOT_FOUND)
def update_webhook(webhook_id: WebhookId, body: WebhookUpdate, uow_factory: UowFactoryDep) -> Webhook:
    """Change a subscription's url, events, description or whether it is active."""
    return _webhook(svc.update_webhook(webhook_id=webhook_id, changes=body.changes(), uow_factory=uow_factory))


@webhooks_router.delete("/v1/webhooks/{webhook_id}", status_code=204, response_class=Response,
                        responses={**NOT_FOUND, 204: {"description": "Deleted (no document)"}})
def delete_webhook(webhook_id: WebhookId, uow_factory: UowFactoryDep) -> Response:
    """End a subscription: its pending deliveries are dropped and nothing more is sent."""
    svc.delete_webhook(webhook_id=webhook_id, uow_factory=uow_factory)
    return Response(status_code=204)


@webhooks_router.get("/v1/webhooks/{webhook_id}/deliveries", response_model=DeliveryPage, responses=NOT_FOUND)
def list_deliveries(webhook_id: WebhookId, uow_factory: UowFactoryDep,
                    status: Annotated[DeliveryStatus | None, Query()] = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 50,
                    cursor: Annotated[str | None, Query(min_length=1, max_length=512,
                                                        description="next_cursor of the previous page")] = None,
                    ) -> DeliveryPage:
    """The subscription's deliveries, newest first (``status=failed`` lists what to re-send)."""
    before = _decode_cursor(cursor) if cursor else None
    rows = svc.page_deliveries(webhook_id=webhook_id, status=status, limit=limit + 1, before=before,
                               uow_factory=uow_factory)
    page = rows[:limit]
    return DeliveryPage(deliveries=[_delivery(d) for d in page],
                        next_cursor=_encode_cursor(page[-1]) if len(rows) > limit else None)


@webhooks_router.post("/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry", status_code=202,
                      response_model=Delivery, responses={
                          **NOT_FOUND, 409: {"description": "Already succeeded, or erased", **PROBLEM}})
def retry_delivery(webhook_id: WebhookId, delivery_id: DeliveryId, uow_factory: UowFactoryDep,
                   settings: SettingsDep) -> Delivery:
    """Send a failed or pending delivery again now, with the same webhook-id and a fresh retry window."""
    return _delivery(svc.retry_delivery(webhook_id=webhook_id, delivery_id=delivery_id,
                                        max_age_s=settings.webhook_max_age_s, uow_factory=uow_factory))
