"""Request and response bodies of identity-service's HTTP API (names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..domain.identifiers import IdentifierType

Text = Field(default=None, max_length=256)


class IdentifierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: IdentifierType
    value: str = Field(min_length=1, max_length=512)


class Attributes(BaseModel):
    """Personal attributes; all optional strings."""

    model_config = ConfigDict(extra="forbid")

    first_name: str | None = Text
    last_name: str | None = Text
    date_of_birth: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    street_number: str | None = Text
    address_line1: str | None = Text
    address_line2: str | None = Text
    city: str | None = Text
    postcode: str | None = Text
    state: str | None = Text
    country: str | None = Text
    gender: str | None = Text


class IdentifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    identifiers: list[IdentifierIn] = Field(default_factory=list, max_length=50)
    attributes: Attributes | None = None
    source: str | None = Field(default=None, max_length=64)


class IdentifyResult(BaseModel):
    customer_id: str
    created: bool
    matched_by: Literal["identifier", "probabilistic", "new"]
    confidence: float = Field(ge=0, le=1)


class IdentifyBatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    records: list[IdentifyRequest] = Field(min_length=1, max_length=10_000)


class IdentifyBatchResult(BaseModel):
    results: list[IdentifyResult]


class LookupResult(BaseModel):
    customer_id: str


class IdentifierOut(BaseModel):
    type: str
    value: str
    source: str | None = None


class Profile(BaseModel):
    """The profile part of the single face."""

    customer_id: str
    attributes: dict[str, Any]
    identifiers: list[IdentifierOut]
    merged_ids: list[str]
    consent: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
