"""Field types the public APIs share."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _rfc3339_text(value: Any) -> Any:
    """Only RFC 3339 text with an offset (or an aware datetime from Python code): pydantic's
    lax mode would also take 1700000000 or "1700000000" as a Unix time, which no client of
    an RFC 3339 API means."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _RFC3339.match(value):
        return value
    raise ValueError("must be an RFC 3339 date-time with offset, e.g. 2026-11-23T10:00:00Z")


Rfc3339 = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text)]
"""An aware date-time that came as RFC 3339 text (documented as ``format: date-time``)."""
