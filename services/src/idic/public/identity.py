"""Identify: bodies of identity-service's API (API.md "Identify"), served by identity and
proxied by the gateway."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StrictBool, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .common import Body, CustomerId, IdentifierType, Integer, Problem, Request

Text = Annotated[str | None, Field(max_length=256)]
# after trimming: something before the last "@", a "." after it (idic.contracts.identifiers.normalise)
EMAIL_PATTERN = r"^\s*\S[\s\S]*@[^@]*\.[^@]*$"
EMAIL = re.compile(EMAIL_PATTERN)


class Identifier(Request):
    """One identifier of a person: a type and its value as the client knows it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"type": "email", "value": "ada@example.com"}],
            "allOf": [
                {
                    "if": {"properties": {"type": {"const": "email"}}},
                    "then": {"properties": {"value": {"pattern": EMAIL_PATTERN}}},
                },
                {
                    "if": {"properties": {"type": {"const": "external_id"}}},
                    "then": {"properties": {"value": {"pattern": ":"}}},
                },
            ],
        },
    )

    type: IdentifierType = Field(description="What kind of identifier `value` is.")
    value: str = Field(
        min_length=1,
        max_length=512,
        json_schema_extra={"pattern": r"\S"},  # not blank: the validator below says so too
        description="As given: identity normalises it (e-mail "
        "lower-cased, phone to E.164); an external_id is written `system:id`.",
    )

    @field_validator("value")
    @classmethod
    def _has_a_normal_form(cls, value: str, info: ValidationInfo) -> str:
        # the rules every deployment shares (a phone number's depends on identity's default region, so
        # identity checks it); written in the schema too
        kind = info.data.get("type")
        problem = None
        if not value.strip():
            problem = "value is empty"
        elif kind == "email" and not EMAIL.match(value):
            problem = "not an e-mail address"
        elif kind == "external_id" and ":" not in value:
            problem = "external_id is written system:id"
        if problem:
            raise PydanticCustomError("invalid_identifier", problem)
        return value


# ISO 8601 (1815-12-10) or its basic form (18151210), as exports from older systems write it
DATE_OF_BIRTH_PATTERN = r"^(\d{4}-\d{2}-\d{2}|\d{8})$"


class Attributes(Request):
    """Personal attributes used for probabilistic matching and the golden record; all optional."""

    first_name: Text = Field(default=None, description="Given name.")
    last_name: Text = Field(default=None, description="Family name.")
    date_of_birth: str | None = Field(
        default=None,
        pattern=DATE_OF_BIRTH_PATTERN,
        description="A date, YYYY-MM-DD (ISO 8601) or YYYYMMDD as many files write it; kept as YYYY-MM-DD.",
    )
    street_number: Text = Field(default=None, description="House number.")
    address_line1: Text = Field(default=None, description="Street.")
    address_line2: Text = Field(default=None, description="Flat, building, ...")
    city: Text = Field(default=None, description="City or town.")
    postcode: Text = Field(default=None, description="Postal code.")
    state: Text = Field(default=None, description="State, county or region.")
    country: Text = Field(default=None, description="Country (name or ISO code).")
    gender: Text = Field(default=None, description="As the customer gave it.")


# the attributes a golden record may hold: the ones Attributes accepts (checked below)
AttributeName = Literal[
    "first_name",
    "last_name",
    "date_of_birth",
    "street_number",
    "address_line1",
    "address_line2",
    "city",
    "postcode",
    "state",
    "country",
    "gender",
]
assert set(AttributeName.__args__) == set(Attributes.model_fields)  # type: ignore[attr-defined]
# the golden record: one surviving value per attribute the customer has
GoldenRecord = dict[AttributeName, str]


