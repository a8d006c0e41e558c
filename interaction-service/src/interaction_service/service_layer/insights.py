"""Read use cases: feedback (NPS/CSAT), triggers, and the GDPR export."""

from __future__ import annotations

import datetime as dt
from statistics import fmean

from idic import ProblemError
from idic.public.common import ErasureResult
from idic.public.interaction import (
    ChannelFeedback,
    CustomerFeedback,
    CustomerTriggers,
    FeedbackAnswer,
    FeedbackOverview,
    InteractionExport,
    NpsBreakdown,
    ScoreSeries,
)
from idic.public.interaction import (
    Trigger as TriggerBody,
)

from ..adapters.orm import Trigger
from .queries import to_out
from .record import UowFactory

HISTORY = 50
TREND_WINDOW = 5


def nps_breakdown(*, responses: int, promoters: int, detractors: int) -> NpsBreakdown:
    """Net Promoter Score: % promoters (9-10) minus % detractors (0-6)."""
    score = None if responses == 0 else round(100 * (promoters - detractors) / responses, 2)
    return NpsBreakdown(responses=responses, promoters=promoters, passives=responses - promoters - detractors,
                        detractors=detractors, nps=score)


def feedback_overview(*, since: dt.datetime | None, until: dt.datetime | None,
                      uow_factory: UowFactory) -> FeedbackOverview:
    """NPS and CSAT overall and per channel over a period."""
    with uow_factory() as uow:
        rows = uow.interactions.feedback_by_channel(since=since, until=until)
    channels = [ChannelFeedback(channel=ch, nps=nps_breakdown(responses=n, promoters=p, detractors=d),
                                csat_responses=c, csat_average=round(cs / c, 4) if c else None)
                for ch, n, p, d, c, cs in rows]
    n, p, d, c, cs = (sum(r[i] for r in rows) for i in range(1, 6))
    return FeedbackOverview(since=since, until=until, nps=nps_breakdown(responses=n, promoters=p, detractors=d),
                            csat_responses=c, csat_average=round(cs / c, 4) if c else None, channels=channels)


def series(values: list[tuple[int, dt.datetime]], *, flat_within: float) -> ScoreSeries:
    """Latest, average and trend of answers given newest first."""
    if not values:
        return ScoreSeries(latest=None, latest_at=None, average=None, responses=0, trend=None, direction=None)
    latest, latest_at = values[0]
    earlier = [v for v, _ in values[1:1 + TREND_WINDOW]]
    trend = round(latest - fmean(earlier), 4) if earlier else None
    direction = None if trend is None else "flat" if abs(trend) < flat_within else "up" if trend > 0 else "down"
    return ScoreSeries(latest=latest, latest_at=latest_at, average=round(fmean(v for v, _ in values), 4),
                       responses=len(values), trend=trend, direction=direction)


def customer_feedback(*, customer_id: str, uow_factory: UowFactory) -> CustomerFeedback:
    """A customer's latest answers and their trend (over the last 50 survey answers)."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        rows = uow.interactions.feedback_of(customer_id, limit=HISTORY)
        history = [FeedbackAnswer(interaction_id=r.id, occurred_at=r.occurred_at, channel=r.channel, nps=r.nps,
                                  csat=r.csat) for r in rows]
    return CustomerFeedback(
        customer_id=customer_id, history=history,
        nps=series([(a.nps, a.occurred_at) for a in history if a.nps is not None], flat_within=1.0),
        csat=series([(a.csat, a.occurred_at) for a in history if a.csat is not None], flat_within=0.5))


def trigger_out(row: Trigger) -> TriggerBody:
    return TriggerBody(trigger_id=row.id, customer_id=row.customer_id, kind=row.kind, occurred_at=row.occurred_at,
                      interaction_id=row.interaction_id, details=dict(row.details or {}),
                      detected_at=row.detected_at)


def customer_triggers(*, customer_id: str, kind: str | None, limit: int, uow_factory: UowFactory
                      ) -> CustomerTriggers:
    """A customer's detected triggers, newest first."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        items = [trigger_out(t) for t in uow.triggers.triggers_of(customer_id=customer_id, kind=kind, limit=limit)]
    return CustomerTriggers(customer_id=customer_id, items=items)


def export(*, customer_id: str, uow_factory: UowFactory) -> InteractionExport:
    """GDPR art. 15: everything held about a customer; 404 when nothing is."""
    with uow_factory() as uow:
        interactions = [to_out(r) for r in uow.interactions.all_of(customer_id)]
        triggers = [trigger_out(t) for t in uow.triggers.triggers_of(customer_id=customer_id, limit=100_000)]
        birthday = uow.triggers.birthday_of(customer_id)
        keys = uow.identities.keys_of(customer_id)
    if not (interactions or triggers or birthday or keys):
        raise ProblemError(404, "Not Found", f"no data held about customer {customer_id}")
    return InteractionExport(customer_id=customer_id, interactions=interactions, triggers=triggers,
                          birthday_month_day=birthday, identifier_keys=keys)


def erasure(*, customer_id: str, uow_factory: UowFactory) -> ErasureResult:
    """Whether this service applied the erasure of a customer (404 until it did)."""
    with uow_factory() as uow:
        erased_at = uow.erasures.erased_at(customer_id)
    if erased_at is None:
        raise ProblemError(404, "Not Found", f"no erasure applied for customer {customer_id}")
    return ErasureResult(customer_id=customer_id, erased_at=erased_at)
