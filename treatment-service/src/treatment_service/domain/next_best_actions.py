"""Next-best-action arbitration: eligible rules -> suppression -> ranking -> top K.

Suppression, in order: profiling refused (service kinds only); do-not-contact; channel consent; contact cap per
channel and period; cool-down after a decline of the same action; one open offer of a kind
at a time. Ranking: priority, then expected value = propensity (Beta posterior mean of
the action's accepted / declined / ignored outcomes in the customer's segment) x value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .facts import FactView, PastTreatment
from .lifecycle import SERVICE_KINDS
from .rules import Action, Decision, Rule
from .ruleset import as_ruleset

PRIOR_STRENGTH = 2.0
"""Pseudo-outcomes behind a rule's prior propensity: a few real outcomes outweigh it."""
CONSENT_KEYS: dict[str, tuple[str, ...]] = {"mobile_app": ("mobile_app", "sms", "push")}
ALL_SEGMENTS = "all"


@dataclass(frozen=True)
class ContactPolicy:
    """How often and when the business may contact a customer."""

    max_contacts_per_channel: int = 3
    period_days: int = 7
    decline_cooldown_days: int = 30
    exclusive_kinds: tuple[str, ...] = ("offer", "retention", "cross_sell", "upsell", "winback")
    open_offer_days: int = 14


@dataclass(frozen=True)
class Suppression:
    code: str  # profiling_refused | do_not_contact | no_consent | contact_cap | decline_cooldown | open_offer
    reason: str


@dataclass(frozen=True)
class Outcomes:
    """Outcome counts of one action in one segment."""

    accepted: int = 0
    declined: int = 0
    ignored: int = 0


Propensities = Mapping[tuple[str, str], Outcomes]


@dataclass
class Evaluation:
    """Everything one rule does for one customer now (the body of a simulation)."""

    rule: Rule
    in_window: bool
    holds: bool
    suppression: Suppression | None = None
    channel: str | None = None
    action: Action | None = None
    suppressed_channels: list[Suppression] = field(default_factory=list)

    @property
    def fires(self) -> bool:
        return self.action is not None


def segment_of(view: FactView) -> str:
    """The segment propensities are learned in: the RFM segment, else all customers."""
    return view.ctx.rfm_segment or ALL_SEGMENTS


def propensity(rule: Rule, counts: Outcomes | None) -> float:
    """Beta posterior mean: prior from the rule, ignored counts as not accepted."""
    counts = counts or Outcomes()
    alpha = rule.doc.prior_propensity * PRIOR_STRENGTH + counts.accepted
    beta = (1 - rule.doc.prior_propensity) * PRIOR_STRENGTH + counts.declined + counts.ignored
    return alpha / (alpha + beta)


def _channel_refusal(view: FactView, channel: str, policy: ContactPolicy, *, outbound: bool,
                     own_rule: str | None = None) -> Suppression | None:
    consent = view.ctx.consent
    if any(consent.get(key) is False for key in CONSENT_KEYS.get(channel, (channel,))):
        return Suppression("no_consent", f"no consent for {channel}")
    if not outbound:
        return None
    since = view.now - dt.timedelta(days=policy.period_days)
    # a rule's own open treatment is what next-best-actions serves again, not one more contact
    sent = sum(1 for t in view.history if t.channel == channel and t.decided_at > since
               and not (t.rule_id == own_rule and t.outcome is None))
    if sent >= policy.max_contacts_per_channel:
        return Suppression("contact_cap", f"{sent} contacts on {channel} in {policy.period_days} days "
                                          f"(max {policy.max_contacts_per_channel})")
    return None


def _rule_refusal(rule: Rule, view: FactView, policy: ContactPolicy, *, realtime: bool) -> Suppression | None:
    consent = view.ctx.consent
    action = rule.action
    if consent.get("profiling") is False and action.kind not in SERVICE_KINDS:
        return Suppression("profiling_refused", "customer refused profiling: service actions only")
    if action.channels is not None and (consent.get("contact") is False or consent.get("do_not_contact") is True):
        return Suppression("do_not_contact", "customer asked not to be contacted")
    cooldown = view.now - dt.timedelta(days=policy.decline_cooldown_days)
    for t in view.history:
        if t.action_id == action.action_id and t.outcome == "declined" and (t.outcome_at or t.decided_at) > cooldown:
            return Suppression("decline_cooldown", f"declined {action.action_id} within "
                                                   f"{policy.decline_cooldown_days} days")
    if action.kind in policy.exclusive_kinds:
        open_since = view.now - dt.timedelta(days=policy.open_offer_days)
        for t in view.history:
            if t.kind == action.kind and t.outcome is None and t.decided_at > open_since and (
                    realtime or t.rule_id != rule.rule_id):
                return Suppression("open_offer", f"an open {action.kind} ({t.action_id}) awaits an answer")
    return None


