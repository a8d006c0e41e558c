"""Queries of interaction-service, one module per aggregate: the only place that knows its tables
(merge aliases and erasure tombstones: idic.Aliases and idic.Erasures on the unit of work)."""

from .identities import IdentityRepository
from .interactions import InteractionRepository
from .triggers import TriggerRepository

__all__ = ["IdentityRepository", "InteractionRepository", "TriggerRepository"]
