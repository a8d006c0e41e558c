"""Customize: bodies of treatment-service's API (API.md "Customize": next-best-actions,
treatments and outcomes, rules, simulation, contact policy), served by treatment and
proxied by the gateway. The rule document is the stored form of a rule too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self, TypeAlias

from pydantic import (
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonDict, JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from .common import Body, Channel, Currency, CustomerId, Integer, Request, Revenue, Time, decimal_type

# ---- next-best-actions, treatments, outcomes ----

Outcome = Literal["accepted", "declined", "ignored", "converted"]


class NextBestAction(Body):
    """One ranked action, recorded as a treatment (a decision that can be answered)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "action_id": "recovery-call",
                    "kind": "service_recovery",
                    "channel": "phone",
                    "score": 912.4,
                    "reasons": ["value.tier == most_valuable", "triggers.7d.kinds contains complaint"],
                    "rule_id": "vip-complaint-recovery",
                    "treatment_id": "9c4f1e2a-7b3d-4c5e-8f6a-1b2c3d4e5f60",
                    "expires_at": "2026-11-30T10:00:00Z",
                }
            ]
        }
    )

    action_id: str = Field(description="Stable id of the action (propensities are learned per action).")
    kind: str = Field(description="offer | message | service_level | retention | ...")
    channel: str | None = Field(description="Where to present it; null: not bound to a channel.")
    score: float = Field(description="Rank score (priority, propensity x value).")
    reasons: list[str] = Field(description="Why: the conditions that held, in words.")
    rule_id: str = Field(description="The rule that proposed it.")
    treatment_id: str = Field(description="The recorded decision: answer it at /v1/treatments/{id}/outcome.")
    expires_at: dt.datetime | None = Field(
        description="Read again before this, the same treatment_id comes back; "
        "unanswered by then, it counts as ignored."
    )


