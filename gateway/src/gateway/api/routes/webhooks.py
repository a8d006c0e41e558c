"""Webhooks (admin): subscriptions and their deliveries, owned by treatment-service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

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

from ...adapters.clients.services import segment
from ..proxy import ClientsDep, errors, forward
from ..security import Authorized

router = APIRouter(tags=["webhooks"], dependencies=[Authorized])
# treatment-service's ids (wh_<hex>, msg_<hex>): one safe path segment, no ':' (actions follow it)


@router.post("/v1/webhooks", status_code=201, response_model=WebhookCreated, responses=errors())
async def create_webhook(body: WebhookCreate, request: Request, clients: ClientsDep) -> Response:
    """Subscribe a URL to events (Standard Webhooks); the signing secret is shown in this answer only."""
    return await forward(clients.treatment, request, "POST", "/v1/webhooks", with_body=True)


@router.get("/v1/webhooks", response_model=WebhookList, responses=errors())
async def list_webhooks(request: Request, clients: ClientsDep) -> Response:
    """Every subscription (without secrets)."""
    return await forward(clients.treatment, request, "GET", "/v1/webhooks")


@router.get("/v1/webhooks/{webhook_id}", response_model=Webhook, responses=errors(404))
async def get_webhook(webhook_id: WebhookId, request: Request, clients: ClientsDep) -> Response:
    """One subscription."""
    return await forward(clients.treatment, request, "GET", f"/v1/webhooks/{segment(webhook_id)}")


@router.patch("/v1/webhooks/{webhook_id}", response_model=Webhook, responses=errors(404))
async def update_webhook(webhook_id: WebhookId, body: WebhookUpdate, request: Request,
                         clients: ClientsDep) -> Response:
    """Change a subscription's url, events, description or whether it is active."""
    return await forward(clients.treatment, request, "PATCH", f"/v1/webhooks/{segment(webhook_id)}",
                         with_body=True)


@router.delete("/v1/webhooks/{webhook_id}", status_code=204,
               responses={**errors(404), 204: {"description": "Deleted (no document)"}})
async def delete_webhook(webhook_id: WebhookId, request: Request, clients: ClientsDep) -> Response:
    """End a subscription; nothing more is delivered to it."""
    return await forward(clients.treatment, request, "DELETE", f"/v1/webhooks/{segment(webhook_id)}")


@router.get("/v1/webhooks/{webhook_id}/deliveries", response_model=DeliveryPage, responses=errors(404))
async def list_deliveries(webhook_id: WebhookId, request: Request, clients: ClientsDep,
                          status: Annotated[DeliveryStatus | None, Query()] = None,
                          limit: Annotated[int | None, Query(ge=1, le=500)] = None,
                          cursor: Annotated[str | None, Query(min_length=1, max_length=512,
                                                              description="next_cursor of the previous page")]
                          = None) -> Response:
    """The subscription's deliveries, newest first (``status=failed`` lists what to re-send)."""
    return await forward(clients.treatment, request, "GET", f"/v1/webhooks/{segment(webhook_id)}/deliveries",
                         params={"status": status, "limit": limit, "cursor": cursor})


@router.post("/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry", status_code=202,
             response_model=Delivery, responses=errors(404, 409))
async def retry_delivery(webhook_id: WebhookId, delivery_id: DeliveryId, request: Request,
                         clients: ClientsDep) -> Response:
    """Send a failed or pending delivery again now (same webhook-id)."""
    return await forward(clients.treatment, request, "POST",
                         f"/v1/webhooks/{segment(webhook_id)}/deliveries/{segment(delivery_id)}:retry")