class IdentifyRequest(Request):
    """Identifiers and attributes of one person, as one source saw them."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "identifiers": [
                        {"type": "email", "value": "ada@example.com"},
                        {"type": "phone", "value": "+44 20 7946 0000"},
                    ],
                    "attributes": {"first_name": "Ada", "last_name": "Lovelace", "date_of_birth": "1815-12-10"},
                    "source": "web_signup",
                }
            ]
        },
    )

    identifiers: list[Identifier] = Field(
        default_factory=list, max_length=50, description="Known identifiers (at least one identifier or attribute)."
    )
    attributes: Attributes | None = Field(default=None, description="Personal attributes, for matching.")
    source: str | None = Field(
        default=None,
        max_length=64,
        description="The system the record comes from (survivorship may prefer some sources).",
    )


# the ?explain= query parameter of identify and identify:batch (service and gateway)
EXPLAIN_DESCRIPTION = (
    "Add each result's explanation: the best candidate compared and the match weight of each attribute "
    "(Splink's waterfall as data)."
)


class Comparison(Body):
    """One attribute of a record compared with the candidate's, and what it weighed."""

    attribute: str = Field(description="first_name, last_name, date_of_birth, postcode, city, street or email.")
    level: int | None = Field(
        description="How alike: 0 is the strongest agreement (exact), higher less alike, the last level "
        "disagreement; null when one side has no value (the attribute then says nothing)."
    )
    weight: float = Field(description="Match weight: log2(m/u) of the level (positive: for a match; 0 when null).")


class Explanation(Body):
    """Why a record was or was not joined to its best candidate (Splink's match-weight waterfall as data):
    the prior's weight plus the weight of each comparison gives the match weight; its logistic, the probability."""

    candidate_id: str = Field(description="The best candidate sharing a blocking key with the record.")
    probability: float = Field(ge=0, le=1, description="Match probability of the record and the candidate.")
    prior_weight: float = Field(description="log2 prior odds that two blocked records are the same person.")
    comparisons: list[Comparison] = Field(description="One per compared attribute, in the model's order.")


class IdentifyResult(Body):
    """The one customer the record belongs to."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "created": False,
                    "matched_by": "identifier",
                    "confidence": 1.0,
                }
            ]
        }
    )

    customer_id: str = Field(description="The customer (the survivor, if the record merged customers).")
    created: bool = Field(description="true: nobody matched, a new customer was made.")
    matched_by: Literal["identifier", "probabilistic", "new"] = Field(
        description="identifier: an exact identifier; probabilistic: attributes above the match threshold; new."
    )
    confidence: float = Field(ge=0, le=1, description="Match probability (1 for identifier and new).")
    explanation: Explanation | None = Field(
        default=None,
        description="With ?explain=true: the best candidate compared and the weight of each comparison; null "
        "when no attributes were compared (an identifier match, too few attributes). Absent without ?explain.",
    )


# A batch answers 200 once it parses: each record is checked on its own (``RecordRefused`` in its place),
# so the schema of a record in a batch is any value, documented as an identify body. Left to right: a
# valid record is read as an IdentifyRequest, anything else is kept as sent for its own error.
BatchRecord = Annotated[
    IdentifyRequest | Any,
    Field(
        union_mode="left_to_right",
        description="An identify body; one that is not valid gets its error in its place in the results.",
    ),
]


class IdentifyBatchRequest(Request):
    """Up to 10,000 records, identified in order in one transaction; a record that fails validation
    is answered with its error in its place and the others are identified."""

    records: list[BatchRecord] = Field(min_length=1, max_length=10_000, description="The records, in order.")


class RecordRefused(Body):
    """A record of a batch that was not identified, in its place in the results."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "error": {
                        "type": "about:blank",
                        "title": "Unprocessable Content",
                        "status": 422,
                        "detail": "invalid record: body.records.3.attributes.date_of_birth",
                        "errors": [
                            {
                                "field": "body.records.3.attributes.date_of_birth",
                                "message": "String should match pattern '^(\\d{4}-\\d{2}-\\d{2}|\\d{8})$'",
                            }
                        ],
                    }
                }
            ]
        }
    )

    error: Problem = Field(description="Why: a 422 problem naming each invalid field (body.records.<n>...).")


class IdentifyBatchResult(Body):
    """One result per record, in the order of the request."""

    results: list[IdentifyResult | RecordRefused] = Field(
        description="In the order of the records: the customer, or the record's error."
    )
    errors: int = Field(default=0, description="How many records were refused (each has its error in its place).")


