"""The webhook receiver counts what it answered: a request whose answer never left was, as its sender sees
it, not received, and will come again."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import httpx
import pytest

from idic_devstack.receiver import WebhookReceiver


def test_a_request_whose_answer_never_left_is_not_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    def connection_cut(*_: object) -> None:
        raise BrokenPipeError("the receiver went down before answering")

    with WebhookReceiver() as hook:
        monkeypatch.setattr(BaseHTTPRequestHandler, "send_response", connection_cut)
        with pytest.raises(httpx.HTTPError):
            httpx.post(hook.url, content=b'{"n": 1}', headers={"webhook-id": "msg_1"})
        monkeypatch.undo()
        assert hook.requests() == []
        answer = httpx.post(hook.url, content=b'{"n": 1}', headers={"webhook-id": "msg_1"})  # the sender's retry
        assert answer.status_code == 204
        assert [r.headers["webhook-id"] for r in hook.requests()] == ["msg_1"]