class OutcomeRequest(Request):
    """How the customer answered a treatment; a conversion carries its revenue."""

    # the validator's cross-field rules, written in the schema too (so generated clients know)
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                {
                    "if": {"required": ["outcome"], "properties": {"outcome": {"const": "converted"}}},
                    "then": {
                        "required": ["amount", "currency"],
                        "properties": {"amount": {"not": {"type": "null"}}, "currency": {"type": "string"}},
                    },
                },
                {
                    "if": {"required": ["amount"], "properties": {"amount": {"not": {"type": "null"}}}},
                    "then": {"required": ["currency"], "properties": {"currency": {"type": "string"}}},
                },
            ],
            "examples": [{"outcome": "converted", "amount": "120.00", "currency": "EUR"}],
        },
    )

    outcome: Outcome = Field(description="accepted | declined | ignored | converted.")
    amount: Revenue | None = Field(
        default=None, validate_default=True, description="Revenue (decimal string); required for converted."
    )
    currency: Currency | None = Field(
        default=None, validate_default=True, description="ISO 4217 code; required with an amount."
    )

    # on the fields, not the model: a 422 names the one that is missing
    @field_validator("amount")
    @classmethod
    def _conversion_has_revenue(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if value is None and info.data.get("outcome") == "converted":
            raise PydanticCustomError("missing", "required when outcome is converted")
        return value

    @field_validator("currency")
    @classmethod
    def _revenue_has_currency(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and (info.data.get("outcome") == "converted" or info.data.get("amount") is not None):
            raise PydanticCustomError("missing", "required with an amount (and when outcome is converted)")
        return value


class Treatment(Body):
    """A decided treatment and, once known, the customer's answer."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "treatment_id": "9c4f1e2a-7b3d-4c5e-8f6a-1b2c3d4e5f60",
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "action_id": "recovery-call",
                    "kind": "service_recovery",
                    "channel": "phone",
                    "rule_id": "vip-complaint-recovery",
                    "rule_version": 2,
                    "score": 912.4,
                    "reasons": ["value.tier == most_valuable"],
                    "decided_at": "2026-11-23T10:00:00Z",
                    "expires_at": "2026-11-30T10:00:00Z",
                    "delivered_at": None,
                    "cause_event_id": None,
                    "outcome": "accepted",
                    "outcome_at": "2026-11-23T10:00:00Z",
                    "accepted_at": "2026-11-23T10:00:00Z",
                    "amount": None,
                    "currency": None,
                    "control": False,
                }
            ]
        }
    )

    treatment_id: str = Field(description="Id of the decision.")
    customer_id: str = Field(description="The customer.")
    action_id: str = Field(description="The action decided.")
    kind: str = Field(description="Kind of the action.")
    channel: str | None = Field(description="Channel it was decided for.")
    rule_id: str = Field(description="The rule that proposed it.")
    rule_version: int = Field(description="The rule's version then.")
    score: float = Field(description="Its rank score.")
    reasons: list[str] = Field(description="Why it was decided.")
    decided_at: dt.datetime = Field(description="When.")
    expires_at: dt.datetime | None = Field(default=None, description="Valid until; unanswered, ignored after.")
    delivered_at: dt.datetime | None = Field(default=None, description="When it reached the customer's side.")
    cause_event_id: str | None = Field(description="The event that made the rule fire (real-time decisions).")
    outcome: Outcome | None = Field(description="The customer's answer, once known.")
    outcome_at: dt.datetime | None = Field(description="When they answered.")
    accepted_at: dt.datetime | None = Field(default=None, description="When they accepted (kept on conversion).")
    amount: Decimal | None = Field(default=None, description="Revenue of a conversion (decimal string).")
    currency: str | None = Field(default=None, description="Its currency.")
    control: bool = Field(default=False, description="true: held back as control (nothing was presented).")
    outcome_by: str | None = Field(
        default=None, max_length=128,
        description="Who recorded the outcome: the actor name its API key carries (IDIC_API_KEYS), else key:<digest "
                    "of the key>; null when the service set it (expiry, conversion by a purchase) or none yet.")


class TreatmentPage(Body):
    """One page of a customer's treatments, newest first."""

    customer_id: str = Field(description="The customer.")
    treatments: list[Treatment] = Field(description="Newest first.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


class OutcomeCounts(Body):
    """What one group's treatments led to."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "presented": 10,
                    "accepted": 4,
                    "declined": 2,
                    "ignored": 4,
                    "converted": 3,
                    "acceptance_rate": 0.4,
                    "conversion_rate": 0.3,
                    "revenue": "120.00",
                    "currency": "EUR",
                }
            ]
        }
    )

    presented: int = Field(description="Treatments decided.")
    accepted: int = Field(description="Accepted (including converted).")
    declined: int = Field(description="Declined.")
    ignored: int = Field(description="Unanswered at expiry.")
    converted: int = Field(description="Followed by a purchase in the attribution window.")
    acceptance_rate: float | None = Field(description="accepted / presented.")
    conversion_rate: float | None = Field(description="converted / presented.")
    revenue: Decimal = Field(description="Revenue of the conversions (decimal string) in `currency`.")
    currency: str | None = Field(description="The main currency of the revenue.")


class RulePerformance(OutcomeCounts):
    """What a rule's decisions led to, against its control group."""

    rule_id: str = Field(description="The rule.")
    since: dt.datetime = Field(description="Decisions from then.")
    until: dt.datetime = Field(description="Decisions before then.")
    control: OutcomeCounts = Field(description="The customers held back (control_share).")
    uplift: float | None = Field(description="Conversion rate treated minus control; null without control.")


# ---- rules ----


def _an_object_schema() -> CoreSchema:
    # a new one each time: pydantic keeps JSON-schema hooks in a core schema's metadata
    return core_schema.dict_schema(core_schema.str_schema(), core_schema.any_schema())


RuleStatus = Literal["draft", "active", "retired"]
Repeat = Literal["once", "per_score", "per_event"]
SLUG = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
DEFAULT_VALID_FOR_DAYS = 7.0
DEFAULT_ATTRIBUTION_DAYS = 7.0
MAX_CONTROL_SHARE = 0.5
KINDS = (
    "offer",
    "message",
    "service_level",
    "service_recovery",
    "retention",
    "cross_sell",
    "upsell",
    "winback",
    "service",
    "survey",
)
Operator = Literal[
    "eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "contains", "not_contains", "exists", "not_exists"
]


# The facts a rule may name, by type (treatment-service's domain.facts implements each; a test keeps the
# two equal). Windows take 1-90 days; <name> is 1-64 of a-z 0-9 _.
FACT_TYPES: dict[str, str] = {
    "value.tier": "string",
    "value.rfm_segment": "string",
    "value.clv_12m": "number",
    "value.monetary": "number",
    "value.p_alive": "number",
    "value.churn_risk": "number",
    "value.frequency": "number",
    "value.days_since_scored": "number",
    "segments": "list",
    "segments.needs": "list",
    "interactions.count": "number",
    "interactions.purchases": "number",
    "interactions.known_purchases": "number",
    "interactions.last_channel": "string",
    "interactions.last_type": "string",
    "interactions.days_since_last": "number",
    "interactions.days_since_last_purchase": "number",
    "triggers.kinds": "list",
    "triggers.last_kind": "string",
    "triggers.days_since_last": "number",
    "profile.birthday_month_day": "string",
    "profile.days_to_birthday": "number",
    "profile.days_since_moved": "number",
    "treatments.open_kinds": "list",
    "treatments.last_outcome": "string",
    "treatments.days_since_last": "number",
    "event.type": "string",
    "event.trigger_kind": "string",
    "event.interaction_type": "string",
    "event.channel": "string",
}
_DAYS = r"(0?[1-9]|[1-8][0-9]|90)"
_NAME = r"[a-z0-9_]{1,64}"
FACT_PATTERNS: dict[str, tuple[str, ...]] = {
    "number": (
        rf"^interactions\.{_DAYS}d\.(count|channel\.{_NAME}|type\.{_NAME})$",
        rf"^interactions\.by_(channel|type)\.{_NAME}$",
        rf"^treatments\.{_DAYS}d\.count$",
    ),
    "bool": (rf"^consent\.{_NAME}$",),
    "list": (rf"^triggers\.{_DAYS}d\.kinds$",),
    "string": (),
}
OPERATORS: dict[str, tuple[str, ...]] = {
    "number": ("eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "exists", "not_exists"),
    "string": ("eq", "ne", "in", "not_in", "exists", "not_exists"),
    "bool": ("eq", "ne", "exists", "not_exists"),
    "list": ("contains", "not_contains", "exists", "not_exists"),
}
_LITERAL: dict[str, dict[str, Any]] = {
    "number": {"type": "number"},
    "string": {"type": "string", "maxLength": 200},
    "bool": {"type": "boolean"},
    "list": {"type": "string", "maxLength": 200},
}


def _facts_of(kind: str) -> dict[str, Any]:
    names = sorted(name for name, of in FACT_TYPES.items() if of == kind)
    choices: list[dict[str, Any]] = [{"enum": names}] if names else []
    choices += [{"pattern": pattern} for pattern in FACT_PATTERNS[kind]]
    return {"type": "string", "anyOf": choices}


def _comparison(fact: dict[str, Any], ops: list[str], value: dict[str, Any] | None) -> dict[str, Any]:
    properties: dict[str, Any] = {"fact": fact, "op": {"enum": ops}}
    if value is not None:
        properties["value"] = value
    return {"type": "object", "properties": properties, "required": sorted(properties), "additionalProperties": False}


def comparison_schema() -> dict[str, Any]:
    """``{fact, op, value}`` exactly as treatment-service checks it: the fact's type decides the
    operators, the operator the literal (``in``: 1-100 of them; ``exists``: none)."""
    shapes = []
    for kind, ops in OPERATORS.items():
        fact, literal = _facts_of(kind), _LITERAL[kind]
        single = [op for op in ops if op not in ("in", "not_in", "exists", "not_exists")]
        shapes.append(_comparison(fact, single, literal))
        if "in" in ops:
            shapes.append(
                _comparison(fact, ["in", "not_in"], {"type": "array", "items": literal, "minItems": 1, "maxItems": 100})
            )
        shapes.append(_comparison(fact, ["exists", "not_exists"], None))
    return {
        "anyOf": shapes,
        "description": 'One comparison: {"fact": "value.tier", "op": "eq", '
        '"value": "most_valuable"} (treatment-service README, "Facts").',
        "examples": [{"fact": "value.churn_risk", "op": "gte", "value": 0.6}],
    }


def published_comparison_schema() -> dict[str, Any]:
    """The comparison as the OpenAPI documents it: any fact of the catalogue, any operator, a literal.
    Which operators a fact's type takes, and which literal an operator takes, are in
    ``comparison_schema()`` (exact, and tested against the compiler) but not in the document: thirteen
    shapes at every node of the tree made schema-driven test generation explode; the service names a
    mismatch (422, ``condition.all.1.op``)."""
    facts: list[dict[str, Any]] = [{"enum": sorted(FACT_TYPES)}]
    facts += [{"pattern": pattern} for patterns in FACT_PATTERNS.values() for pattern in patterns]
    ops = sorted({op for ops in OPERATORS.values() for op in ops})
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["fact", "op"],
        "properties": {
            "fact": {"type": "string", "anyOf": facts, "description": "A fact of the catalogue."},
            "op": {"enum": ops, "description": "Operators depend on the fact's type."},
            "value": {"description": "The literal (none for exists and not_exists)."},
        },
        "description": 'One comparison: {"fact": "value.tier", "op": "eq", "value": "most_valuable"} '
        '(treatment-service README, "Facts").',
        "examples": [{"fact": "value.churn_risk", "op": "gte", "value": 0.6}],
    }


class ConditionLeaf:
    """One comparison (documented by ``published_comparison_schema()``; the service checks it)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return _an_object_schema()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return published_comparison_schema()


class ConditionAll(Request):
    """Every condition holds."""

    all: list[RuleCondition] = Field(min_length=1, description="Conditions that must all hold.")


class ConditionAny(Request):
    """At least one condition holds."""

    any: list[RuleCondition] = Field(min_length=1, description="Conditions of which one must hold.")


class ConditionNot(Request):
    """The condition does not hold."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    not_: RuleCondition = Field(alias="not", description="The condition that must not hold.")


class _ConditionDocument:
    """A condition as given (a JSON object), documented in the schema as the tree above. The service
    checks it node by node, so that a 422 names the exact place (``condition.all.1.value``) and the
    fact's type decides the operator; pydantic only makes sure it is an object."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _an_object,
            json_schema_input_schema=handler.generate_schema(_ConditionTree),
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda tree: tree, return_schema=_an_object_schema()
            ),
        )


def _an_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("must be an object: {all|any|not} or {fact, op, value}")
    return value


_ConditionTree = ConditionAll | ConditionAny | ConditionNot | ConditionLeaf
RuleCondition = Annotated[dict[str, Any], _ConditionDocument]


if TYPE_CHECKING:
    ActionValue: TypeAlias = Decimal
    ActionMargin: TypeAlias = Decimal
else:
    ActionValue = decimal_type(
        integer_digits=9,
        places=6,
        signed=False,
        example="25.00",
        description="A decimal string (or number) under 1,000,000,000, 0 or more.",
    )
    ActionMargin = decimal_type(
        integer_digits=9,
        places=6,
        signed=True,
        example="7.50",
        description="A decimal string (or number) between -1,000,000,000 and 1,000,000,000.",
    )


class ActionDocument(Request):
    """What to do when the rule holds."""

    # the validator's cross-field rule, written in the schema too (so generated clients know)
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                {
                    "if": {"required": [money], "properties": {money: {"not": {"type": "null"}}}},
                    "then": {"required": ["currency"], "properties": {"currency": {"type": "string"}}},
                }
                for money in ("value", "margin")
            ]
        },
    )

    action_id: str = Field(pattern=SLUG, description="Stable id of the action; propensities are learned per action.")
    kind: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$", description=f"e.g. {', '.join(KINDS)}.")
    channels: list[Channel] | None = Field(
        default=None,
        min_length=1,
        max_length=8,
        description="Channels in order of preference; null: not bound to a channel (e.g. a service level).",
        json_schema_extra={"uniqueItems": True},
    )
    content: str | None = Field(default=None, max_length=4000, description="Message text or template id.")
    offer_id: str | None = Field(default=None, max_length=64, description="The offer presented, if any.")
    value: ActionValue | None = Field(
        default=None, description="Value of an acceptance; expected value = propensity x value."
    )
    margin: ActionMargin | None = Field(default=None, description="Margin of an acceptance.")
    currency: Currency | None = Field(default=None, description="Currency of value and margin (required with them).")
    valid_for_days: float = Field(
        default=DEFAULT_VALID_FOR_DAYS,
        gt=0,
        le=365,
        description=(
            "How long a decided treatment stays valid: the same one is served until then; unanswered, "
            "it becomes ignored."
        ),
    )
    attribution_days: float = Field(
        default=DEFAULT_ATTRIBUTION_DAYS,
        ge=0,
        le=365,
        description=("A purchase this long after the decision converts the treatment (and counts for its rule)."),
    )

    @model_validator(mode="after")
    def _checked(self) -> Self:
        if self.channels is not None and len(set(self.channels)) != len(self.channels):
            raise ValueError("channels must not repeat")
        if (self.value is not None or self.margin is not None) and self.currency is None:
            raise ValueError("currency is required with value or margin")
        return self


class RuleDocument(Request):
    """A rule as written and stored (one version). The condition is checked by the service,
    so that its errors can name their exact place."""

    name: str = Field(min_length=1, max_length=200, description="Shown to people.")
    description: str = Field(default="", max_length=4000, description="What the rule is for.")
    condition: RuleCondition = Field(description="When the rule holds: {all|any|not} or {fact, op, value}.")
    action: ActionDocument = Field(description="What to do when it holds.")
    priority: int = Field(default=50, ge=0, le=1000, description="Higher first; expected value breaks ties.")
    valid_from: Time | None = Field(default=None, description="Not before (RFC 3339).")
    valid_until: Time | None = Field(default=None, description="Not from then on (RFC 3339).")
    status: RuleStatus = Field(default="draft", description="Only active rules decide.")
    realtime: bool = Field(
        default=True, description="Decide (and publish TreatmentDecided) when an event makes the rule newly hold."
    )
    repeat: Repeat = Field(
        default="per_event",
        description="once per customer, once per score, or once per event that makes it newly hold.",
    )
    prior_propensity: float = Field(default=0.5, ge=0, le=1, description="Propensity before any outcome is known.")
    control_share: float = Field(
        default=0.0,
        ge=0,
        le=MAX_CONTROL_SHARE,
        description=(
            "Share of eligible customers held back (no action, a control treatment recorded) to measure uplift."
        ),
    )

    @model_validator(mode="after")
    def _window(self) -> Self:
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValueError("valid_until must be after valid_from")
        return self


_RULE_EXAMPLE: JsonDict = {
    "rule_id": "vip-complaint-recovery",
    "name": "Service recovery for valuable complainers",
    "condition": {
        "all": [
            {"fact": "value.tier", "op": "eq", "value": "most_valuable"},
            {"fact": "triggers.7d.kinds", "op": "contains", "value": "complaint"},
        ]
    },
    "action": {"action_id": "recovery-call", "kind": "service_recovery", "channels": ["phone"]},
    "priority": 900,
    "status": "active",
}


class RuleRequest(RuleDocument):
    """``POST /v1/rules`` and ``PUT /v1/rules/{id}``: a rule document, with an id of your choice
    (else one is made; on PUT it must match the path or be left out)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_RULE_EXAMPLE]})

    rule_id: str | None = Field(default=None, pattern=SLUG, description="Lowercase letters, digits, . _ -.")

    def document(self) -> RuleDocument:
        """The document without the id."""
        return RuleDocument.model_validate(self.model_dump(exclude={"rule_id"}, by_alias=True))


