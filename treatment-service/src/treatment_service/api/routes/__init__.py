"""HTTP routes of treatment-service, one module per area: translate HTTP to service-layer calls and back."""

from .customers import internal, router
from .reports import reports_router
from .rules import rules_router
from .webhooks import webhooks_router

__all__ = ["internal", "reports_router", "router", "rules_router", "webhooks_router"]
