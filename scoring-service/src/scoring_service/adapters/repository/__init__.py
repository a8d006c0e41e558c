"""Queries of scoring-service, one module per aggregate: the only place that knows its tables
(merge aliases and erasure tombstones: idic.Aliases and idic.Erasures on the unit of work).

Writes flush at once, because the consumer applies several events per transaction and
each must see the ones before it."""

from .features import FeatureRepository
from .models import ModelRepository
from .population import PopulationRepository
from .purchase_days import PurchaseDayRepository
from .refusals import RefusalRepository
from .reports import ReportRepository
from .scores import ScoreRepository
from .segments import SegmentRepository

__all__ = ["FeatureRepository", "ModelRepository", "PopulationRepository", "PurchaseDayRepository",
           "RefusalRepository", "ReportRepository", "ScoreRepository", "SegmentRepository"]
