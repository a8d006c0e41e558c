"""The default rules, seeded by migration 0002 (which keeps its own frozen copy): the
behaviour of the former built-in rules, now data that the business can change."""

from __future__ import annotations

from typing import Any

DEFAULT_RULES: dict[str, dict[str, Any]] = {
    "vip-service-level": {
        "name": "VIP service level for the most valuable customers", "description": "",
        "condition": {"fact": "value.tier", "op": "eq", "value": "most_valuable"},
        "action": {"action_id": "vip-service", "kind": "service_level", "channels": None, "content": None,
                   "offer_id": None, "value": None, "margin": None, "currency": None},
        "priority": 90, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
        "repeat": "per_score", "prior_propensity": 0.9},
    "retention-churn-risk": {
        "name": "Retention offer when churn risk is high", "description": "",
        "condition": {"fact": "value.churn_risk", "op": "gte", "value": 0.6},
        "action": {"action_id": "retention-offer", "kind": "retention", "channels": ["email", "phone", "mobile_app"],
                   "content": None, "offer_id": None, "value": None, "margin": None, "currency": None},
        "priority": 80, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
        "repeat": "per_score", "prior_propensity": 0.5},
    "welcome-first-purchase": {
        "name": "Welcome message after the first purchase", "description": "",
        "condition": {"fact": "interactions.known_purchases", "op": "eq", "value": 1},
        "action": {"action_id": "welcome-message", "kind": "message", "channels": ["email", "mobile_app", "mail"],
                   "content": None, "offer_id": None, "value": None, "margin": None, "currency": None},
        "priority": 50, "valid_from": None, "valid_until": None, "status": "active", "realtime": True,
        "repeat": "once", "prior_propensity": 0.5},
}
