"""Readable operationIds, one table for the whole API: the service that serves an operation
and the gateway that proxies it give it the same name (``identifyCustomer``, not FastAPI's
``identify_v1_customers_identify_post``), so generated clients read the same either way."""

from __future__ import annotations

from fastapi.routing import APIRoute

OPERATION_IDS: dict[tuple[str, str], str] = {
    # identify
    ("POST", "/v1/customers/identify"): "identifyCustomer",
    ("POST", "/v1/customers/identify:batch"): "identifyCustomers",
    ("GET", "/v1/customers/lookup"): "lookupCustomer",
    ("GET", "/v1/customers:search"): "searchCustomers",
    ("POST", "/v1/customers/merge"): "mergeCustomers",
    ("POST", "/v1/customers/{customer_id}/unmerge"): "unmergeCustomer",
    ("PUT", "/v1/customers/{customer_id}/consent"): "setConsent",
    ("GET", "/v1/customers/{customer_id}"): "getCustomerView",
    ("DELETE", "/v1/customers/{customer_id}"): "eraseCustomer",
    ("GET", "/v1/customers/{customer_id}/export"): "exportCustomer",
    ("GET", "/v1/erasures/{customer_id}"): "getErasureStatus",
    ("GET", "/v1/reviews"): "listReviews",
    ("POST", "/v1/reviews/{review_id}:accept"): "acceptReview",
    ("POST", "/v1/reviews/{review_id}:reject"): "rejectReview",
    ("GET", "/v1/models/matching"): "getMatchingModel",
    ("POST", "/v1/models/matching:train"): "trainMatchingModel",
    # interact
    ("POST", "/v1/interactions"): "recordInteraction",
    ("POST", "/v1/interactions:batch"): "recordInteractions",
    ("GET", "/v1/customers/{customer_id}/timeline"): "getTimeline",
    ("GET", "/v1/customers/{customer_id}/channels"): "getCustomerChannels",
    ("GET", "/v1/customers/{customer_id}/feedback"): "getCustomerFeedback",
    ("GET", "/v1/customers/{customer_id}/triggers"): "getCustomerTriggers",
    ("GET", "/v1/channels/stats"): "getChannelStats",
    ("GET", "/v1/feedback/nps"): "getFeedbackOverview",
    ("POST", "/v1/triggers:scan"): "scanTriggers",
    # differentiate
    ("GET", "/v1/customers/{customer_id}/value"): "getCustomerValue",
    ("POST", "/v1/models/clv:fit"): "fitClvModel",
    ("GET", "/v1/models/clv"): "getClvModel",
    ("POST", "/v1/models/rfm:refresh"): "refreshRfm",
    ("GET", "/v1/segments"): "listSegments",
    ("POST", "/v1/segments"): "createSegment",
    ("GET", "/v1/segments/{segment_id}/customers"): "listSegmentMembers",
    # customize
    ("GET", "/v1/customers/{customer_id}/next-best-actions"): "getNextBestActions",
    ("GET", "/v1/customers/{customer_id}/treatments"): "listCustomerTreatments",
    ("POST", "/v1/treatments/{treatment_id}/outcome"): "recordOutcome",
    ("GET", "/v1/rules"): "listRules",
    ("POST", "/v1/rules"): "createRule",
    ("POST", "/v1/rules:simulate"): "simulateRule",
    ("GET", "/v1/rules/{rule_id}"): "getRule",
    ("PUT", "/v1/rules/{rule_id}"): "replaceRule",
    ("DELETE", "/v1/rules/{rule_id}"): "retireRule",
    ("GET", "/v1/rules/{rule_id}/versions"): "listRuleVersions",
    ("GET", "/v1/rules/{rule_id}/performance"): "getRulePerformance",
    ("GET", "/v1/contact-policy"): "getContactPolicy",
    ("PUT", "/v1/contact-policy"): "setContactPolicy",
    # webhooks
    ("GET", "/v1/webhooks"): "listWebhooks",
    ("POST", "/v1/webhooks"): "createWebhook",
    ("GET", "/v1/webhooks/{webhook_id}"): "getWebhook",
    ("PATCH", "/v1/webhooks/{webhook_id}"): "updateWebhook",
    ("DELETE", "/v1/webhooks/{webhook_id}"): "deleteWebhook",
    ("GET", "/v1/webhooks/{webhook_id}/deliveries"): "listDeliveries",
    ("POST", "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry"): "retryDelivery",
    # reports
    ("GET", "/v1/reports/value"): "getValueReport",
    ("GET", "/v1/reports/tiers"): "getTiersReport",
    ("GET", "/v1/reports/cohorts"): "getCohortsReport",
    ("GET", "/v1/reports/linkage"): "getLinkageReport",
    ("GET", "/v1/reports/treatments"): "getTreatmentsReport",
    ("GET", "/v1/reports/channels"): "getChannelsReport",
    ("GET", "/v1/reports/feedback"): "getFeedbackReport",
    # jobs and operations
    ("GET", "/v1/jobs"): "listJobs",
    ("GET", "/v1/jobs/{job_id}"): "getJob",
    ("GET", "/healthz"): "getLiveness",
    ("GET", "/readyz"): "getReadiness",
    ("GET", "/metrics"): "getMetrics",
}


def operation_id(route: APIRoute) -> str:
    """The operationId of a route: the table's name, else the handler's name in camelCase
    (internal routes, prefixed ``internal``)."""
    for method in sorted(route.methods or ()):
        if (method, route.path) in OPERATION_IDS:
            return OPERATION_IDS[method, route.path]
    first, *rest = route.name.split("_")
    name = first + "".join(word.capitalize() for word in rest)
    return "internal" + name[:1].upper() + name[1:] if route.path.startswith("/internal/") else name
