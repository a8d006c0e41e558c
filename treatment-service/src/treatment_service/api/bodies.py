"""Domain results as public bodies (``idic.public.treatment``): the one place that maps what
the service layer answers to what the API says."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from idic.public import treatment as public
from idic.public.reports import TreatmentsReport

from ..domain.context import CustomerContext
from ..domain.lifecycle import GroupCounts
from ..domain.next_best_actions import ContactPolicy
from ..domain.rules import RuleVersion, StoredRule
from ..domain.treatments import TreatmentRecord
from ..service_layer.rules import Performance, Simulation
from ..service_layer.serving import Served


def next_best_action(served: Served) -> public.NextBestAction:
    """One served action and the treatment that records it."""
    a, t = served.action, served.treatment
    return public.NextBestAction(action_id=a.action_id, kind=a.kind, channel=a.channel, score=a.score,
                                 reasons=list(a.reasons), rule_id=a.rule_id, treatment_id=t.treatment_id,
                                 expires_at=t.expires_at)


def treatment(t: TreatmentRecord) -> public.Treatment:
    """A decided treatment and its outcome."""
    return public.Treatment(
        treatment_id=t.treatment_id, customer_id=t.customer_id, action_id=t.action_id, kind=t.kind,
        channel=t.channel, rule_id=t.rule_id, rule_version=t.rule_version, score=t.score,
        reasons=list(t.reasons or []), decided_at=t.decided_at, expires_at=t.expires_at,
        delivered_at=t.delivered_at, cause_event_id=t.cause_event_id, outcome=t.outcome, outcome_at=t.outcome_at,
        accepted_at=t.accepted_at, amount=t.amount, currency=t.currency, control=t.control, outcome_by=t.outcome_by)


def outcome_counts(g: GroupCounts) -> public.OutcomeCounts:
    """One group's figures, revenue in its main currency."""
    currency = g.main_currency()
    return public.OutcomeCounts(
        presented=g.presented, accepted=g.accepted, declined=g.declined, ignored=g.ignored, converted=g.converted,
        acceptance_rate=g.acceptance_rate, conversion_rate=g.conversion_rate,
        revenue=g.revenue.get(currency, Decimal(0)) if currency is not None else Decimal(0), currency=currency or None)


def rule_performance(p: Performance) -> public.RulePerformance:
    """Treated group's figures, the control group's, uplift."""
    return public.RulePerformance(rule_id=p.rule_id, since=p.since, until=p.until, control=outcome_counts(p.control),
                                  uplift=p.uplift, **outcome_counts(p.treated).model_dump())


def context(c: CustomerContext, merged_ids: list[str]) -> public.CustomerContext:
    """The stored context as the 360 view and the export show it."""
    return public.CustomerContext(
        customer_id=c.customer_id, merged_ids=merged_ids,
        value=public.ValueFacts(tier=c.tier, clv_12m=c.clv_12m, monetary=c.monetary, currency=c.currency,
                                p_alive=c.p_alive, churn_risk=c.churn_risk, rfm_segment=c.rfm_segment,
                                frequency=c.frequency, scored_at=c.scored_at),
        interactions=public.InteractionFacts(
            count=c.interactions_count, purchases=c.purchases_count, by_channel=dict(c.channel_counts),
            by_type=dict(c.type_counts), first_at=c.first_interaction_at, last_at=c.last_interaction_at,
            last_channel=c.last_interaction_channel, last_type=c.last_interaction_type,
            last_purchase_at=c.last_purchase_at),
        recent_triggers=[public.RecentTrigger(trigger_id=t.trigger_id, kind=t.kind, occurred_at=t.occurred_at,
                                              interaction_id=t.interaction_id) for t in c.recent_triggers],
        consent=dict(c.consent), segments=list(c.segments), birthday_month_day=c.birthday_month_day,
        moved_at=c.moved_at, activity=dict(c.activity), created_at=c.created_at, updated_at=c.updated_at)


def rule(stored: StoredRule) -> public.Rule:
    """The current version of a rule and who made it."""
    return public.Rule.model_validate({**stored.document, "rule_id": stored.rule_id, "version": stored.version,
                                       "created_at": stored.created_at, "created_by": stored.created_by,
                                       "updated_at": stored.updated_at, "updated_by": stored.updated_by})


def rule_version(v: RuleVersion) -> public.RuleVersion:
    """One version in a rule's history."""
    return public.RuleVersion(rule_id=v.rule_id, version=v.version, change=v.change,  # type: ignore[arg-type]
                              changed_at=v.changed_at, changed_by=v.changed_by,
                              rule=public.RuleDocument.model_validate(v.document))


def simulation(s: Simulation) -> public.Simulation:
    """What a simulated rule would do for the customer, and why."""
    ev, a = s.evaluation, s.evaluation.action
    return public.Simulation(
        customer_id=s.customer_id, rule_id=s.rule.rule_id, rule_version=s.rule.version, status=s.rule.doc.status,
        fires=ev.fires, in_validity_window=ev.in_window, condition_holds=ev.holds,
        conditions=[public.ConditionTrace(**t) for t in s.trace],
        suppression=public.Suppression(code=ev.suppression.code, reason=ev.suppression.reason)
        if ev.suppression else None,
        suppressed_channels=[public.Suppression(code=x.code, reason=x.reason) for x in ev.suppressed_channels],
        action=public.SimulatedAction(action_id=a.action_id, kind=a.kind, channel=a.channel, score=a.score,
                                      propensity=a.propensity, value=a.value, reasons=a.reasons) if a else None,
        rank=s.rank, competing_actions=s.competing)


def contact_policy(p: ContactPolicy) -> public.ContactPolicy:
    """The contact policy as the API shows it."""
    return public.ContactPolicy(max_contacts_per_channel=p.max_contacts_per_channel, period_days=p.period_days,
                                decline_cooldown_days=p.decline_cooldown_days,
                                exclusive_kinds=list(p.exclusive_kinds), open_offer_days=p.open_offer_days)


def to_contact_policy(body: public.ContactPolicy) -> ContactPolicy:
    """The domain's contact policy from the request body."""
    return ContactPolicy(**{**body.model_dump(), "exclusive_kinds": tuple(body.exclusive_kinds)})


def treatments_report(report: dict[str, Any]) -> TreatmentsReport:
    """Per rule and period: outcomes against the control group."""
    return TreatmentsReport.model_validate(report)

