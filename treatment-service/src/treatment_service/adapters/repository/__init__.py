"""Queries of treatment-service, one module per aggregate: the only place that knows its tables
(merge aliases and erasure tombstones: idic.Aliases and idic.Erasures on the unit of work)."""

from .contexts import ContextRepository
from .rules import RuleRepository
from .treatments import TreatmentRepository
from .webhooks import WebhookRepository

__all__ = ["ContextRepository", "RuleRepository", "TreatmentRepository", "WebhookRepository"]
