"""Bodies only the gateway composes (the single face): the 360 view, the export of all a
person's data, and erasure across services. Their parts are the services' own bodies."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field

from .common import Body
from .identity import GoldenRecord, IdentifierOut, Profile
from .interaction import InteractionExport, InteractionSummary
from .scoring import CustomerValue, ProfilingRefused, ScoringExport
from .treatment import NextBestAction, TreatmentExport

Service = Literal["identity", "interaction", "scoring", "treatment"]


class ProfilePart(Body):
    """identity's part of the 360 view."""

    attributes: GoldenRecord = Field(description="The golden record.")
    identifiers: list[IdentifierOut] = Field(description="Every identifier.")
    merged_ids: list[str] = Field(description="Customers merged into this one.")
    consent: dict[str, bool] = Field(description="Consent per channel and for profiling (true: given).")


class CustomerView(Body):
    """The 360-degree view. A part whose service did not answer is null (value,
    interactions) or empty (next_best_actions) and that service is named in ``degraded``."""

    customer_id: str = Field(description="The survivor id (after merges).")
    profile: ProfilePart = Field(description="Who they are (identity).")
    value: CustomerValue | ProfilingRefused | None = Field(
        description="What they are worth (see GET /v1/customers/{id}/value); null if not scored yet."
    )
    interactions: InteractionSummary | None = Field(description="The newest interactions and their count.")
    next_best_actions: list[NextBestAction] = Field(description="What to do next, best first.")
    degraded: list[Literal["interaction", "scoring", "treatment"]] = Field(
        description="Services that did not answer: their part is null or empty."
    )


class CustomerExport(Body):
    """All data of one person, one part per service (null: the service holds nothing)."""

    customer_id: str = Field(description="The survivor id.")
    identity: Profile = Field(description="identity's part: the profile.")
    interaction: InteractionExport | None = Field(description="interaction's part: interactions, triggers.")
    scoring: ScoringExport | None = Field(description="scoring's part: features and scores.")
    treatment: TreatmentExport | None = Field(description="treatment's part: context and treatments.")


class ErasureAccepted(Body):
    """Erasure started: identity erased the person and told the others by event."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "status_url": "/v1/erasures/c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                }
            ]
        }
    )

    customer_id: str = Field(description="The customer erased.")
    status_url: str = Field(description="GET it to see when every service has applied the erasure.")


class ErasureStatus(Body):
    """Where an erasure stands in every service."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "services": {
                        "identity": "2026-11-23T10:00:00Z",
                        "interaction": "2026-11-23T10:00:00Z",
                        "scoring": None,
                        "treatment": "2026-11-23T10:00:00Z",
                    },
                    "complete": False,
                    "degraded": [],
                }
            ]
        }
    )

    customer_id: str = Field(description="The customer erased.")
    services: dict[Service, dt.datetime | None] = Field(
        description="When each service applied the erasure; null: not yet (or it did not answer)."
    )
    complete: bool = Field(description="Every service has applied it.")
    degraded: list[Service] = Field(description="Services that did not answer this time.")
