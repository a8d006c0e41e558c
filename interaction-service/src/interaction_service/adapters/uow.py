"""The unit of work of interaction-service: idic's outbox-writing UoW plus its repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from idic import Aliases, Erasures, UnitOfWork

from .orm import identities
from .repository import IdentityRepository, InteractionRepository, TriggerRepository


class InteractionUnitOfWork(UnitOfWork):
    interactions: InteractionRepository
    identities: IdentityRepository
    triggers: TriggerRepository
    aliases: Aliases
    erasures: Erasures

    def _attach(self, session: Session) -> None:
        self.interactions = InteractionRepository(session)
        self.identities = IdentityRepository(session)
        self.triggers = TriggerRepository(session)
        self.aliases = Aliases(session, identities.aliases)
        self.erasures = Erasures(session, identities.erasures)
