"""The condition language: compile-time checks with exact error places, and evaluation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from treatment_factories import T0, interaction, trigger

from treatment_service.domain.conditions import InvalidCondition, compile_condition
from treatment_service.domain.context import CustomerContext
from treatment_service.domain.facts import EventFacts, FactView, PastTreatment

DAY = dt.timedelta(days=1)


def view(event: EventFacts | None = None, history: list[PastTreatment] | None = None, **facts: Any) -> FactView:
    context = CustomerContext.new("c1", now=T0)
    for name, value in facts.items():
        setattr(context, name, value)
    return FactView(ctx=context, now=T0, event=event, history=history or [])


def holds(doc: dict[str, Any], v: FactView) -> bool:
    return compile_condition(doc).holds(v)


def issues(doc: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvalidCondition) as info:
        compile_condition(doc)
    return [(i.path, i.message) for i in info.value.issues]


@pytest.mark.parametrize(("doc", "path", "fragment"), [
    ({"fact": "value.churn", "op": "gte", "value": 1}, "condition.fact", "unknown fact 'value.churn'"),
    ({"fact": "value.tier", "op": "gte", "value": "x"}, "condition.op", "does not apply to string"),
    ({"fact": "value.churn_risk", "op": "gte", "value": "high"}, "condition.value", "needs a number"),
    ({"fact": "value.churn_risk", "op": "gte", "value": True}, "condition.value", "needs a number"),
    ({"fact": "value.churn_risk", "op": "gte"}, "condition.value", "needs a value"),
    ({"fact": "value.tier", "op": "exists", "value": 1}, "condition.value", "takes no value"),
    ({"fact": "value.tier", "op": "in", "value": []}, "condition.value", "non-empty list"),
    ({"fact": "value.tier", "op": "eq", "value": "a", "note": 1}, "condition.note", "unknown key"),
    ({"all": []}, "condition.all", "non-empty list"),
    ({"any": {"fact": "segments"}}, "condition.any", "non-empty list"),
    ({"all": [{"fact": "segments", "op": "contains", "value": "vip"}, {"fact": "segments", "op": "eq",
                                                                       "value": "vip"}]},
     "condition.all.1.op", "does not apply to list"),
    ({"not": {"any": [{"fact": "interactions.91d.count", "op": "gt", "value": 0}]}}, "condition.not.any.0.fact",
     "unknown fact"),
    ({"every": []}, "condition", "exactly one of all, any, not"),
    ([], "condition", "must be an object"),
    ({"fact": 3, "op": "eq", "value": 1}, "condition.fact", "must be a fact name"),
])
def test_bad_conditions_name_the_exact_place(doc: Any, path: str, fragment: str) -> None:
    [(where, message)] = issues(doc)
    assert where == path and fragment in message, (where, message)


def test_every_error_is_reported_and_depth_is_bounded() -> None:
    found = issues({"all": [{"fact": "nope", "op": "eq", "value": 1}, {"fact": "value.tier", "op": "lt", "value": 1}]})
    assert [p for p, _ in found] == ["condition.all.0.fact", "condition.all.1.op"]
    deep: dict[str, Any] = {"fact": "value.tier", "op": "exists"}
    for _ in range(9):
        deep = {"not": deep}
    assert "nested deeper" in issues(deep)[0][1]


def test_comparisons_and_unknown_facts() -> None:
    risky = view(churn_risk=0.7, tier="maintain")
    assert holds({"fact": "value.churn_risk", "op": "gte", "value": 0.7}, risky)
    assert not holds({"fact": "value.churn_risk", "op": "gt", "value": 0.7}, risky)
    assert holds({"fact": "value.tier", "op": "in", "value": ["maintain", "most_growable"]}, risky)
    # an unknown fact makes every comparison false, even ne; not_exists is how to ask for it
    unknown = view()
    assert not holds({"fact": "value.churn_risk", "op": "lt", "value": 0.5}, unknown)
    assert not holds({"fact": "value.tier", "op": "ne", "value": "maintain"}, unknown)
    assert holds({"fact": "value.tier", "op": "not_exists"}, unknown)
    assert holds({"not": {"fact": "value.tier", "op": "eq", "value": "maintain"}}, unknown)


def test_all_any_not() -> None:
    v = view(churn_risk=0.7, segments=["vip"])
    doc = {"all": [{"fact": "segments", "op": "contains", "value": "vip"},
                   {"any": [{"fact": "value.churn_risk", "op": "gte", "value": 0.9},
                            {"not": {"fact": "segments", "op": "contains", "value": "blocked"}}]}]}
    assert holds(doc, v)
    v.ctx.segments = ["vip", "blocked"]
    assert not holds(doc, v)


def test_windowed_interaction_counts() -> None:
    context = CustomerContext.new("c1", now=T0)
    for days_ago, channel, kind in [(0, "email", "email_open"), (2, "email", "email_open"), (10, "web", "visit"),
                                    (40, "store", "purchase")]:
        context.apply_interaction(interaction("c1", channel=channel, type=kind, occurred_at=T0 - days_ago * DAY),
                                  now=T0)
    v = FactView(ctx=context, now=T0)
    assert holds({"fact": "interactions.7d.channel.email", "op": "eq", "value": 2}, v)
    assert holds({"fact": "interactions.30d.count", "op": "eq", "value": 3}, v)
    assert holds({"fact": "interactions.90d.type.purchase", "op": "eq", "value": 1}, v)
    assert holds({"fact": "interactions.1d.type.email_open", "op": "eq", "value": 1}, v)
    assert holds({"fact": "interactions.by_channel.store", "op": "eq", "value": 1}, v)


def test_consent_triggers_treatments_and_event_facts() -> None:
    context = CustomerContext.new("c1", now=T0)
    context.apply_trigger(trigger("c1", kind="birthday", occurred_at=T0 - 2 * DAY), now=T0)
    history = [PastTreatment(rule_id="r", action_id="a", kind="offer", channel="email", decided_at=T0 - DAY,
                             outcome=None, outcome_at=None)]
    v = FactView(ctx=context, now=T0, event=EventFacts(type="trigger", trigger_kind="birthday"), history=history)
    context.consent = {"email": False}
    assert holds({"fact": "consent.email", "op": "eq", "value": False}, v)
    assert holds({"fact": "consent.phone", "op": "eq", "value": True}, v)  # not refused
    assert holds({"fact": "triggers.7d.kinds", "op": "contains", "value": "birthday"}, v)
    assert not holds({"fact": "triggers.1d.kinds", "op": "contains", "value": "birthday"}, v)
    assert holds({"fact": "event.trigger_kind", "op": "eq", "value": "birthday"}, v)
    assert holds({"fact": "treatments.open_kinds", "op": "contains", "value": "offer"}, v)
    assert holds({"fact": "treatments.7d.count", "op": "eq", "value": 1}, v)
    assert not holds({"fact": "event.trigger_kind", "op": "exists"}, view())


def test_trace_and_reasons() -> None:
    condition = compile_condition({"all": [{"fact": "value.churn_risk", "op": "gte", "value": 0.6},
                                           {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]})
    v = view(churn_risk=0.75, tier="maintain")
    assert condition.trace(v) == [
        {"path": "condition.all.0", "fact": "value.churn_risk", "op": "gte", "value": 0.6, "actual": 0.75,
         "result": True},
        {"path": "condition.all.1.not", "fact": "value.tier", "op": "eq", "value": "below_zero", "actual": "maintain",
         "result": False}]
    assert condition.reasons(v) == ["value.churn_risk 0.75 >= 0.6"]  # the negated one is not quoted