class Rule(RuleDocument):
    """The current version of a rule and who made it."""

    model_config = ConfigDict(extra="ignore")

    rule_id: str = Field(description="The rule's id.")
    version: int = Field(description="Its version (If-Match on PUT).")
    created_at: dt.datetime = Field(description="When version 1 was written.")
    created_by: str = Field(description="Who wrote version 1.")
    updated_at: dt.datetime = Field(description="When this version was written.")
    updated_by: str = Field(description="Who wrote it.")


class RuleVersion(Body):
    """One version in a rule's history."""

    rule_id: str = Field(description="The rule.")
    version: int = Field(description="The version.")
    change: Literal["created", "updated", "retired"] = Field(description="What this version did.")
    changed_at: dt.datetime = Field(description="When.")
    changed_by: str = Field(description="Who.")
    rule: RuleDocument = Field(description="The document of this version.")


class SimulateRequest(Request):
    """A draft ``rule`` or a stored ``rule_id`` (both: the draft as the next version of that rule),
    for one customer, optionally on one channel."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["rule"], "properties": {"rule": {"type": "object"}}},
                {"required": ["rule_id"], "properties": {"rule_id": {"type": "string"}}},
            ],
            "examples": [{"rule_id": "vip-complaint-recovery", "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9"}],
        },
    )

    rule: RuleDocument | None = Field(default=None, description="A draft rule.")
    rule_id: str | None = Field(default=None, pattern=SLUG, description="A stored rule.")
    customer_id: CustomerId = Field(description="The customer to try it on.")
    channel: Channel | None = Field(default=None, description="Only this channel.")

    @model_validator(mode="after")
    def _one(self) -> Self:
        if self.rule is None and self.rule_id is None:
            raise ValueError("give rule (a draft) or rule_id (a stored rule)")
        return self


class Suppression(Body):
    """Why an action was held back."""

    code: str = Field(description="consent, do_not_contact, contact_limit, cooldown, exclusive, ...")
    reason: str = Field(description="In words.")


class ConditionTrace(Body):
    """One comparison of a simulated rule, with the customer's actual value."""

    path: str = Field(description="Where in the condition.")
    fact: str = Field(description="The fact.")
    op: str = Field(description="The operator.")
    value: Any = Field(description="The rule's literal.")
    actual: Any = Field(description="The customer's value of the fact.")
    result: bool = Field(description="Whether the comparison held.")


