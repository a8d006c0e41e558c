"""The unit of work of identity-service: idic's outbox-writing UoW plus its repository."""

from __future__ import annotations

from sqlalchemy.orm import Session

from idic import UnitOfWork

from .repository import CustomerRepository


class IdentityUnitOfWork(UnitOfWork):
    customers: CustomerRepository

    def _attach(self, session: Session) -> None:
        self.customers = CustomerRepository(session)