class LookupResult(Body):
    """Who holds an identifier."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9"}]})

    customer_id: str = Field(description="The current survivor, after merges.")


class IdentifierOut(Body):
    """An identifier a customer holds."""

    type: str = Field(description="Identifier type.")
    value: str = Field(description="Normalised value.")
    source: str | None = Field(default=None, description="The source that brought it.")


class Profile(Body):
    """identity's profile of one customer (the survivor after merges)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "attributes": {"first_name": "Ada", "last_name": "Lovelace"},
                    "identifiers": [{"type": "email", "value": "ada@example.com", "source": "web_signup"}],
                    "merged_ids": [],
                    "consent": {"email": True},
                    "created_at": "2026-11-23T10:00:00Z",
                    "updated_at": "2026-11-23T10:00:00Z",
                }
            ]
        }
    )

    customer_id: str = Field(description="The survivor id.")
    attributes: GoldenRecord = Field(description="The golden record: one value per attribute (survivorship).")
    identifiers: list[IdentifierOut] = Field(description="Every identifier of the customer and its merged ones.")
    merged_ids: list[str] = Field(description="Customers merged into this one.")
    consent: dict[str, bool] = Field(
        description="Consent per channel and for profiling (true: given), as last recorded."
    )
    created_at: dt.datetime = Field(description="When the customer was first identified.")
    updated_at: dt.datetime = Field(description="Last change to the profile.")


class MergeRequest(Request):
    """Customers that are one person, merged by hand into a survivor."""

    survivor_id: CustomerId = Field(description="The customer that stays.")
    merged_ids: list[CustomerId] = Field(
        min_length=1, max_length=100, description="Customers merged into the survivor (not the survivor itself)."
    )

    @model_validator(mode="after")
    def _not_into_itself(self) -> MergeRequest:
        # a rule between two fields that JSON Schema cannot state (the schemathesis config names it)
        if self.survivor_id in self.merged_ids:
            raise ValueError("merged_ids: a customer cannot be merged into itself")
        return self


class UnmergeRequest(Request):
    """Which merged customer to take back out."""

    customer_id: CustomerId = Field(description="One that was merged in.")


class UnmergeResult(Body):
    """What an unmerge split out."""

    customer_id: str = Field(description="The former survivor.")
    restored_id: str = Field(description="The customer taken back out.")
    restored_merged_ids: list[str] = Field(description="Customers that come back out with restored_id.")


_BOOL = WithJsonSchema({"type": "boolean"})
ConsentFlag = Annotated[StrictBool | None, _BOOL]
CONSENT_KEYS = ("email", "sms", "phone", "mail", "push", "profiling", "do_not_contact")


