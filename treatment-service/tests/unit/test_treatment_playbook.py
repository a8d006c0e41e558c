"""The Peppers & Rogers playbook: each rule fires on the example in the README and not on its
near miss; migration 0003 seeds exactly these documents; the control group is deterministic."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

import pytest
from treatment_factories import T0

from treatment_service.domain.context import CustomerContext, Trigger
from treatment_service.domain.defaults import PLAYBOOK_RULES, RETENTION_V2_CONDITION
from treatment_service.domain.facts import FactView
from treatment_service.domain.lifecycle import Attributable, conversions, in_control
from treatment_service.domain.next_best_actions import ContactPolicy, evaluate
from treatment_service.domain.rules import Rule, RuleDocument

NOW = T0
DAY = dt.timedelta(days=1)


def context(*, triggers: tuple[tuple[str, float], ...] = (), activity: dict[str, int] | None = None,
            **facts: Any) -> CustomerContext:
    c = CustomerContext.new("c1", now=NOW)
    c.recent_triggers = [Trigger(trigger_id=f"t{i}", kind=k, occurred_at=NOW - days * DAY)
                         for i, (k, days) in enumerate(triggers)]
    for channel, n in (activity or {}).items():  # n interactions yesterday on that channel
        c.activity.setdefault((NOW - DAY).date().isoformat(), {})[f"c:{channel}"] = n
    for name, value in facts.items():
        setattr(c, name, value)
    return c


def fires(rule_id: str, c: CustomerContext) -> bool:
    doc = PLAYBOOK_RULES[rule_id] if rule_id in PLAYBOOK_RULES else None
    if rule_id == "retention-churn-risk":
        from treatment_service.domain.defaults import DEFAULT_RULES
        doc = {**DEFAULT_RULES[rule_id], "condition": RETENTION_V2_CONDITION}
    rule = Rule.compile(rule_id, 1, RuleDocument.model_validate(doc))
    return evaluate(rule, FactView(ctx=c, now=NOW), policy=ContactPolicy(), propensities={}).fires


EXAMPLES = [  # (rule, the README's example, its near miss)
    ("service-recovery-top", dict(tier="most_valuable", triggers=(("complaint", 2),)),
     dict(tier="most_valuable", triggers=(("complaint", 8),))),
    ("service-recovery", dict(tier="maintain", triggers=(("detractor", 1),)),
     dict(tier="most_growable", triggers=(("detractor", 1),))),
    ("retention-valuable", dict(tier="most_growable", churn_risk=0.55), dict(tier="most_growable", churn_risk=0.45)),
    ("retention-churn-risk", dict(tier="maintain", churn_risk=0.7), dict(tier="below_zero", churn_risk=0.9)),
    ("winback-lapsed", dict(tier="maintain", triggers=(("lapse", 10),)), dict(tier="maintain", triggers=(("lapse", 31),))),
    ("life-event-moved", dict(moved_at=NOW - 12 * DAY), dict(moved_at=NOW - 45 * DAY)),
    ("birthday-greeting", dict(birthday_month_day=(NOW + 5 * DAY).strftime("%m-%d")),
     dict(birthday_month_day=(NOW + 10 * DAY).strftime("%m-%d"))),
    ("cross-sell-needs", dict(tier="maintain", segments=["needs-evening-electronics"]),
     dict(tier="below_zero", segments=["needs-evening-electronics"])),
    ("channel-nudge", dict(tier="maintain", activity={"phone": 6}), dict(tier="maintain", activity={"phone": 4})),
    ("below-zero-service-level", dict(tier="below_zero"), dict(tier="maintain")),
]


@pytest.mark.parametrize(("rule_id", "example", "near_miss"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_playbook_rule_fires_on_its_example_only(rule_id: str, example: dict, near_miss: dict) -> None:
    assert fires(rule_id, context(**example))
    assert not fires(rule_id, context(**near_miss))


def test_every_playbook_rule_has_an_example() -> None:
    assert {e[0] for e in EXAMPLES} >= set(PLAYBOOK_RULES)


def test_seed_migration_matches_the_playbook() -> None:
    path = next(Path(__file__).parents[2].glob("src/treatment_service/migrations/versions/0003_*.py"))
    spec = importlib.util.spec_from_file_location("m0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.PLAYBOOK_RULES == PLAYBOOK_RULES and module.RETENTION_V2_CONDITION == RETENTION_V2_CONDITION
    assert (module.revision, module.down_revision) == ("0003_lifecycle", "0002")


def test_control_group_is_deterministic_and_near_its_share() -> None:
    held = [in_control(f"c{i}", "r1", 0.2) for i in range(5000)]
    assert held == [in_control(f"c{i}", "r1", 0.2) for i in range(5000)]
    assert 0.17 < sum(held) / len(held) < 0.23
    assert not any(in_control(f"c{i}", "r1", 0.0) for i in range(100))


def test_a_purchase_converts_the_latest_open_or_accepted_treatment_per_rule() -> None:
    def t(tid: str, rule: str, days_ago: float, outcome: str | None = None, window: float = 7) -> Attributable:
        decided = NOW - days_ago * DAY
        return Attributable(treatment_id=tid, rule_id=rule, decided_at=decided,
                            attribution_until=decided + window * DAY, outcome=outcome)
    chosen = conversions([t("old", "a", 5), t("new", "a", 1, "accepted"), t("declined", "b", 1, "declined"),
                          t("expired-window", "c", 3, window=2), t("c-ok", "c", 4, window=5)], purchased_at=NOW)
    assert sorted(x.treatment_id for x in chosen) == ["c-ok", "new"]
