"""The built-in default rules: next-best-actions and what newly fires on a change."""

from __future__ import annotations

import datetime as dt

from treatment_factories import T0, purchase, scored

from treatment_service.domain.context import CustomerContext
from treatment_service.domain.rules import newly_fired, next_best_actions

NOW = T0


def ctx(**facts: object) -> CustomerContext:
    context = CustomerContext.new("c1", now=NOW)
    for name, value in facts.items():
        setattr(context, name, value)
    return context


def test_empty_context_has_no_actions() -> None:
    assert next_best_actions(ctx()) == []


def test_first_purchase_suggests_welcome_message() -> None:
    [action] = next_best_actions(ctx(purchases_count=1))
    assert (action.rule_id, action.kind, action.action_id, action.channel) == (
        "welcome-first-purchase", "message", "welcome-message", "email")
    assert action.reasons == ["first purchase"]


def test_welcome_only_for_the_first_purchase() -> None:
    assert next_best_actions(ctx(purchases_count=2)) == []
    assert next_best_actions(ctx(frequency=5)) == []
    assert [a.rule_id for a in next_best_actions(ctx(frequency=1))] == ["welcome-first-purchase"]


def test_retention_from_churn_risk_threshold() -> None:
    assert next_best_actions(ctx(churn_risk=0.59)) == []
    [action] = next_best_actions(ctx(churn_risk=0.75, tier="maintain"))
    assert (action.kind, action.score, action.rule_id) == ("retention", 0.75, "retention-churn-risk")
    assert action.reasons == ["churn_risk 0.75 >= 0.60", "tier maintain"]


def test_vip_service_level_is_channel_free_and_ranked_first() -> None:
    actions = next_best_actions(ctx(tier="most_valuable", churn_risk=0.8, purchases_count=1))
    assert [a.rule_id for a in actions] == ["vip-service-level", "retention-churn-risk", "welcome-first-purchase"]
    assert actions[0].channel is None and actions[0].kind == "service_level"


def test_channel_filter_and_limit() -> None:
    context = ctx(tier="most_valuable", churn_risk=0.8, purchases_count=1)
    by_phone = next_best_actions(context, channel="phone")
    assert [(a.rule_id, a.channel) for a in by_phone] == [("vip-service-level", "phone"),
                                                         ("retention-churn-risk", "phone")]
    assert [a.rule_id for a in next_best_actions(context, limit=1)] == ["vip-service-level"]
    assert [a.rule_id for a in next_best_actions(context, channel="social")] == ["vip-service-level"]


def test_consent_moves_to_next_channel_or_drops_action() -> None:
    context = ctx(purchases_count=1, consent={"email": False})
    assert [a.channel for a in next_best_actions(context)] == ["mobile_app"]
    context.consent = {"email": False, "mobile_app": False, "mail": False}
    assert next_best_actions(context) == []
    context.consent = {"profiling": False}
    context.tier = "most_valuable"
    assert next_best_actions(context) == []


def test_welcome_fires_on_transition_to_first_purchase_only() -> None:
    before = ctx()
    after = before.snapshot()
    after.apply_interaction(purchase("c1"), now=NOW)
    [decision] = newly_fired(before, after)
    assert decision.action.rule_id == "welcome-first-purchase" and decision.occurrence == "first-purchase"
    again = after.snapshot()
    again.apply_interaction(purchase("c1"), now=NOW)
    assert newly_fired(after, again) == []


def test_scoring_of_a_long_time_customer_does_not_welcome() -> None:
    before = ctx()
    after = before.snapshot()
    after.apply_scored(scored("c1", frequency=7), now=NOW)
    assert newly_fired(before, after) == []


def test_retention_fires_when_crossing_threshold_keyed_by_score() -> None:
    before = ctx(churn_risk=0.3, scored_at=T0)
    after = before.snapshot()
    later = T0 + dt.timedelta(days=1)
    after.apply_scored(scored("c1", churn_risk=0.65, scored_at=later), now=NOW)
    [decision] = newly_fired(before, after)
    assert decision.action.rule_id == "retention-churn-risk"
    assert decision.occurrence == f"scored:{later.isoformat()}"
    still = after.snapshot()
    still.apply_scored(scored("c1", churn_risk=0.9, scored_at=later + dt.timedelta(days=1)), now=NOW)
    assert newly_fired(after, still) == []


def test_vip_fires_on_entering_the_tier() -> None:
    before = ctx(tier="maintain")
    after = before.snapshot()
    after.apply_scored(scored("c1", tier="most_valuable"), now=NOW)
    assert [d.action.rule_id for d in newly_fired(before, after)] == ["vip-service-level"]


def test_no_decision_without_consent() -> None:
    before = ctx(consent={"profiling": False})
    after = before.snapshot()
    after.apply_interaction(purchase("c1"), now=NOW)
    assert newly_fired(before, after) == []
