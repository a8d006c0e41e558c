"""The seeded rules (reference copies; each migration keeps its own frozen copy): the three
former built-in rules (0002) and the Peppers & Rogers playbook (0003). All are data that
the business can change, retire or simulate."""

from __future__ import annotations

from typing import Any

_NO_OFFER: dict[str, Any] = {"content": None, "offer_id": None, "value": None, "margin": None, "currency": None}


def _rule(name: str, condition: dict[str, Any], action: dict[str, Any], *, priority: int, repeat: str = "per_event",
          prior: float = 0.5, description: str = "") -> dict[str, Any]:
    return {"name": name, "description": description, "condition": condition,
            "action": {**_NO_OFFER, "valid_for_days": 7.0, "attribution_days": 7.0, **action},
            "priority": priority, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
            "repeat": repeat, "prior_propensity": prior, "control_share": 0.0}


DEFAULT_RULES: dict[str, dict[str, Any]] = {
    "vip-service-level": {
        "name": "VIP service level for the most valuable customers", "description": "",
        "condition": {"fact": "value.tier", "op": "eq", "value": "most_valuable"},
        "action": {"action_id": "vip-service", "kind": "service_level", "channels": None, **_NO_OFFER},
        "priority": 90, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
        "repeat": "per_score", "prior_propensity": 0.9},
    "retention-churn-risk": {
        "name": "Retention offer when churn risk is high", "description": "",
        "condition": {"fact": "value.churn_risk", "op": "gte", "value": 0.6},
        "action": {"action_id": "retention-offer", "kind": "retention", "channels": ["email", "phone", "mobile_app"],
                   **_NO_OFFER},
        "priority": 80, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
        "repeat": "per_score", "prior_propensity": 0.5},
    "welcome-first-purchase": {
        "name": "Welcome message after the first purchase", "description": "",
        "condition": {"fact": "interactions.known_purchases", "op": "eq", "value": 1},
        "action": {"action_id": "welcome-message", "kind": "message", "channels": ["email", "mobile_app", "mail"],
                   **_NO_OFFER},
        "priority": 50, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
        "repeat": "once", "prior_propensity": 0.5},
}

TOP_TIERS = ["most_valuable", "most_growable"]
_COMPLAINED = {"any": [{"fact": "triggers.7d.kinds", "op": "contains", "value": k}
                       for k in ("complaint", "repeated_complaints", "detractor")]}

PLAYBOOK_RULES: dict[str, dict[str, Any]] = {
    "service-recovery-top": _rule(
        "Service recovery for a top customer after a complaint or a detractor survey",
        {"all": [_COMPLAINED, {"fact": "value.tier", "op": "in", "value": TOP_TIERS}]},
        {"action_id": "recovery-call", "kind": "service_recovery", "channels": ["phone", "email"],
         "content": "tmpl-recovery-personal-call"}, priority=95, prior=0.6,
        description="A personal call (else e-mail) and a goodwill gesture: a top customer is worth keeping."),
    "service-recovery": _rule(
        "Service recovery after a complaint or a detractor survey",
        {"all": [_COMPLAINED, {"not": {"fact": "value.tier", "op": "in", "value": TOP_TIERS}}]},
        {"action_id": "recovery-apology", "kind": "service_recovery", "channels": ["email", "mobile_app"],
         "content": "tmpl-recovery-apology"}, priority=85, prior=0.5,
        description="An apology and the fix; also for unscored customers."),
    "retention-valuable": _rule(
        "Retention offer for a valuable customer at churn risk",
        {"all": [{"fact": "value.churn_risk", "op": "gte", "value": 0.5},
                 {"fact": "value.tier", "op": "in", "value": TOP_TIERS}]},
        {"action_id": "retention-loyalty", "kind": "retention", "channels": ["phone", "email", "mobile_app"],
         "content": "tmpl-retention-loyalty"}, priority=82, repeat="per_score", prior=0.4,
        description="Earlier (churn risk 0.5) and more personal than the generic retention offer; below_zero: none."),
    "winback-lapsed": _rule(
        "Win back a lapsed customer",
        {"all": [{"fact": "triggers.30d.kinds", "op": "contains", "value": "lapse"},
                 {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]},
        {"action_id": "winback-offer", "kind": "winback", "channels": ["email", "mail"],
         "content": "tmpl-winback"}, priority=70, prior=0.2),
    "life-event-moved": _rule(
        "Moving house: new address, nearest store, delivery options",
        {"any": [{"fact": "triggers.30d.kinds", "op": "contains", "value": "moved"},
                 {"fact": "profile.days_since_moved", "op": "lte", "value": 30}]},
        {"action_id": "moved-welcome", "kind": "message", "channels": ["email", "mail"],
         "content": "tmpl-moved"}, priority=60, repeat="once", prior=0.3),
    "birthday-greeting": _rule(
        "Birthday greeting in the week before the birthday",
        {"any": [{"fact": "profile.days_to_birthday", "op": "lte", "value": 7},
                 {"fact": "triggers.7d.kinds", "op": "contains", "value": "birthday"}]},
        {"action_id": "birthday-greeting", "kind": "message", "channels": ["email", "mobile_app"],
         "content": "tmpl-birthday"}, priority=45, repeat="per_score", prior=0.4),
    "cross-sell-needs": _rule(
        "Cross-sell from the customer's needs segment",
        {"all": [{"fact": "segments.needs", "op": "exists"},
                 {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable", "maintain"]}]},
        {"action_id": "cross-sell-needs", "kind": "cross_sell", "channels": ["email", "web", "mobile_app"],
         "content": "tmpl-cross-sell-by-needs"}, priority=40, repeat="per_score", prior=0.15),
    "channel-nudge": _rule(
        "Nudge heavy users of costly channels (phone, store) toward web, app and chat",
        {"all": [{"any": [{"fact": "interactions.90d.channel.phone", "op": "gte", "value": 5},
                          {"fact": "interactions.90d.channel.store", "op": "gte", "value": 8}]},
                 {"not": {"fact": "value.tier", "op": "eq", "value": "most_valuable"}}]},
        {"action_id": "channel-nudge-app", "kind": "message", "channels": ["email", "mobile_app"],
         "content": "tmpl-try-the-app"}, priority=30, repeat="per_score", prior=0.2,
        description="Not for most_valuable customers: their personal service is part of their value."),
    "below-zero-service-level": _rule(
        "Self-service level for below-zero customers",
        {"fact": "value.tier", "op": "eq", "value": "below_zero"},
        {"action_id": "self-service", "kind": "service_level", "channels": None,
         "content": "self-service: web, app and chat first; no call-backs"}, priority=90, repeat="per_score",
        prior=0.9, description="Serve at the lowest cost to serve; no outbound offers."),
}

RETENTION_V2_CONDITION: dict[str, Any] = {"all": [
    {"fact": "value.churn_risk", "op": "gte", "value": 0.6},
    {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]}
"""0003 gives the generic retention rule (if nobody changed it) a second version: no retention for below_zero."""