class SimulatedAction(Body):
    """The action the rule would propose."""

    action_id: str = Field(description="The action.")
    kind: str = Field(description="Its kind.")
    channel: str | None = Field(description="The channel chosen.")
    score: float = Field(description="Rank score.")
    propensity: float = Field(description="Learned acceptance probability.")
    value: Decimal | None = Field(description="Value of an acceptance.")
    reasons: list[str] = Field(description="Why, in words.")


class Simulation(Body):
    """Whether the rule fires for the customer now, and why (or why not)."""

    customer_id: str = Field(description="The customer.")
    rule_id: str = Field(description="The rule simulated.")
    rule_version: int = Field(description="Its version (the next one for a draft of a stored rule).")
    status: str = Field(description="The rule's status.")
    fires: bool = Field(description="It would decide an action now.")
    in_validity_window: bool = Field(description="Now lies in valid_from..valid_until.")
    condition_holds: bool = Field(description="The condition holds for the customer.")
    conditions: list[ConditionTrace] = Field(description="Every comparison and its result.")
    suppression: Suppression | None = Field(description="Why it would be held back, if it would.")
    suppressed_channels: list[Suppression] = Field(description="Channels excluded, and why.")
    action: SimulatedAction | None = Field(description="What it would propose.")
    rank: int | None = Field(description="Position among the customer's next-best-actions (1 = first).")
    competing_actions: int = Field(description="Other actions for the customer now.")


