"""Queries of treatment-service, one module per aggregate: the only place that knows its tables
(merge aliases and erasure tombstones: idic.Aliases and idic.Erasures on the unit of work)."""

from .contexts import ContextRepository
from .reports import ReportRepository
from .rules import RuleRepository
from .treatments import TreatmentRepository
from .webhooks import WebhookRepository

__all__ = ["ContextRepository", "ReportRepository", "RuleRepository", "TreatmentRepository", "WebhookRepository"]
