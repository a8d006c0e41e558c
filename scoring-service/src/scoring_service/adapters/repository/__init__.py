"""Queries of scoring-service, one module per aggregate: the only place that knows its tables
(merge aliases and erasure tombstones: idic.Aliases and idic.Erasures on the unit of work).

Writes flush at once, because the consumer applies several events per transaction and
each must see the ones before it."""

from .features import FeatureRepository, ModelRepository, PurchaseDayRepository, ScoreRepository, SegmentRepository
from .population import PopulationRepository
from .refusals import RefusalRepository

__all__ = ["FeatureRepository", "ModelRepository", "PopulationRepository", "PurchaseDayRepository",
           "RefusalRepository", "ScoreRepository", "SegmentRepository"]
