"""Queries of identity-service: the only place that knows its tables."""

from __future__ import annotations

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from .orm import Customer, Identifier


class CustomerRepository:
    """Customers and identifiers."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> Customer | None:
        """A customer by id (merged or erased ones included)."""
        return self.session.get(Customer, customer_id)

    def add(self, customer: Customer) -> None:
        self.session.add(customer)

    def find_by_identifiers(self, pairs: list[tuple[str, str]]) -> list[Identifier]:
        """Identifier rows matching any (type, normalised value) pair."""
        if not pairs:
            return []
        return list(self.session.scalars(
            select(Identifier).where(tuple_(Identifier.type, Identifier.value).in_(pairs))))

    def merged_into(self, survivor_id: str) -> list[str]:
        """Ids of customers merged into this one."""
        return list(self.session.scalars(select(Customer.id).where(Customer.merged_into == survivor_id)))
