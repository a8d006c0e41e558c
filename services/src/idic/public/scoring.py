"""Differentiate: bodies of scoring-service's API (API.md "Differentiate"), served by
scoring and proxied by the gateway."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field

from .common import Body, Request, Time

Tier = Literal["most_valuable", "most_growable", "maintain", "below_zero"]


class Rfm(Body):
    """Recency/frequency/monetary. r, f, m (quintiles 1-5) and most segments need the
    population scoring run; ``segment`` is ``new`` after a first purchase until then."""

    status: Literal["scored", "pending_refresh", "no_purchases"] = Field(
        description="scored: r/f/m graded against the population; pending_refresh: purchases known, quintiles "
        "not computed yet (the schedule refreshes soon); no_purchases: nothing to grade."
    )
    recency_days: int | None = Field(description="Whole days since the last purchase; null before any.")
    frequency: int = Field(description="Number of purchases.")
    monetary: Decimal = Field(description="Total spent, in `currency` (decimal string).")
    currency: str | None = Field(description="ISO 4217 currency of `monetary`; null before a priced purchase.")
    r: int | None = Field(description="Recency quintile, 5 = most recent.")
    f: int | None = Field(description="Frequency quintile, 5 = most frequent.")
    m: int | None = Field(description="Monetary quintile, 5 = highest spend.")
    segment: str | None = Field(description="RFM segment: champions, loyal, at_risk, hibernating, new, ...")


class Clv(Body):
    """Customer lifetime value; its fields are null unless ``status`` is ``scored``."""

    status: Literal["scored", "not_fitted", "insufficient_history"] = Field(
        description="scored: from the stored BG/NBD + Gamma-Gamma fit; not_fitted: enough repeat buyers exist "
        "but no model yet (the schedule fits soon); insufficient_history: the customer has fewer than two "
        "purchase days, or too few repeat buyers exist to fit (SCORING_REFIT_MIN_REPEAT_BUYERS)."
    )
    p_alive: float | None = Field(description="Probability the customer is still active (BG/NBD).")
    expected_purchases_90d: float | None = Field(description="Expected purchases in the next 90 days.")
    expected_avg_order_value: Decimal | None = Field(description="Expected order value (Gamma-Gamma).")
    clv_12m: Decimal | None = Field(description="Expected value of the next 12 months (decimal string).")


class ChurnDriver(Body):
    """One input of churn risk, its value, and the risk it adds."""

    input: str = Field(description="The input: p_alive, days_since_purchase, complaints, nps, ...")
    value: float | bool = Field(description="Its value for this customer.")
    adds: float = Field(description="What it adds to churn_risk.")


class Worth(Body):
    """What value tiers are cut on, as last scored (``scored_at``): the 12-month CLV net of the cost to
    serve over the same horizon, and the potential, what the customer would bring if they stayed active
    (CLV / p_alive, net of cost). Peppers & Rogers' actual and potential value; the README of scoring
    gives the formulas."""

    cost_to_serve: Decimal = Field(description="What serving the customer has cost so far (contact costs).")
    net_value: Decimal = Field(description="Actual value: clv_12m minus the expected cost to serve in 12 months; "
                               "spend minus cost so far when no CLV model is fitted.")
    potential_value: Decimal = Field(description="Potential value: what the customer would be worth in 12 months "
                                     "if they stayed active; never below net_value.")
    growth_gap: Decimal = Field(description="potential_value - net_value: the room to grow, which most_growable "
                                "is cut on.")
    currency: str | None = Field(description="ISO 4217 currency of the money fields.")


class CustomerValue(Body):
    """The value object of API.md: what the customer is worth and how likely they stay."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "rfm": {
                        "status": "scored",
                        "recency_days": 12,
                        "frequency": 7,
                        "monetary": "412.50",
                        "currency": "EUR",
                        "r": 5,
                        "f": 4,
                        "m": 4,
                        "segment": "champions",
                    },
                    "clv": {
                        "status": "scored",
                        "p_alive": 0.93,
                        "expected_purchases_90d": 1.8,
                        "expected_avg_order_value": "58.90",
                        "clv_12m": "431.20",
                    },
                    "tier": "most_valuable",
                    "tier_status": "scored",
                    "segments": ["needs-2"],
                    "churn_risk": 0.07,
                    "churn_risk_status": "scored",
                    "churn_drivers": [{"input": "p_alive", "value": 0.93, "adds": 0.07}],
                    "scored_at": "2026-11-23T10:00:00Z",
                    "worth": {"cost_to_serve": "4.20", "net_value": "427.20", "potential_value": "463.40",
                              "growth_gap": "36.20", "currency": "EUR"},
                }
            ]
        }
    )

    customer_id: str = Field(description="The customer scored (the survivor when asked for a merged id).")
    rfm: Rfm = Field(description="Recency, frequency, monetary.")
    clv: Clv = Field(description="Lifetime value.")
    tier: Tier | None = Field(description="Value tier: most_valuable | most_growable | maintain | below_zero.")
    tier_status: Literal["scored", "pending_refresh"] = Field(
        description="pending_refresh: tier cut-offs not computed yet (the schedule refreshes soon)."
    )
    segments: list[str] = Field(description="Needs-based and rule segments the customer belongs to.")
    churn_risk: float | None = Field(description="0..1.")
    churn_risk_status: Literal["scored", "not_fitted"] = Field(
        description="not_fitted: no CLV model (p_alive) and no lapse to judge churn by."
    )
    churn_drivers: list[ChurnDriver] = Field(
        default_factory=list, description="Why churn_risk is what it is (inputs and what each adds)."
    )
    scored_at: dt.datetime = Field(description="When the scores were last computed.")
    worth: Worth | None = Field(default=None, description="Net and potential value (what tiers are cut on); "
                                 "null only from a scoring-service older than this field.")


