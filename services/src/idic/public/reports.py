"""Reports (API.md "Reports", analytical CRM): bodies of the reports, each served by the service
that owns its data and proxied by the gateway; ``Accept: text/csv`` answers the report's table
(``idic.reports``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from ..reports import Period
from .common import Body, Channel
from .scoring import Tier

AS_OF = ("When the population run this report was computed by took place (reports of scoring are "
         "refreshed by each run, see GET /v1/jobs?kind=rfm_refresh); null before the first run.")


class ValueDecile(Body):
    """One tenth of the customers ranked by net value, the most valuable first."""

    decile: int = Field(ge=1, le=10, description="1 = the most valuable tenth.")
    customers: int = Field(description="Customers in this tenth (tenths differ in size by one at most).")
    value: Decimal = Field(description="Their summed net value (12-month CLV net of the cost to serve).")
    min_value: Decimal | None = Field(description="Smallest net value in the tenth; null when it is empty.")
    max_value: Decimal | None = Field(description="Largest net value in the tenth; null when it is empty.")
    share: float | None = Field(description="value / total_value; null when the total is not positive.")
    cumulative_share: float | None = Field(
        description="Share of total value of this tenth and all above it (the Pareto curve).")


class MoneyBin(Body):
    """Customers whose value falls in [from, to)."""

    model_config = ConfigDict(populate_by_name=True)

    from_: Decimal = Field(alias="from", description="Lower bound, inclusive.")
    to: Decimal | None = Field(description="Upper bound, exclusive; null for the last bin (all above).")
    customers: int = Field(description="Customers in the bin.")


class ClvDistribution(Body):
    """How the 12-month CLV is spread over the customers who have one."""

    customers: int = Field(description="Customers with a CLV (two purchase days and a fitted model).")
    mean: Decimal | None = Field(description="Mean CLV; null when nobody has one.")
    quantiles: dict[str, Decimal] = Field(description="p10, p25, p50, p75, p90 and p99 of the CLV.")
    histogram: list[MoneyBin] = Field(description="Ten equal bins from 0 to p99; the last takes all above.")


class RiskBin(Body):
    """Customers whose churn risk falls in [from, to)."""

    model_config = ConfigDict(populate_by_name=True)

    from_: float = Field(alias="from", description="Lower bound, inclusive.")
    to: float = Field(description="Upper bound, exclusive (1.0 included in the last bin).")
    customers: int = Field(description="Customers in the bin.")


class ChurnDistribution(Body):
    """How churn risk is spread over the customers who have one."""

    customers: int = Field(description="Customers with a churn risk.")
    mean: float | None = Field(description="Mean churn risk; null when nobody has one.")
    histogram: list[RiskBin] = Field(description="Tenths of churn risk.")


class ValueReport(Body):
    """Value concentration: customers ranked by value in tenths with their share of the total (the
    Pareto curve), and how CLV and churn risk are distributed. CSV: the deciles, then the two
    histograms (column ``table``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T03:00:00Z", "tier": None, "customers": 1000, "total_value": "51234.00",
        "currency": "EUR",
        "deciles": [{"decile": 1, "customers": 100, "value": "26100.00", "min_value": "140.10",
                     "max_value": "1900.00", "share": 0.509, "cumulative_share": 0.509}],
        "clv": {"customers": 640, "mean": "80.05", "quantiles": {"p50": "41.20"},
                "histogram": [{"from": "0.00", "to": "52.10", "customers": 400}]},
        "churn_risk": {"customers": 640, "mean": 0.31,
                       "histogram": [{"from": 0.0, "to": 0.1, "customers": 200}]}}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("deciles", "clv.histogram", "churn_risk.histogram")

    as_of: dt.datetime | None = Field(description=AS_OF)
    tier: Tier | None = Field(description="The tier the report is restricted to (the `tier` filter); null: all.")
    segment: str | None = Field(default=None, description="The segment the report is restricted to (the `segment` "
                                "filter: its members at each population run); null: everyone.")
    customers: int = Field(description="Customers scored (those who refused profiling are not).")
    total_value: Decimal = Field(description="Summed net value, each customer in their own currency.")
    currency: str | None = Field(description="The population's currency when all use one; null when mixed.")
    deciles: list[ValueDecile] = Field(description="Ten tenths, the most valuable first.")
    clv: ClvDistribution = Field(description="Distribution of the 12-month CLV.")
    churn_risk: ChurnDistribution = Field(description="Distribution of churn risk.")


