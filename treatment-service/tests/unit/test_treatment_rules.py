"""The default rules (seeded as data): next-best-actions and what newly fires on a change."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from treatment_factories import T0, purchase, scored

from treatment_service.domain.context import CustomerContext
from treatment_service.domain.defaults import DEFAULT_RULES
from treatment_service.domain.facts import EventFacts, FactView
from treatment_service.domain.next_best_actions import ContactPolicy, newly_decided, next_best_actions
from treatment_service.domain.rules import Rule, RuleDocument

NOW = T0
RULES = sorted((Rule.compile(rid, 1, RuleDocument.model_validate(doc)) for rid, doc in DEFAULT_RULES.items()),
               key=lambda r: -r.doc.priority)


def ctx(**facts: object) -> CustomerContext:
    context = CustomerContext.new("c1", now=NOW)
    for name, value in facts.items():
        setattr(context, name, value)
    return context


def nba(context: CustomerContext, **kw):  # type: ignore[no-untyped-def]
    return next_best_actions(RULES, FactView(ctx=context, now=NOW), policy=ContactPolicy(), propensities={}, **kw)


def fired(before: CustomerContext, after: CustomerContext):  # type: ignore[no-untyped-def]
    return newly_decided(RULES, before=FactView(ctx=before, now=NOW), policy=ContactPolicy(), propensities={},
                         after=FactView(ctx=after, now=NOW, event=EventFacts(type="scored")), event_id="e1")


def test_seed_migration_matches_the_default_rules() -> None:
    path = next(Path(__file__).parents[2].glob("src/treatment_service/migrations/versions/0002_*.py"))
    spec = importlib.util.spec_from_file_location("m0002", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.DEFAULT_RULES == DEFAULT_RULES


def test_empty_context_has_no_actions() -> None:
    assert nba(ctx()) == []


def test_first_purchase_suggests_welcome_message() -> None:
    [action] = nba(ctx(purchases_count=1))
    assert (action.rule_id, action.kind, action.action_id, action.channel) == (
        "welcome-first-purchase", "message", "welcome-message", "email")
    assert action.reasons[0] == "interactions.known_purchases == 1"
    assert action.score == 0.5 and "prior" in action.reasons[2]


def test_welcome_only_for_the_first_purchase() -> None:
    assert nba(ctx(purchases_count=2)) == []
    assert nba(ctx(frequency=5)) == []
    assert [a.rule_id for a in nba(ctx(frequency=1))] == ["welcome-first-purchase"]


def test_retention_from_churn_risk_threshold() -> None:
    assert nba(ctx(churn_risk=0.59)) == []
    [action] = nba(ctx(churn_risk=0.75, tier="maintain"))
    assert (action.kind, action.rule_id) == ("retention", "retention-churn-risk")
    assert action.reasons[0] == "value.churn_risk 0.75 >= 0.6"


def test_vip_service_level_is_channel_free_and_ranked_first_by_priority() -> None:
    actions = nba(ctx(tier="most_valuable", churn_risk=0.8, purchases_count=1))
    assert [a.rule_id for a in actions] == ["vip-service-level", "retention-churn-risk", "welcome-first-purchase"]
    assert actions[0].channel is None and actions[0].kind == "service_level" and actions[0].score == 0.9


def test_channel_filter_and_limit() -> None:
    context = ctx(tier="most_valuable", churn_risk=0.8, purchases_count=1)
    assert [(a.rule_id, a.channel) for a in nba(context, channel="phone")] == [("vip-service-level", "phone"),
                                                                             ("retention-churn-risk", "phone")]
    assert [a.rule_id for a in nba(context, limit=1)] == ["vip-service-level"]
    assert [a.rule_id for a in nba(context, channel="social")] == ["vip-service-level"]


def test_consent_moves_to_next_channel_or_drops_action() -> None:
    context = ctx(purchases_count=1, consent={"email": False})
    [action] = nba(context)
    assert action.channel == "mobile_app" and "no consent for email" in action.reasons
    context.consent = {"email": False, "sms": False, "mail": False}
    assert nba(context) == []
    context.consent = {"profiling": False}
    context.tier = "most_valuable"  # profiling refused: service actions only (the welcome message goes)
    assert [a.rule_id for a in nba(context)] == ["vip-service-level"]


def test_welcome_fires_on_transition_to_first_purchase_only() -> None:
    before = ctx()
    after = before.snapshot()
    after.apply_interaction(purchase("c1"), now=NOW)
    [decision] = fired(before, after)
    assert decision.action.rule_id == "welcome-first-purchase" and decision.occurrence == "once"
    again = after.snapshot()
    again.apply_interaction(purchase("c1"), now=NOW)
    assert fired(after, again) == []


def test_scoring_of_a_long_time_customer_does_not_welcome() -> None:
    before = ctx()
    after = before.snapshot()
    after.apply_scored(scored("c1", frequency=7), now=NOW)
    assert fired(before, after) == []


def test_retention_fires_when_crossing_threshold_keyed_by_score() -> None:
    before = ctx(churn_risk=0.3, scored_at=T0)
    after = before.snapshot()
    later = T0 + dt.timedelta(days=1)
    after.apply_scored(scored("c1", churn_risk=0.65, scored_at=later), now=NOW)
    [decision] = fired(before, after)
    assert decision.action.rule_id == "retention-churn-risk"
    assert decision.occurrence == f"scored:{later.isoformat()}"
    still = after.snapshot()
    still.apply_scored(scored("c1", churn_risk=0.9, scored_at=later + dt.timedelta(days=1)), now=NOW)
    assert fired(after, still) == []


def test_vip_fires_on_entering_the_tier() -> None:
    before = ctx(tier="maintain")
    after = before.snapshot()
    after.apply_scored(scored("c1", tier="most_valuable"), now=NOW)
    assert [d.action.rule_id for d in fired(before, after)] == ["vip-service-level"]


def test_no_decision_without_consent() -> None:
    before = ctx(consent={"profiling": False})
    after = before.snapshot()
    after.apply_interaction(purchase("c1"), now=NOW)
    assert fired(before, after) == []
