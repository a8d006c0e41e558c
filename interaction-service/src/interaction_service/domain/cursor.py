"""Opaque timeline cursors: the (occurred_at, interaction_id) of the last item shown."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json


class InvalidCursor(ValueError):
    """A ``cursor`` (or ``before``) value we did not hand out."""


def encode_cursor(occurred_at: dt.datetime, interaction_id: str) -> str:
    """URL-safe token for the position just after this item (newest-first order)."""
    raw = json.dumps([occurred_at.astimezone(dt.UTC).isoformat(), interaction_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[dt.datetime, str]:
    """The position a cursor stands for; InvalidCursor when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        when, interaction_id = json.loads(raw)
        occurred_at = dt.datetime.fromisoformat(when)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise InvalidCursor("not a cursor returned by this API") from exc
    if occurred_at.tzinfo is None or not isinstance(interaction_id, str) or not interaction_id:
        raise InvalidCursor("not a cursor returned by this API")
    return occurred_at.astimezone(dt.UTC), interaction_id
