"""Queries of identity-service, one module per aggregate: the only place that knows its tables
(the service layer runs no SQL)."""

from .customers import CustomerRepository
from .models import ModelRepository
from .reviews import ReviewRepository

__all__ = ["CustomerRepository", "ModelRepository", "ReviewRepository"]