class ConsentRequest(Request):
    """Consent per channel and for profiling; keys not given keep their value."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"minProperties": 1, "examples": [{"email": False, "sms": True}]}
    )

    email: ConsentFlag = Field(default=None, description="May we e-mail them.")
    sms: ConsentFlag = Field(default=None, description="May we text them.")
    phone: ConsentFlag = Field(default=None, description="May we call them.")
    mail: ConsentFlag = Field(default=None, description="May we send them post.")
    push: ConsentFlag = Field(default=None, description="May we send app notifications.")
    profiling: ConsentFlag = Field(
        default=None, description="false: no scoring or segment membership, only service actions."
    )
    do_not_contact: ConsentFlag = Field(default=None, description="true: no outbound action at all.")

    @model_validator(mode="before")
    @classmethod
    def _given_and_not_null(cls, data: Any) -> Any:
        # the schema says "at least one key, each true or false": null is no answer
        if isinstance(data, dict):
            nulls = sorted(k for k in CONSENT_KEYS if k in data and data[k] is None)
            if nulls:
                raise ValueError(f"{', '.join(nulls)}: give true or false (leave a key out to keep its value)")
            if not data:
                raise ValueError("give at least one of " + ", ".join(CONSENT_KEYS))
        return data


class ConsentResult(Body):
    """The consent after the change."""

    customer_id: str = Field(description="The survivor whose consent this is.")
    consent: dict[str, bool] = Field(description="The whole consent map after the change.")


# ---- review queue and match model ----

ReviewStatus = Literal["open", "accepted", "rejected"]


class DuplicateReviewDetails(Body):
    """possible_duplicate: the explanation, as stored when the review was opened."""

    model_config = ConfigDict(extra="forbid")

    explanation: Explanation = Field(description="The same as the review's `explanation`.")


class ConflictReviewDetails(Body):
    """conflicting_identifiers: the identifier type that points at two customers."""

    model_config = ConfigDict(extra="forbid")

    identifier_type: str = Field(description="email, phone, loyalty_card, ...")


class NoReviewDetails(Body):
    """Nothing stored beyond the review (a conflict found among a batch's own records, older reviews)."""

    model_config = ConfigDict(extra="forbid")


ReviewDetails = DuplicateReviewDetails | ConflictReviewDetails | NoReviewDetails


class Review(Body):
    """A possible duplicate waiting for (or given) a person's decision."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "review_id": "5b0e3f9c-1d6a-4f0e-9a55-8c1f0f6b2d11",
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "candidate_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8J0",
                    "probability": 0.83,
                    "reason": "possible_duplicate",
                    "status": "open",
                    "created_at": "2026-11-23T10:00:00Z",
                    "decided_at": None,
                    "details": {},
                }
            ]
        }
    )

    review_id: str = Field(description="Id of the review.")
    customer_id: str = Field(description="The customer the identify created (or one of two with conflicting ids).")
    candidate_id: str = Field(description="The existing customer it may be.")
    probability: float = Field(description="Match probability of the two.")
    reason: Literal["possible_duplicate", "conflicting_identifiers"] = Field(
        description="possible_duplicate: between the review and match thresholds; conflicting_identifiers: "
        "strong identifiers point at two customers."
    )
    status: ReviewStatus = Field(description="open, or a person's decision.")
    created_at: dt.datetime = Field(description="When the review was opened.")
    decided_at: dt.datetime | None = Field(default=None, description="When it was accepted or rejected.")
    details: ReviewDetails = Field(
        default_factory=NoReviewDetails,
        description="What led here, as stored: the explanation of a possible duplicate, the identifier type "
        "of a conflict.",
    )
    explanation: Explanation | None = Field(
        default=None,
        description="possible_duplicate: the comparison of the two records and the weight of each attribute "
        "(null for conflicts and for reviews opened before explanations were kept).",
    )


class ReviewList(Body):
    """One page of reviews, oldest first."""

    reviews: list[Review] = Field(description="Oldest first.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")
    next_after: str | None = Field(
        description="Deprecated: the same as next_cursor (passed as `after`).", json_schema_extra={"deprecated": True}
    )


class MatchingTrainRequest(Request):
    """How much of the store to train the match model on."""

    model_config = ConfigDict(extra="forbid", strict=True)  # no true/false taken for numbers

    max_customers: Integer = Field(default=200_000, ge=10, le=5_000_000, description="Customers sampled.")
    random_pairs: Integer = Field(
        default=50_000, ge=1_000, le=1_000_000, description="Random pairs for the u-probabilities."
    )
    seed: Integer = Field(
        # bounds every JSON parser holds exactly (a float above 2**53 rounds)
        default=0,
        ge=-(2**53 - 1),
        le=2**53 - 1,
        description="Random seed (same seed, same model).",
    )


class TrainingSession(Body):
    """One EM session of a training: the pairs agreeing exactly on ``rule``, and whether they held
    enough duplicates to learn the other fields' m from."""

    rule: list[str] = Field(description="The fields the session's pairs agree on exactly.")
    pairs: int = Field(description="Pairs compared.")
    expected_matches: float = Field(description="How many of them EM takes for the same person.")
    em_iterations: int = Field(description="EM iterations until convergence.")
    used: bool = Field(description="Whether its m were used (enough expected matches).")


class TrainingStats(Body):
    """What a training saw and decided (all null for the starting values and for models trained by
    an earlier version)."""

    profiles: int | None = Field(default=None, description="Comparison profiles (one per customer and source).")
    random_pairs: int | None = Field(default=None, description="Random pairs the u-probabilities come from.")
    sessions: list[TrainingSession] | None = Field(default=None, description="The EM sessions for m.")
    blocked_pairs: int | None = Field(default=None, description="Candidate pairs the prior was estimated on.")
    blocked_prior: float | None = Field(
        default=None,
        description="Share of matches among those candidate pairs, as EM estimates it with m and u held "
        "(reported only: the prior in use stays the starting one, since this share depends on the base's "
        "size and on whether it was already deduplicated).",
    )
    starting_m_kept: list[str] | None = Field(
        default=None, description="Fields whose m could not be learnt from this data and keep their starting m."
    )
    term_frequency_values: dict[str, int] | None = Field(
        default=None,
        description="Per name or place field, how many common values have their own frequency: an exact match "
        "on a common value weighs less than on a rare one (Splink's term-frequency adjustment).",
    )


class MatchingModel(Body):
    """The probabilistic match model identity uses (m/u per comparison level, prior)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "model_id": 3,
                    "m": {"first_name": [0.02, 0.08, 0.9]},
                    "u": {"first_name": [0.95, 0.04, 0.01]},
                    "prior": 0.0004,
                    "trained_at": "2026-11-23T10:00:00Z",
                    "stats": {
                        "profiles": 120000,
                        "random_pairs": 50000,
                        "sessions": [
                            {
                                "rule": ["first_name", "last_name"],
                                "pairs": 8200,
                                "expected_matches": 6100.0,
                                "em_iterations": 9,
                                "used": True,
                            }
                        ],
                        "blocked_pairs": 210000,
                        "blocked_prior": 0.031,
                        "starting_m_kept": [],
                        "term_frequency_values": {"first_name": 1850, "last_name": 4210, "city": 930},
                    },
                }
            ]
        }
    )

    model_id: int = Field(description="Version of the model.")
    m: dict[str, list[float]] = Field(description="P(level | match) per comparison, per level.")
    u: dict[str, list[float]] = Field(description="P(level | non-match) per comparison, per level.")
    prior: float = Field(description="P(match) of a candidate pair.")
    trained_at: str | None = Field(description="When it was trained; null: the starting values.")
    stats: TrainingStats = Field(description="What the training saw and decided.")


class DedupeRequest(Request):
    """Re-cluster the stored customers with the match model in use (no parameters yet: the match and
    review thresholds are the service's)."""

    model_config = ConfigDict(extra="forbid")


class DedupeResult(Body):
    """What a dedupe job did (its ``result``)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"customers_scanned": 100000, "merged": 4210, "reviews": 388}]}
    )

    customers_scanned: int = Field(description="Root customers compared with their candidates.")
    merged: int = Field(description="Customers folded into another (each a reversible, explained merge).")
    reviews: int = Field(description="Possible duplicates opened for a person (between the thresholds).")


# a first and a last name (the phonetic search matches on both)
SEARCH_NAME_PATTERN = r"\S\s+\S"


class SearchHit(Body):
    """A customer whose name sounds like the one searched."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "attributes": {"first_name": "Ada", "last_name": "Lovelace", "city": "London"},
                }
            ]
        }
    )

    customer_id: str = Field(description="The customer.")
    attributes: GoldenRecord = Field(default_factory=dict, description="Their golden record.")


