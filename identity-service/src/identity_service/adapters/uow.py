"""The unit of work of identity-service: idic's outbox-writing UoW plus its repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from idic import UnitOfWork

from .repository import CustomerRepository, ModelRepository, ReviewRepository


class IdentityUnitOfWork(UnitOfWork):
    customers: CustomerRepository
    reviews: ReviewRepository
    models: ModelRepository

    def _attach(self, session: Session) -> None:
        self.customers = CustomerRepository(session)
        self.reviews = ReviewRepository(session)
        self.models = ModelRepository(session)