def evaluate(rule: Rule, view: FactView, *, policy: ContactPolicy, propensities: Propensities,
             channel: str | None = None, realtime: bool = False, with_reasons: bool = True) -> Evaluation:
    """Does the rule fire for this customer now, on which channel, with what score and why."""
    ev = Evaluation(rule=rule, in_window=rule.in_window(view.now), holds=rule.holds(view))
    if not (ev.in_window and ev.holds):
        return ev
    ev.suppression = _rule_refusal(rule, view, policy, realtime=realtime)
    if ev.suppression is not None:
        return ev
    channels = rule.action.channels
    if channels is None:  # not a contact: usable on the requested channel if consented
        refusal = _channel_refusal(view, channel, policy, outbound=False) if channel else None
        if refusal:
            ev.suppression = refusal
            return ev
        ev.channel = channel
    else:
        for candidate in (channels if channel is None else [c for c in channels if c == channel]):
            refusal = _channel_refusal(view, candidate, policy, outbound=True,
                                       own_rule=None if realtime else rule.rule_id)
            if refusal is None:
                ev.channel = candidate
                break
            ev.suppressed_channels.append(refusal)
        else:
            ev.suppression = (ev.suppressed_channels[-1] if ev.suppressed_channels else
                              Suppression("channel", f"action not offered on {channel}"))
            return ev
    segment = segment_of(view)
    counts = propensities.get((rule.action.action_id, segment))
    p = propensity(rule, counts)
    value = rule.action.value
    score = round(p * float(value) if value is not None else p, 4)
    reasons = []
    if with_reasons:
        reasons = [*rule.condition.reasons(view),
                   f"rule {rule.doc.name!r} v{rule.version}, priority {rule.doc.priority}",
                   _propensity_reason(p, counts, segment, rule)]
        if value is not None:
            reasons.append(f"expected value {score} = {p:.2f} x {value} {rule.action.currency}")
        reasons += [s.reason for s in ev.suppressed_channels]
    ev.action = Action(action_id=rule.action.action_id, kind=rule.action.kind, channel=ev.channel, score=score,
                       reasons=reasons, rule_id=rule.rule_id, rule_version=rule.version,
                       priority=rule.doc.priority, propensity=round(p, 4), value=value)
    return ev


def _propensity_reason(p: float, counts: Outcomes | None, segment: str, rule: Rule) -> str:
    if counts is None or not (counts.accepted + counts.declined + counts.ignored):
        return f"propensity {p:.2f} (prior, no outcomes yet in segment {segment})"
    n = counts.accepted + counts.declined + counts.ignored
    return f"propensity {p:.2f} ({counts.accepted} of {n} accepted in segment {segment})"


def _rank_key(a: Action) -> tuple[int, float, str]:
    return (-a.priority, -a.score, a.rule_id)


def next_best_actions(rules: Iterable[Rule], view: FactView, *, policy: ContactPolicy, propensities: Propensities,
                      channel: str | None = None, limit: int = 10) -> list[Action]:
    """Top ``limit`` actions, best first; reasons are written only for those returned.

    Rules come in priority order, so once ``limit`` actions are found, a rule of lower
    priority than the last of them cannot enter the top: the scan stops there."""
    fired: list[tuple[Action, Rule]] = []
    by_kind: dict[str, int] = {}
    floor: int | None = None
    for rule in as_ruleset(rules).candidates(view):
        if floor is not None and rule.doc.priority < floor:
            break
        if not rule.holds(view) or not rule.in_window(view.now):  # cheap reject before the full evaluation
            continue
        ev = evaluate(rule, view, policy=policy, propensities=propensities, channel=channel, with_reasons=False)
        if ev.action is not None:
            if ev.action.kind in policy.exclusive_kinds:  # one open offer of a kind: the best of them
                taken = by_kind.get(ev.action.kind)
                if taken is not None:
                    if _rank_key(ev.action) < _rank_key(fired[taken][0]):
                        fired[taken] = (ev.action, rule)
                    continue
                by_kind[ev.action.kind] = len(fired)
            fired.append((ev.action, rule))
            if len(fired) >= limit and floor is None:
                floor = ev.action.priority
    fired.sort(key=lambda pair: _rank_key(pair[0]))
    return [evaluate(rule, view, policy=policy, propensities=propensities, channel=channel).action  # type: ignore[misc]
            for _, rule in fired[:limit]]


def newly_decided(rules: Iterable[Rule], *, before: FactView, after: FactView, policy: ContactPolicy,
                  propensities: Propensities, event_id: str,
                  already: Callable[[str, str], bool] = lambda rule_id, occurrence: False) -> list[Decision]:
    """Real-time rules that did not hold before the event and do after it, in rank order,
    each suppressed as a contact (consent, caps, open offers), including by earlier ones.
    ``already(rule_id, occurrence)`` says a firing was decided before (it is skipped)."""
    candidates = []
    for rule in as_ruleset(rules).candidates(after):
        if not rule.doc.realtime or not rule.in_window(after.now) or not rule.holds(after) or rule.holds(before):
            continue
        ev = evaluate(rule, after, policy=policy, propensities=propensities, realtime=True)
        if ev.action is not None:
            candidates.append((ev.action, rule))
    candidates.sort(key=lambda pair: _rank_key(pair[0]))
    decisions = []
    for _, rule in candidates:
        ev = evaluate(rule, after, policy=policy, propensities=propensities, realtime=True)  # sees earlier picks
        occurrence = rule.occurrence(after, event_id=event_id)
        if ev.action is None or already(rule.rule_id, occurrence):
            continue
        decisions.append(Decision(action=ev.action, occurrence=occurrence, segment=segment_of(after)))
        after.history.insert(0, PastTreatment(rule_id=rule.rule_id, action_id=ev.action.action_id,
                                              kind=ev.action.kind, channel=ev.action.channel, decided_at=after.now,
                                              outcome=None, outcome_at=None))
    return decisions
