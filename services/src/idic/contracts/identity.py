"""Events produced by identity-service on topic ``idic.identity``.

They carry ids and non-personal facts only (no names, emails or phone numbers), so that
Kafka's retention never keeps personal data after an erasure. Identifiers travel as
``identifier_keys``: SHA-256 of ``type:normalised value``, enough for other services to
link records that arrive with identifiers to a customer without seeing the value."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from .base import EventPayload

TOPIC = "idic.identity"


class CustomerIdentified(EventPayload):
    """A customer was recognised (or created) from identifiers and attributes."""

    event_type: ClassVar[str] = "idic.customer.identified.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str
    created: bool
    matched_by: Literal["identifier", "probabilistic", "new"]
    confidence: float = Field(ge=0, le=1)
    identifier_keys: list[str] = Field(default_factory=list)
    source: str | None = None


class CustomerUpdated(EventPayload):
    """Profile attributes, identifiers or consent of a customer changed."""

    event_type: ClassVar[str] = "idic.customer.updated.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str
    changed_attributes: list[str] = Field(default_factory=list)
    added_identifier_keys: list[str] = Field(default_factory=list)
    birthday_month_day: str | None = Field(default=None, pattern=r"^\d{2}-\d{2}$",
                                           description="MM-DD, for birthday triggers; never the year.")
    consent: dict[str, bool] | None = Field(
        default=None, description="The customer's whole consent map (email, sms, phone, profiling, ...) "
        "when it changed; None when consent did not change.")
    moved: bool = Field(default=False, description="Address changed (city/postcode/street): a life event.")


class CustomersMerged(EventPayload):
    """Customers ``merged_ids`` are now ``survivor_id``: re-key everything held for them."""

    event_type: ClassVar[str] = "idic.customers.merged.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str = Field(description="The survivor (also the Kafka key).")
    merged_ids: list[str] = Field(min_length=1)
    confidence: float | None = Field(default=None, ge=0, le=1)


class CustomerUnmerged(EventPayload):
    """A merge was undone: ``restored_id`` exists again with what it brought."""

    event_type: ClassVar[str] = "idic.customer.unmerged.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str = Field(description="The former survivor.")
    restored_id: str
    restored_merged_ids: list[str] = Field(
        default_factory=list, description="Customers that had been merged into restored_id and come back out with it "
        "(their survivor is restored_id again).")


class CustomerErased(EventPayload):
    """GDPR art. 17: delete or anonymise everything held about this customer."""

    event_type: ClassVar[str] = "idic.customer.erased.v1"
    topic: ClassVar[str] = TOPIC

    customer_id: str
    erased_at: AwareDatetime
    request_id: str | None = Field(default=None, description="Lets the gateway report completion.")