class ContactPolicy(Request):
    """How often and when customers may be contacted (applies to every rule)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {
                    "max_contacts_per_channel": 3,
                    "period_days": 7,
                    "decline_cooldown_days": 30,
                    "exclusive_kinds": ["offer"],
                    "open_offer_days": 14,
                }
            ]
        },
    )  # strict: no true/false taken for day counts

    max_contacts_per_channel: Integer = Field(ge=0, le=1000, description="Per channel and period.")
    period_days: Integer = Field(ge=1, le=90, description="Length of the period.")
    decline_cooldown_days: Integer = Field(ge=0, le=365, description="No same action after a decline.")
    exclusive_kinds: list[str] = Field(max_length=32, description="Kinds of which one may be open at a time.")
    open_offer_days: Integer = Field(ge=0, le=365, description="After this an unanswered offer no longer blocks.")


# ---- internal: the 360 view's and the export's parts ----


class ValueFacts(Body):
    """Value as last scored; money as decimal strings with ``currency``."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "tier": "most_valuable",
                    "clv_12m": "431.20",
                    "monetary": "412.50",
                    "currency": "EUR",
                    "p_alive": 0.93,
                    "churn_risk": 0.07,
                    "rfm_segment": "champions",
                    "frequency": 7,
                    "scored_at": "2026-11-23T10:00:00Z",
                }
            ]
        }
    )

    tier: str | None = Field(description="Value tier.")
    clv_12m: Decimal | None = Field(description="CLV 12 months.")
    monetary: Decimal | None = Field(description="Spend.")
    currency: str | None = Field(description="Currency of the money fields.")
    p_alive: float | None = Field(description="p(alive).")
    churn_risk: float | None = Field(description="Churn risk 0..1.")
    rfm_segment: str | None = Field(description="RFM segment.")
    frequency: int | None = Field(description="Purchases.")
    scored_at: dt.datetime | None = Field(description="When scored.")