class TierSize(Body):
    """One value tier now."""

    tier: Tier = Field(description="The tier.")
    customers: int = Field(description="Customers in it.")
    customer_share: float | None = Field(description="Share of the customers tiered; null when none is.")
    value: Decimal = Field(description="Their summed net value.")
    value_share: float | None = Field(description="value / the summed net value of every tiered customer (below_zero "
                                      "ones lower it); null when that sum is not positive.")


class TierMovement(Body):
    """Customers who moved between two tiers in one period."""

    period_start: dt.datetime = Field(description="Start of the period (UTC).")
    from_tier: Tier | None = Field(description="The tier held at the run before; null: not tiered then (new).")
    to_tier: Tier = Field(description="The tier given at a run in the period.")
    customers: int = Field(description="Movements counted (one customer may move more than once a period).")


class TierPeriod(Body):
    """One tier as the last population run of one period left it: value over time."""

    period_start: dt.datetime = Field(description="Start of the period (UTC).")
    as_of: dt.datetime = Field(description="The last run of the period, whose figures these are.")
    tier: Tier = Field(description="The tier.")
    customers: int = Field(description="Customers in it at that run.")
    value: Decimal = Field(description="Their summed net value at that run.")


class TiersReport(Body):
    """Per tier: customers and value share now, and the movements between tiers per period, from the
    history of population runs (each run compares every customer's tier with the one the run before
    gave them), and each tier's size and value at the last run of every period (value over time). CSV:
    the tiers, then the movements, then the history (column ``table``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T03:00:00Z", "period": "month", "since": None, "until": None,
        "tiers": [{"tier": "most_valuable", "customers": 200, "customer_share": 0.2, "value": "30100.00",
                   "value_share": 0.61}],
        "movements": [{"period_start": "2026-11-01T00:00:00Z", "from_tier": "maintain",
                       "to_tier": "most_valuable", "customers": 12}],
        "history": [{"period_start": "2026-11-01T00:00:00Z", "as_of": "2026-11-30T03:00:00Z",
                     "tier": "most_valuable", "customers": 190, "value": "28800.00"}]}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("tiers", "movements", "history")

    as_of: dt.datetime | None = Field(description=AS_OF)
    period: Period = Field(description="The period movements are counted per.")
    since: dt.datetime | None = Field(description="Runs from then on (inclusive); null: from the first.")
    until: dt.datetime | None = Field(description="Runs before then (exclusive); null: up to the latest.")
    segment: str | None = Field(default=None, description="The segment the report is restricted to (the `segment` "
                                "filter: its members at each population run); null: everyone.")
    tiers: list[TierSize] = Field(description="Each tier as of the latest run in the window.")
    movements: list[TierMovement] = Field(description="Movements between tiers, per period, oldest first.")
    history: list[TierPeriod] = Field(default_factory=list, description=(
        "Each tier at the last run of every period in the window, oldest first: value over time."))


class Cohort(Body):
    """The customers whose first purchase fell in one month."""

    cohort_start: dt.date = Field(description="First day of the month of their first purchase.")
    customers: int = Field(description="Customers in the cohort.")
    revenue: Decimal = Field(description="All they spent since, each in their own currency.")


class CohortCell(Body):
    """One cohort in one month since its first."""

    cohort_start: dt.date = Field(description="The cohort (month of first purchase).")
    period_index: int = Field(ge=0, description="Months since the cohort's month (0: that month).")
    period_start: dt.date = Field(description="First day of this month.")
    active_customers: int = Field(description="Customers of the cohort who bought this month.")
    share_active: float | None = Field(description="active_customers / the cohort's customers (still active).")
    revenue: Decimal = Field(description="What the cohort spent this month.")


class CohortsReport(Body):
    """Cohorts by first purchase: each cohort's customers, and month by month since, the share still
    buying and what they spent (a retention table), as of the latest population run. Months nobody of
    a cohort bought in are there with 0, up to the month of the run. CSV: the cohorts, then the cells
    (column ``table``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T03:00:00Z", "period": "month", "since": None, "until": None,
        "cohorts": [{"cohort_start": "2026-10-01", "customers": 10, "revenue": "520.00"}],
        "cells": [{"cohort_start": "2026-10-01", "period_index": 1, "period_start": "2026-11-01",
                   "active_customers": 3, "share_active": 0.3, "revenue": "90.00"}]}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("cohorts", "cells")

    as_of: dt.datetime | None = Field(description=AS_OF)
    period: Literal["month"] = Field(description="Cohorts and their periods are calendar months (UTC).")
    since: dt.datetime | None = Field(description="Cohorts from the month holding this time on; null: from the first.")
    until: dt.datetime | None = Field(description="Cohorts whose month starts before this time; null: to the last.")
    cohorts: list[Cohort] = Field(description="Each cohort, oldest first.")
    cells: list[CohortCell] = Field(description="Each cohort's months since its first, oldest cohort first.")