class ProfilingRefused(Body):
    """The customer refused profiling (consent): scoring holds no scores or segments for them."""

    customer_id: str = Field(description="The customer.")
    profiling: Literal["refused"] = Field(default="refused", description="Always refused.")
    refused_at: dt.datetime = Field(description="When the refusal was applied.")


class Features(Body):
    """The raw interaction aggregates of one customer (internal: tests, 360 view, export)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9",
                    "merged_ids": [],
                    "interactions": 9,
                    "frequency": 7,
                    "monetary": "412.50",
                    "currency": "EUR",
                    "monetary_other": {},
                    "first_purchase_at": "2025-03-02T10:00:00Z",
                    "first_purchase_amount": "30.00",
                    "last_purchase_at": "2026-11-23T10:00:00Z",
                    "first_interaction_at": "2025-03-01T10:00:00Z",
                    "last_interaction_at": "2026-11-23T10:00:00Z",
                    "cost_to_serve": "4.20",
                    "channel_counts": {"web": 6, "store": 3},
                    "nps": 9,
                    "nps_at": "2026-11-23T10:00:00Z",
                    "csat": None,
                    "csat_at": None,
                    "purchase_days": 7,
                    "first_day_amount": "30.00",
                    "daypart_counts": {"evening": 5},
                    "category_counts": {"books": 7},
                    "offer_responses": 1,
                    "trigger_counts": {},
                    "last_lapse_at": None,
                    "updated_at": "2026-11-23T10:00:00Z",
                }
            ]
        }
    )

    customer_id: str = Field(description="The customer.")
    merged_ids: list[str] = Field(description="Customers folded into this one.")
    interactions: int = Field(description="Interactions seen.")
    frequency: int = Field(description="Purchases.")
    monetary: Decimal = Field(description="Spend in `currency`.")
    currency: str | None = Field(description="Main currency.")
    monetary_other: dict[str, Decimal] = Field(description="Purchases in currencies other than `currency`.")
    first_purchase_at: dt.datetime | None = Field(description="First purchase.")
    first_purchase_amount: Decimal | None = Field(description="Its amount.")
    last_purchase_at: dt.datetime | None = Field(description="Last purchase.")
    first_interaction_at: dt.datetime | None = Field(description="First interaction.")
    last_interaction_at: dt.datetime | None = Field(description="Last interaction.")
    cost_to_serve: Decimal = Field(description="Summed contact cost.")
    channel_counts: dict[str, int] = Field(description="Interactions per channel.")
    nps: int | None = Field(description="Latest NPS answer.")
    nps_at: dt.datetime | None = Field(description="When.")
    csat: int | None = Field(description="Latest CSAT answer.")
    csat_at: dt.datetime | None = Field(description="When.")
    purchase_days: int = Field(description="Distinct UTC days with a purchase (CLV transactions).")
    first_day_amount: Decimal = Field(description="Spend on the first purchase day.")
    daypart_counts: dict[str, int] = Field(description="Interactions per part of the day.")
    category_counts: dict[str, int] = Field(description="Purchases per category.")
    offer_responses: int = Field(description="Offers answered.")
    trigger_counts: dict[str, int] = Field(description="Triggers per kind.")
    last_lapse_at: dt.datetime | None = Field(description="Last lapse trigger.")
    updated_at: dt.datetime = Field(description="Last change.")


class ClvFitRequest(Request):
    """Fit BG/NBD + Gamma-Gamma on purchases up to ``calibration_end``, in ``time_unit``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"calibration_end": "2026-10-31T00:00:00Z", "time_unit": "weeks"}]},
    )

    calibration_end: Time = Field(description="Fit on the purchases up to this time.")
    time_unit: Literal["days", "weeks"] = Field(default="weeks", description="Unit of the model's time axis.")


