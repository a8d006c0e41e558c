"""Feedback: Net Promoter Score and satisfaction (CSAT), over a period and per customer over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean
from typing import Literal

TREND_WINDOW = 5  # the answers before the latest that its trend is measured against
Direction = Literal["up", "down", "flat"]


@dataclass(frozen=True)
class NpsBreakdown:
    """Net Promoter Score of a set of answers (promoters 9-10, passives 7-8, detractors 0-6)."""

    responses: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None  # -100..100; None without answers


def nps_breakdown(*, responses: int, promoters: int, detractors: int) -> NpsBreakdown:
    """Net Promoter Score: % promoters (9-10) minus % detractors (0-6)."""
    score = None if responses == 0 else round(100 * (promoters - detractors) / responses, 2)
    return NpsBreakdown(responses=responses, promoters=promoters, passives=responses - promoters - detractors,
                        detractors=detractors, nps=score)


@dataclass(frozen=True)
class FeedbackCounts:
    """The answers given on one channel: NPS answers, promoters and detractors among them, CSAT answers and
    their sum."""

    channel: str
    nps_responses: int
    promoters: int
    detractors: int
    csat_responses: int
    csat_sum: int


@dataclass(frozen=True)
class ChannelFeedback:
    """NPS and mean CSAT of the answers on one channel."""

    channel: str
    nps: NpsBreakdown
    csat_responses: int
    csat_average: float | None


@dataclass(frozen=True)
class FeedbackOverview:
    """NPS and CSAT over [since, until) (None: open), overall and per channel."""

    since: dt.datetime | None
    until: dt.datetime | None
    nps: NpsBreakdown
    csat_responses: int
    csat_average: float | None
    channels: list[ChannelFeedback]


def _csat_average(responses: int, total: int) -> float | None:
    return round(total / responses, 4) if responses else None


def overview(counts: list[FeedbackCounts], *, since: dt.datetime | None, until: dt.datetime | None
             ) -> FeedbackOverview:
    """The period's feedback from its per-channel counts: the overall figures are their sums."""
    channels = [ChannelFeedback(channel=c.channel, csat_responses=c.csat_responses,
                                nps=nps_breakdown(responses=c.nps_responses, promoters=c.promoters,
                                                  detractors=c.detractors),
                                csat_average=_csat_average(c.csat_responses, c.csat_sum)) for c in counts]
    csat_responses = sum(c.csat_responses for c in counts)
    return FeedbackOverview(
        since=since, until=until, channels=channels, csat_responses=csat_responses,
        nps=nps_breakdown(responses=sum(c.nps_responses for c in counts),
                          promoters=sum(c.promoters for c in counts), detractors=sum(c.detractors for c in counts)),
        csat_average=_csat_average(csat_responses, sum(c.csat_sum for c in counts)))


@dataclass(frozen=True)
class ScoreSeries:
    """One customer's answers to one question over time."""

    latest: int | None
    latest_at: dt.datetime | None
    average: float | None
    responses: int
    trend: float | None  # latest minus the mean of the (up to 5) answers before it
    direction: Direction | None


def series(values: list[tuple[int, dt.datetime]], *, flat_within: float) -> ScoreSeries:
    """Latest, average and trend of answers given newest first."""
    if not values:
        return ScoreSeries(latest=None, latest_at=None, average=None, responses=0, trend=None, direction=None)
    latest, latest_at = values[0]
    earlier = [v for v, _ in values[1:1 + TREND_WINDOW]]
    trend = round(latest - fmean(earlier), 4) if earlier else None
    direction: Direction | None = (None if trend is None else "flat" if abs(trend) < flat_within
                                   else "up" if trend > 0 else "down")
    return ScoreSeries(latest=latest, latest_at=latest_at, average=round(fmean(v for v, _ in values), 4),
                       responses=len(values), trend=trend, direction=direction)


@dataclass(frozen=True)
class FeedbackAnswer:
    """One survey answer (NPS, CSAT or both)."""

    interaction_id: str
    occurred_at: dt.datetime
    channel: str
    nps: int | None
    csat: int | None


@dataclass(frozen=True)
class CustomerFeedback:
    """What one customer told us in surveys: each question's series, and the answers newest first."""

    customer_id: str
    nps: ScoreSeries
    csat: ScoreSeries
    history: list[FeedbackAnswer]


def customer_feedback(customer_id: str, history: list[FeedbackAnswer]) -> CustomerFeedback:
    """A customer's NPS and CSAT series from their answers, newest first (flat within 1 NPS point,
    0.5 CSAT point: smaller moves are noise on these scales)."""
    return CustomerFeedback(
        customer_id=customer_id, history=history,
        nps=series([(a.nps, a.occurred_at) for a in history if a.nps is not None], flat_within=1.0),
        csat=series([(a.csat, a.occurred_at) for a in history if a.csat is not None], flat_within=0.5))
