"""What the use cases answer about customers: profile, identifiers held, consent, erasure, merge
history, reviews of possible duplicates, name matches and the GDPR export. Frozen values the
service layer builds from storage; ``api/bodies.py`` turns them into idic.public's bodies, so
the service layer knows nothing of HTTP and the API nothing of tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .golden import Observation


@dataclass(frozen=True)
class HeldIdentifier:
    """An identifier a customer holds (normalised), the source and customer that brought it."""

    type: str
    value: str
    source: str | None
    brought_by: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class CustomerProfile:
    """A live root customer: its golden record, identifiers, merged ids and consent."""

    customer_id: str
    attributes: Mapping[str, Any]
    identifiers: tuple[HeldIdentifier, ...]
    merged_ids: tuple[str, ...]
    consent: Mapping[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class CustomerConsent:
    """The whole consent map of a root customer."""

    customer_id: str
    consent: Mapping[str, bool]


@dataclass(frozen=True)
class Erasure:
    """When a customer (the root of an erased cluster) was erased."""

    customer_id: str
    erased_at: dt.datetime


@dataclass(frozen=True)
class MergeRecord:
    """One merge of the history, and when it was undone if it was."""

    survivor_id: str
    merged_id: str
    reason: str
    confidence: float | None
    merged_at: dt.datetime
    unmerged_at: dt.datetime | None
    explanation: Mapping[str, Any] | None = None  # a probabilistic merge: the comparison behind it


@dataclass(frozen=True)
class DuplicateReview:
    """A possible duplicate put to a person (``reason``: possible_duplicate or
    conflicting_identifiers; ``status``: open, accepted or rejected)."""

    review_id: str
    customer_id: str
    candidate_id: str
    probability: float
    reason: str
    status: str
    created_at: dt.datetime
    decided_at: dt.datetime | None
    details: Mapping[str, Any]


@dataclass(frozen=True)
class NameMatch:
    """A customer whose name sounds like the one searched, with its golden record."""

    customer_id: str
    attributes: Mapping[str, Any]


@dataclass(frozen=True)
class CustomerExport:
    """Everything identity holds about a person (GDPR art. 15/20); the identifiers are the profile's."""

    profile: CustomerProfile
    observations: tuple[Observation, ...]
    merges: tuple[MergeRecord, ...]
    reviews: tuple[DuplicateReview, ...]