class SearchResult(Body):
    """Customers found, best first."""

    results: list[SearchHit] = Field(description="Best first.")


class ExportedIdentifier(Body):
    """An identifier held, with where it came from."""

    type: str = Field(description="Identifier type.")
    value: str = Field(description="Normalised value.")
    source: str | None = Field(description="The source that brought it.")
    brought_by: str | None = Field(description="The customer it came with (before a merge).")
    created_at: str = Field(description="When it was first seen (RFC 3339).")


class Observation(Body):
    """One attribute value as a source gave it (the golden record picks among them)."""

    attribute: str = Field(description="Attribute name.")
    value: Any = Field(description="The value given.")
    source: str | None = Field(description="Who gave it.")
    count: int = Field(description="How many times.")
    first_seen: str = Field(description="First time (RFC 3339).")
    last_seen: str = Field(description="Last time (RFC 3339).")
    brought_by: str | None = Field(description="The customer it came with (before a merge).")


class MergeRecord(Body):
    """One merge in the person's history."""

    survivor_id: str = Field(description="The customer that stayed.")
    merged_id: str = Field(description="The customer merged in.")
    reason: str = Field(description="identifier, probabilistic, manual or review.")
    confidence: float | None = Field(description="Match probability.")
    merged_at: str = Field(description="When (RFC 3339).")
    unmerged_at: str | None = Field(description="When it was undone, if it was.")
    explanation: Explanation | None = Field(
        default=None,
        description="A probabilistic merge (identify or dedupe): the comparison of the two and the weight of "
        "each attribute; null for identifier, manual and review merges, and for merges made before "
        "explanations were kept.",
    )


class ReviewRef(Body):
    """A review that concerned the person."""

    review_id: str = Field(description="Id of the review.")
    customer_id: str = Field(description="One customer of the pair.")
    candidate_id: str = Field(description="The other.")
    status: ReviewStatus = Field(description="open, accepted or rejected.")
    reason: str = Field(description="Why it was opened.")


class IdentityExport(Body):
    """Everything identity holds about the person (GDPR art. 15/20)."""

    customer_id: str = Field(description="The survivor id.")
    profile: Profile = Field(description="The profile.")
    identifiers: list[ExportedIdentifier] = Field(description="Every identifier with its source.")
    observations: list[Observation] = Field(description="Every observed attribute value with its source.")
    merges: list[MergeRecord] = Field(description="Merge history of the person's cluster.")
    reviews: list[ReviewRef] = Field(description="Reviews about the cluster.")