class LinkageGroup(Body):
    """Customers who said one thing (an NPS group, or a complaint), and what they did."""

    group: Literal["promoter", "passive", "detractor", "no_answer", "complained", "no_complaint"] = Field(
        description="promoter (latest NPS 9-10), passive (7-8), detractor (0-6), no_answer; complained (at least "
                    "one complaint) or no_complaint.")
    customers: int = Field(description="Customers in the group.")
    buyers: int = Field(description="Those who ever bought.")
    active_share: float | None = Field(description="Share of the buyers who bought in the last `active_days` "
                                       "(retention); null without buyers.")
    value: Decimal = Field(description="Their summed net value.")
    mean_value: Decimal | None = Field(description="Their mean net value; null for an empty group.")
    mean_churn_risk: float | None = Field(description="Their mean churn risk; null when none has one.")


class LinkageReport(Body):
    """What people say against what they do: retention and value by NPS group, and churn after
    complaints against without, as of the latest population run in [since, until). CSV: the NPS groups,
    then the complaint groups (column ``table``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T03:00:00Z", "tier": None, "active_days": 90,
        "nps_groups": [{"group": "promoter", "customers": 120, "buyers": 110, "active_share": 0.72,
                        "value": "15400.00", "mean_value": "128.33", "mean_churn_risk": 0.18}],
        "complaints": [{"group": "complained", "customers": 40, "buyers": 38, "active_share": 0.41,
                        "value": "2100.00", "mean_value": "52.50", "mean_churn_risk": 0.46}]}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("nps_groups", "complaints")

    as_of: dt.datetime | None = Field(description=AS_OF)
    tier: Tier | None = Field(description="The tier the report is restricted to (the `tier` filter); null: all.")
    segment: str | None = Field(default=None, description="The segment the report is restricted to (the `segment` "
                                "filter: its members at each population run); null: everyone.")
    active_days: int = Field(description="A buyer is active with a purchase in this many days before the run.")
    nps_groups: list[LinkageGroup] = Field(description="promoter, passive, detractor, no_answer.")
    complaints: list[LinkageGroup] = Field(description="complained, no_complaint.")


class RulePeriod(Body):
    """What one rule's decisions of one period led to, against its control group."""

    rule_id: str = Field(description="The rule.")
    period_start: dt.datetime = Field(description="Start of the period of the decisions (UTC).")
    presented: int = Field(description="Treated decisions (actions served).")
    accepted: int = Field(description="Accepted (incl. accepted then converted).")
    declined: int = Field(description="Declined.")
    ignored: int = Field(description="Ignored (incl. expired unanswered).")
    converted: int = Field(description="Converted by a purchase in the attribution window.")
    acceptance_rate: float | None = Field(description="accepted / presented; null when none was presented.")
    conversion_rate: float | None = Field(description="converted / presented; null when none was presented.")
    revenue: dict[str, Decimal] = Field(description="Conversion amounts per ISO 4217 currency.")
    control_presented: int = Field(description="Decisions of the control group (no action given).")
    control_converted: int = Field(description="Control decisions followed by a purchase in the window.")
    control_conversion_rate: float | None = Field(description="control_converted / control_presented.")
    uplift: float | None = Field(description="conversion_rate - control_conversion_rate; null without control.")


