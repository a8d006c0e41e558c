"""Webhooks without I/O: the retry schedule, the event-name catalogue, signing (verified with
the standardwebhooks library) and one POST per outcome through httpx's MockTransport."""

from __future__ import annotations

import datetime as dt
import typing

import httpx
import pytest
from pydantic import ValidationError
from standardwebhooks import Webhook, WebhookVerificationError

from idic.contracts import EVENT_TYPES
from idic.public.webhooks import EVENT_NAMES, WebhookEvent, event_name
from treatment_service.adapters.webhook_http import WebhookPoster, signed_headers
from treatment_service.config import Settings
from treatment_service.domain.webhooks import DueDelivery, after_failure, backoff_s, new_secret

T0 = dt.datetime(2026, 12, 6, 4, 0, tzinfo=dt.UTC)


def delivery(**overrides: typing.Any) -> DueDelivery:
    fields: dict[str, typing.Any] = {"delivery_id": "msg_1", "webhook_id": "wh_1", "url": "https://hooks.example/x",
                                     "secret": new_secret(), "body": '{"id":"e-1"}', "attempts": 0,
                                     "give_up_at": T0 + dt.timedelta(days=2), "created_at": T0}
    return DueDelivery(**{**fields, **overrides})


def test_backoff_doubles_up_to_the_cap_with_equal_jitter() -> None:
    fixed = [backoff_s(n, base_s=5, cap_s=3600, rand=lambda: 0.0) for n in range(1, 13)]
    assert fixed[:5] == [2.5, 5.0, 10.0, 20.0, 40.0]  # half of base·2^(n-1) ...
    assert fixed[-1] == 1800.0  # ... up to half the cap
    assert backoff_s(3, base_s=5, cap_s=3600, rand=lambda: 1.0) == 20.0  # the random half on top
    assert backoff_s(10_000, base_s=5, cap_s=60, rand=lambda: 1.0) == 60.0  # no overflow for huge counts


def test_the_last_try_is_at_give_up_time_and_then_it_is_failed() -> None:
    give_up = T0 + dt.timedelta(hours=24)
    then = after_failure(attempts=1, now=T0, give_up_at=give_up, base_s=5, cap_s=3600, rand=lambda: 0.5)
    assert (then.status, then.next_attempt_at) == ("pending", T0 + dt.timedelta(seconds=3.75))
    late = after_failure(attempts=20, now=give_up - dt.timedelta(minutes=1), give_up_at=give_up, base_s=5,
                         cap_s=3600, rand=lambda: 0.5)
    assert (late.status, late.next_attempt_at) == ("pending", give_up)
    over = after_failure(attempts=21, now=give_up, give_up_at=give_up, base_s=5, cap_s=3600, rand=lambda: 0.5)
    assert (over.status, over.next_attempt_at) == ("failed", None)


def test_default_schedule_retries_for_more_than_24_hours() -> None:
    settings = Settings()
    assert settings.webhook_max_age_s >= 86_400
    now, tries = T0, 0
    give_up = T0 + dt.timedelta(seconds=settings.webhook_max_age_s)
    while True:
        tries += 1
        then = after_failure(attempts=tries, now=now, give_up_at=give_up, base_s=settings.webhook_retry_base_s,
                             cap_s=settings.webhook_retry_cap_s, rand=lambda: 0.5)
        if then.status == "failed":
            break
        assert then.next_attempt_at is not None
        now = then.next_attempt_at
    assert now - T0 >= dt.timedelta(hours=24) and 20 < tries < 100


def test_every_contract_event_has_a_public_name_and_the_schema_lists_them_all() -> None:
    assert set(typing.get_args(WebhookEvent)) == set(EVENT_NAMES)
    assert set(EVENT_NAMES.values()) == set(EVENT_TYPES)
    assert event_name("idic.treatment.decided.v1") == "treatment.decided"
    assert event_name("idic.customers.merged.v1") == "customer.merged"  # API.md's spelling
    assert event_name("idic.trigger.detected.v2") == "trigger.detected"


def test_headers_are_standard_webhooks_and_verify_with_the_library() -> None:
    due = delivery()
    headers = signed_headers(due, at=T0)
    assert headers["webhook-id"] == "msg_1" and headers["webhook-timestamp"] == str(int(T0.timestamp()))
    assert headers["webhook-signature"].startswith("v1,")
    assert headers["content-type"] == "application/cloudevents+json"
    hook = Webhook(due.secret)
    fresh = signed_headers(due, at=dt.datetime.now(dt.UTC))
    assert hook.verify(due.body, fresh) == {"id": "e-1"}
    with pytest.raises(WebhookVerificationError):
        hook.verify(due.body.replace("e-1", "e-2"), fresh)  # a changed body does not verify
    with pytest.raises(WebhookVerificationError):
        hook.verify(due.body, {**fresh, "webhook-id": "msg_2"})  # nor another id
    assert new_secret().startswith("whsec_") and new_secret() != new_secret()


@pytest.mark.parametrize(("answer", "ok", "code"), [(200, True, 200), (204, True, 204), (299, True, 299),
                                                     (301, False, 301), (410, False, 410), (500, False, 500)])
def test_any_2xx_is_success_and_nothing_else(answer: int, ok: bool, code: int) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(answer, headers={"location": "https://elsewhere.example/"} if answer == 301 else {})
    poster = WebhookPoster(timeout_s=1, transport=httpx.MockTransport(handler))
    result = poster.post(delivery(), at=T0)
    assert (result.ok, result.status_code) == (ok, code) and len(seen) == 1  # redirects are not followed
    assert seen[0].method == "POST" and seen[0].content == b'{"id":"e-1"}'
    assert seen[0].headers["webhook-id"] == "msg_1"


def test_no_answer_is_a_failed_attempt() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)
    result = WebhookPoster(timeout_s=1, transport=httpx.MockTransport(handler)).post(delivery(), at=T0)
    assert (result.ok, result.status_code) == (False, None) and "ConnectError" in (result.error or "")


def test_a_lease_shorter_than_a_claimed_batch_is_refused() -> None:
    with pytest.raises(ValidationError, match="webhook_lease_s"):
        Settings(webhook_timeout_s=10, webhook_batch=100, webhook_concurrency=8, webhook_lease_s=60)
    assert Settings(webhook_timeout_s=2, webhook_batch=16, webhook_concurrency=8, webhook_lease_s=10)
