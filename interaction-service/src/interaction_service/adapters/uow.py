"""The unit of work of interaction-service: idic's outbox-writing UoW plus its repository."""

from __future__ import annotations

from sqlalchemy.orm import Session

from idic import UnitOfWork

from .repository import InteractionRepository


class InteractionUnitOfWork(UnitOfWork):
    interactions: InteractionRepository

    def _attach(self, session: Session) -> None:
        self.interactions = InteractionRepository(session)
