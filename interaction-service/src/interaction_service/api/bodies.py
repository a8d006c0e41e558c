"""Public bodies (``idic.public.interaction``) to domain values and back: the one place that maps what
clients send to what the service layer takes, and what it answers to what the API says."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from idic import ProblemError
from idic.public import interaction as public
from idic.public.common import ErasureResult

from ..domain.channels import ChannelMix, ChannelStatistics
from ..domain.export import CustomerData
from ..domain.feedback import CustomerFeedback, FeedbackOverview, NpsBreakdown, ScoreSeries
from ..domain.interactions import (
    Accepted,
    Identifier,
    InvalidInteractions,
    NewInteraction,
    RecentInteractions,
    StoredInteraction,
    TimelinePage,
)
from ..domain.triggers import CustomerTriggers, ScanResult, StoredTrigger


# -- requests ---------------------------------------------------------------------------------------
def new_interaction(body: public.InteractionRequest, *, actor: str | None = None) -> NewInteraction:
    """An interaction as a client sent it (validated by the body's own rules already), and who sent it."""
    return NewInteraction(
        client_key=body.id, customer_id=body.customer_id,
        identifiers=tuple(Identifier(type=i.type, value=i.value) for i in body.identifiers or ()),
        channel=body.channel, type=body.type, direction=body.direction, occurred_at=body.occurred_at,
        amount=body.amount, currency=body.currency, cost=body.cost,
        # as sent: the keys the client set, JSON-ready (the payload is stored and announced as it is)
        payload=body.payload.model_dump(mode="json", exclude_unset=True), actor=actor)


def refused(exc: InvalidInteractions, *, item: str) -> ProblemError:
    """The 422 naming every broken rule by its path in the body; ``item`` is the path of the interaction
    (``body``, or ``body.interactions.{index}`` in a batch)."""
    errors = [{"field": f"{item.format(index=v.index)}.{v.field}", "message": v.message} for v in exc.violations]
    fields = ", ".join(e["field"] for e in errors[:5])
    return ProblemError(422, "Unprocessable Content", f"invalid request: {fields}", errors=errors)


# -- answers ----------------------------------------------------------------------------------------
def accepted(a: Accepted) -> public.InteractionAccepted:
    """What became of one interaction sent."""
    return public.InteractionAccepted(interaction_id=a.interaction_id, customer_id=a.customer_id, status=a.status)


def interaction(i: StoredInteraction) -> public.Interaction:
    """A stored interaction as the API shows it."""
    assert i.customer_id is not None  # read by customer_id: pending interactions (no customer) never come here
    return public.Interaction(
        interaction_id=i.interaction_id, customer_id=i.customer_id, id=i.client_key, channel=i.channel,
        type=i.type, direction=i.direction, occurred_at=i.occurred_at, recorded_at=i.recorded_at,
        amount=i.amount, currency=i.currency, cost=i.cost, payload=dict(i.payload), treatment_id=i.treatment_id,
        actor=i.actor)


def timeline(page: TimelinePage) -> public.Timeline:
    """One page of a customer's timeline."""
    return public.Timeline(customer_id=page.customer_id, items=[interaction(i) for i in page.items],
                           next_cursor=page.next_cursor)


def summary(recent: RecentInteractions) -> public.InteractionSummary:
    """The interactions part of the 360 view."""
    return public.InteractionSummary(recent=[interaction(i) for i in recent.recent], count=recent.count)


def channel_statistics(stats: ChannelStatistics) -> public.ChannelStatistics:
    """Every channel's figures over a period."""
    return public.ChannelStatistics(since=stats.since, until=stats.until, channels=[
        public.ChannelStats(channel=c.channel, count=c.count, customers=c.customers, total_cost=c.total_cost,
                            cost_per_interaction=c.cost_per_interaction, purchases=c.purchases, revenue=c.revenue,
                            conversion_rate=c.conversion_rate)
        for c in stats.channels])


def customer_channels(mix: ChannelMix) -> public.CustomerChannels:
    """A customer's channel mix."""
    return public.CustomerChannels(customer_id=mix.customer_id, count=mix.count, cost_to_serve=mix.cost_to_serve,
                                   channels=[public.ChannelShare(channel=s.channel, count=s.count, share=s.share,
                                                                 cost=s.cost) for s in mix.channels])


def _nps(n: NpsBreakdown) -> public.NpsBreakdown:
    return public.NpsBreakdown(responses=n.responses, promoters=n.promoters, passives=n.passives,
                               detractors=n.detractors, nps=n.nps)


def _series(s: ScoreSeries) -> public.ScoreSeries:
    return public.ScoreSeries(latest=s.latest, latest_at=s.latest_at, average=s.average, responses=s.responses,
                              trend=s.trend, direction=s.direction)


def feedback_overview(o: FeedbackOverview) -> public.FeedbackOverview:
    """NPS and CSAT over a period, overall and per channel."""
    return public.FeedbackOverview(
        since=o.since, until=o.until, nps=_nps(o.nps), csat_responses=o.csat_responses, csat_average=o.csat_average,
        channels=[public.ChannelFeedback(channel=c.channel, nps=_nps(c.nps), csat_responses=c.csat_responses,
                                         csat_average=c.csat_average) for c in o.channels])


def customer_feedback(f: CustomerFeedback) -> public.CustomerFeedback:
    """What one customer told us in surveys."""
    return public.CustomerFeedback(
        customer_id=f.customer_id, nps=_series(f.nps), csat=_series(f.csat),
        history=[public.FeedbackAnswer(interaction_id=a.interaction_id, occurred_at=a.occurred_at, channel=a.channel,
                                       nps=a.nps, csat=a.csat) for a in f.history])


def trigger(t: StoredTrigger) -> public.Trigger:
    """A detected trigger."""
    # the stored dict as it is: pydantic validates it into the details model of its kind
    details = cast(public.TriggerDetails, dict(t.details))
    return public.Trigger(trigger_id=t.trigger_id, customer_id=t.customer_id, kind=t.kind, occurred_at=t.occurred_at,
                          interaction_id=t.interaction_id, details=details, detected_at=t.detected_at)


def customer_triggers(found: CustomerTriggers) -> public.CustomerTriggers:
    """A customer's triggers, newest first."""
    return public.CustomerTriggers(customer_id=found.customer_id, items=[trigger(t) for t in found.items])


def trigger_scan(result: ScanResult) -> dict[str, Any]:
    """A scan job's result as ``GET /v1/jobs/{id}`` shows it."""
    return public.TriggerScan(fired=result.fired, scanned_at=result.scanned_at).model_dump(mode="json")


def export(data: CustomerData) -> public.InteractionExport:
    """Everything held about one person (GDPR art. 15)."""
    return public.InteractionExport(
        customer_id=data.customer_id, interactions=[interaction(i) for i in data.interactions],
        triggers=[trigger(t) for t in data.triggers], birthday_month_day=data.birthday_month_day,
        identifier_keys=data.identifier_keys)


def erasure(customer_id: str, erased_at: dt.datetime) -> ErasureResult:
    """When this service erased a person (GDPR art. 17)."""
    return ErasureResult(customer_id=customer_id, erased_at=erased_at)
