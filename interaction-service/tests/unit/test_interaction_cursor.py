import base64
import datetime as dt
import json

import pytest

from interaction_service.domain.cursor import InvalidCursor, decode_cursor, encode_cursor


def test_round_trip_keeps_position_in_utc():
    at = dt.datetime(2024, 5, 1, 12, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    token = encode_cursor(at, "abc-123")
    assert "=" not in token and "/" not in token and "+" not in token  # safe in a query string unescaped
    when, interaction_id = decode_cursor(token)
    assert when == at and when.tzinfo == dt.UTC
    assert interaction_id == "abc-123"


def _token(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize("token", [
    "garbage!",  # not base64
    base64.urlsafe_b64encode(b"not json").decode(),
    _token({"a": 1}),  # not a pair
    _token(["2024-01-01T00:00:00+00:00"]),
    _token(["yesterday", "id"]),
    _token(["2024-01-01T00:00:00", "id"]),  # naive time
    _token(["2024-01-01T00:00:00+00:00", ""]),
    _token(["2024-01-01T00:00:00+00:00", 7]),
    _token([1, "id"]),
])
def test_foreign_tokens_are_refused(token):
    with pytest.raises(InvalidCursor):
        decode_cursor(token)
