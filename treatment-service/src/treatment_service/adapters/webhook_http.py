"""POSTs one delivery to its subscriber, signed per Standard Webhooks with the
``standardwebhooks`` library (HMAC-SHA256 over ``{id}.{timestamp}.{body}``)."""

from __future__ import annotations

import datetime as dt

import httpx
from standardwebhooks import Webhook

from idic import CONTENT_TYPE

from ..domain.webhooks import DueDelivery, SendResult

USER_AGENT = "idic-webhooks/1"


def signed_headers(delivery: DueDelivery, *, at: dt.datetime) -> dict[str, str]:
    """The Standard Webhooks headers of one attempt (a new timestamp and signature each time, the same id)."""
    signature = Webhook(delivery.secret).sign(msg_id=delivery.delivery_id, timestamp=at, data=delivery.body)
    return {"content-type": CONTENT_TYPE, "user-agent": USER_AGENT, "webhook-id": delivery.delivery_id,
            "webhook-timestamp": str(int(at.timestamp())), "webhook-signature": signature}


class WebhookPoster:
    """One pooled httpx client for all subscribers (thread-safe); no redirects are followed."""

    def __init__(self, *, timeout_s: float, transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(timeout=timeout_s, follow_redirects=False, transport=transport,
                                    limits=httpx.Limits(max_connections=64, max_keepalive_connections=32))

    def post(self, delivery: DueDelivery, *, at: dt.datetime) -> SendResult:
        """One attempt: any 2xx is success; any other status, a timeout or a refused connection is not."""
        try:
            response = self._client.post(delivery.url, content=delivery.body.encode(),
                                         headers=signed_headers(delivery, at=at))
        except httpx.HTTPError as exc:
            return SendResult(delivery.delivery_id, ok=False, status_code=None, error=f"{type(exc).__name__}: {exc}")
        ok = 200 <= response.status_code < 300
        return SendResult(delivery.delivery_id, ok=ok, status_code=response.status_code,
                          error=None if ok else f"HTTP {response.status_code}")

    def close(self) -> None:
        self._client.close()
