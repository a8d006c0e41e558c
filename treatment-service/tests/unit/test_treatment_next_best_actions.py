"""Arbitration: each suppression, ranking by priority and expected value, propensities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from treatment_factories import T0

from treatment_service.domain.context import CustomerContext
from treatment_service.domain.facts import EventFacts, FactView, PastTreatment
from treatment_service.domain.next_best_actions import (
    ContactPolicy,
    Outcomes,
    evaluate,
    newly_decided,
    next_best_actions,
    propensity,
)
from treatment_service.domain.rules import Rule, RuleDocument

DAY = dt.timedelta(days=1)
POLICY = ContactPolicy(max_contacts_per_channel=2, period_days=7, decline_cooldown_days=30, open_offer_days=14)


def rule(rule_id: str, *, kind: str = "offer", channels: list[str] | None = None, priority: int = 50,
         value: str | None = None, condition: dict[str, Any] | None = None, **doc: Any) -> Rule:
    action = {"action_id": f"{rule_id}-action", "kind": kind, "channels": channels or ["email", "phone"]}
    if value is not None:
        action.update(value=value, currency="EUR")
    document = RuleDocument.model_validate({
        "name": rule_id, "condition": condition or {"fact": "segments", "op": "contains", "value": "target"},
        "action": action, "priority": priority, "status": "active", **doc})
    return Rule.compile(rule_id, 1, document)


def past(action_id: str = "x", *, kind: str = "message", channel: str | None = "email", days_ago: float = 1,
         outcome: str | None = None, rule_id: str = "other") -> PastTreatment:
    at = T0 - days_ago * DAY
    return PastTreatment(rule_id=rule_id, action_id=action_id, kind=kind, channel=channel, decided_at=at,
                         outcome=outcome, outcome_at=at if outcome else None)


def view(history: list[PastTreatment] | None = None, consent: dict[str, bool] | None = None,
         segment: str | None = None) -> FactView:
    context = CustomerContext.new("c1", now=T0)
    context.segments, context.consent, context.rfm_segment = ["target"], consent or {}, segment
    return FactView(ctx=context, now=T0, history=history or [])


def suppression(r: Rule, v: FactView, *, realtime: bool = False, channel: str | None = None) -> str | None:
    ev = evaluate(r, v, policy=POLICY, propensities={}, realtime=realtime, channel=channel)
    assert ev.holds
    return ev.suppression.code if ev.suppression else None


def test_consent_per_channel_falls_back_then_suppresses() -> None:
    r = rule("r1")
    ev = evaluate(r, view(consent={"email": False}), policy=POLICY, propensities={})
    assert ev.channel == "phone" and [s.code for s in ev.suppressed_channels] == ["no_consent"]
    assert suppression(r, view(consent={"email": False, "phone": False})) == "no_consent"
    assert suppression(r, view(consent={"profiling": False})) == "profiling_refused"


def test_do_not_contact_spares_channel_free_actions() -> None:
    assert suppression(rule("r1"), view(consent={"contact": False})) == "do_not_contact"
    assert suppression(rule("r1"), view(consent={"do_not_contact": True})) == "do_not_contact"
    service = Rule.compile("svc", 1, RuleDocument.model_validate({
        "name": "svc", "condition": {"fact": "segments", "op": "contains", "value": "target"}, "status": "active",
        "action": {"action_id": "vip", "kind": "service_level", "channels": None}}))
    assert suppression(service, view(consent={"contact": False})) is None


def test_contact_cap_per_channel_and_period() -> None:
    r = rule("r1", channels=["email"])
    assert suppression(r, view([past(channel="email"), past(channel="phone")])) is None
    assert suppression(r, view([past(channel="email"), past(channel="email", days_ago=3)])) == "contact_cap"
    assert suppression(r, view([past(channel="email"), past(channel="email", days_ago=8)])) is None  # out of period
    two_channels = rule("r2", kind="message")
    ev = evaluate(two_channels, view([past(channel="email"), past(channel="email")]), policy=POLICY, propensities={})
    assert ev.channel == "phone"


def test_cooldown_after_a_decline_of_the_same_action() -> None:
    r = rule("r1", kind="message")
    assert suppression(r, view([past("r1-action", kind="message", outcome="declined", days_ago=10)])) == \
        "decline_cooldown"
    assert suppression(r, view([past("r1-action", kind="message", outcome="declined", days_ago=31)])) is None
    assert suppression(r, view([past("r1-action", kind="message", outcome="accepted", days_ago=1)])) is None
    assert suppression(r, view([past("other", kind="message", outcome="declined", days_ago=1)])) is None


def test_one_open_offer_of_a_kind_at_a_time() -> None:
    r = rule("r1", kind="retention")
    assert suppression(r, view([past(kind="retention")])) == "open_offer"
    assert suppression(rule("o", kind="offer"), view([past(kind="offer")])) == "open_offer"
    assert suppression(r, view([past(kind="retention", days_ago=15)])) is None  # expired
    assert suppression(r, view([past(kind="retention", outcome="ignored")])) is None  # answered
    assert suppression(r, view([past(kind="cross_sell")])) is None
    # the offer that is open is still the customer's next best action, but is not sent again
    own = [past("r1-action", kind="retention", rule_id="r1")]
    assert suppression(r, view(own)) is None
    assert suppression(r, view(own), realtime=True) == "open_offer"
    assert suppression(rule("m", kind="message"), view([past(kind="message")])) is None  # not an exclusive kind


def test_validity_window() -> None:
    future = rule("r1", valid_from=(T0 + DAY).isoformat())
    ended = rule("r2", valid_until=T0.isoformat())
    for r in (future, ended):
        ev = evaluate(r, view(), policy=POLICY, propensities={})
        assert ev.holds and not ev.in_window and not ev.fires


def test_one_offer_of_an_exclusive_kind_is_served_the_best() -> None:
    cheap, dear = rule("cheap", value="10"), rule("dear", value="100")  # both kind "offer"
    ranked = next_best_actions([cheap, dear], view(), policy=POLICY, propensities={})
    assert [a.rule_id for a in ranked] == ["dear"]


def test_propensity_is_a_beta_posterior_mean() -> None:
    r = rule("r1", prior_propensity=0.5)
    assert propensity(r, None) == 0.5
    assert propensity(r, Outcomes(accepted=3, declined=1, ignored=0)) == pytest.approx(4 / 6)
    assert propensity(r, Outcomes(accepted=0, declined=4, ignored=4)) == pytest.approx(1 / 10)


def test_rank_by_priority_then_expected_value_learned_per_segment() -> None:
    # messages: two offers would be one open offer of a kind too many (see the test below)
    cheap, dear = rule("cheap", value="10", kind="message"), rule("dear", value="100", kind="message")
    urgent = rule("urgent", priority=90, kind="x")
    v = view(segment="loyal")
    ranked = next_best_actions([cheap, dear, urgent], v, policy=POLICY, propensities={})
    assert [a.rule_id for a in ranked] == ["urgent", "dear", "cheap"]
    assert [a.score for a in ranked] == [0.5, 50.0, 5.0]
    # "dear" keeps being declined in this segment, "cheap" accepted: expected value flips the order
    learned = {("dear-action", "loyal"): Outcomes(declined=20), ("cheap-action", "loyal"): Outcomes(accepted=20)}
    ranked = next_best_actions([cheap, dear, urgent], v, policy=POLICY, propensities=learned, limit=2)
    assert [a.rule_id for a in ranked] == ["urgent", "cheap"]
    assert ranked[1].value == Decimal("10") and "20 of 20 accepted in segment loyal" in ranked[1].reasons[2]
    # another segment has learned nothing
    assert [a.rule_id for a in next_best_actions([cheap, dear], view(segment="new"), policy=POLICY,
                                                 propensities=learned)] == ["dear", "cheap"]


def test_realtime_decisions_respect_each_other_and_skip_known_occurrences() -> None:
    first, second = rule("a", kind="retention", priority=60), rule("b", kind="retention", priority=50)
    before = view()
    before.ctx.segments = []
    after = view()
    after.event = EventFacts(type="segment")
    decisions = newly_decided([second, first], before=before, after=after, policy=POLICY, propensities={},
                              event_id="e1")
    assert [d.action.rule_id for d in decisions] == ["a"]  # b: one open retention at a time
    assert decisions[0].occurrence == "event:e1"
    again = newly_decided([first], before=before, after=view(), policy=POLICY, propensities={}, event_id="e1",
                          already=lambda rule_id, occurrence: True)
    assert again == []
