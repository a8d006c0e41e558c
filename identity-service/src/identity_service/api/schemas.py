"""Request and response bodies of identity-service's HTTP API (names fixed by API.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

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


CustomerId = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    survivor_id: str = CustomerId
    merged_ids: list[str] = Field(min_length=1, max_length=100)

    @model_validator(mode="after")
    def _not_into_itself(self) -> MergeRequest:
        for merged in self.merged_ids:
            if not 1 <= len(merged) <= 64:
                raise ValueError("merged_ids: every id has 1 to 64 characters")
        if self.survivor_id in self.merged_ids:
            raise ValueError("merged_ids: a customer cannot be merged into itself")
        return self


class UnmergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: str = CustomerId


class UnmergeResult(BaseModel):
    customer_id: str = Field(description="The former survivor")
    restored_id: str
    restored_merged_ids: list[str] = Field(description="Customers that come back out with restored_id")


class ConsentRequest(BaseModel):
    """Consent per channel and for profiling; keys not given keep their value."""

    model_config = ConfigDict(extra="forbid")

    email: StrictBool | None = None
    sms: StrictBool | None = None
    phone: StrictBool | None = None
    mail: StrictBool | None = None
    push: StrictBool | None = None
    profiling: StrictBool | None = Field(
        default=None, description="false: no scoring or segment membership, only service actions")
    do_not_contact: StrictBool | None = Field(default=None, description="true: no outbound action at all")

    @model_validator(mode="after")
    def _something(self) -> ConsentRequest:
        if not self.model_dump(exclude_none=True):
            raise ValueError("give at least one of email, sms, phone, mail, push, profiling, do_not_contact")
        return self


class ConsentResult(BaseModel):
    customer_id: str
    consent: dict[str, bool]


class ErasureResult(BaseModel):
    customer_id: str
    erased_at: dt.datetime


class ReviewOut(BaseModel):
    """A possible duplicate waiting for (or given) a person's decision."""

    review_id: str
    customer_id: str = Field(description="The customer the identify created (or one of two with conflicting ids)")
    candidate_id: str = Field(description="The existing customer it may be")
    probability: float
    reason: Literal["possible_duplicate", "conflicting_identifiers"]
    status: Literal["open", "accepted", "rejected"]
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class ReviewList(BaseModel):
    reviews: list[ReviewOut]
    next_after: str | None = Field(description="Pass as `after` for the next page; null on the last page")


class TrainRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # no true/false taken for numbers

    max_customers: int = Field(default=200_000, ge=10, le=5_000_000)
    random_pairs: int = Field(default=50_000, ge=1_000, le=1_000_000)
    seed: int = 0


class MatchModelOut(BaseModel):
    model_id: int
    m: dict[str, list[float]]
    u: dict[str, list[float]]
    prior: float
    trained_at: str | None
    stats: dict[str, Any]