class TreatmentsReport(Body):
    """Per rule and period of decision: presented, accepted, converted, revenue and the uplift against
    the rule's control group, from counts kept per UTC day of decision: current to the last decision and
    outcome (``as_of``: when it was read). CSV: one row per rule and period, revenue as
    ``revenue_<currency>`` columns."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T10:00:00Z", "period": "month", "since": None, "until": None, "channel": None,
        "rules": [{"rule_id": "win-back", "period_start": "2026-11-01T00:00:00Z", "presented": 400, "accepted": 90,
                   "declined": 60, "ignored": 250, "converted": 48, "acceptance_rate": 0.225,
                   "conversion_rate": 0.12, "revenue": {"EUR": "2880.00"}, "control_presented": 100,
                   "control_converted": 5, "control_conversion_rate": 0.05, "uplift": 0.07}]}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("rules",)

    as_of: dt.datetime = Field(description="When the report was computed.")
    period: Period = Field(description="The period decisions are counted per.")
    since: dt.datetime | None = Field(description="Decisions of UTC days starting from then on; null: from the first.")
    until: dt.datetime | None = Field(description="Decisions of the UTC days starting before then; null: to the last.")
    channel: str | None = Field(description="Only decisions on this channel (the `channel` filter); null: all.")
    rules: list[RulePeriod] = Field(description="One row per rule and period, by rule then period.")


class ChannelPeriod(Body):
    """One channel in one period."""

    period_start: dt.datetime = Field(description="Start of the period (UTC).")
    channel: Channel = Field(description="The channel.")
    interactions: int = Field(description="Interactions on the channel.")
    cost: Decimal = Field(description="Their summed contact cost.")
    cost_per_interaction: Decimal | None = Field(description="cost / interactions.")
    purchases: int = Field(description="Purchases among them.")
    revenue: dict[str, Decimal] = Field(description="Purchase amounts per ISO 4217 currency.")
    conversion_rate: float | None = Field(description="purchases / interactions.")


class ChannelsReport(Body):
    """Per channel and period: interactions, cost, cost per interaction, purchases, revenue and
    conversion. Kept by scoring's consumer from every interaction event it applies, so current to the
    last one (``as_of`` is when it was read); days are UTC and counted by when the interaction occurred.
    CSV: one row per period and channel, revenue as ``revenue_<currency>``."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T10:00:00Z", "period": "month", "since": None, "until": None, "channel": None,
        "tier": None, "rows": [{"period_start": "2026-11-01T00:00:00Z", "channel": "store", "interactions": 1200,
                                "cost": "2400.00", "cost_per_interaction": "2.00", "purchases": 410,
                                "revenue": {"EUR": "20450.00"}, "conversion_rate": 0.341667}]}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("rows",)

    as_of: dt.datetime = Field(description="When the report was read.")
    period: Period = Field(description="The period interactions are counted per.")
    since: dt.datetime | None = Field(description="UTC days starting from then on; null: from the first.")
    until: dt.datetime | None = Field(description="UTC days starting before then; null: to the last.")
    channel: Channel | None = Field(description="Only this channel (the `channel` filter); null: all.")
    tier: Tier | None = Field(description="Only customers of this tier when the interaction arrived; null: all.")
    rows: list[ChannelPeriod] = Field(description="One row per period and channel, oldest first.")


class Feedback(Body):
    """NPS and CSAT of a set of answers."""

    nps_responses: int = Field(description="NPS answers (0-10).")
    promoters: int = Field(description="Answers of 9 or 10.")
    passives: int = Field(description="Answers of 7 or 8.")
    detractors: int = Field(description="Answers of 0 to 6.")
    nps: float | None = Field(description="Net Promoter Score: % promoters - % detractors; null without answers.")
    csat_responses: int = Field(description="CSAT answers (1-5).")
    csat_mean: float | None = Field(description="Mean CSAT; null without answers.")


class FeedbackPeriod(Feedback):
    """Feedback of one period."""

    period_start: dt.datetime = Field(description="Start of the period (UTC).")


class FeedbackChannelPeriod(FeedbackPeriod):
    """Feedback given on one channel in one period."""

    channel: Channel = Field(description="The channel the answer came on.")


class FeedbackTierPeriod(FeedbackPeriod):
    """Feedback of the customers of one value tier in one period."""

    tier: Tier | None = Field(description="The tier the customer held when they answered; null: not tiered.")


class FeedbackReport(Body):
    """NPS and CSAT per period, per period and channel, and per period and value tier (the tier each
    customer held when they answered: a view linking what customers say with what they are worth).
    CSV: the three lists one after the other (column ``table``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-06T10:00:00Z", "period": "month", "since": None, "until": None, "channel": None,
        "tier": None,
        "periods": [{"period_start": "2026-11-01T00:00:00Z", "nps_responses": 3, "promoters": 2, "passives": 0,
                     "detractors": 1, "nps": 33.33, "csat_responses": 2, "csat_mean": 4.5}],
        "by_channel": [], "by_tier": []}]})

    CSV_TABLES: ClassVar[tuple[str, ...]] = ("periods", "by_channel", "by_tier")

    as_of: dt.datetime = Field(description="When the report was read.")
    period: Period = Field(description="The period answers are counted per.")
    since: dt.datetime | None = Field(description="UTC days starting from then on; null: from the first.")
    until: dt.datetime | None = Field(description="UTC days starting before then; null: to the last.")
    channel: Channel | None = Field(description="Only answers on this channel; null: all.")
    tier: Tier | None = Field(description="Only customers of this tier when they answered; null: all.")
    periods: list[FeedbackPeriod] = Field(description="Every answer, per period.")
    by_channel: list[FeedbackChannelPeriod] = Field(description="Per period and channel.")
    by_tier: list[FeedbackTierPeriod] = Field(description="Per period and value tier.")