class InteractionFacts(Body):
    """Interaction counts the rules see."""

    count: int = Field(description="Interactions.")
    purchases: int = Field(description="Purchases.")
    by_channel: dict[str, int] = Field(description="Per channel.")
    by_type: dict[str, int] = Field(description="Per type.")
    first_at: dt.datetime | None = Field(description="First interaction.")
    last_at: dt.datetime | None = Field(description="Last interaction.")
    last_channel: str | None = Field(description="Its channel.")
    last_type: str | None = Field(description="Its type.")
    last_purchase_at: dt.datetime | None = Field(description="Last purchase.")


class RecentTrigger(Body):
    """A trigger the rules can see."""

    trigger_id: str = Field(description="Id of the trigger.")
    kind: str = Field(description="Its kind.")
    occurred_at: dt.datetime = Field(description="When.")
    interaction_id: str | None = Field(description="The interaction that fired it.")


class CustomerContext(Body):
    """The context treatment decides on (``GET /internal/customers/{id}/context``)."""

    customer_id: str = Field(description="The customer.")
    merged_ids: list[str] = Field(description="Customers merged into it.")
    value: ValueFacts = Field(description="Value as last scored.")
    interactions: InteractionFacts = Field(description="Interaction counts.")
    recent_triggers: list[RecentTrigger] = Field(description="Recent triggers, newest first.")
    consent: dict[str, bool] = Field(description="Consent as identity announced it.")
    segments: list[str] = Field(default_factory=list, description="Segments as scoring announced them.")
    birthday_month_day: str | None = Field(default=None, description="MM-DD.")
    moved_at: dt.datetime | None = Field(default=None, description="Last move announced.")
    activity: dict[str, dict[str, int]] = Field(default_factory=dict, description="Daily counts for windowed facts.")
    created_at: dt.datetime = Field(description="First seen.")
    updated_at: dt.datetime = Field(description="Last change.")


class TreatmentExport(Body):
    """Everything treatment-service holds about one customer (GDPR art. 15)."""

    customer_id: str = Field(description="The customer.")
    merged_ids: list[str] = Field(description="Customers merged into it.")
    context: CustomerContext | None = Field(description="The stored context, if any.")
    treatments: list[Treatment] = Field(description="Every treatment.")


ConditionAll.model_rebuild()
ConditionAny.model_rebuild()
ConditionNot.model_rebuild()
RuleDocument.model_rebuild()