class BgNbdParams(Body):
    """Fitted BG/NBD parameters."""

    r: float = Field(description="Shape of the purchase-rate gamma.")
    alpha: float = Field(description="Scale of the purchase-rate gamma.")
    a: float = Field(description="Dropout beta a.")
    b: float = Field(description="Dropout beta b.")


class GammaGammaParams(Body):
    """Fitted Gamma-Gamma parameters."""

    p: float = Field(description="Shape of the transaction value gamma.")
    q: float = Field(description="Shape of the mean-value gamma.")
    v: float = Field(description="Scale of the mean-value gamma.")


class Rescore(Body):
    """What the re-score of every customer after a fit did."""

    customers: int = Field(description="Customers re-scored.")
    announced: int = Field(description="CustomerScored events published (material changes).")
    seconds: float = Field(description="How long it took.")


class NeedsClusters(Body):
    """The needs-based micro-segments a population refresh found (k-means, k chosen by silhouette)."""

    k: int = Field(description="Number of clusters.")
    silhouette: float = Field(
        description="Mean silhouette of the chosen clustering (-1 to 1; higher: better separated)."
    )
    ids: list[str] = Field(description="Segment id of each cluster (needs-...).")


class ClvModel(Body):
    """A fitted CLV model (API.md fields plus the fit's inputs)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "bgnbd": {"r": 0.24, "alpha": 4.41, "a": 0.79, "b": 2.43},
                    "gamma_gamma": {"p": 6.25, "q": 3.74, "v": 15.44},
                    "customers": 2357,
                    "fitted_at": "2026-11-23T10:00:00Z",
                    "calibration_end": "2026-10-31T00:00:00Z",
                    "time_unit": "weeks",
                    "fit_seconds": 1.5,
                }
            ]
        }
    )

    bgnbd: BgNbdParams = Field(description="BG/NBD parameters.")
    gamma_gamma: GammaGammaParams = Field(description="Gamma-Gamma parameters.")
    customers: int = Field(description="Customers with a purchase up to calibration_end (the fit's sample).")
    fitted_at: dt.datetime = Field(description="When it was fitted.")
    calibration_end: dt.datetime = Field(description="Purchases up to this time were used.")
    time_unit: str = Field(description="days or weeks.")
    fit_seconds: float = Field(description="How long the fit took.")
    rescored: Rescore | None = Field(default=None, description="The re-score after the fit (in a job's result).")


class RfmEdges(Body):
    """Quintile edges over the customers who purchased: a value up to the first edge grades 1 (recency: 5)."""

    recency_edges: list[float] = Field(description="Days since the last purchase.")
    frequency_edges: list[float] = Field(description="Repeat purchases.")
    monetary_edges: list[float] = Field(description="Mean purchase value.")


class TierCutoffs(Body):
    """Where the value tiers start."""

    valuable_cutoff: float = Field(description="Net value from which a customer is most_valuable.")
    growable_cutoff: float | None = Field(
        description="Growth gap from which a customer below that is most_growable; null when none has a gap."
    )


class RfmRefresh(Body):
    """What a population refresh computed."""

    customers: int = Field(description="Customers graded.")
    purchasers: int | None = Field(default=None, description="Of them, customers with a purchase.")
    refreshed_at: dt.datetime = Field(description="When.")
    rfm: RfmEdges = Field(description="Quintile edges of recency days, frequency, monetary.")
    tiers: TierCutoffs = Field(description="Cut-offs of net value (most_valuable) and growth gap (most_growable).")
    needs: NeedsClusters | None = Field(description="The needs clustering, if there were enough customers.")
    announced: int = Field(description="CustomerScored events published (material changes).")
    seconds: float = Field(description="How long it took.")


SEGMENT_ID = r"^[a-z0-9][a-z0-9-]*$"
Scalar = float | int | str
# the value object's fields a rule segment may compare (scoring's domain.rules uses this catalogue):
# numbers compare with every operator, labels with eq, ne and in only
SEGMENT_FIELDS: dict[str, str] = {
    "tier": "label",
    "rfm_segment": "label",
    "r": "number",
    "f": "number",
    "m": "number",
    "frequency": "number",
    "monetary": "number",
    "recency_days": "number",
    "p_alive": "number",
    "expected_purchases_90d": "number",
    "clv_12m": "number",
    "churn_risk": "number",
    "cost_to_serve": "number",
}
SEGMENT_OPS = ("eq", "ne", "lt", "lte", "gt", "gte", "in")
LABEL_OPS = ("eq", "ne", "in")


def _exact_condition_schema(schema: dict[str, Any]) -> None:
    # the field decides the operators and the literal's type: written as one shape per kind
    def shape(fields: list[str], ops: list[str], value: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": ["field", "op", "value"],
            "properties": {"field": {"enum": fields}, "op": {"enum": ops}, "value": value},
        }

    numbers = sorted(f for f, kind in SEGMENT_FIELDS.items() if kind == "number")
    labels = sorted(f for f, kind in SEGMENT_FIELDS.items() if kind == "label")
    description, title = schema.get("description"), schema.get("title")
    schema.clear()
    schema.update(
        {
            "title": title,
            "description": description,
            "anyOf": [
                shape(numbers, [op for op in SEGMENT_OPS if op != "in"], {"type": "number"}),
                shape(numbers, ["in"], {"type": "array", "items": {"type": "number"}}),
                shape(labels, [op for op in LABEL_OPS if op != "in"], {"type": "string"}),
                shape(labels, ["in"], {"type": "array", "items": {"type": "string"}}),
            ],
            "examples": [{"field": "monetary", "op": "gte", "value": 1000}],
        }
    )


class SegmentCondition(Request):
    """``field op value`` over the value object (e.g. ``clv_12m gte 500``)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_exact_condition_schema)

    field: str = Field(min_length=1, max_length=64, description="A field of the value object (see SEGMENT_FIELDS).")
    op: Literal["eq", "ne", "lt", "lte", "gt", "gte", "in"] = Field(description="Comparison.")
    value: Scalar | list[Scalar] = Field(description="What to compare with (a list for in).")


