"""Rules that turn a customer context into next-best-actions.

PLACEHOLDER: ``DEFAULT_RULES`` are code constants until the rules-engine issue brings
stored, versioned rules (``/v1/rules``: condition + action + priority + validity window).
The shape below (condition, score, reasons, occurrence key) is what that engine will
fill from data; the evaluation functions stay."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .context import CustomerContext

CHURN_RISK_THRESHOLD = 0.6
VIP_TIER = "most_valuable"


@dataclass(frozen=True)
class Rule:
    """When ``condition`` holds, offer ``action_id`` on the first consented channel of
    ``channels`` (``None``: the action is not bound to a channel, e.g. a service level).

    ``occurrence`` names one firing: a real-time treatment is decided at most once per
    (customer, rule, occurrence), so replays and duplicates of its cause decide nothing."""

    rule_id: str
    version: int
    action_id: str
    kind: str
    channels: tuple[str, ...] | None
    condition: Callable[[CustomerContext], bool]
    score: Callable[[CustomerContext], float]
    reasons: Callable[[CustomerContext], list[str]]
    occurrence: Callable[[CustomerContext], str]

    def channel_for(self, context: CustomerContext, requested: str | None) -> tuple[bool, str | None]:
        """(usable, channel): the channel to act on, respecting the request and consent."""
        if not context.allows(None):
            return False, None
        if self.channels is None:
            return (requested is None or context.allows(requested)), requested
        candidates = self.channels if requested is None else tuple(c for c in self.channels if c == requested)
        for channel in candidates:
            if context.allows(channel):
                return True, channel
        return False, None


@dataclass(frozen=True)
class Action:
    """One ranked next-best-action."""

    action_id: str
    kind: str
    channel: str | None
    score: float
    reasons: list[str]
    rule_id: str
    rule_version: int


@dataclass(frozen=True)
class Decision:
    """A rule that newly fired on a context change: the action and its occurrence key."""

    action: Action
    occurrence: str


def _scored_at(context: CustomerContext) -> str:
    return context.scored_at.isoformat() if context.scored_at else "unscored"


WELCOME = Rule(
    rule_id="welcome-first-purchase", version=1, action_id="welcome-message", kind="message",
    channels=("email", "mobile_app", "mail"),
    condition=lambda c: c.known_purchases == 1,
    score=lambda c: 0.5,
    reasons=lambda c: ["first purchase"],
    occurrence=lambda c: "first-purchase",  # once per customer, whichever event reports it
)

RETENTION = Rule(
    rule_id="retention-churn-risk", version=1, action_id="retention-offer", kind="retention",
    channels=("email", "phone", "mobile_app"),
    condition=lambda c: c.churn_risk is not None and c.churn_risk >= CHURN_RISK_THRESHOLD,
    score=lambda c: round(c.churn_risk or 0.0, 4),
    reasons=lambda c: [f"churn_risk {c.churn_risk:.2f} >= {CHURN_RISK_THRESHOLD:.2f}"]
    + ([f"tier {c.tier}"] if c.tier else []),
    occurrence=lambda c: f"scored:{_scored_at(c)}",  # the score that crossed the threshold
)

VIP = Rule(
    rule_id="vip-service-level", version=1, action_id="vip-service", kind="service_level",
    channels=None,
    condition=lambda c: c.tier == VIP_TIER,
    score=lambda c: 0.9,
    reasons=lambda c: [f"tier {VIP_TIER}"],
    occurrence=lambda c: f"scored:{_scored_at(c)}",  # the score that put the customer in the tier
)

DEFAULT_RULES: tuple[Rule, ...] = (VIP, RETENTION, WELCOME)


def _action(rule: Rule, context: CustomerContext, channel: str | None) -> Action:
    return Action(action_id=rule.action_id, kind=rule.kind, channel=channel, score=rule.score(context),
                  reasons=rule.reasons(context), rule_id=rule.rule_id, rule_version=rule.version)


def next_best_actions(context: CustomerContext, *, channel: str | None = None, limit: int = 10,
                      rules: tuple[Rule, ...] = DEFAULT_RULES) -> list[Action]:
    """Actions whose rule holds now, best first (score, then rule id for a stable order)."""
    actions = []
    for rule in rules:
        if not rule.condition(context):
            continue
        usable, chosen = rule.channel_for(context, channel)
        if usable:
            actions.append(_action(rule, context, chosen))
    actions.sort(key=lambda a: (-a.score, a.rule_id))
    return actions[:limit]


def newly_fired(before: CustomerContext, after: CustomerContext, *,
                rules: tuple[Rule, ...] = DEFAULT_RULES) -> list[Decision]:
    """Rules that do not hold ``before`` a change but do ``after`` it (and may act: consent)."""
    decisions = []
    for rule in rules:
        if rule.condition(before) or not rule.condition(after):
            continue
        usable, chosen = rule.channel_for(after, None)
        if usable:
            decisions.append(Decision(action=_action(rule, after, chosen), occurrence=rule.occurrence(after)))
    return decisions
