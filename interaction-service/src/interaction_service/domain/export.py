"""What GDPR art. 15 gives a person: everything this service holds about them."""

from __future__ import annotations

from dataclasses import dataclass

from .interactions import StoredInteraction
from .triggers import StoredTrigger


@dataclass(frozen=True)
class CustomerData:
    """Interactions recorded for the customer (or first recorded for an id merged into them), their
    triggers, the MM-DD birthday and the pseudonymous identifier keys identity announced."""

    customer_id: str
    interactions: list[StoredInteraction]
    triggers: list[StoredTrigger]
    birthday_month_day: str | None
    identifier_keys: list[str]

    @property
    def empty(self) -> bool:
        """Nothing is held about the customer."""
        return not (self.interactions or self.triggers or self.birthday_month_day or self.identifier_keys)