class SegmentCreate(Request):
    """A rule-defined segment: customers for whom all conditions hold."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "big-spenders",
                    "name": "Big spenders",
                    "conditions": [{"field": "monetary", "op": "gte", "value": 1000}],
                }
            ]
        },
    )

    id: str = Field(min_length=1, max_length=58, pattern=SEGMENT_ID, description="Slug; stored as rule-<id>.")
    name: str = Field(min_length=1, max_length=200, description="Shown to people.")
    conditions: list[SegmentCondition] = Field(min_length=1, max_length=20, description="All must hold.")


class Segment(Body):
    """A segment with its size and value."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "rule-big-spenders",
                    "kind": "rule",
                    "name": "Big spenders",
                    "description": "monetary gte 1000",
                    "size": 120,
                    "value": "51800.00",
                    "conditions": [{"field": "monetary", "op": "gte", "value": 1000}],
                }
            ]
        }
    )

    id: str = Field(description="needs-<n> or rule-<slug>.")
    kind: Literal["needs", "rule"] = Field(description="needs: found by clustering; rule: defined by conditions.")
    name: str = Field(description="Shown to people.")
    description: str = Field(description="What sets its members apart.")
    size: int = Field(description="Members.")
    value: Decimal = Field(description="Summed clv_12m of the members (decimal string).")
    conditions: list[SegmentCondition] | None = Field(default=None, description="A rule segment's conditions.")


class SegmentList(Body):
    """Every segment."""

    segments: list[Segment] = Field(description="Needs segments, then rule segments.")


class SegmentMember(Body):
    """A member of a segment."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"customer_id": "c_01JD6ZK3V1Q2W3E4R5T6Y7U8I9", "since": "2026-11-23T10:00:00Z"}]
        }
    )

    customer_id: str = Field(description="The customer.")
    since: dt.datetime = Field(description="Member since.")


class SegmentMembers(Body):
    """One page of members in id order."""

    segment_id: str = Field(description="The segment.")
    customers: list[SegmentMember] = Field(description="In customer id order.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")
    next_after: str | None = Field(
        description="Deprecated: the same as next_cursor (passed as `after`).", json_schema_extra={"deprecated": True}
    )


class StoredScores(Body):
    """The scores scoring-service keeps for one customer, as stored: what /value is computed from."""

    customer_id: str = Field(description="The customer scored.")
    scored_at: dt.datetime = Field(description="When they were computed.")
    r: int | None = Field(description="Recency quintile, 5 = most recent.")
    f: int | None = Field(description="Frequency quintile, 5 = most frequent.")
    m: int | None = Field(description="Monetary quintile, 5 = highest spend.")
    rfm_segment: str | None = Field(description="RFM segment: champions, loyal, at_risk, hibernating, new, ...")
    tier: Tier | None = Field(description="Value tier.")
    churn_risk: float | None = Field(description="0..1.")
    p_alive: float | None = Field(description="Probability the customer is still active (BG/NBD).")
    expected_purchases_90d: float | None = Field(description="Expected purchases in the next 90 days.")
    expected_avg_order_value: Decimal | None = Field(description="Expected order value (Gamma-Gamma).")
    clv_12m: Decimal | None = Field(description="Expected value of the next 12 months (decimal string).")
    segments: list[str] = Field(description="Needs-based and rule segments.")
    churn_drivers: list[ChurnDriver] = Field(description="The inputs of churn_risk and what each adds.")


class ScoringExport(Body):
    """Everything scoring-service holds about one person (GDPR art. 15)."""

    customer_id: str = Field(description="The customer.")
    service: Literal["scoring-service"] = Field(description="Who holds this part.")
    profiling_refused_at: dt.datetime | None = Field(description="When the customer refused profiling, if they did.")
    features: Features = Field(description="The interaction aggregates.")
    scores: StoredScores | None = Field(description="The stored scores (RFM, CLV, tier, churn), if scored.")
    purchase_days: list[dict[str, str]] = Field(description="The days with a purchase (CLV transactions).")
